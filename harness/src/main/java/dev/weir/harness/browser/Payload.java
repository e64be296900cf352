package dev.weir.harness.browser;

import java.util.Arrays;
import java.util.Base64;

/**
 * What crosses the bridge: JSON text, or raw bytes that arrive in JavaScript as an ArrayBuffer.
 *
 * <p>Bytes travel base64-encoded because CEF's message router carries strings only.
 */
public sealed interface Payload {

  /** JSON text, passed through unparsed. */
  static Payload json(String text) {
    return new Json(text);
  }

  /** Raw bytes; the array is copied. */
  static Payload bytes(byte[] bytes) {
    return new Bytes(bytes.clone());
  }

  /** The bridge's wire form: {@code j} and JSON text, or {@code b} and base64. */
  String encode();

  /** Its size in bytes, JSON text counted as UTF-8: what thresholds and windows compare. */
  int size();

  /** Parses the wire form made by {@link #encode()} or by the page's {@code window.weir}. */
  static Payload decode(String wire) {
    if (wire.isEmpty()) {
      throw new IllegalArgumentException("Empty bridge payload: expected 'j' or 'b' and data");
    }
    return switch (wire.charAt(0)) {
      case 'j' -> new Json(wire.substring(1));
      case 'b' -> new Bytes(Base64.getDecoder().decode(wire.substring(1)));
      default -> throw new IllegalArgumentException(
          "Bridge payload starts with '" + wire.charAt(0) + "': expected 'j' or 'b'");
    };
  }

  /** JSON text. */
  record Json(String text) implements Payload {
    public Json {
      if (text == null) {
        throw new NullPointerException("text");
      }
    }

    @Override
    public String encode() {
      return "j" + text;
    }

    /** The UTF-8 length, counted without encoding the text. */
    @Override
    public int size() {
      int bytes = 0;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x80) {
          bytes += 1;
        } else if (c < 0x800) {
          bytes += 2;
        } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          bytes += 4;
          i++;
        } else {
          bytes += 3;
        }
      }
      return bytes;
    }
  }

  /** Raw bytes; {@link #bytes()} returns a copy. */
  record Bytes(byte[] bytes) implements Payload {
    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The number of bytes, without copying them. */
    @Override
    public int size() {
      return bytes.length;
    }

    @Override
    public String encode() {
      return "b" + Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Bytes[" + bytes.length + "]";
    }
  }
}
