package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.Suggestions;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/** Plain values read from a node (safe ids, text, bounded numbers, choices), each checked where it stands. */
final class Values {

  /** What a safe id may hold: it names tests, files and JUnit tags. */
  static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private Values() {}

  /** A safe id: a letter or digit, then letters, digits, '_', '.' or '-'. */
  static String safeId(YamlNode node, String what) throws SpecException {
    String expected = what + " (a letter or digit, then letters, digits, '_', '.' or '-')";
    String id = node.asScalar(expected).string(expected);
    if (!SAFE_ID.matcher(id).matches()) {
      throw node.expected(expected);
    }
    return id;
  }

  /** Free text. */
  static String text(YamlNode node) throws SpecException {
    return node.asScalar("a string").string("a string");
  }

  /** A whole number from {@code min} to {@code max}. */
  static long integer(YamlNode node, long min, long max, String what) throws SpecException {
    long value = node.asScalar(what).integer(what);
    if (value < min || value > max) {
      throw node.expected(what);
    }
    return value;
  }

  /** A finite number of at least {@code min}. */
  static double atLeast(YamlNode node, double min, String what) throws SpecException {
    BigDecimal value = node.asScalar(what).decimal(what);
    if (value.compareTo(BigDecimal.valueOf(min)) < 0 || !Double.isFinite(value.doubleValue())) {
      throw node.expected(what);
    }
    return value.doubleValue();
  }

  /** A probability from 0 to 1. */
  static double probability(YamlNode node) throws SpecException {
    double p = atLeast(node, 0, "a probability from 0 to 1");
    if (p > 1) {
      throw node.expected("a probability from 0 to 1");
    }
    return p;
  }

  /** true or false. */
  static boolean bool(YamlNode node) throws SpecException {
    return node.asScalar("true or false").bool("true or false");
  }

  /** One of {@code labels}, with a did-you-mean for a near miss. */
  static String choice(YamlNode node, List<String> labels, String what) throws SpecException {
    String expected = what + ", one of: " + String.join(", ", labels);
    String label = node.asScalar(expected).string(expected);
    if (!labels.contains(label)) {
      throw node.error(node.expected(expected).detail() + Suggestions.didYouMean(label, labels));
    }
    return label;
  }
}
