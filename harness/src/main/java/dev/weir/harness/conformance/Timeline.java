package dev.weir.harness.conformance;

import dev.weir.harness.browser.Payload;
import dev.weir.simulator.pacing.Speed;
import java.time.Duration;
import java.util.Arrays;

/**
 * What a producer sends and when: payloads and each one's send time. A case's steady stream (one
 * payload every interval, cycling through a few) and a scenario's simulated or recorded stream
 * (each reading at its virtual time, played at a {@link Speed}) are both one, so one producer plays
 * them all, and a scenario's faults, declared at virtual times, find the messages they start at.
 */
public final class Timeline {

  /** No limit: a steady timeline that goes on until its producer is closed. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  private final Payload[] payloads;
  private final long count;
  private final long intervalNs; // steady: the pause between sends
  private final long[] virtualNs; // timed: each send's virtual time; null when steady
  private final Speed speed;

  private Timeline(Payload[] payloads, long count, long intervalNs, long[] virtualNs, Speed speed) {
    this.payloads = payloads;
    this.count = count;
    this.intervalNs = intervalNs;
    this.virtualNs = virtualNs;
    this.speed = speed;
  }

  /**
   * {@code count} sends, {@code interval} apart (zero: as fast as the transport takes them), of
   * {@code payloads} in turn, from the first again after the last.
   *
   * @param count how many, or {@link #UNBOUNDED}
   */
  public static Timeline steady(Payload[] payloads, long count, Duration interval) {
    if (payloads.length == 0 || count < 1 || interval.isNegative()) {
      throw new IllegalArgumentException("a steady timeline needs payloads, a count of 1 or more"
          + " and an interval of 0 or more; got " + payloads.length + " payloads, count " + count
          + ", interval " + interval);
    }
    return new Timeline(payloads.clone(), count, interval.toNanos(), null, Speed.REAL_TIME);
  }

  /**
   * Each payload sent at its own virtual time, played at {@code speed}.
   *
   * @param virtualNs each payload's virtual time, never decreasing; one per payload
   */
  public static Timeline timed(Payload[] payloads, long[] virtualNs, Speed speed) {
    if (payloads.length == 0 || virtualNs.length != payloads.length) {
      throw new IllegalArgumentException("a timed timeline needs one virtual time per payload, got "
          + virtualNs.length + " for " + payloads.length + " payloads");
    }
    for (int i = 1; i < virtualNs.length; i++) {
      if (virtualNs[i] < virtualNs[i - 1]) {
        throw new IllegalArgumentException("virtual times must not decrease: payload " + i + " at "
            + virtualNs[i] + " ns follows " + virtualNs[i - 1] + " ns");
      }
    }
    return new Timeline(payloads.clone(), payloads.length, 0, virtualNs.clone(), speed);
  }

  /**
   * Whether it is sent as fast as the frontend takes it: a steady timeline with no interval, or a
   * timed one at {@link Speed#MAX}. Such a stream is paced by what the page has taken (see {@link
   * dev.weir.harness.transport.Offer#AS_TAKEN}), never by what Java could push.
   */
  public boolean asFastAsTaken() {
    return virtualNs == null ? intervalNs == 0 : speed.isMax();
  }

  /** How many sends; {@link #UNBOUNDED} for no limit. */
  public long count() {
    return count;
  }

  /**
   * The sequence of the first message sent at or after virtual time {@code atNs} (the stream's
   * sequences count sends from 0); {@link #count()} when none is.
   */
  public long sequenceAt(long atNs) {
    if (virtualNs == null) {
      return intervalNs == 0 ? 0 : Math.min(count, (atNs + intervalNs - 1) / intervalNs);
    }
    int found = Arrays.binarySearch(virtualNs, atNs);
    if (found < 0) {
      return -found - 1;
    }
    while (found > 0 && virtualNs[found - 1] == atNs) {
      found--;
    }
    return found;
  }

  /**
   * The virtual time of message {@code sequence}: its own for a timed timeline (the last one's
   * past the end), its due time for a steady one.
   */
  public long virtualNs(long sequence) {
    if (virtualNs == null) {
      return sequence * intervalNs;
    }
    return virtualNs[(int) Math.min(sequence, virtualNs.length - 1)];
  }

  /** How long the timeline takes in real time, from its first send to its last. */
  public Duration length() {
    return count == UNBOUNDED ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos(offsetNs(count - 1));
  }

  /** Send {@code index}'s payload. */
  Payload payload(long index) {
    return payloads[(int) (index % payloads.length)];
  }

  /** When send {@code index} is due, in real time from the first send. */
  long offsetNs(long index) {
    return virtualNs == null ? index * intervalNs : speed.wallNanos(virtualNs[(int) index] - virtualNs[0]);
  }

  @Override
  public String toString() {
    return (count == UNBOUNDED ? "unbounded" : count + " sends") + " of " + payloads.length
        + " payloads, " + (virtualNs == null ? Duration.ofNanos(intervalNs) + " apart" : "timed at " + speed);
  }
}
