package dev.weir.simulator.mcap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints a JSON tree of strings, lists and string-keyed maps the way the MCAP conformance suite does (the
 * json-stringify-pretty-compact layout, 80 columns, 2-space indent): a value goes on one line when it fits, else its
 * elements go one per line. Object keys follow JavaScript order: integer-like keys ascending first, then the rest in
 * insertion order.
 */
final class CompactJson {
  private static final int MAX_LENGTH = 80;
  private static final String INDENT = "  ";

  private CompactJson() {}

  static String stringify(Object value) {
    return render(value, "", 0);
  }

  /**
   * {@code value} laid out as if it stood at {@code indent} with {@code reserved} characters after it on its line
   * (a key before it, a comma after it).
   */
  static String render(Object value, String indent, int reserved) {
    String flat = flat(value, false);
    int available = MAX_LENGTH - indent.length() - reserved;
    if (flat.length() <= available) {
      String pretty = flat(value, true);
      if (pretty.length() <= available) {
        return pretty;
      }
    }
    String next = indent + INDENT;
    List<String> items = new ArrayList<>();
    String open;
    String close;
    if (value instanceof List<?> list) {
      open = "[";
      close = "]";
      for (int i = 0; i < list.size(); i++) {
        items.add(render(list.get(i), next, i == list.size() - 1 ? 0 : 1));
      }
    } else if (value instanceof Map<?, ?> map) {
      open = "{";
      close = "}";
      List<String> keys = orderedKeys(map);
      for (int i = 0; i < keys.size(); i++) {
        String keyPart = quote(keys.get(i)) + ": ";
        items.add(keyPart + render(map.get(keys.get(i)), next, keyPart.length()
          + (i == keys.size() - 1 ? 0 : 1)));
      }
    } else {
      return flat;
    }
    if (items.isEmpty()) {
      return flat;
    }
    return open + "\n" + next + String.join(",\n" + next, items) + "\n" + indent + close;
  }

  /** One-line JSON; {@code spaced} puts a space after every ':' and ',' as the suite's printer does. */
  static String flat(Object value, boolean spaced) {
    StringBuilder sb = new StringBuilder();
    appendFlat(sb, value, spaced ? ", " : ",", spaced ? ": " : ":");
    return sb.toString();
  }

  private static void appendFlat(StringBuilder sb, Object value, String comma, String colon) {
    if (value instanceof String s) {
      sb.append(quote(s));
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : comma);
        appendFlat(sb, list.get(i), comma, colon);
      }
      sb.append(']');
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      List<String> keys = orderedKeys(map);
      for (int i = 0; i < keys.size(); i++) {
        sb.append(i == 0 ? "" : comma).append(quote(keys.get(i))).append(colon);
        appendFlat(sb, map.get(keys.get(i)), comma, colon);
      }
      sb.append('}');
    } else {
      throw new IllegalArgumentException("not a JSON tree node: " + value);
    }
  }

  private static List<String> orderedKeys(Map<?, ?> map) {
    List<String> indexes = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (Object k : map.keySet()) {
      String key = (String) k;
      (isArrayIndex(key) ? indexes : others).add(key);
    }
    indexes.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    indexes.addAll(others);
    return indexes;
  }

  /** JavaScript's canonical array index: "0" or digits without a leading zero, below 2^32 - 1. */
  private static boolean isArrayIndex(String key) {
    if (key.isEmpty() || key.length() > 10 || (key.length() > 1 && key.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        return false;
      }
    }
    return Long.parseLong(key) < 0xFFFF_FFFFL;
  }

  /** A string literal escaped as JavaScript's JSON.stringify escapes it. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          boolean loneSurrogate = Character.isHighSurrogate(c)
            ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
          if (c < 0x20 || loneSurrogate) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
