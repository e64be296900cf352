package dev.weir.simulator.fault;

import dev.weir.simulator.random.CounterRandom;
import dev.weir.simulator.random.RandomKey;
import dev.weir.simulator.signal.SensorSignal;
import dev.weir.simulator.spec.FaultSpec;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SimulationSpec;
import java.util.Arrays;

/** Builds the {@link ReadingTransform} of one {@link FaultSpec} for one sensor, checking its parameters. */
final class FaultTransforms {

  private FaultTransforms() {}

  static ReadingTransform create(SimulationSpec spec, SensorSpec sensor, FaultSpec fault, int position) {
    String name = "faults[" + position + "]";
    if (fault.atNs() < 0 || fault.forNs() <= 0) {
      throw new IllegalArgumentException(name + ": needs at >= 0 and for > 0, got at=" + fault.atNs()
          + "ns for=" + fault.forNs() + "ns");
    }
    FaultWindow window = new FaultWindow(fault, sensor.rate());
    CounterRandom random = CounterRandom.of(spec.seed(), RandomKey.of(sensor.id(), "fault/" + position, 0));
    FaultSpec.Kind kind = fault.kind();
    if (kind instanceof FaultSpec.Dropout k) {
      return new DropoutFault(window, chance(random, k.probability(), name + " (dropout)"));
    }
    if (kind instanceof FaultSpec.Duplicate k) {
      return new DuplicateFault(window, chance(random, k.probability(), name + " (duplicate)"));
    }
    if (kind instanceof FaultSpec.Burst) {
      return new BurstFault(window, spec.durationNs());
    }
    if (kind instanceof FaultSpec.Jitter k) {
      if (k.stddevNs() < 0) {
        throw new IllegalArgumentException(name + " (jitter): stddev must not be negative: " + k.stddevNs() + "ns");
      }
      return new StampFault(r -> window.contains(r) ? Math.round(k.stddevNs() * random.gaussian(r.index())) : 0);
    }
    if (kind instanceof FaultSpec.Drift k) {
      return new StampFault(r -> {
        long t = window.sampleTime(r);
        return t < fault.atNs() ? 0 : Math.round((Math.min(t, window.endNs()) - fault.atNs()) * k.ppm() / 1e6);
      });
    }
    if (kind instanceof FaultSpec.Skew k) {
      return new StampFault(r -> window.contains(r) ? k.offsetNs() : 0);
    }
    if (kind instanceof FaultSpec.Stuck) {
      long last = Math.max(0, sensor.rate().countBefore(fault.atNs()) - 1);
      return new ValueFault(window, new Chance(random, 1), SensorSignal.compile(spec.seed(), sensor).values(last));
    }
    if (kind instanceof FaultSpec.OutOfRange k) {
      return new ValueFault(window, chance(random, k.probability(), name + " (out-of-range)"),
          filled(sensor, k.value()));
    }
    FaultSpec.NotANumber k = (FaultSpec.NotANumber) kind;
    return new ValueFault(window, chance(random, k.probability(), name + " (nan)"), filled(sensor, Double.NaN));
  }

  private static Chance chance(CounterRandom random, double probability, String name) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(name + ": probability must be in [0, 1]: " + probability);
    }
    return new Chance(random, probability);
  }

  private static double[] filled(SensorSpec sensor, double value) {
    double[] values = new double[sensor.channels().size()];
    Arrays.fill(values, value);
    return values;
  }
}
