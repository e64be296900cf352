package dev.weir.harness.transport.net;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Connections, sockets and threads do not outlive their use, nor the server. */
class CleanupTest {

  private static final int CYCLES = 100;
  private static final AtomicInteger CLIENT_THREADS = new AtomicInteger();

  /** The client's own threads are few and fixed, so the JVM's thread count shows the server's. */
  private static final ExecutorService CLIENT_POOL =
      Executors.newFixedThreadPool(
          2, task -> new Thread(task, "test-client-" + CLIENT_THREADS.incrementAndGet()));

  private static final HttpClient HTTP = HttpClient.newBuilder().executor(CLIENT_POOL).build();

  @AfterAll
  static void stopClient() {
    CLIENT_POOL.shutdownNow();
  }

  @Test
  void connectDisconnectCyclesLeaveNoConnectionsSocketsOrThreads() {
    try (LoopbackServer server =
        LoopbackServer.start(
            LoopbackServer.Settings.DEFAULT.withHeartbeat(Duration.ofMillis(50)))) {
      WebSocketStream ws = server.webSocket("ws");
      EventStream sse = server.eventStream("sse");
      for (int i = 0; i < 5; i++) {
        cycle(server, ws, sse, i);
      }
      int threads = liveThreads();
      for (int i = 0; i < CYCLES; i++) {
        cycle(server, ws, sse, i);
      }
      await().pollInSameThread().until(() -> server.counters().openSockets() == 0);
      assertEquals(new ServerCounters(2 * (CYCLES + 5), 0, 0, 0), server.counters());
      // Pool threads beyond the minimum that a burst started leave after 5 s idle.
      await()
          .pollInSameThread()
          .atMost(Duration.ofSeconds(60))
          .until(() -> liveThreads() <= threads);
    }
  }

  /** One WebSocket and one event stream; even cycles the client leaves, odd ones the server. */
  private static void cycle(LoopbackServer server, WebSocketStream ws, EventStream sse, int i) {
    WsClient webSocket = WsClient.connect(HTTP, server.webSocketUri("ws"));
    SseClient events = SseClient.open(HTTP, server.eventSourceUri("sse"), Map.of());
    events.awaitHeaders();
    await().pollInSameThread().until(() -> server.counters().openConnections() == 2);
    if (i % 2 == 0) {
      webSocket.socket().sendClose(1000, "bye");
      events.disconnect();
    } else {
      ws.close(1000, "bye");
      sse.end();
    }
    await().pollInSameThread().until(() -> server.counters().openConnections() == 0);
  }

  private static int liveThreads() {
    return Thread.activeCount();
  }

  @Test
  void closeStopsEveryThreadOfTheServerAndReleasesThePort() {
    LoopbackServer server = LoopbackServer.start();
    server.webSocket("ws");
    WsClient client = WsClient.connect(HTTP, server.webSocketUri("ws"));
    String prefix = server.threadPrefix();
    int port = server.baseUri().getPort();
    assertTrue(serverThreads(prefix) > 0);

    server.close();

    assertEquals(new WsClient.Close(1001, "server closing"), client.awaitClose());
    await().pollInSameThread().until(() -> serverThreads(prefix) == 0);
    assertThrows(
        ConnectException.class,
        () -> {
          try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
          }
        });
  }

  private static long serverThreads(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix + "-"))
        .count();
  }
}
