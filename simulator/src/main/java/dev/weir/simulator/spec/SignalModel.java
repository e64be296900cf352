package dev.weir.simulator.spec;

import static dev.weir.simulator.spec.NumberRule.ANY;
import static dev.weir.simulator.spec.NumberRule.NOT_NEGATIVE;
import static dev.weir.simulator.spec.NumberRule.OPEN_FRACTION;
import static dev.weir.simulator.spec.NumberRule.PROBABILITY;

import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.Suggestions;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The signal models a sensor or sum term can name with {@code model:}, each with its parameter
 * keys and how to read them into a {@link SignalSpec}. Parameter defaults live here.
 */
enum SignalModel {
  CONSTANT("constant", "value") {
    @Override
    SignalSpec read(ChannelParams p) throws SpecException {
      return new SignalSpec.Constant(p.requiredPerChannel("value", ANY));
    }
  },
  SINE("sine", "amplitude", "frequency_hz", "phase_deg", "offset") {
    @Override
    SignalSpec read(ChannelParams p) throws SpecException {
      return new SignalSpec.Sine(amplitude(p), frequency(p), phase(p), offset(p));
    }
  },
  SQUARE("square", "amplitude", "frequency_hz", "phase_deg", "offset", "duty") {
    @Override
    SignalSpec read(ChannelParams p) throws SpecException {
      return new SignalSpec.Square(amplitude(p), frequency(p), phase(p), offset(p),
          p.perChannel("duty", 0.5, OPEN_FRACTION));
    }
  },
  SAWTOOTH("sawtooth", "amplitude", "frequency_hz", "phase_deg", "offset") {
    @Override
    SignalSpec read(ChannelParams p) throws SpecException {
      return new SignalSpec.Sawtooth(amplitude(p), frequency(p), phase(p), offset(p));
    }
  },
  RANDOM_WALK("random-walk", "start", "step_stddev", "min", "max") {
    @Override
    SignalSpec read(ChannelParams p) throws SpecException {
      double[] start = p.perChannel("start", 0, ANY);
      double[] stepStddev = p.perChannel("step_stddev", 1, NOT_NEGATIVE);
      double[] min = p.perChannel("min", Double.NEGATIVE_INFINITY, ANY);
      double[] max = p.perChannel("max", Double.POSITIVE_INFINITY, ANY);
      for (int c = 0; c < start.length; c++) {
        String channel = p.channels().get(c);
        if (min[c] >= max[c]) {
          throw p.get("max").orElseThrow().error("expected max above min on every channel, found min "
              + plain(min[c]) + " and max " + plain(max[c]) + " on channel " + channel);
        }
        if (start[c] < min[c] || start[c] > max[c]) {
          YamlNode at = p.get("start").or(() -> p.get("min")).or(() -> p.get("max")).orElseThrow();
          throw at.error("expected start within [min, max] on every channel, found start " + plain(start[c])
              + " outside [" + plain(min[c]) + ", " + plain(max[c]) + "] on channel " + channel);
        }
      }
      return new SignalSpec.RandomWalk(start, stepStddev, min, max);
    }
  },
  NOISE("noise", "mean", "stddev") {
    @Override
    SignalSpec read(ChannelParams p) throws SpecException {
      return new SignalSpec.GaussianNoise(p.perChannel("mean", 0, ANY), p.perChannel("stddev", 1, NOT_NEGATIVE));
    }
  },
  COUNTER("counter", "start", "step") {
    @Override
    SignalSpec read(ChannelParams p) throws SpecException {
      return new SignalSpec.Counter(p.perChannel("start", 0, ANY), p.perChannel("step", 1, ANY));
    }
  },
  STEP("step", "initial", "steps") {
    @Override
    SignalSpec read(ChannelParams p) throws SpecException {
      double[] initial = p.perChannel("initial", 0, ANY);
      List<YamlNode> items = nonEmptyList(p.require("steps"), "a list of steps like {at: 2s, value: 5}");
      List<SignalSpec.Step.Level> levels = new ArrayList<>();
      YamlNode previous = null;
      for (YamlNode item : items) {
        MapNode step = item.asMap("a step like {at: 2s, value: 5}");
        step.allowOnly(List.of("at", "value"), "step");
        YamlNode at = step.require("at", "step");
        long atNs = laterThan(previous, at);
        levels.add(new SignalSpec.Step.Level(atNs, p.perChannel(step.require("value", "step"), ANY)));
        previous = at;
      }
      return new SignalSpec.Step(initial, levels);
    }
  },
  SPIKE("spike", "height", "width", "at", "every", "probability") {
    @Override
    SignalSpec read(ChannelParams p) throws SpecException {
      double[] height = p.requiredPerChannel("height", ANY);
      long widthNs = p.positiveDuration("width", 10_000_000L);
      List<Long> atNs = new ArrayList<>();
      if (p.get("at").isPresent()) {
        YamlNode previous = null;
        for (YamlNode item : nonEmptyList(p.get("at").get(), "a list of times like [1s, 5s]")) {
          atNs.add(laterThan(previous, item));
          previous = item;
        }
      }
      long everyNs = p.positiveDuration("every", 0);
      double probability = p.number("probability", 0, PROBABILITY);
      if (atNs.isEmpty() && everyNs == 0 && probability == 0) {
        throw p.map().error("a spike needs at least one of \"at\", \"every\" or a \"probability\" above 0;"
            + " without them it never fires");
      }
      return new SignalSpec.Spike(height, widthNs, atNs, everyNs, probability);
    }
  },
  SUM("sum", "terms") {
    @Override
    SignalSpec read(ChannelParams p) throws SpecException {
      List<SignalSpec> terms = new ArrayList<>();
      for (YamlNode item : nonEmptyList(p.require("terms"), "a list of terms like {model: sine}")) {
        MapNode term = item.asMap("a term like {model: sine, amplitude: 2}");
        SignalModel model = of(term, List.of("model"), "sum term");
        term.allowOnly(model.keysAfter(List.of("model")), "sum term (model " + model.yamlName + ")");
        terms.add(model.read(new ChannelParams(term, "sum term", p.channels())));
      }
      return new SignalSpec.Sum(terms);
    }
  };

