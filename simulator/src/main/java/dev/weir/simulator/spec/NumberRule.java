package dev.weir.simulator.spec;

import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.function.DoublePredicate;

/** Which finite numbers a parameter accepts, and how the error message names them. */
record NumberRule(String expected, DoublePredicate accepts) {

  static final NumberRule ANY = new NumberRule("a number", v -> true);
  static final NumberRule NOT_NEGATIVE = new NumberRule("a number that is not negative", v -> v >= 0);
  static final NumberRule PROBABILITY = new NumberRule("a probability from 0 to 1", v -> v >= 0 && v <= 1);
  static final NumberRule OPEN_FRACTION = new NumberRule("a fraction strictly between 0 and 1", v -> v > 0 && v < 1);

  /** The node's value, if it is a finite number this rule accepts. */
  double check(YamlNode node) throws SpecException {
    double value = node.asScalar(expected).number(expected);
    if (!accepts.test(value)) {
      throw node.expected(expected);
    }
    return value;
  }
}
