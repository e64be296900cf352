package dev.weir.harness.transport.net;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Frames both ways, in order, from any thread; closes with codes and reasons both ways. */
class WebSocketStreamTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int MESSAGES = 10_000;

  private LoopbackServer server;
  private WebSocketStream stream;
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<Object> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = LoopbackServer.start();
    stream = server.webSocket("frames");
    stream.addListener(
        new WebSocketStream.Listener() {
          @Override
          public void opened(WebSocketConnection connection) {
            events.add("open #" + connection.id());
          }

          @Override
          public void text(WebSocketConnection connection, String text) {
            received.add(text);
          }

          @Override
          public void binary(WebSocketConnection connection, ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            received.add(copy);
          }

          @Override
          public void closed(WebSocketConnection connection, int code, String reason) {
            events.add("close #" + connection.id() + " " + code + " " + reason);
          }
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private WsClient connect() {
    int before = stream.connections().size();
    WsClient client = WsClient.connect(HTTP, server.webSocketUri("frames"));
    await().until(() -> stream.connections().size() == before + 1);
    return client;
  }

  @Test
  void textAndBinaryFramesReachTheClientInOrder() throws Exception {
    WsClient client = connect();
    CompletableFuture<Void> last = null;
    for (int i = 0; i < MESSAGES; i++) {
      last = i % 2 == 0 ? stream.sendText("t" + i) : stream.sendBinary(ByteBuffer.wrap(bytesOf(i)));
    }
    last.get(20, TimeUnit.SECONDS);
    for (int i = 0; i < MESSAGES; i++) {
      if (i % 2 == 0) {
        assertEquals("t" + i, client.next(), "message " + i);
      } else {
        assertArrayEquals(bytesOf(i), (byte[]) client.next(), "message " + i);
      }
    }
  }

  @Test
  void sendsFromManyThreadsKeepEachThreadsOrder() throws Exception {
    WsClient client = connect();
    int threads = 4;
    int each = MESSAGES / threads;
    List<Thread> senders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      senders.add(
          new Thread(
              () -> {
                for (int i = 0; i < each; i++) {
                  stream.sendText(thread + ":" + i);
                }
              }));
    }
    senders.forEach(Thread::start);
    for (Thread sender : senders) {
      sender.join();
    }
    int[] next = new int[threads];
    for (int n = 0; n < threads * each; n++) {
      String[] message = client.nextText().split(":");
      int thread = Integer.parseInt(message[0]);
      assertEquals(next[thread]++, Integer.parseInt(message[1]), "thread " + thread);
    }
  }

  @Test
  void framesFromTheClientReachTheListenerInOrder() {
    WsClient client = connect();
    for (int i = 0; i < MESSAGES; i++) {
      if (i % 2 == 0) {
        client.socket().sendText("c" + i, true).join();
      } else {
        client.socket().sendBinary(ByteBuffer.wrap(bytesOf(i)), true).join();
      }
    }
    await().until(() -> received.size() == MESSAGES);
    for (int i = 0; i < MESSAGES; i++) {
      if (i % 2 == 0) {
        assertEquals("c" + i, received.get(i), "message " + i);
      } else {
        assertArrayEquals(bytesOf(i), (byte[]) received.get(i), "message " + i);
      }
    }
  }

  @Test
  void everyOpenSessionGetsBroadcastsAndEachCanBeAddressedAlone() throws Exception {
    WsClient first = connect();
    WsClient second = connect();
    stream.sendText("both").get(20, TimeUnit.SECONDS);
    stream.connections().get(1).sendText("second only").get(20, TimeUnit.SECONDS);
    assertEquals("both", first.nextText());
    assertEquals("both", second.nextText());
    assertEquals("second only", second.nextText());
    assertTrue(first.messages.isEmpty());
  }

  @Test
  void theServersCloseCodeAndReasonReachTheClient() {
    WsClient client = connect();
    WebSocketConnection connection = stream.connections().get(0);
    connection.close(4001, "stream finished: é");
    assertEquals(new WsClient.Close(4001, "stream finished: é"), client.awaitClose());
    await().until(() -> stream.connections().isEmpty());
    assertEquals(
        List.of(
            "open #" + connection.id(), "close #" + connection.id() + " 4001 stream finished: é"),
        events);
    assertEquals(0, server.counters().openConnections());
  }

  @Test
  void theClientsCloseCodeAndReasonReachTheListener() {
    WsClient client = connect();
    long id = stream.connections().get(0).id();
    client.socket().sendClose(4100, "page leaving").join();
    await().until(() -> events.contains("close #" + id + " 4100 page leaving"));
    assertEquals(0, server.counters().openConnections());
  }

  @Test
  void aSessionThatVanishesWithoutACloseFrameIsReportedAs1006() {
    WsClient client = connect();
    long id = stream.connections().get(0).id();
    client.socket().abort();
    await().until(() -> events.stream().anyMatch(e -> e.startsWith("close #" + id + " 1006")));
  }

  @Test
  void sendingToAClosedSessionFailsTheFuture() {
    WsClient client = connect();
    WebSocketConnection connection = stream.connections().get(0);
    connection.close(1000, "");
    client.awaitClose();
    await().until(() -> !connection.isOpen());
    ExecutionException failed =
        assertThrows(
            ExecutionException.class, () -> connection.sendText("late").get(20, TimeUnit.SECONDS));
    assertTrue(failed.getCause() instanceof java.io.IOException, failed.toString());
  }

  @Test
  void closeCodesThatCannotBeSentAreRejectedWithTheReason() {
    connect();
    WebSocketConnection connection = stream.connections().get(0);
    IllegalArgumentException reserved =
        assertThrows(IllegalArgumentException.class, () -> connection.close(1006, "x"));
    assertEquals(
        "WebSocket close code 1006 cannot be sent: expected 1000-1003, 1007-1014 or 3000-4999"
            + " (1004-1006 and 1015 are reserved and never sent in a close frame)",
        reserved.getMessage());
    assertThrows(IllegalArgumentException.class, () -> stream.close(999, "x"));
    assertThrows(IllegalArgumentException.class, () -> stream.close(5000, "x"));
    IllegalArgumentException tooLong =
        assertThrows(IllegalArgumentException.class, () -> stream.close(1000, "é".repeat(62)));
    assertEquals(
        "WebSocket close reason must be at most 123 bytes of UTF-8 but was 124 bytes",
        tooLong.getMessage());
    assertTrue(connection.isOpen());
  }

  private static byte[] bytesOf(int i) {
    return ByteBuffer.allocate(5).putInt(i).put((byte) 0xFF).array();
  }
}
