package dev.weir.harness.probe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.PageClock;
import dev.weir.harness.trace.Trace;

/**
 * Records into a trace how far the page's times can be trusted, on the stream {@value #STREAM}:
 * the page clock's error bound whenever it tightens ({@code clock} events), and every time weir's
 * lag monitor in the page (bridge.js) saw its timer run late ({@code lag} events). Timing
 * judgments read both: a page time is off by at most the bound before it, and a page whose event
 * loop was held is allowed the time it was held.
 */
public final class PageTiming {

  /** The stream of what the harness records about the page itself rather than a stream. */
  public static final String STREAM = "page";

  static final String LAG = "weir-lag";

  private PageTiming() {}

  /** Records {@code page}'s clock bound (from now) and its lag reports into {@code trace}. */
  public static void attach(Page page, Trace trace) {
    int stream = trace.stream(STREAM);
    PageClock clock = page.clock();
    clock.onBound(bound -> trace.clock(stream, bound));
    page.bridge().onReport((kind, json, arrivalNanos) -> {
      if (kind.equals(LAG)) {
        JsonNode lag = Probe.parse(json);
        clock.place(lag.path("origin").asDouble(), lag.path("now").asDouble(), arrivalNanos,
            lag.path("at").asDouble(), fired -> trace.lag(stream,
                Math.round(lag.path("late").asDouble() * 1e6), Math.max(0, trace.timeOf(fired))));
      }
    });
  }
}
