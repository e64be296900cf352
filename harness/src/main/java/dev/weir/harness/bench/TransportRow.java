package dev.weir.harness.bench;

/**
 * One measured row of {@code weir bench transports}.
 *
 * @param batch readings per message; 1 when unbatched
 * @param p50Ms one-way latency, NaN where it was not measured
 */
public record TransportRow(
    String transport,
    int payloadBytes,
    int batch,
    double msgsPerS,
    double mbPerS,
    double p50Ms,
    double p99Ms) {

  /** Readings per second: messages times readings per message. */
  public double readingsPerS() {
    return msgsPerS * batch;
  }
}
