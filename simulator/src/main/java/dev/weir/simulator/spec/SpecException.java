package dev.weir.simulator.spec;

import java.util.List;

/**
 * A problem in a spec or scenario file, with the place it was found.
 *
 * <p>It exists so that every bad input, whether broken YAML or an impossible value, reaches the
 * user as one line an editor can jump to: {@code file:line:column (byte offset): path: detail}.
 * When a parse finds several independent problems (two bad sensors, three unknown keys) they
 * travel together: this exception describes the first, and {@link #problems()} lists them all.
 */
public final class SpecException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final long byteOffset;
  private final String path;
  private final String detail;
  private final List<SpecException> problems;

  /**
   * A single problem.
   *
   * @param file the source name as given to the parser
   * @param line 1-based line
   * @param column 1-based column, in Unicode code points
   * @param byteOffset 0-based offset of the same place in the file's UTF-8 bytes
   * @param path where in the document, like {@code sensors[0].rate_hz}; empty for the document itself
   * @param detail what was expected and what was found
   */
  public SpecException(String file, int line, int column, long byteOffset, String path, String detail) {
    this(file, line, column, byteOffset, path, detail, null);
  }

  private SpecException(String file, int line, int column, long byteOffset, String path, String detail,
      List<SpecException> problems) {
    super(format(file, line, column, byteOffset, path, detail), null, false, false);
    this.file = file;
    this.line = line;
    this.column = column;
    this.byteOffset = byteOffset;
    this.path = path;
    this.detail = detail;
    this.problems = problems == null ? List.of(this) : List.copyOf(problems);
  }

  /**
   * Bundles problems found in one pass; the result describes the first.
   *
   * @param problems at least one; bundles among them are flattened
   */
  public static SpecException combine(List<SpecException> problems) {
    List<SpecException> flat = problems.stream().flatMap(p -> p.problems().stream()).toList();
    if (flat.size() == 1) {
      return flat.get(0);
    }
    SpecException first = flat.get(0);
    return new SpecException(first.file, first.line, first.column, first.byteOffset, first.path, first.detail, flat);
  }

  private static String format(String file, int line, int column, long byteOffset, String path, String detail) {
    String where = file + ":" + line + ":" + column + " (byte " + byteOffset + "): ";
    return path.isEmpty() ? where + detail : where + path + ": " + detail;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public long byteOffset() {
    return byteOffset;
  }

  public String path() {
    return path;
  }

  /** The message without the location prefix. */
  public String detail() {
    return detail;
  }

  /** Every problem found, in document order as far as parsing goes; never empty, this one first. */
  public List<SpecException> problems() {
    return problems;
  }
}
