package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.Quoting;
import dev.weir.simulator.spec.yaml.YamlDocument;
import java.util.regex.Pattern;

/**
 * Free text (names, tags, descriptions, paths) as a YAML scalar that reads back as the same string,
 * in a block or a flow collection: plain where that is safe, double-quoted and escaped otherwise.
 */
final class YamlScalar {

  /**
   * Text that is plain in any context: no indicator ({@code : # , [ ] { } " ' & * ! | > % @ `}),
   * no leading dash or space. Whether it reads as a string (not {@code true}, {@code 1.5},
   * {@code null}, …) is then asked of the parser itself.
   */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./ -]*");

  private YamlScalar() {}

  /** {@code text} as a scalar: {@code full}, {@code "true"}, {@code "a: b"}. */
  static String of(String text) {
    return PLAIN.matcher(text).matches() && readsAsItself(text) ? text : Quoting.quote(text);
  }

  /** Whether the core schema reads {@code text}, written plain, as the string {@code text}. */
  private static boolean readsAsItself(String text) {
    try {
      return YamlDocument.parse(text, "scalar").root().asScalar("a string").string("a string").equals(text);
    } catch (SpecException notAString) {
      return false;
    }
  }
}
