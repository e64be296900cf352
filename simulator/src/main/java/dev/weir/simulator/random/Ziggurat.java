package dev.weir.simulator.random;

/**
 * Marsaglia and Tsang's ziggurat for standard normal variates, in Doornik's ZIGNOR form
 * (128 layers; "An Improved Ziggurat Method to Generate Normal Random Samples", 2005).
 *
 * <p>Nearly 99% of draws cost one 64-bit word, one multiply and one comparison. The tables are
 * computed once with {@link StrictMath}, and the rejection paths use {@link StrictMath} too, so a
 * draw has the same bits on every JDK. Each rejection consumes the next draw number of the same
 * index ({@link CounterRandom#bits(long, int)}), which keeps the result a function of the index.
 */
final class Ziggurat {

  private static final int LAYERS = 128;
  private static final double R = 3.442619855899;
  private static final double V = 9.91256303526217e-3;
  private static final double TWO_POW_MINUS_52 = 0x1.0p-52;
  private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

  /** Right edges of the layers, from the base (index 0, which includes the tail) to the top (0). */
  private static final double[] X = new double[LAYERS + 1];
  /** {@code X[i + 1] / X[i]}: the part of layer {@code i} that lies wholly under the curve. */
  private static final double[] INNER = new double[LAYERS];

  static {
    double f = StrictMath.exp(-0.5 * R * R);
    X[0] = V / f;
    X[1] = R;
    for (int i = 2; i < LAYERS; i++) {
      X[i] = StrictMath.sqrt(-2 * StrictMath.log(V / X[i - 1] + f));
      f = StrictMath.exp(-0.5 * X[i] * X[i]);
    }
    X[LAYERS] = 0;
    for (int i = 0; i < LAYERS; i++) {
      INNER[i] = X[i + 1] / X[i];
    }
  }

  private Ziggurat() {}

  static double sample(CounterRandom random, long index) {
    long bits = random.bits(index); // draw 0, peeled out of the loop for the fast path
    int draw = 1;
    while (true) {
      double u = (bits >>> 11) * TWO_POW_MINUS_52 - 1; // [-1, 1)
      int layer = (int) bits & (LAYERS - 1);
      if (Math.abs(u) < INNER[layer]) {
        return u * X[layer];
      }
      if (layer == 0) {
        return tail(random, index, draw, u < 0);
      }
      double x = u * X[layer];
      double f0 = StrictMath.exp(-0.5 * (X[layer] * X[layer] - x * x));
      double f1 = StrictMath.exp(-0.5 * (X[layer + 1] * X[layer + 1] - x * x));
      if (f1 + openUniform(random.bits(index, draw++)) * (f0 - f1) < 1.0) {
        return x;
      }
      bits = random.bits(index, draw++);
    }
  }

  /** Marsaglia's method for the tail beyond {@link #R}. */
  private static double tail(CounterRandom random, long index, int draw, boolean negative) {
    double x;
    double y;
    do {
      x = StrictMath.log(openUniform(random.bits(index, draw++))) / R;
      y = StrictMath.log(openUniform(random.bits(index, draw++)));
    } while (-2 * y < x * x);
    return negative ? x - R : R - x;
  }

  /** A uniform double in (0, 1], safe to take the logarithm of. */
  private static double openUniform(long bits) {
    return ((bits >>> 11) + 1) * TWO_POW_MINUS_53;
  }
}
