package dev.weir.simulator.random;

import java.nio.charset.StandardCharsets;

/**
 * Derives the 64-bit key of a random stream from the names that identify it.
 *
 * <p>The key hashes the UTF-8 bytes of the names (never {@link String#hashCode()}, whose 32 bits
 * collide easily), so a stream's values depend only on what it is, not on the order in which a
 * spec declares sensors or on how many other streams exist.
 */
public final class RandomKey {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private RandomKey() {}

  /**
   * The key of one stream.
   *
   * @param sensor the sensor id, never null
   * @param purpose what the draws are for, e.g. a signal term path or {@code "fault/2"}; never null
   * @param ordinal distinguishes parallel streams of one purpose, e.g. the channel number
   * @return a well-mixed 64-bit key
   */
  public static long of(String sensor, String purpose, int ordinal) {
    long h = FNV_OFFSET;
    h = hashBytes(h, sensor.getBytes(StandardCharsets.UTF_8));
    // A separator byte that UTF-8 text never contains keeps ("ab", "c") apart from ("a", "bc").
    h = (h ^ 0xff) * FNV_PRIME;
    h = hashBytes(h, purpose.getBytes(StandardCharsets.UTF_8));
    h = (h ^ 0xff) * FNV_PRIME;
    for (int shift = 0; shift < 32; shift += 8) {
      h = (h ^ ((ordinal >>> shift) & 0xff)) * FNV_PRIME;
    }
    return CounterRandom.mix(h);
  }

  private static long hashBytes(long h, byte[] bytes) {
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    return h;
  }
}
