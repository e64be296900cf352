package dev.weir.scenarios.report;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.util.Locale;

/** Text made safe for HTML, and the JSON escapes that let a JSON document sit inside a page. */
final class Html {

  private Html() {}

  /** {@code s} as HTML text or a quoted attribute value. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A status as a CSS class: {@code ok}, {@code non-strict}, {@code failed}, {@code informational},
   * {@code inconclusive}.
   */
  static String cssClass(String label) {
    return label.toLowerCase(Locale.ROOT);
  }

  /**
   * JSON escapes for a document inside {@code <script type="application/json">}: {@code <}, {@code
   * >} and {@code &} as {@code \}{@code u} escapes, so no {@code </script>} or comment can end the
   * element early, whatever the strings hold.
   */
  static final class ScriptSafe extends CharacterEscapes {

    private final int[] escapes = standardAsciiEscapesForJSON();

    ScriptSafe() {
      escapes['<'] = ESCAPE_STANDARD;
      escapes['>'] = ESCAPE_STANDARD;
      escapes['&'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null; // only the standard escapes above
    }
  }
}