  private final String yamlName;
  private final List<String> keys;

  SignalModel(String yamlName, String... keys) {
    this.yamlName = yamlName;
    this.keys = List.of(keys);
  }

  /** Reads the model's parameters; unknown keys have already been rejected. */
  abstract SignalSpec read(ChannelParams params) throws SpecException;

  String yamlName() {
    return yamlName;
  }

  /** {@code ownKeys} followed by this model's parameter keys: everything a mapping naming it may hold. */
  List<String> keysAfter(List<String> ownKeys) {
    return Stream.concat(ownKeys.stream(), keys.stream()).toList();
  }

  /**
   * The model named by the mapping's {@code model} key.
   *
   * @param ownKeys the keys the mapping holds besides model parameters, so that without a
   *     {@code model} a misspelt one is reported as such
   */
  static SignalModel of(MapNode map, List<String> ownKeys, String what) throws SpecException {
    if (!map.has("model")) {
      map.allowOnly(Stream.concat(ownKeys.stream(), Arrays.stream(values()).flatMap(m -> m.keys.stream()))
          .distinct().toList(), what);
    }
    YamlNode node = map.require("model", what);
    List<String> names = Arrays.stream(values()).map(SignalModel::yamlName).toList();
    String expected = "a model, one of: " + String.join(", ", names);
    String name = node.asScalar(expected).string(expected);
    for (SignalModel model : values()) {
      if (model.yamlName.equals(name)) {
        return model;
      }
    }
    throw node.error(node.expected(expected).detail() + Suggestions.didYouMean(name, names));
  }

  private static double[] amplitude(ChannelParams p) throws SpecException {
    return p.perChannel("amplitude", 1, ANY);
  }

  private static double[] frequency(ChannelParams p) throws SpecException {
    return p.perChannel("frequency_hz", 1, NOT_NEGATIVE);
  }

  private static double[] phase(ChannelParams p) throws SpecException {
    return p.perChannel("phase_deg", 0, ANY);
  }

  private static double[] offset(ChannelParams p) throws SpecException {
    return p.perChannel("offset", 0, ANY);
  }

  private static String plain(double value) {
    return Double.isInfinite(value) ? (value > 0 ? "+inf" : "-inf")
        : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static List<YamlNode> nonEmptyList(YamlNode node, String what) throws SpecException {
    List<YamlNode> items = node.asSeq(what).items();
    if (items.isEmpty()) {
      throw node.expected(what + " with at least one item");
    }
    return items;
  }

  /** The time at {@code node}, which must be later than the one at {@code previous} (when not null). */
  private static long laterThan(YamlNode previous, YamlNode node) throws SpecException {
    long timeNs = Durations.of(node);
    if (previous != null && timeNs <= Durations.of(previous)) {
      throw node.expected("a time later than the one before it (\"" + previous.asScalar("").text() + "\")");
    }
    return timeNs;
  }
}
