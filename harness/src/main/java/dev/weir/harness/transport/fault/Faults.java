package dev.weir.harness.transport.fault;

import dev.weir.harness.transport.ConsumerDelay;
import dev.weir.harness.transport.FaultPlan;
import dev.weir.harness.transport.FaultTarget;
import dev.weir.harness.transport.Wire;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A stream's declared transport faults and their seed: offer a stream with {@code
 * Offer.PLAIN.withFaults(new Faults(seed, faults))} and every subscription applies them, recording
 * each applied fault in the transport's trace.
 */
public record Faults(long seed, List<TransportFault> faults) implements FaultPlan {

  /** One daemon thread for every delayed message of the JVM: equal delays stay in order. */
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "weir-fault-delays");
        thread.setDaemon(true);
        return thread;
      });

  public Faults {
    faults = List.copyOf(faults);
  }

  @Override
  public Wire around(Wire wire, FaultTarget target) {
    return new FaultyWire(
        wire, target.stream(), seed, faults, TIMER,
        new TracedFaults(target.trace(), target.stream()), target);
  }

  @Override
  public List<ConsumerDelay> consumerDelays() {
    return faults.stream()
        .filter(TransportFault.SlowConsumer.class::isInstance)
        .map(f -> ((TransportFault.SlowConsumer) f).asDelay())
        .toList();
  }
}
