package dev.weir.harness.transport.fault;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.Sender;
import dev.weir.harness.transport.fault.FaultLog.Effect;
import dev.weir.simulator.random.CounterRandom;
import dev.weir.simulator.random.RandomKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A sender that applies declared faults before its target sees the messages. Every decision is a
 * pure function of (seed, stream, fault, message index), like the simulator's source faults.
 */
public final class FaultySender implements Sender {

  private record Held(long index, Payload message) {}

  private final Sender target;
  private final List<TransportFault> faults;
  private final CounterRandom[] randoms;
  private final ScheduledExecutorService timer;
  private final FaultLog log;
  private final List<Held> reorderGroup = new ArrayList<>();
  private long index;
  private long lastDueNanos;

  /**
   * @param timer runs delayed deliveries; one thread keeps equal-delay messages in order
   */
  public FaultySender(
      Sender target,
      String stream,
      long seed,
      List<TransportFault> faults,
      ScheduledExecutorService timer,
      FaultLog log) {
    this.target = target;
    this.faults = List.copyOf(faults);
    this.timer = timer;
    this.log = log;
    this.randoms = new CounterRandom[this.faults.size()];
    for (int f = 0; f < randoms.length; f++) {
      randoms[f] = CounterRandom.of(seed, RandomKey.of(stream, "transport-fault", f));
    }
  }

  @Override
  public void send(Payload message) {
    long i;
    synchronized (this) {
      i = index++;
    }
    stallBefore(i); // outside the lock: a stall stops the producer, not the timer
    synchronized (this) {
      for (int f = 0; f < faults.size(); f++) {
        TransportFault fault = faults.get(f);
        if (i < fault.from() || i >= fault.until()) {
          continue;
        }
        if (fault instanceof TransportFault.Drop drop && randoms[f].uniform(i) < drop.probability()) {
          log.applied(Effect.DROPPED, i, 0);
          return;
        }
      }
      boolean twice = false;
      for (int f = 0; f < faults.size(); f++) {
        TransportFault fault = faults.get(f);
        if (fault instanceof TransportFault.Duplicate dup && inRange(fault, i)
            && randoms[f].uniform(i) < dup.probability()) {
          twice = true;
        }
      }
      reorderOrEmit(i, message);
      if (twice) {
        log.applied(Effect.DUPLICATED, i, 0);
        reorderOrEmit(i, message);
      }
    }
  }

  private void stallBefore(long i) {
    for (TransportFault fault : faults) {
      if (fault instanceof TransportFault.Stall stall && stall.from() == i) {
        log.applied(Effect.STALLED, i, stall.duration().toMillis());
        LockSupport.parkNanos(stall.duration().toNanos()); // the fault itself: the producer stops
      }
    }
  }

  private static boolean inRange(TransportFault fault, long i) {
    return i >= fault.from() && i < fault.until();
  }

  private void reorderOrEmit(long i, Payload message) {
    for (int f = 0; f < faults.size(); f++) {
      if (faults.get(f) instanceof TransportFault.Reorder reorder && inRange(reorder, i)) {
        reorderGroup.add(new Held(i, message));
        if (reorderGroup.size() == reorder.window() || i == reorder.until() - 1) {
          releaseGroup(randoms[f]);
        }
        return;
      }
    }
    releaseGroup(null);
    emit(i, message);
  }

  /** Releases the held group in a seeded permutation (Fisher–Yates keyed by the first index). */
  private void releaseGroup(CounterRandom random) {
    if (reorderGroup.isEmpty()) {
      return;
    }
    List<Held> group = new ArrayList<>(reorderGroup);
    reorderGroup.clear();
    if (random != null) {
      long key = group.get(0).index();
      for (int k = group.size() - 1; k > 0; k--) {
        int j = (int) (random.uniform(key * 64 + k) * (k + 1));
        Held swap = group.get(k);
        group.set(k, group.get(j));
        group.set(j, swap);
      }
    }
    for (int position = 0; position < group.size(); position++) {
      Held held = group.get(position);
      log.applied(Effect.REORDERED, held.index(), position);
      emit(held.index(), held.message());
    }
  }

  private void emit(long i, Payload message) {
    long delayNanos = 0;
    for (int f = 0; f < faults.size(); f++) {
      if (faults.get(f) instanceof TransportFault.Delay delay && inRange(delay, i)) {
        delayNanos += delay.fixed().toNanos() + (long) (randoms[f].uniform(i) * delay.jitter().toNanos());
      }
    }
    if (delayNanos == 0) {
      target.send(message);
      return;
    }
    log.applied(Effect.DELAYED, i, delayNanos / 1000);
    lastDueNanos = Math.max(lastDueNanos, System.nanoTime() + delayNanos);
    timer.schedule(() -> target.send(message), delayNanos, TimeUnit.NANOSECONDS);
  }

  /** Releases any held group, then ends the stream after the last delayed message is due. */
  @Override
  public synchronized void close() {
    releaseGroup(null);
    long wait = lastDueNanos - System.nanoTime();
    if (wait > 0) {
      timer.schedule(target::close, wait + 1_000_000, TimeUnit.NANOSECONDS);
    } else {
      target.close();
    }
  }

  @Override
  public boolean isOpen() {
    return target.isOpen();
  }
}
