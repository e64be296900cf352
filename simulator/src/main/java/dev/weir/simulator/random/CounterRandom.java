package dev.weir.simulator.random;

/**
 * A seekable random stream: draw {@code i} is a pure function of (seed, key, i).
 *
 * <p>Sequential generators ({@link java.util.Random}, {@link java.util.SplittableRandom}) make
 * value {@code i} depend on every value before it, so a stream cannot be seeked or split into
 * chunks without replaying it. Here draw {@code i} is SplitMix64 positioned directly at {@code i}:
 * {@code mix(base + i * γ)} with γ the 64-bit golden ratio and {@code mix} Stafford's "Mix13"
 * finalizer (the one in {@link java.util.SplittableRandom}), which passes BigCrush on this
 * counter sequence. The stream base is itself {@code mix(key ^ mix(seed))}. Two streams are
 * the same sequence shifted by {@code (base₂ - base₁) / γ mod 2⁶⁴}, a pseudo-random 64-bit
 * offset, so overlap within the 2⁴⁰ samples a run can use has probability about 2⁻²³ per pair.
 *
 * <p>Only integer arithmetic and IEEE {@code + - *} are used on the fast paths; the rare
 * Gaussian rejections use {@link StrictMath}, so every draw has the same bits on every JDK.
 * Instances are immutable and thread-safe.
 */
public final class CounterRandom {

  static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

  private final long base;

  private CounterRandom(long base) {
    this.base = base;
  }

  /** The stream of {@code key} (see {@link RandomKey}) under {@code seed}. */
  public static CounterRandom of(long seed, long key) {
    return new CounterRandom(mix(key ^ mix(seed)));
  }

  /** Draw {@code index} of stream (seed, key), without building a stream object. */
  public static long bits(long seed, long key, long index) {
    return of(seed, key).bits(index);
  }

  /** 64 uniformly distributed bits for {@code index}. */
  public long bits(long index) {
    return mix(base + index * GOLDEN_GAMMA);
  }

  /** A uniform double in [0, 1) from the top 53 bits of draw {@code index}. */
  public double uniform(long index) {
    return (bits(index) >>> 11) * TWO_POW_MINUS_53;
  }

  /** A standard normal variate (mean 0, variance 1) for {@code index}; see {@link Ziggurat}. */
  public double gaussian(long index) {
    return Ziggurat.sample(this, index);
  }

  /**
   * Further draws for {@code index}, for methods that need more than 64 bits now and then; draw 0
   * is {@link #bits(long)}. Draw {@code n > 0} comes from a sub-stream keyed by {@code n}, so it
   * never coincides with draw 0 of a neighbouring index.
   */
  long bits(long index, int draw) {
    return draw == 0 ? bits(index) : mix(mix(base + draw) + index * GOLDEN_GAMMA);
  }

  /** Stafford's Mix13 64-bit finalizer: a bijection with full avalanche. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
