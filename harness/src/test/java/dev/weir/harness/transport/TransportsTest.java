package dev.weir.harness.transport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each bridge-based transport carries a 100k-reading simulated stream in order, losing nothing. */
class TransportsTest {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int READINGS = 100_000;

  @org.junit.jupiter.api.io.TempDir static Path root;
  private static URI index;
  private static Payload[] stream;
  private Page page;

  @BeforeAll
  static void serve() throws Exception {
    Files.writeString(root.resolve("index.html"), "<!doctype html><title>transports</title>");
    BrowserRuntime runtime = BrowserRuntime.shared();
    Transports.install(runtime);
    index = runtime.serve("transports", root).resolve("index.html");
    stream = SimulatedStream.readings(READINGS);
  }

  @BeforeEach
  void open() {
    page = BrowserRuntime.shared().open(index);
  }

  @AfterEach
  void close() {
    page.close();
  }

  static Transport transport(String kind, Page page) {
    Function<Page, Transport> factory =
        switch (kind) {
          case "channel" -> Transports::channel;
          case "event" -> Transports::event;
          case "command" -> Transports::command;
          case "scheme" -> Transports::scheme;
          default -> throw new IllegalArgumentException(kind);
        };
    return factory.apply(page);
  }

  @ParameterizedTest
  @ValueSource(strings = {"channel", "event", "command", "scheme"})
  void carriesASimulatedStreamInOrderWithNoLoss(String kind) {
    Transport transport = transport(kind, page);
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
    page.evaluate(
        "(window.got = { count: 0, next: 0, wrong: 0 },"
            + " weir.subscribe('" + kind + "', 'accel', r => {"
            + "   got.count++; if (r.index !== got.next) got.wrong++; got.next = r.index + 1; }),"
            + " true)",
        WAIT);
    await().atMost(WAIT).until(() -> sent.isDone());
    sent.join();
    await()
        .atMost(WAIT)
        .until(() -> page.evaluate("got.count", WAIT).equals(Integer.toString(READINGS)));
    assertEquals("0", page.evaluate("got.wrong", WAIT), "readings out of order");
    assertTrue(page.failure().isEmpty(), () -> page.failure().get().getMessage());
  }
}
