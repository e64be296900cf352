package dev.weir.harness.transport.net;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.Page;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Chromium's own WebSocket and EventSource, on a page at {@code weir://net-client}, against
 * the server: catches what a JDK client cannot, such as mixed content, CORS and how the browser
 * reconnects.
 */
class BrowserClientTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir static Path root;
  private static URI index;
  private LoopbackServer server;
  private Page page;
  private final List<String> lastEventIds = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void servePage() throws IOException {
    try (InputStream page = BrowserClientTest.class.getResourceAsStream("client.html")) {
      Files.copy(page, root.resolve("index.html"));
    }
    index = BrowserRuntime.shared().serve("net-client", root).resolve("index.html");
  }

  @BeforeEach
  void open() {
    server = LoopbackServer.start();
    page = BrowserRuntime.shared().open(index);
  }

  @AfterEach
  void close() {
    page.close();
    server.close();
  }

  private String eval(String expression) {
    return page.evaluate(expression, WAIT);
  }

  @Test
  void theBrowsersWebSocketGetsTextAndArrayBufferFramesAndTheServersClose() {
    WebSocketStream stream = server.webSocket("frames");
    stream.addListener(
        new WebSocketStream.Listener() {
          @Override
          public void opened(WebSocketConnection connection) {
            connection.sendText("hello é");
            connection.sendBinary(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 255}));
          }

          @Override
          public void text(WebSocketConnection connection, String text) {
            if (text.equals("ack")) {
              connection.close(4000, "done");
            }
          }
        });
    assertEquals(
        "{\"got\":[{\"text\":\"hello é\"},{\"arrayBuffer\":true,\"bytes\":[0,1,2,255]}],"
            + "\"code\":4000,\"reason\":\"done\",\"clean\":true}",
        eval("webSocketRound('" + server.webSocketUri("frames") + "')"));
    await().until(() -> server.counters().openConnections() == 0);
  }

  @Test
  void theBrowsersEventSourceReadsEventsAcrossOriginsAndResumesAfterTheLastId() {
    EventStream stream = server.eventStream("events");
    stream.addListener(
        new EventStream.Listener() {
          @Override
          public void opened(EventStreamConnection connection) {
            lastEventIds.add(connection.lastEventId().orElse("-"));
            if (connection.lastEventId().isEmpty()) {
              connection.send(new ServerSentEvent("1", "reading", Duration.ofMillis(50), "a\nb"));
              connection.send(ServerSentEvent.data("c").withId("2"));
              connection.end(); // the browser reconnects after 50 ms, with Last-Event-ID: 2
            } else {
              connection.send(ServerSentEvent.data("d").withId("3").withType("reading"));
            }
          }
        });
    assertEquals(
        "{\"opens\":2,\"got\":[{\"type\":\"reading\",\"id\":\"1\",\"data\":\"a\\nb\"},"
            + "{\"type\":\"message\",\"id\":\"2\",\"data\":\"c\"},"
            + "{\"type\":\"reading\",\"id\":\"3\",\"data\":\"d\"}]}",
        eval("eventSourceRound('" + server.eventSourceUri("events") + "', 3)"));
    assertEquals(List.of("-", "2"), lastEventIds);
  }

  @Test
  void anEventSourceRetriesThroughADroppingOutageButGivesUpOnA503() {
    EventStream stream = server.eventStream("events");
    stream.addListener(
        new EventStream.Listener() {
          @Override
          public void opened(EventStreamConnection connection) {
            String last = connection.lastEventId().orElse("0");
            lastEventIds.add(last);
            int next = Integer.parseInt(last) + 1;
            connection.send(
                new ServerSentEvent(Integer.toString(next), null, Duration.ofMillis(50), "x"));
          }
        });
    eval("watch('" + server.eventSourceUri("events") + "')");
    eval("waitFor('message 1')");

    server.down(Duration.ofMillis(500));
    eval("waitFor('message 2')");

    long droppedWhileDown = server.counters().refusals();
    assertTrue(droppedWhileDown > 0, "the browser retried while the server was down");
    assertEquals(List.of("0", "1"), lastEventIds);

    server.down(Outage.DEFAULT.withAnswer(Outage.Answer.SERVICE_UNAVAILABLE));
    eval("waitFor('error 2')"); // readyState CLOSED: no more retries
    server.up();
    long attempts = server.counters().attempts();
    await().during(Duration.ofMillis(500)).until(() -> server.counters().attempts() == attempts);
    assertEquals("2", eval("es.readyState"));
  }
}
