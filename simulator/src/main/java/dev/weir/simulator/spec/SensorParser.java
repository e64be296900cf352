package dev.weir.simulator.spec;

import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.ScalarNode;
import dev.weir.simulator.spec.yaml.SeqNode;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one entry of {@code sensors:} into a {@link SensorSpec}. */
final class SensorParser {

  static final List<String> KEYS = List.of("id", "model", "rate_hz", "channels", "unit", "description", "noise");
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  static final String NAME_CHARACTERS = "letters, digits, '_', '.' or '-'";

  private static final int MAX_CHANNELS = 64;
  private static final BigDecimal MIN_HZ = new BigDecimal("0.1");
  private static final BigDecimal MAX_HZ = new BigDecimal("1000000");
  private static final String RATE = "a rate in hertz from 0.1 to 1000000";
  private static final String CHANNELS = "a channel count from 1 to " + MAX_CHANNELS + " or a list of channel names";

  private SensorParser() {}

  static SensorSpec parse(YamlNode node) throws SpecException {
    MapNode map = node.asMap("a sensor like {id: accel, model: sine, rate_hz: 100}");
    SignalModel model = SignalModel.of(map, KEYS, "sensor");
    map.allowOnly(model.keysAfter(KEYS), "sensor (model " + model.yamlName() + ")");
    String id = name(map.require("id", "sensor"), "a sensor id");
    Rate rate = rate(map.require("rate_hz", "sensor"));
    List<String> channels = channels(map.get("channels"));
    SignalSpec signal = model.read(new ChannelParams(map, "sensor", channels));
    Optional<YamlNode> noise = map.get("noise");
    if (noise.isPresent()) {
      MapNode params = noise.get().asMap("noise parameters like {stddev: 0.01}");
      params.allowOnly(SignalModel.NOISE.keysAfter(List.of()), "noise");
      SignalSpec gaussian = SignalModel.NOISE.read(new ChannelParams(params, "noise", channels));
      signal = new SignalSpec.Sum(List.of(signal, gaussian));
    }
    return new SensorSpec(id, rate, channels, text(map, "unit"), text(map, "description"), signal);
  }

  /** A sensor id or channel name: non-empty, letters, digits, '_', '.', '-'. */
  static String name(YamlNode node, String what) throws SpecException {
    String expected = what + " of " + NAME_CHARACTERS;
    String name = node.asScalar(expected).string(expected);
    if (!NAME.matcher(name).matches()) {
      throw node.expected(expected);
    }
    return name;
  }

  private static Rate rate(YamlNode node) throws SpecException {
    BigDecimal hz = node.asScalar(RATE).decimal(RATE);
    if (hz.compareTo(MIN_HZ) < 0 || hz.compareTo(MAX_HZ) > 0) {
      throw node.expected(RATE);
    }
    try {
      return Rate.ofHertz(hz);
    } catch (ArithmeticException tooPrecise) {
      throw node.expected("a rate with at most 12 decimal places");
    }
  }

  private static List<String> channels(Optional<YamlNode> declared) throws SpecException {
    if (declared.isEmpty()) {
      return List.of("value");
    }
    YamlNode node = declared.get();
    if (node instanceof SeqNode list) {
      if (list.size() < 1 || list.size() > MAX_CHANNELS) {
        throw node.error("expected 1 to " + MAX_CHANNELS + " channel names, found " + list.size());
      }
      UniqueNames unique = new UniqueNames("channel name");
      List<String> names = new ArrayList<>();
      for (YamlNode item : list.items()) {
        String name = name(item, "a channel name");
        unique.claim(name, item);
        names.add(name);
      }
      return names;
    }
    ScalarNode count = node.asScalar(CHANNELS);
    long n = count.integer(CHANNELS);
    if (n < 1 || n > MAX_CHANNELS) {
      throw node.expected(CHANNELS);
    }
    if (n == 1) {
      return List.of("value");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("c" + i);
    }
    return names;
  }

  private static String text(MapNode map, String key) throws SpecException {
    Optional<YamlNode> node = map.get(key);
    return node.isPresent() ? node.get().asScalar("a string").string("a string") : "";
  }
}
