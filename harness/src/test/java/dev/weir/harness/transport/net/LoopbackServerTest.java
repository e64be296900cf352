package dev.weir.harness.transport.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who gets in: the token, loopback only, registered streams only; all counted at the server. */
class LoopbackServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private LoopbackServer server;
  private final List<String> heard = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = LoopbackServer.start();
    server.webSocket("ws1");
    server.eventStream("sse1");
    server.addListener(
        new ServerListener() {
          @Override
          public void attempted(Attempt attempt) {
            heard.add("attempt " + attempt.endpoint() + " " + attempt.stream());
          }

          @Override
          public void refused(Attempt attempt, Refusal refusal) {
            heard.add("refused " + attempt.stream() + " " + refusal);
          }
        });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI withoutToken(URI uri) {
    return URI.create(uri.toString().replaceFirst("\\?token=.*", ""));
  }

  private URI withToken(URI uri, String token) {
    return URI.create(uri.toString().replaceFirst("token=.*", "token=" + token));
  }

  @Test
  void anAttemptCarriesWhenThePageBeganItAndHeardOfTheLossOnlyWhenTheRequestSaysSoInFiniteNumbers()
      throws Exception {
    List<Attempt.Began> began = new CopyOnWriteArrayList<>();
    server.addListener(new ServerListener() {
      @Override
      public void attempted(Attempt attempt) {
        began.add(attempt.began());
      }
    });
    // Refused for the token, so each request ends at once: attempts are heard before that.
    String refused = withToken(server.eventSourceUri("sse1"), "x").toString();
    for (String query : List.of("&began=12.5&origin=1700000000000.25", "", "&began=12.5",
        "&began=x&origin=1", "&began=-1&origin=1", "&began=NaN&origin=1",
        "&began=12.5&origin=1&heard=10.25", "&began=12.5&origin=1&heard=13",
        "&began=12.5&origin=1&heard=x", "&began=12.5&origin=1&heard=-1")) {
      get(URI.create(refused + query));
    }
    assertEquals(new Attempt.Began(1700000000000.25, 12.5), began.get(0));
    assertEquals(Arrays.asList(null, null, null, null, null), began.subList(1, 6));
    // When the page heard of the loss before it: only a time not after the attempt began.
    assertEquals(new Attempt.Began(1, 12.5, OptionalDouble.of(10.25)), began.get(6));
    assertEquals(List.of(new Attempt.Began(1, 12.5), new Attempt.Began(1, 12.5),
        new Attempt.Began(1, 12.5)), began.subList(7, 10));
  }

  @Test
  void eventStreamRequestsWithoutTheTokenOrWithAWrongOneAre403AndCounted() throws Exception {
    URI good = server.eventSourceUri("sse1");
    HttpResponse<String> missing = get(withoutToken(good));
    HttpResponse<String> wrong =
        get(withToken(good, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    HttpResponse<String> empty = get(withToken(good, ""));

    assertEquals(403, missing.statusCode());
    assertEquals(
        "weir: refused (403): no token: every request needs ?token= with the server's token\n",
        missing.body());
    assertEquals(403, wrong.statusCode());
    assertEquals(
        "weir: refused (403): wrong token: ?token= is not this server's token\n", wrong.body());
    assertEquals(403, empty.statusCode());
    assertEquals(new ServerCounters(3, 3, 0, server.counters().openSockets()), server.counters());
    assertEquals(
        List.of(
            "attempt EVENT_STREAM sse1",
            "refused sse1 MISSING_TOKEN",
            "attempt EVENT_STREAM sse1",
            "refused sse1 WRONG_TOKEN",
            "attempt EVENT_STREAM sse1",
            "refused sse1 WRONG_TOKEN"),
        heard);
  }

  @Test
  void webSocketUpgradesWithoutTheTokenOrWithAWrongOneAre403AndCounted() {
    URI good = server.webSocketUri("ws1");
    for (URI bad :
        List.of(withoutToken(good), withToken(good, good.getQuery().substring(6) + "x"))) {
      CompletionException refused =
          assertThrows(
              CompletionException.class,
              () -> HTTP.newWebSocketBuilder().buildAsync(bad, new WsClient()).join());
      assertEquals(
          403,
          assertInstanceOf(WebSocketHandshakeException.class, refused.getCause())
              .getResponse()
              .statusCode());
    }
    assertEquals(2, server.counters().attempts());
    assertEquals(2, server.counters().refusals());
    assertEquals(0, server.counters().openConnections());
    assertEquals(
        List.of("refused ws1 MISSING_TOKEN", "refused ws1 WRONG_TOKEN"),
        heard.stream().filter(line -> line.startsWith("refused")).toList());
  }

  @Test
  void theRightTokenOpensBothKindsOfStream() {
    WsClient ws = WsClient.connect(HTTP, server.webSocketUri("ws1"));
    SseClient sse = SseClient.open(HTTP, server.eventSourceUri("sse1"), Map.of());
    assertEquals(200, sse.awaitHeaders().statusCode());
    org.awaitility.Awaitility.await().until(() -> server.counters().openConnections() == 2);
    assertEquals(2, server.counters().attempts());
    assertEquals(0, server.counters().refusals());
    ws.socket().abort();
    sse.disconnect();
  }

  @Test
  void tokensAreLongRandomAndUrlSafe() {
    String token = server.eventSourceUri("sse1").getQuery().substring("token=".length());
    try (LoopbackServer other = LoopbackServer.start()) {
      other.eventStream("sse1");
      String otherToken = other.eventSourceUri("sse1").getQuery().substring("token=".length());
      assertNotEquals(token, otherToken);
    }
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token); // 256 bits, base64url
  }

  @Test
  void pathsThatNameNoRegisteredStreamAre404AndCounted() throws Exception {
    URI good = server.eventSourceUri("sse1");
    String query = "?" + good.getQuery();
    for (String path :
        List.of("/sse/other", "/ws/sse1", "/", "/sse/", "/sse/a.b/c", "/elsewhere")) {
      HttpResponse<String> response = get(server.baseUri().resolve(path + query));
      assertEquals(404, response.statusCode(), path);
    }
    assertEquals(6, server.counters().refusals());
    assertTrue(heard.contains("refused other UNKNOWN_STREAM"), heard.toString());
  }

  @Test
  void aPlainGetOnAWebSocketPathIsRefusedAsNotAnUpgrade() throws Exception {
    URI ws = server.webSocketUri("ws1");
    HttpResponse<String> response = get(URI.create(ws.toString().replaceFirst("^ws:", "http:")));
    assertEquals(400, response.statusCode());
    assertEquals("weir: refused (400): not a WebSocket upgrade request\n", response.body());
    assertEquals(1, server.counters().refusals());
  }

  @Test
  void eventStreamsAnswerGetOnly() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(server.eventSourceUri("sse1"))
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, response.statusCode());
  }

  @Test
  void urisNameTheLoopbackAddressThePortAndTheStream() {
    URI base = server.baseUri();
    assertEquals("http", base.getScheme());
    assertEquals("127.0.0.1", base.getHost());
    assertEquals(server.boundAddress().getPort(), base.getPort());
    assertEquals("/ws/ws1", server.webSocketUri("ws1").getPath());
    assertEquals("ws", server.webSocketUri("ws1").getScheme());
    assertEquals("/sse/sse1", server.eventSourceUri("sse1").getPath());
    assertEquals("http", server.eventSourceUri("sse1").getScheme());
  }

  @Test
  void bindsToLoopbackOnly() throws Exception {
    int port = server.baseUri().getPort();
    assertEquals(
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), server.boundAddress());
    // The kernel's view: one listening socket on the port, 127.0.0.1's (as IPv4, or IPv4-mapped
    // when the JVM uses dual-stack sockets), none on a wildcard address.
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    List<String> listening = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      if (Files.exists(Path.of(table))) {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] fields = line.trim().split("\\s+");
          if (fields[1].endsWith(hexPort) && fields[3].equals("0A")) {
            listening.add(fields[1]);
          }
        }
      }
    }
    assertEquals(1, listening.size(), listening.toString());
    assertTrue(
        List.of("0100007F" + hexPort, "0000000000000000FFFF00000100007F" + hexPort)
            .contains(listening.get(0)),
        listening.toString());
    // Other addresses of this machine do not answer. 127.0.0.2 and ::1 reach this host without
    // leaving it (a server bound to the wildcard address would accept both); the machine's
    // non-loopback addresses are not tried, as this workplace forbids traffic to them.
    assertRefused(new InetSocketAddress("127.0.0.2", port));
    if (Files.exists(Path.of("/proc/net/if_inet6"))) {
      assertRefused(new InetSocketAddress(InetAddress.getByName("::1"), port));
    }
    assertEquals(0, server.counters().attempts());
  }

  private static void assertRefused(InetSocketAddress address) {
    try (Socket socket = new Socket()) {
      assertThrows(
          ConnectException.class, () -> socket.connect(address, 5_000), address.toString());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void streamNamesAreCheckedAndUrisNeedARegisteredStream() {
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> server.webSocket("a/b"));
    assertEquals(
        "Stream name must be 1 to 64 of A-Z a-z 0-9 . _ - but was 'a/b'", bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> server.eventStream(""));
    assertThrows(IllegalArgumentException.class, () -> server.eventStream("x".repeat(65)));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> server.webSocketUri("nope"));
    assertEquals(
        "No WebSocket stream 'nope': create it with webSocket(\"nope\") first",
        unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> server.eventSourceUri("ws1"));
    assertFalse(server.isDown());
  }
}
