package dev.weir.harness.transport.net;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The down state: open connections cut, new ones refused and counted, then accepted again. */
class OutageTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private LoopbackServer server;
  private final List<Refusal> refusals = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = LoopbackServer.start();
    server.webSocket("ws");
    server.eventStream("sse");
    server.addListener(
        new ServerListener() {
          @Override
          public void refused(Attempt attempt, Refusal refusal) {
            refusals.add(refusal);
          }
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void goingDownClosesWebSocketsWithTheChosenCodeAndEndsEventStreams() throws Exception {
    WsClient ws = WsClient.connect(HTTP, server.webSocketUri("ws"));
    SseClient sse = SseClient.open(HTTP, server.eventSourceUri("sse"), Map.of());
    sse.awaitHeaders();
    await().until(() -> server.counters().openConnections() == 2);

    server.down(Outage.DEFAULT.withClose(1012, "restarting"));

    assertEquals(new WsClient.Close(1012, "restarting"), ws.awaitClose());
    sse.ended.get(20, TimeUnit.SECONDS);
    await().until(() -> server.counters().openConnections() == 0);
    assertTrue(server.isDown());
  }

  @Test
  void whileDownNewConnectionsAreDroppedAndCountedUntilUp() throws IOException {
    server.down();

    CompletionException webSocket =
        assertThrows(
            CompletionException.class,
            () ->
                HTTP.newWebSocketBuilder()
                    .buildAsync(server.webSocketUri("ws"), new WsClient())
                    .join());
    assertTrue(webSocket.getCause() instanceof IOException, webSocket.toString());
    assertEquals("", rawGet(server.eventSourceUri("sse")), "no response, the connection closed");
    // The JDK client retries a GET whose connection dropped, so count what reached the server.
    long refused = server.counters().refusals();
    assertTrue(refused >= 2, "refusals: " + refused);
    assertEquals(server.counters().attempts(), refused);
    assertTrue(refusals.stream().allMatch(Refusal.DOWN::equals), refusals.toString());

    server.up();

    assertFalse(server.isDown());
    WsClient ws = WsClient.connect(HTTP, server.webSocketUri("ws"));
    SseClient sse = SseClient.open(HTTP, server.eventSourceUri("sse"), Map.of());
    assertEquals(200, sse.awaitHeaders().statusCode());
    await().until(() -> server.counters().openConnections() == 2);
    assertEquals(refused, server.counters().refusals());
    ws.socket().abort();
    sse.disconnect();
  }

  /** A GET over a plain socket: whatever the server sends before closing, as text. */
  private static String rawGet(URI uri) throws IOException {
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: x\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void anOutageCanAnswer503Instead() throws Exception {
    server.down(Outage.DEFAULT.withAnswer(Outage.Answer.SERVICE_UNAVAILABLE));
    HttpResponse<String> response = get(server.eventSourceUri("sse"));
    assertEquals(503, response.statusCode());
    assertEquals("weir: refused (503): the server is down\n", response.body());
    assertEquals(List.of(Refusal.DOWN), refusals);
  }

  @Test
  void theTokenIsCheckedBeforeTheOutage() throws Exception {
    server.down();
    URI noToken = URI.create(server.eventSourceUri("sse").toString().replaceFirst("\\?.*", ""));
    assertEquals(403, get(noToken).statusCode());
    assertEquals(List.of(Refusal.MISSING_TOKEN), refusals);
  }

  @Test
  void aTimedOutageEndsByItself() throws Exception {
    server.down(Duration.ofMillis(300));
    assertTrue(server.isDown());
    assertEquals("", rawGet(server.eventSourceUri("sse")));

    await().atMost(Duration.ofSeconds(10)).until(() -> !server.isDown());

    SseClient sse = SseClient.open(HTTP, server.eventSourceUri("sse"), Map.of());
    assertEquals(200, sse.awaitHeaders().statusCode());
    sse.disconnect();
  }

  @Test
  void aLaterOutageIsNotEndedByAnEarlierTimedOne() {
    server.down(Duration.ofMillis(100));
    server.down(Outage.DEFAULT.withClose(1013, "try again later"));
    await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5)).until(server::isDown);
    server.up();
    assertFalse(server.isDown());
  }

  @Test
  void outagesAreCheckedWhenMade() {
    IllegalArgumentException zero =
        assertThrows(IllegalArgumentException.class, () -> Outage.DEFAULT.lasting(Duration.ZERO));
    assertEquals("Outage length must be positive but was PT0S", zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Outage.DEFAULT.withClose(1005, "x"));
    assertFalse(server.isDown());
  }
}
