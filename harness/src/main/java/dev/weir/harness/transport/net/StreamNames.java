package dev.weir.harness.transport.net;

import java.util.regex.Pattern;

/**
 * Stream names travel as a URL path segment, so they are limited to characters that need no
 * escaping.
 */
final class StreamNames {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private StreamNames() {}

  static String check(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Stream name must be 1 to 64 of A-Z a-z 0-9 . _ - but was "
              + (name == null ? "null" : "'" + name + "'"));
    }
    return name;
  }

  static boolean isValid(String name) {
    return NAME.matcher(name).matches();
  }
}
