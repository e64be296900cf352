package dev.weir.harness.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.TestPage;
import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a page reports through weir.probe lands in the trace as the contract says. */
class ProbeTest {

  @RegisterExtension static final TestPage fixture = TestPage.withTransports("probe");

  @Test
  void everyProbeCallIsRecordedWithItsFields() {
    Trace trace = Trace.start();
    Probe.attach(fixture.page(), trace);
    fixture.eval("(weir.probe.consumed('s', 0), weir.probe.consumed('s', 2), weir.probe.consumed('s', 1),"
        + " weir.probe.buffer('s', {consumed: 3, evictions: 1, items: [2, 1]}),"
        + " weir.probe.reconnect('s', 'retry', 1, 12.5), true)");
    fixture.eval("Promise.resolve(weir.probe.closed('s')).then(() => true)");
    TestPage.soon().until(() -> trace.snapshot().count(EventKind.CLOSE) == 1);

    List<TraceEvent> events = trace.snapshot().events(EventFilter.all());
    assertEquals(List.of(0L, 2L, 1L),
        events.stream().filter(e -> e.kind() == EventKind.CONSUME).map(TraceEvent::sequence).toList());
    TraceEvent buffer = events.stream().filter(e -> e.kind() == EventKind.BUFFER).findFirst().orElseThrow();
    assertEquals(3, buffer.pushed());
    assertEquals(1, buffer.evictions());
    assertEquals(2, buffer.held());
    assertEquals(List.of(2L, 1L),
        events.stream().filter(e -> e.kind() == EventKind.BUFFER_ITEM).map(TraceEvent::sequence).toList());
    TraceEvent retry = events.stream().filter(e -> e.kind() == EventKind.RECONNECT).findFirst().orElseThrow();
    assertEquals("retry", retry.decision());
    assertEquals(1, retry.attempt());
    assertEquals(12_500, retry.delayMicros());
    TraceEvent close = events.stream().filter(e -> e.kind() == EventKind.CLOSE).findFirst().orElseThrow();
    assertEquals("frontend", close.detail());
    assertTrue(events.indexOf(close) > events.indexOf(
        events.stream().filter(e -> e.kind() == EventKind.CONSUME).reduce((a, b) -> b).orElseThrow()),
        "the close was recorded before what was consumed before it");
  }

  @Test
  void aBadProbeCallThrowsNamingTheArgument() {
    assertEquals("\"weir.probe: seq must be an integer >= 0, got -1\"",
        fixture.eval("(() => { try { weir.probe.consumed('s', -1); } catch (e) { return e.message; } })()"));
    assertEquals("\"weir.probe: decision must be retry, open, reset or give-up, got later\"",
        fixture.eval("(() => { try { weir.probe.reconnect('s', 'later', 0, 0); } catch (e) { return e.message; } })()"));
  }
}
