package dev.weir.simulator.spec;

import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.SeqNode;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parameters of a signal model, where every number is either one value for all channels or
 * a list with exactly one value per channel.
 */
final class ChannelParams extends Params {

  private final List<String> channels;

  ChannelParams(MapNode map, String what, List<String> channels) {
    super(map, what);
    this.channels = channels;
  }

  List<String> channels() {
    return channels;
  }

  double[] perChannel(String key, double absent, NumberRule rule) throws SpecException {
    Optional<YamlNode> node = get(key);
    if (node.isEmpty()) {
      double[] values = new double[channels.size()];
      Arrays.fill(values, absent);
      return values;
    }
    return perChannel(node.get(), rule);
  }

  double[] requiredPerChannel(String key, NumberRule rule) throws SpecException {
    return perChannel(require(key), rule);
  }

  /** A scalar expanded to every channel, or a list with one value per channel. */
  double[] perChannel(YamlNode node, NumberRule rule) throws SpecException {
    double[] values = new double[channels.size()];
    if (node instanceof SeqNode list) {
      if (list.size() != values.length) {
        throw node.error("expected " + values.length + (values.length == 1 ? " value" : " values")
            + ", one per channel (" + String.join(", ", channels) + "), found " + list.size());
      }
      for (int i = 0; i < values.length; i++) {
        values[i] = rule.check(list.items().get(i));
      }
      return values;
    }
    if (node instanceof MapNode) {
      throw node.expected(rule.expected() + " or a list of them, one per channel");
    }
    Arrays.fill(values, rule.check(node));
    return values;
  }
}
