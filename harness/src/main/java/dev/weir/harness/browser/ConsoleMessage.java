package dev.weir.harness.browser;

/**
 * One {@code console.*} call or browser message from a page.
 *
 * @param level CEF's severity name: VERBOSE (console.debug), INFO (log, info), WARNING, ERROR
 * @param source the script URL, empty when unknown
 */
public record ConsoleMessage(String level, String message, String source, int line) {

  @Override
  public String toString() {
    return level + " " + source + ":" + line + " " + message;
  }
}
