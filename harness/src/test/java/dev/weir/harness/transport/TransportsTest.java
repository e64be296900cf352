package dev.weir.harness.transport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.TestPage;
import dev.weir.harness.transport.net.LoopbackServer;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each transport carries a 100k-reading simulated stream in order, losing nothing. */
class TransportsTest {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int READINGS = 100_000;

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("transports");
  private static Payload[] stream;

  private static LoopbackServer server;

  @BeforeAll
  static void simulate() throws Exception {
    stream = SimulatedStream.readings(READINGS);
    server = LoopbackServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  static Transport transport(String kind, Page page) {
    Function<Page, Transport> factory =
        switch (kind) {
          case "channel" -> Transports::channel;
          case "event" -> Transports::event;
          case "command" -> Transports::command;
          case "scheme" -> Transports::scheme;
          case "websocket" -> p -> Transports.websocket(p, server);
          case "sse" -> p -> Transports.sse(p, server);
          default -> throw new IllegalArgumentException(kind);
        };
    return factory.apply(page);
  }

  @ParameterizedTest
  @ValueSource(strings = {"channel", "event", "command", "scheme", "websocket", "sse"})
  void carriesASimulatedStreamInOrderWithNoLoss(String kind) {
    Transport transport = transport(kind, fixture.page());
    CompletableFuture<Void> sent = new CompletableFuture<>();
    transport.offer(
        "accel",
        sender ->
            CompletableFuture.runAsync(
                () -> {
                  for (Payload reading : stream) {
                    sender.send(reading);
                  }
                  sender.close();
                })
                .whenComplete((v, e) -> {
                  if (e != null) {
                    sent.completeExceptionally(e);
                  } else {
                    sent.complete(null);
                  }
                }));
    fixture.page().evaluate(
        "(window.got = { count: 0, next: 0, wrong: 0 },"
            + " weir.subscribe('" + kind + "', 'accel', r => {"
            + "   got.count++; if (r.index !== got.next) got.wrong++; got.next = r.index + 1; }),"
            + " true)",
        WAIT);
    TestPage.soon().until(() -> sent.isDone());
    sent.join();
    await()
        .atMost(WAIT)
        .until(() -> fixture.page().evaluate("got.count", WAIT).equals(Integer.toString(READINGS)));
    assertEquals("0", fixture.page().evaluate("got.wrong", WAIT), "readings out of order");
    assertTrue(fixture.page().failure().isEmpty(), () -> fixture.page().failure().get().getMessage());
  }
}
