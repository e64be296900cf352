package dev.weir.simulator.spec.yaml;

/**
 * User text in double quotes, as YAML reads it back and as one-line messages show it: the quote and
 * the backslash escaped, and every character YAML does not take as printable text (controls, line
 * and paragraph separators, the byte-order mark, lone surrogates, non-characters) written as an
 * escape, so nothing breaks the line or hides in it.
 */
public final class Quoting {

  private Quoting() {}

  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
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
