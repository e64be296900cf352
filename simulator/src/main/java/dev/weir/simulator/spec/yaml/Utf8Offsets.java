package dev.weir.simulator.spec.yaml;

/**
 * Converts snakeyaml's code-point indexes into UTF-8 byte offsets.
 *
 * <p>Keeps a checkpoint every {@value #STRIDE} code points so a lookup scans at most that many,
 * whatever order nodes are asked for in (aliases point backwards).
 */
final class Utf8Offsets {

  private static final int STRIDE = 1024;

  private final String text;
  private final int[] charIndex;
  private final long[] byteOffset;

  Utf8Offsets(String text) {
    this.text = text;
    int checkpoints = text.codePointCount(0, text.length()) / STRIDE + 1;
    charIndex = new int[checkpoints];
    byteOffset = new long[checkpoints];
    int chars = 0;
    long bytes = 0;
    for (int cp = 0, k = 0; k < checkpoints; cp++) {
      if (cp % STRIDE == 0) {
        charIndex[k] = chars;
        byteOffset[k] = bytes;
        k++;
        if (k == checkpoints) {
          break;
        }
      }
      int codePoint = text.codePointAt(chars);
      chars += Character.charCount(codePoint);
      bytes += utf8Length(codePoint);
    }
  }

  /** The UTF-8 byte offset of code point {@code index}; an index past the end counts from the end. */
  long byteOffset(int index) {
    int k = Math.min(index / STRIDE, charIndex.length - 1);
    int chars = charIndex[k];
    long bytes = byteOffset[k];
    for (int cp = k * STRIDE; cp < index && chars < text.length(); cp++) {
      int codePoint = text.codePointAt(chars);
      chars += Character.charCount(codePoint);
      bytes += utf8Length(codePoint);
    }
    return bytes;
  }

  private static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    }
    if (codePoint < 0x800) {
      return 2;
    }
    return codePoint < 0x10000 ? 3 : 4;
  }
}
