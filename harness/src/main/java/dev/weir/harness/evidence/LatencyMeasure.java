package dev.weir.harness.evidence;

import dev.weir.harness.check.Checker;
import dev.weir.harness.check.PageTimes;
import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.trace.TraceSnapshot;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Delivery latency, measured and never judged: from each message's send to the page's receipt,
 * its median, 90th and 99th percentile and maximum, in microseconds, as an INFORMATIONAL verdict.
 * What a transport costs is the user's to weigh; the report plots the histogram beside it.
 */
public final class LatencyMeasure implements Checker {

  @Override
  public String name() {
    return "latency";
  }

  @Override
  public Verdict check(TraceSnapshot trace) {
    Histogram latency = Evidence.of(trace).latency();
    long boundNs = PageTimes.of(trace).worstBound();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("messages", latency.count());
    counts.put("p50_us", latency.p50Ns() / 1_000);
    counts.put("p90_us", latency.p90Ns() / 1_000);
    counts.put("p99_us", latency.p99Ns() / 1_000);
    counts.put("max_us", latency.maxNs() / 1_000);
    counts.put("clock_bound_us", boundNs / 1_000);
    String summary = String.format(Locale.ROOT,
        "INFORMATIONAL: send to delivery of %d messages: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
            + " max %.2f ms (quantiles are upper bounds within 1/16; each delivery is timed by the"
            + " page's clock, within %.2f ms).",
        latency.count(), latency.p50Ns() / 1e6, latency.p90Ns() / 1e6, latency.p99Ns() / 1e6,
        latency.maxNs() / 1e6, boundNs / 1e6);
    return new Verdict(name(), Status.INFORMATIONAL, counts, Map.of(), null, summary);
  }
}
