package dev.weir.simulator.spec.yaml;

/**
 * A place in a source file, as editors and byte-oriented tools count it.
 *
 * @param file the source name given to the parser
 * @param line 1-based
 * @param column 1-based, in Unicode code points
 * @param byteOffset 0-based offset into the file's UTF-8 bytes; differs from the character
 *     offset as soon as a multi-byte character precedes the place
 */
public record Position(String file, int line, int column, long byteOffset) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + " (byte " + byteOffset + ")";
  }
}
