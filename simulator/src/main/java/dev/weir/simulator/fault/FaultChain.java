package dev.weir.simulator.fault;

import dev.weir.simulator.spec.FaultSpec;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SimulationSpec;
import dev.weir.simulator.stream.Reading;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The source faults of a spec that affect one sensor, applied in declaration order to that
 * sensor's clean readings (fed in index order) and passed on to a downstream consumer.
 *
 * <p>Every fault decides by the reading's sampling time, {@code rate.timeOf(index)}, and draws its
 * randomness from (seed, its position in the fault list, sensor id, index). No fault depends on
 * readings it has already passed on, so feeding a chain any contiguous index range yields exactly
 * that range's part of the whole sequence: ranges can be generated in parallel and concatenated.
 *
 * <p>Semantics where the spec leaves room:
 * <ul>
 *   <li>burst: held readings are emitted at the window end, or at the end of the run if sooner;
 *   <li>drift: the stamp gains {@code (t - at) · ppm / 10⁶} ns (rounded) while in the window, and
 *       the offset gained persists after it, as a free-running clock keeps the error it accumulated;
 *   <li>jitter: the stamp moves by {@code round(stddevNs · N(0,1))} ns;
 *   <li>stuck: values are the clean signal values of the last sample before the window (of sample
 *       0 if the window starts at 0), seeked directly, unaffected by other faults.
 * </ul>
 * Instances hold burst state and are not thread-safe.
 */
public final class FaultChain {

  private final List<ReadingTransform> transforms;
  private final List<Consumer<Reading>> stages;

  private FaultChain(List<ReadingTransform> transforms, Consumer<Reading> downstream) {
    this.transforms = transforms;
    // stages[k] feeds transform k; the last stage is downstream itself.
    List<Consumer<Reading>> sinks = new ArrayList<>(Collections.nCopies(transforms.size() + 1, null));
    sinks.set(transforms.size(), downstream);
    for (int k = transforms.size() - 1; k >= 0; k--) {
      ReadingTransform transform = transforms.get(k);
      Consumer<Reading> next = sinks.get(k + 1);
      sinks.set(k, reading -> transform.accept(reading, next));
    }
    this.stages = List.copyOf(sinks);
  }

  /**
   * The chain of {@code spec}'s faults that affect {@code sensor}, feeding {@code downstream}.
   *
   * @throws IllegalArgumentException naming the fault by position when its parameters are invalid
   */
  public static FaultChain of(SimulationSpec spec, SensorSpec sensor, Consumer<Reading> downstream) {
    List<ReadingTransform> transforms = new ArrayList<>();
    for (int position = 0; position < spec.faults().size(); position++) {
      FaultSpec fault = spec.faults().get(position);
      if (fault.affects(sensor.id())) {
        transforms.add(FaultTransforms.create(spec, sensor, fault, position));
      }
    }
    return new FaultChain(List.copyOf(transforms), downstream);
  }

  /** Feeds the clean reading that follows the previous one in index order. */
  public void accept(Reading reading) {
    stages.get(0).accept(reading);
  }

  /** Signals the end of the input, releasing held readings downstream. */
  public void finish() {
    for (int k = 0; k < transforms.size(); k++) {
      transforms.get(k).finish(stages.get(k + 1));
    }
  }
}
