package dev.weir.harness.evidence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.harness.trace.TraceSnapshot;
import java.io.IOException;
import java.util.Objects;

/**
 * What a report plots of one run, beside its verdicts: the delivery latency histogram, throughput
 * and buffer occupancy over time, and the judged reconnect retries against their envelopes. Read
 * from the trace in one pass; every part has a bounded size whatever the run's length. Its JSON
 * ({@link #toJson()}) has a fixed field order, so equal evidence gives equal text.
 *
 * @param latency from each message's send to its delivery (the page's receipt), per stream and
 *     sequence
 * @param throughput sends and deliveries per bucket
 * @param occupancy the most each buffer held per bucket, from the probe's snapshots, with its
 *     declared capacity when known
 * @param retries the reconnect checker's judged retries
 */
public record Evidence(Histogram latency, Timeline throughput, Timeline occupancy, Retries retries) {

  public Evidence {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(throughput, "throughput");
    Objects.requireNonNull(occupancy, "occupancy");
    Objects.requireNonNull(retries, "retries");
  }

  /**
   * The evidence the trace alone shows: no capacity drawn and no retries, which need the checkers'
   * declarations ({@link Judgement#of} adds them).
   */
  public static Evidence of(TraceSnapshot trace) {
    return EvidencePass.gather(trace, EvidencePass.NO_CAPACITY, Retries.NONE);
  }

  /** The evidence as one line of JSON; the layout is in {@code docs/report.md}. */
  public String toJson() {
    return EvidenceJson.toJson(this);
  }

  /** Writes the evidence as a JSON object into {@code json}, for reports that hold many. */
  public void writeJson(JsonGenerator json) throws IOException {
    EvidenceJson.write(this, json);
  }

  /**
   * The evidence a JSON object written by {@link #writeJson} holds, such as a run's in a report's
   * {@code index.json}: equal to the evidence written.
   *
   * @throws IllegalArgumentException when a field is missing or holds no such value
   */
  public static Evidence fromJson(JsonNode json) {
    return EvidenceJson.read(json);
  }
}
