package dev.weir.harness.transport.fault;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.FaultTarget;
import dev.weir.harness.transport.Wire;
import dev.weir.harness.transport.fault.FaultLog.Effect;
import dev.weir.simulator.random.CounterRandom;
import dev.weir.simulator.random.RandomKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A wire that applies declared faults before the rest of the wire sees the messages. Every decision
 * is a pure function of (seed, stream, fault, message sequence), like the simulator's source faults.
 */
public final class FaultyWire implements Wire {

  private record Held(long sequence, Payload message) {}

  private final Wire target;
  private final List<TransportFault> faults;
  private final CounterRandom[] randoms;
  private final ScheduledExecutorService timer;
  private final FaultLog log;
  private final FaultTarget reach;
  private final List<Held> reorderGroup = new ArrayList<>();
  private long lastDueNanos;

  /**
   * @param timer runs delayed deliveries; one thread keeps equal-delay messages in order
   * @param reach the page and connection that reload and disconnect act on
   */
  public FaultyWire(
      Wire target,
      String stream,
      long seed,
      List<TransportFault> faults,
      ScheduledExecutorService timer,
      FaultLog log,
      FaultTarget reach) {
    this.target = target;
    this.faults = List.copyOf(faults);
    this.timer = timer;
    this.log = log;
    this.reach = reach;
    this.randoms = new CounterRandom[this.faults.size()];
    for (int f = 0; f < randoms.length; f++) {
      randoms[f] = CounterRandom.of(seed, RandomKey.of(stream, "transport-fault", f));
    }
  }

  /** The faults that act before message {@code i} is sent: stall, disconnect, reload. */
  @Override
  public void prepare(long i) {
    for (TransportFault fault : faults) {
      if (fault.from() != i) {
        continue;
      }
      if (fault instanceof TransportFault.Stall stall) {
        log.applied(Effect.STALLED, i, stall.duration().toMillis());
        hold(stall.duration().toNanos());
      } else if (fault instanceof TransportFault.Disconnect cut) {
        log.applied(Effect.DISCONNECTED, i, cut.length().toMillis());
        reach.disconnect(cut.length());
      } else if (fault instanceof TransportFault.Reload) {
        log.applied(Effect.RELOADED, i, 0);
        reach.reloadPage();
      }
    }
  }

  /**
   * The stall itself: the producer's thread stops for {@code ns}. A producer stopped meanwhile (its
   * thread interrupted) sends nothing more: the held message is not sent after the run ended.
   *
   * @throws IllegalStateException when interrupted: the message was not sent
   */
  private static void hold(long ns) {
    long until = System.nanoTime() + ns;
    for (long left = ns; left > 0; left = until - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("Interrupted during a stall: the held message was not sent");
      }
    }
  }

  @Override
  public void send(long i, Payload message) {
    synchronized (this) {
      for (int f = 0; f < faults.size(); f++) {
        if (faults.get(f) instanceof TransportFault.Drop drop && inRange(drop, i)
            && randoms[f].uniform(i) < drop.probability()) {
          log.applied(Effect.DROPPED, i, 0);
          return;
        }
      }
      boolean twice = false;
      for (int f = 0; f < faults.size(); f++) {
        if (faults.get(f) instanceof TransportFault.Duplicate dup && inRange(dup, i)
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

  /** Releases the held group in a seeded permutation (Fisher–Yates keyed by the first sequence). */
  private void releaseGroup(CounterRandom random) {
    if (reorderGroup.isEmpty()) {
      return;
    }
    List<Held> group = new ArrayList<>(reorderGroup);
    reorderGroup.clear();
    if (random != null) {
      long key = group.get(0).sequence();
      for (int k = group.size() - 1; k > 0; k--) {
        int j = (int) (random.uniform(key * 64 + k) * (k + 1));
        Held swap = group.get(k);
        group.set(k, group.get(j));
        group.set(j, swap);
      }
    }
    for (int position = 0; position < group.size(); position++) {
      Held held = group.get(position);
      log.applied(Effect.REORDERED, held.sequence(), position);
      emit(held.sequence(), held.message());
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
      sendIfOpen(i, message);
      return;
    }
    log.applied(Effect.DELAYED, i, delayNanos / 1000);
    lastDueNanos = Math.max(lastDueNanos, System.nanoTime() + delayNanos);
    timer.schedule(() -> sendIfOpen(i, message), delayNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * A message held back (reordered, delayed) may come due after the page went away; it is lost
   * with the subscription, like everything in flight then.
   */
  private void sendIfOpen(long i, Payload message) {
    if (target.isOpen()) {
      target.send(i, message);
    }
  }

  /** Releases the held reorder group, in the order it was sent. */
  @Override
  public synchronized void flush() {
    releaseGroup(null);
  }

  /** Releases any held group, then ends the stream after the last delayed message is due. */
  @Override
  public synchronized void close() {
    flush();
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
