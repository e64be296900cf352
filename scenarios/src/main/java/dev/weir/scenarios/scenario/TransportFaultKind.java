package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.Durations;
import dev.weir.scenarios.scenario.TransportFaultSpec.Extent;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds a transport fault entry can name as its one kind key, each with its parameter keys
 * and defaults. A kind over a range of messages also takes {@code for} (a time) or
 * {@code for_messages} (a count), and lasts to the end without either; for {@code stall} and
 * {@code disconnect}, {@code for} is how long they last.
 */
enum TransportFaultKind {
  DROP("drop", "probability", "for", "for_messages") {
    @Override
    TransportFaultSpec.Kind read(Fields p, Extent extent) throws SpecException {
      return new TransportFaultSpec.Drop(extent, probability(p));
    }
  },
  DUPLICATE("duplicate", "probability", "for", "for_messages") {
    @Override
    TransportFaultSpec.Kind read(Fields p, Extent extent) throws SpecException {
      return new TransportFaultSpec.Duplicate(extent, probability(p));
    }
  },
  REORDER("reorder", "window", "for", "for_messages") {
    @Override
    TransportFaultSpec.Kind read(Fields p, Extent extent) throws SpecException {
      int window = (int) Values.integer(p.require("window", "reorder fault"), 2, Integer.MAX_VALUE,
          "a window of 2 or more messages");
      return new TransportFaultSpec.Reorder(extent, window);
    }
  },
  DELAY("delay", "fixed", "jitter", "for", "for_messages") {
    @Override
    TransportFaultSpec.Kind read(Fields p, Extent extent) throws SpecException {
      Optional<YamlNode> fixed = p.get("fixed");
      Optional<YamlNode> jitter = p.get("jitter");
      long fixedNs = fixed.isPresent() ? Durations.of(fixed.get()) : 0;
      long jitterNs = jitter.isPresent() ? Durations.of(jitter.get()) : 0;
      if (fixedNs == 0 && jitterNs == 0) {
        throw p.error("expected a delay above zero: a fixed time, a jitter, or both, like {fixed: 20ms, jitter: 10ms}");
      }
      return new TransportFaultSpec.Delay(extent, fixedNs, jitterNs);
    }
  },
  STALL("stall", "for") {
    @Override
    TransportFaultSpec.Kind read(Fields p, Extent extent) throws SpecException {
      return new TransportFaultSpec.Stall(Durations.positive(p.require(FOR, "stall fault")));
    }
  },
  DISCONNECT("disconnect", "for") {
    @Override
    TransportFaultSpec.Kind read(Fields p, Extent extent) throws SpecException {
      return new TransportFaultSpec.Disconnect(Durations.positive(p.require(FOR, "disconnect fault")));
    }
  },
  RELOAD("reload") {
    @Override
    TransportFaultSpec.Kind read(Fields p, Extent extent) {
      return new TransportFaultSpec.Reload();
    }
  },
  SLOW_CONSUMER("slow_consumer", "per_message", "for", "for_messages") {
    @Override
    TransportFaultSpec.Kind read(Fields p, Extent extent) throws SpecException {
      return new TransportFaultSpec.SlowConsumer(extent,
          Durations.positive(p.require("per_message", "slow_consumer fault")));
    }
  };

  static final String FOR = "for";
  static final String FOR_MESSAGES = "for_messages";

  private final String yamlName;
  private final List<String> keys;

  TransportFaultKind(String yamlName, String... keys) {
    this.yamlName = yamlName;
    this.keys = List.of(keys);
  }

  /** Reads the kind's parameters; unknown keys have already been rejected, the extent read. */
  abstract TransportFaultSpec.Kind read(Fields params, Extent extent) throws SpecException;

  String yamlName() {
    return yamlName;
  }

  /** Whether it applies to a range of messages, and so takes an extent. */
  boolean ranged() {
    return keys.contains(FOR_MESSAGES);
  }

  /** The keys its mapping may hold. */
  List<String> keys() {
    return keys;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(TransportFaultKind::yamlName).toList();
  }

  private static double probability(Fields p) throws SpecException {
    Optional<YamlNode> node = p.get("probability");
    return node.isPresent() ? Values.probability(node.get()) : 1;
  }
}
