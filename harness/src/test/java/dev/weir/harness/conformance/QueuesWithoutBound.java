package dev.weir.harness.conformance;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.ConsumerDelay;
import dev.weir.harness.transport.FaultPlan;
import dev.weir.harness.transport.FaultTarget;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.Wire;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A deliberately broken Java transport half: it takes every message at once into a queue with no
 * bound and forwards from there, so a producer is never held back by a slow page however full the
 * credit window behind it is. The backpressure checker must catch it.
 */
final class QueuesWithoutBound implements FaultPlan {

  private record Queued(long sequence, Payload message) {}

  private static final Queued END = new Queued(-1, null);

  private final FaultPlan faults;

  private QueuesWithoutBound(FaultPlan faults) {
    this.faults = faults;
  }

  /** {@code offer} with this broken half put between its sender and the rest of its wire. */
  static Offer around(Offer offer) {
    return offer.withFaults(new QueuesWithoutBound(offer.faults()));
  }

  @Override
  public Wire around(Wire wire, FaultTarget target) {
    Wire inner = faults == null ? wire : faults.around(wire, target);
    LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>(); // the bug: no bound
    Thread drainer = new Thread(() -> drain(queue, inner), "weir-unbounded-queue");
    drainer.setDaemon(true);
    drainer.start();
    return new Wire() {
      @Override
      public void prepare(long sequence) {
        inner.prepare(sequence);
      }

      @Override
      public void send(long sequence, Payload message) {
        queue.add(new Queued(sequence, message));
      }

      @Override
      public void close() {
        queue.add(END);
      }

      @Override
      public boolean isOpen() {
        return inner.isOpen();
      }
    };
  }

  private static void drain(LinkedBlockingQueue<Queued> queue, Wire inner) {
    try {
      while (inner.isOpen()) {
        Queued next = queue.poll(10, TimeUnit.MILLISECONDS);
        if (next == END) {
          inner.close();
          return;
        }
        if (next != null) {
          inner.send(next.sequence(), next.message());
        }
      }
    } catch (InterruptedException | IllegalStateException closed) {
      // the page went away
    }
  }

  @Override
  public List<ConsumerDelay> consumerDelays() {
    return faults == null ? List.of() : faults.consumerDelays();
  }
}
