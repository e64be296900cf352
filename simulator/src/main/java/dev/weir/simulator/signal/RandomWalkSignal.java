package dev.weir.simulator.signal;

/**
 * {@code start + stepStddev · B(i)} for a seekable Brownian path {@code B}, reflected into
 * [{@code min}, {@code max}]: a value that would leave the interval bounces back off the bound,
 * so a walk with two finite bounds folds with period {@code 2 (max - min)}.
 */
final class RandomWalkSignal implements ChannelSignal {

  private final BrownianPath path;
  private final double start;
  private final double stepStddev;
  private final double min;
  private final double max;

  RandomWalkSignal(BrownianPath path, double start, double stepStddev, double min, double max) {
    this.path = path;
    this.start = start;
    this.stepStddev = stepStddev;
    this.min = min;
    this.max = max;
  }

  @Override
  public double value(long index) {
    return reflect(start + stepStddev * path.at(index));
  }

  @Override
  public void fill(long from, int count, double[] out) {
    path.fill(from, count, out);
    for (int i = 0; i < count; i++) {
      out[i] = reflect(start + stepStddev * out[i]);
    }
  }

  private double reflect(double v) {
    boolean hasMin = min != Double.NEGATIVE_INFINITY;
    boolean hasMax = max != Double.POSITIVE_INFINITY;
    if (hasMin && hasMax) {
      double width = max - min;
      double period = 2 * width;
      double y = v - min;
      y -= period * Math.floor(y / period);
      if (y > width) {
        y = period - y;
      }
      // Rounding in min + y can land one ulp outside; the bounds are a promise.
      return Math.max(min, Math.min(max, min + y));
    }
    if (hasMin && v < min) {
      return 2 * min - v;
    }
    if (hasMax && v > max) {
      return 2 * max - v;
    }
    return v;
  }
}
