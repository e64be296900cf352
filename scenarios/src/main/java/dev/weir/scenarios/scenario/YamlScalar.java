package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.SpecException;
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
    return PLAIN.matcher(text).matches() && readsAsItself(text) ? text : quoted(text);
  }

  /** Whether the core schema reads {@code text}, written plain, as the string {@code text}. */
  private static boolean readsAsItself(String text) {
    try {
      return YamlDocument.parse(text, "scalar").root().asScalar("a string").string("a string").equals(text);
    } catch (SpecException notAString) {
      return false;
    }
  }

  /**
   * Double-quoted, escaping the quote, the backslash and every character YAML does not take as
   * printable text (controls, line and paragraph separators, the byte-order mark, lone surrogates,
   * non-characters).
   */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (printable(cp)) {
            out.appendCodePoint(cp);
          } else {
            out.append(String.format("\\u%04x", cp));
          }
        }
      }
    });
    return out.append('"').toString();
  }

  /** YAML's printable set, less what a reader might take as a line break or a byte-order mark. */
  private static boolean printable(int cp) {
    return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff && cp != 0x2028 && cp != 0x2029)
        || (cp >= 0xe000 && cp <= 0xfffd && cp != 0xfeff) || cp >= 0x10000;
  }
}
