package dev.weir.harness.transport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.TestPage;
import dev.weir.harness.conformance.Readings;
import dev.weir.harness.transport.net.LoopbackServer;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.simulator.mcap.McapRecord;
import dev.weir.simulator.mcap.McapStreamReader;
import dev.weir.simulator.mcap.Message;
import dev.weir.simulator.mcap.ReadOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each transport carries a 100k-reading simulated stream in order, losing nothing, and its trace
 * says so: 100k sends and 100k deliveries, each sequence once and in order, between an open and an
 * end; written as MCAP, the trace reads back whole.
 */
class TransportsTest {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int READINGS = 100_000;

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("transports");
  private static Payload[] stream;

  private static LoopbackServer server;

  @BeforeAll
  static void simulate() throws Exception {
    stream = Readings.json(42, READINGS);
    server = LoopbackServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  static Transport transport(String kind, Page page, LoopbackServer server) {
    return Transports.on(page).of(kind, server);
  }

  @ParameterizedTest
  @ValueSource(strings = {"channel", "event", "command", "scheme", "websocket", "sse"})
  void carriesASimulatedStreamInOrderWithNoLoss(String kind, @TempDir Path dir) throws Exception {
    Transport transport = transport(kind, fixture.page(), server);
    CompletableFuture<Void> sent = new CompletableFuture<>();
    transport.offer(
        "accel",
        sender ->
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < READINGS; i++) {
                    sender.send(stream[i], i * 1_000_000L); // 1 kHz virtual time
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

    Trace trace = transport.trace();
    fixture.eval("__TAURI_INTERNALS__.weir.flushDeliveries().then(() => true)");
    TestPage.soon().until(() -> trace.snapshot().count(EventKind.DELIVERY) == READINGS);
    TraceSnapshot snapshot = trace.snapshot();
    assertEquals(READINGS, snapshot.count(EventKind.SEND));
    assertEquals(1, snapshot.count(EventKind.OPEN));
    assertEquals(1, snapshot.count(EventKind.END));
    long expected = 0;
    TraceCursor delivery = snapshot.cursor(EventFilter.of(EventKind.DELIVERY));
    while (delivery.next()) {
      assertEquals(expected++, delivery.sequence(), "deliveries out of sequence");
      assertEquals(stream[(int) delivery.sequence()].size(), delivery.sizeBytes());
    }
    TraceCursor send = snapshot.cursor(EventFilter.of(EventKind.SEND));
    for (long i = 0; send.next(); i++) {
      assertEquals(i * 1_000_000L, send.virtualNs());
    }

    Path file = dir.resolve(kind + ".mcap");
    trace.writeMcap(file);
    long messages = 0;
    try (McapStreamReader reader = McapStreamReader.open(file, ReadOptions.strict())) {
      for (McapRecord r = reader.next(); r != null; r = reader.next()) {
        messages += r instanceof Message ? 1 : 0;
      }
    }
    assertEquals(snapshot.size(), messages);
  }
}
