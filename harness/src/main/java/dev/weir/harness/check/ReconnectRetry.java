package dev.weir.harness.check;

import java.util.Objects;

/**
 * One retry the {@link ReconnectChecker} held against its policy's envelope, as it judged it: what
 * a report plots against the envelope, so the picture and the verdict come from one model.
 *
 * @param stream the stream retried
 * @param index the retry's {@code connect-attempt} event
 * @param wallNs when the attempt began, trace time
 * @param attempt its number since the last reset, from 1
 * @param delayNs how long after the loss (attempt 1) or the previous refusal it came, or after
 *     the page heard of that, where the attempt said
 * @param lowNs the envelope's shortest delay
 * @param highNs the envelope's longest delay
 * @param earliestNs the shortest delay the tolerance accepts ({@code lowNs} less {@code early})
 * @param latestNs the longest delay the tolerance accepts ({@code highNs} plus the late allowance)
 * @param within whether {@code delayNs} is within {@code earliestNs} to {@code latestNs}
 */
public record ReconnectRetry(
    String stream,
    long index,
    long wallNs,
    int attempt,
    long delayNs,
    long lowNs,
    long highNs,
    long earliestNs,
    long latestNs,
    boolean within) {

  public ReconnectRetry {
    Objects.requireNonNull(stream, "stream");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1, got " + attempt);
    }
    if (!(earliestNs <= lowNs && lowNs <= highNs && highNs <= latestNs)) {
      throw new IllegalArgumentException(
          "expected earliest <= low <= high <= latest, got "
              + earliestNs + ", " + lowNs + ", " + highNs + ", " + latestNs);
    }
  }
}
