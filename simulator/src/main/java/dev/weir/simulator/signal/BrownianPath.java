package dev.weir.simulator.signal;

import dev.weir.simulator.random.CounterRandom;

/**
 * A standard Brownian path {@code B} sampled at the integers {@code 0 .. 2⁴⁰}, built by midpoint
 * displacement (the Lévy–Ciesielski construction) so that any {@code B(i)} costs at most 40
 * Gaussian draws, whatever {@code i}.
 *
 * <p>{@code B(0) = 0} and {@code B(2⁴⁰) = 2²⁰ · Z}. The midpoint {@code m} of a dyadic interval of
 * length {@code L} is {@code (B(lo) + B(hi)) / 2 + (√L / 2) · Z_m}, the Brownian bridge's
 * conditional law, with {@code Z_m} drawn at index {@code m} (every integer in (0, 2⁴⁰) is the
 * midpoint of exactly one dyadic interval). The increments {@code B(i + 1) - B(i)} are therefore
 * iid N(0, 1): a Gaussian random walk, but one that can be seeked.
 *
 * <p>{@link #fill} evaluates whole aligned blocks of 1024 samples top-down, about one Gaussian per
 * sample, and keeps the last block; every value is computed from the same operands in the same
 * order as {@link #at}, so both paths give identical bits. Instances are not thread-safe.
 */
final class BrownianPath {

  static final int LEVELS = 40;
  static final long HORIZON = 1L << LEVELS;
  private static final int BLOCK_LEVELS = 10;
  private static final int BLOCK = 1 << BLOCK_LEVELS;
  /** {@code [k]}: standard deviation of the midpoint of an interval of length 2^k, i.e. √(2^k) / 2. */
  private static final double[] MIDPOINT_STDDEV = new double[LEVELS + 1];

  static {
    for (int k = 0; k <= LEVELS; k++) {
      MIDPOINT_STDDEV[k] = StrictMath.sqrt((double) (1L << k)) / 2;
    }
  }

  private final CounterRandom random;
  private final double end;
  private final double[] block = new double[BLOCK + 1];
  private long cachedBlock = -1;

  BrownianPath(CounterRandom random) {
    this.random = random;
    this.end = (1L << (LEVELS / 2)) * random.gaussian(HORIZON);
  }

  /** {@code B(index)} for {@code 0 <= index <= 2⁴⁰}. */
  double at(long index) {
    if (index < 0 || index > HORIZON) {
      throw new IllegalArgumentException(
          "random walk index must be in [0, 2^40 = " + HORIZON + "]: " + index);
    }
    long lo = 0;
    double bLo = 0;
    double bHi = end;
    for (int level = LEVELS; level > 0; level--) {
      if (index == lo) {
        return bLo;
      }
      long mid = lo + (1L << (level - 1));
      double bMid = midpoint(bLo, bHi, level, mid);
      if (index < mid) {
        bHi = bMid;
      } else {
        lo = mid;
        bLo = bMid;
      }
    }
    return index == lo ? bLo : bHi;
  }

  /** Writes {@code B(from + i)} to {@code out[i]} for {@code i < count}. */
  void fill(long from, int count, double[] out) {
    int done = 0;
    while (done < count) {
      long index = from + done;
      loadBlock(index >>> BLOCK_LEVELS);
      int offset = (int) (index & (BLOCK - 1));
      int n = Math.min(count - done, BLOCK - offset);
      System.arraycopy(block, offset, out, done, n);
      done += n;
    }
  }

  private void loadBlock(long blockIndex) {
    if (blockIndex == cachedBlock) {
      return;
    }
    long base = blockIndex << BLOCK_LEVELS;
    block[0] = blockIndex == cachedBlock + 1 ? block[BLOCK] : at(base);
    block[BLOCK] = at(base + BLOCK);
    for (int level = BLOCK_LEVELS; level > 0; level--) {
      int half = 1 << (level - 1);
      for (int j = half; j < BLOCK; j += 2 * half) {
        block[j] = midpoint(block[j - half], block[j + half], level, base + j);
      }
    }
    cachedBlock = blockIndex;
  }

  private double midpoint(double bLo, double bHi, int level, long mid) {
    return (bLo + bHi) * 0.5 + MIDPOINT_STDDEV[level] * random.gaussian(mid);
  }
}
