package dev.weir.simulator.signal;

import dev.weir.simulator.random.CounterRandom;
import dev.weir.simulator.random.RandomKey;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SignalSpec;
import java.util.Comparator;
import java.util.List;

/**
 * Turns one channel of a {@link SignalSpec} tree into a {@link ChannelSignal}, checking parameters.
 *
 * <p>Each model's random stream is keyed by (sensor id, term path, channel), where the path names
 * the model and its position in enclosing sums, e.g. {@code "sum[1].noise"}. Two noise terms of
 * one sensor are therefore independent, and adding a sensor changes no other sensor's values.
 */
final class SignalCompiler {

  private final long seed;
  private final SensorSpec sensor;

  SignalCompiler(long seed, SensorSpec sensor) {
    this.seed = seed;
    this.sensor = sensor;
  }

  ChannelSignal compile(int channel) {
    return compile(sensor.signal(), modelName(sensor.signal()), channel);
  }

  private ChannelSignal compile(SignalSpec spec, String path, int channel) {
    if (spec instanceof SignalSpec.Constant s) {
      return new ConstantSignal(param(s.value(), path, "value", channel));
    }
    if (spec instanceof SignalSpec.Sine s) {
      return new SineSignal(phase(s.frequencyHz(), s.phaseDeg(), path, channel),
          param(s.amplitude(), path, "amplitude", channel), param(s.offset(), path, "offset", channel));
    }
    if (spec instanceof SignalSpec.Square s) {
      return new SquareSignal(phase(s.frequencyHz(), s.phaseDeg(), path, channel),
          param(s.amplitude(), path, "amplitude", channel), param(s.offset(), path, "offset", channel),
          param(s.duty(), path, "duty", channel));
    }
    if (spec instanceof SignalSpec.Sawtooth s) {
      return new SawtoothSignal(phase(s.frequencyHz(), s.phaseDeg(), path, channel),
          param(s.amplitude(), path, "amplitude", channel), param(s.offset(), path, "offset", channel));
    }
    if (spec instanceof SignalSpec.RandomWalk s) {
      return randomWalk(s, path, channel);
    }
    if (spec instanceof SignalSpec.GaussianNoise s) {
      return new NoiseSignal(random(path, channel), param(s.mean(), path, "mean", channel),
          param(s.stddev(), path, "stddev", channel));
    }
    if (spec instanceof SignalSpec.Counter s) {
      return new CounterSignal(param(s.start(), path, "start", channel), param(s.step(), path, "step", channel));
    }
    if (spec instanceof SignalSpec.Step s) {
      return step(s, path, channel);
    }
    if (spec instanceof SignalSpec.Spike s) {
      return spike(s, path, channel);
    }
    return sum((SignalSpec.Sum) spec, path, channel);
  }

  private ChannelSignal randomWalk(SignalSpec.RandomWalk s, String path, int channel) {
    double min = param(s.min(), path, "min", channel);
    double max = param(s.max(), path, "max", channel);
    if (!(min <= max)) {
      throw error(path + ".min (" + min + ") must not exceed " + path + ".max (" + max + ") on channel " + channel);
    }
    return new RandomWalkSignal(new BrownianPath(random(path, channel)), param(s.start(), path, "start", channel),
        param(s.stepStddev(), path, "stepStddev", channel), min, max);
  }

  private ChannelSignal step(SignalSpec.Step s, String path, int channel) {
    // A stable sort keeps declaration order among equal times, so the later level wins.
    List<SignalSpec.Step.Level> levels = s.steps().stream()
        .sorted(Comparator.comparingLong(SignalSpec.Step.Level::atNs)).toList();
    long[] times = new long[levels.size()];
    double[] values = new double[levels.size()];
    for (int k = 0; k < times.length; k++) {
      times[k] = levels.get(k).atNs();
      values[k] = param(levels.get(k).value(), path, "steps[" + k + "].value", channel);
    }
    return new StepSignal(sensor.rate(), param(s.initial(), path, "initial", channel), times, values);
  }

  private ChannelSignal spike(SignalSpec.Spike s, String path, int channel) {
    if (s.widthNs() <= 0) {
      throw error(path + ".widthNs must be positive: " + s.widthNs());
    }
    if (s.everyNs() < 0) {
      throw error(path + ".everyNs must be positive, or 0 for none: " + s.everyNs());
    }
    if (!(s.probability() >= 0 && s.probability() <= 1)) {
      throw error(path + ".probability must be in [0, 1]: " + s.probability());
    }
    long[] at = s.atNs().stream().mapToLong(Long::longValue).sorted().toArray();
    // Channel 0's stream for every channel: a spike is one event across all channels.
    return new SpikeSignal(sensor.rate(), param(s.height(), path, "height", channel), s.widthNs(), at,
        s.everyNs(), s.probability(), random(path, 0));
  }

  private ChannelSignal sum(SignalSpec.Sum s, String path, int channel) {
    if (s.terms().isEmpty()) {
      throw error(path + " needs at least one term");
    }
    ChannelSignal[] terms = new ChannelSignal[s.terms().size()];
    for (int k = 0; k < terms.length; k++) {
      SignalSpec term = s.terms().get(k);
      terms[k] = compile(term, path + "[" + k + "]." + modelName(term), channel);
    }
    return new SumSignal(terms);
  }

  private Phase phase(double[] frequencyHz, double[] phaseDeg, String path, int channel) {
    double f = param(frequencyHz, path, "frequencyHz", channel);
    double deg = param(phaseDeg, path, "phaseDeg", channel);
    if (!Double.isFinite(f) || !Double.isFinite(deg)) {
      throw error(path + ".frequencyHz and " + path + ".phaseDeg must be finite on channel " + channel + ": " + f
          + ", " + deg);
    }
    return Phase.of(f, deg, sensor.rate());
  }

  private CounterRandom random(String path, int channel) {
    return CounterRandom.of(seed, RandomKey.of(sensor.id(), path, channel));
  }

  private double param(double[] values, String path, String name, int channel) {
    if (values.length != sensor.channels().size()) {
      throw error(path + "." + name + " has " + values.length + " values, expected " + sensor.channels().size()
          + " (one per channel)");
    }
    return values[channel];
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("sensor " + sensor.id() + ": " + message);
  }

  private static String modelName(SignalSpec spec) {
    if (spec instanceof SignalSpec.Constant) {
      return "constant";
    } else if (spec instanceof SignalSpec.Sine) {
      return "sine";
    } else if (spec instanceof SignalSpec.Square) {
      return "square";
    } else if (spec instanceof SignalSpec.Sawtooth) {
      return "sawtooth";
    } else if (spec instanceof SignalSpec.RandomWalk) {
      return "random-walk";
    } else if (spec instanceof SignalSpec.GaussianNoise) {
      return "noise";
    } else if (spec instanceof SignalSpec.Counter) {
      return "counter";
    } else if (spec instanceof SignalSpec.Step) {
      return "step";
    } else if (spec instanceof SignalSpec.Spike) {
      return "spike";
    }
    return "sum";
  }
}
