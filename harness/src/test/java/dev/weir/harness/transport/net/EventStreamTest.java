package dev.weir.harness.transport.net;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event framing as a spec-following parser reads it, Last-Event-ID resume, ends and failures. */
class EventStreamTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private LoopbackServer server;
  private EventStream stream;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server =
        LoopbackServer.start(LoopbackServer.Settings.DEFAULT.withHeartbeat(Duration.ofMillis(100)));
    stream = server.eventStream("events");
    stream.addListener(
        new EventStream.Listener() {
          @Override
          public void opened(EventStreamConnection connection) {
            seen.add("open #" + connection.id() + " last=" + connection.lastEventId().orElse("-"));
          }

          @Override
          public void closed(EventStreamConnection connection, Optional<Throwable> failure) {
            seen.add("close #" + connection.id() + (failure.isPresent() ? " failed" : " ended"));
          }
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private SseClient open(Map<String, String> headers) {
    int before = stream.connections().size();
    SseClient client = SseClient.open(HTTP, server.eventSourceUri("events"), headers);
    client.awaitHeaders();
    await().until(() -> stream.connections().size() == before + 1);
    return client;
  }

  @Test
  void eventsAreEncodedFieldByFieldWithOneDataLinePerLine() {
    ServerSentEvent event =
        ServerSentEvent.data("a\nb\r\nc\rd")
            .withId("41")
            .withType("reading")
            .withRetry(Duration.ofMillis(250));
    assertEquals(
        "id: 41\nevent: reading\nretry: 250\ndata: a\ndata: b\ndata: c\ndata: d\n\n",
        new String(event.encode(), StandardCharsets.UTF_8));
    assertEquals(
        "data: \n\n", new String(ServerSentEvent.data("").encode(), StandardCharsets.UTF_8));
    assertEquals(
        "id: 7\n\n",
        new String(new ServerSentEvent("7", null, null, null).encode(), StandardCharsets.UTF_8));
  }

  @Test
  void aParserReadsBackIdsTypesRetryAndMultiLineDataExactly() {
    SseClient client = open(Map.of());
    List<String> payloads =
        List.of(
            "one line",
            "two\nlines",
            "crlf\r\nand\rcr",
            "trailing newline\n",
            "",
            "\n",
            " leading space",
            "data: looks like a field",
            ": looks like a comment",
            "unicode é 😀");
    List<SseParser.Event> expected = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i++) {
      String type = i % 3 == 0 ? null : "kind" + i;
      stream.send(
          new ServerSentEvent("id-" + i, type, Duration.ofMillis(1000 + i), payloads.get(i)));
      String delivered = payloads.get(i).replace("\r\n", "\n").replace('\r', '\n');
      expected.add(new SseParser.Event(type == null ? "message" : type, delivered, "id-" + i));
    }
    await().until(() -> client.events().size() == payloads.size());
    assertEquals(expected, client.events());
    assertEquals(1009, client.parser.retry());
    assertEquals(
        "text/event-stream;charset=utf-8",
        client.awaitHeaders().headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "no-store", client.awaitHeaders().headers().firstValue("Cache-Control").orElseThrow());
    client.disconnect();
  }

  @Test
  void anEventWithOnlyAnIdMovesTheLastEventIdWithoutDispatching() {
    SseClient client = open(Map.of());
    stream.send(ServerSentEvent.data("x").withId("1"));
    stream.send(new ServerSentEvent("2", null, null, null));
    stream.send(ServerSentEvent.data("y"));
    await().until(() -> client.events().size() == 2);
    assertEquals(
        List.of(new SseParser.Event("message", "x", "1"), new SseParser.Event("message", "y", "2")),
        client.events());
    client.disconnect();
  }

  @Test
  void badFieldsAreRejectedWithWhatIsWrong() {
    IllegalArgumentException id =
        assertThrows(
            IllegalArgumentException.class, () -> ServerSentEvent.data("x").withId("a\nb"));
    assertEquals(
        "Event id must not contain CR, LF or NUL but has U+000A at index 1", id.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ServerSentEvent.data("x").withId("a\0"));
    IllegalArgumentException type =
        assertThrows(
            IllegalArgumentException.class, () -> ServerSentEvent.data("x").withType("t\r"));
    assertEquals(
        "Event type must not contain CR or LF but has U+000D at index 1", type.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerSentEvent.data("x").withRetry(Duration.ofMillis(-1)));
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class, () -> new ServerSentEvent(null, null, null, null));
    assertEquals(
        "A server-sent event needs at least one of id, type, retry, data", empty.getMessage());
  }

  @Test
  void theClientsLastEventIdReachesJavaOnReconnectSoTheStreamCanResume() {
    List<ServerSentEvent> log = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      log.add(ServerSentEvent.data("reading " + i).withId(Integer.toString(i)));
    }
    // Each connection gets the log after the id it last saw: what an SSE transport will do.
    stream.addListener(
        new EventStream.Listener() {
          @Override
          public void opened(EventStreamConnection connection) {
            int after = connection.lastEventId().map(Integer::parseInt).orElse(0);
            log.subList(after, Math.min(after + 3, log.size())).forEach(connection::send);
          }
        });
    SseClient first = open(Map.of());
    await().until(() -> first.events().size() == 3);
    first.disconnect();
    SseClient second = open(Map.of("Last-Event-ID", first.parser.lastEventId()));
    await().until(() -> second.events().size() == 3);

    assertEquals("3", first.parser.lastEventId());
    assertEquals(
        List.of("reading 4", "reading 5", "reading 6"),
        second.events().stream().map(SseParser.Event::data).toList());
    assertTrue(seen.contains("open #1 last=-"), seen.toString());
    assertTrue(seen.contains("open #2 last=3"), seen.toString());
    second.disconnect();
  }

  @Test
  void endingTheStreamEndsTheResponseAfterWhatWasSent() throws Exception {
    SseClient client = open(Map.of());
    for (int i = 0; i < 1000; i++) {
      stream.send(ServerSentEvent.data(Integer.toString(i)));
    }
    stream.end();
    client.ended.get(20, TimeUnit.SECONDS);
    assertEquals(1000, client.events().size());
    assertEquals("999", client.events().get(999).data());
    await().until(() -> server.counters().openConnections() == 0);
    assertEquals(List.of("open #1 last=-", "close #1 ended"), seen);
    await().until(() -> server.counters().openSockets() == 0);
  }

  @Test
  void aClientThatGoesAwayIsNoticedByTheHeartbeat() {
    SseClient client = open(Map.of());
    await().until(() -> client.parser.comments() > 0);
    client.disconnect();
    await().until(() -> seen.contains("close #1 failed"));
    assertEquals(0, server.counters().openConnections());
  }

  @Test
  void sendingAfterTheEndFailsTheFuture() {
    SseClient client = open(Map.of());
    EventStreamConnection connection = stream.connections().get(0);
    connection.end();
    ExecutionException failed =
        assertThrows(
            ExecutionException.class,
            () -> connection.send(ServerSentEvent.data("late")).get(20, TimeUnit.SECONDS));
    assertEquals("The event stream has ended", failed.getCause().getMessage());
    client.disconnect();
  }

  @Test
  void theOriginIsEchoedSoACrossOriginEventSourceMayReadTheStream() {
    SseClient cross = open(Map.of("Origin", "weir://app"));
    SseClient same = open(Map.of());
    assertEquals(
        Optional.of("weir://app"),
        cross.awaitHeaders().headers().firstValue("Access-Control-Allow-Origin"));
    assertEquals(Optional.of("Origin"), cross.awaitHeaders().headers().firstValue("Vary"));
    assertEquals(
        Optional.empty(), same.awaitHeaders().headers().firstValue("Access-Control-Allow-Origin"));
    cross.disconnect();
    same.disconnect();
  }
}
