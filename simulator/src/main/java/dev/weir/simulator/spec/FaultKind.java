package dev.weir.simulator.spec;

import static dev.weir.simulator.spec.NumberRule.ANY;
import static dev.weir.simulator.spec.NumberRule.PROBABILITY;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fault kinds a fault entry can name as its one kind key, each with its parameter keys
 * (besides {@code for}, which every kind takes) and defaults.
 */
enum FaultKind {
  DROPOUT("dropout", "probability") {
    @Override
    FaultSpec.Kind read(Params p) throws SpecException {
      return new FaultSpec.Dropout(p.number("probability", 1, PROBABILITY));
    }
  },
  BURST("burst") {
    @Override
    FaultSpec.Kind read(Params p) {
      return new FaultSpec.Burst();
    }
  },
  DUPLICATE("duplicate", "probability") {
    @Override
    FaultSpec.Kind read(Params p) throws SpecException {
      return new FaultSpec.Duplicate(p.number("probability", 1, PROBABILITY));
    }
  },
  JITTER("jitter", "stddev") {
    @Override
    FaultSpec.Kind read(Params p) throws SpecException {
      return new FaultSpec.Jitter(Durations.positive(p.require("stddev")));
    }
  },
  DRIFT("drift", "ppm") {
    @Override
    FaultSpec.Kind read(Params p) throws SpecException {
      return new FaultSpec.Drift(p.requiredNumber("ppm", ANY));
    }
  },
  SKEW("skew", "offset") {
    @Override
    FaultSpec.Kind read(Params p) throws SpecException {
      return new FaultSpec.Skew(Params.signedDuration(p.require("offset")));
    }
  },
  STUCK("stuck") {
    @Override
    FaultSpec.Kind read(Params p) {
      return new FaultSpec.Stuck();
    }
  },
  OUT_OF_RANGE("out_of_range", "probability", "value") {
    @Override
    FaultSpec.Kind read(Params p) throws SpecException {
      return new FaultSpec.OutOfRange(p.number("probability", 1, PROBABILITY), p.requiredNumber("value", ANY));
    }
  },
  NAN("nan", "probability") {
    @Override
    FaultSpec.Kind read(Params p) throws SpecException {
      return new FaultSpec.NotANumber(p.number("probability", 1, PROBABILITY));
    }
  };

  /** The key every kind's mapping accepts: how long the fault lasts. */
  static final String FOR = "for";

  private final String yamlName;
  private final List<String> keys;

  FaultKind(String yamlName, String... params) {
    this.yamlName = yamlName;
    this.keys = Stream.concat(Arrays.stream(params), Stream.of(FOR)).toList();
  }

  /** Reads the kind's parameters; unknown keys have already been rejected. */
  abstract FaultSpec.Kind read(Params params) throws SpecException;

  String yamlName() {
    return yamlName;
  }

  /** The keys the kind's mapping may hold, {@code for} last. */
  List<String> keys() {
    return keys;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(FaultKind::yamlName).toList();
  }
}
