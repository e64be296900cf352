package dev.weir.simulator.signal;

/** The sum of its terms, added left to right. Not thread-safe: {@link #fill} reuses a scratch array. */
final class SumSignal implements ChannelSignal {

  private final ChannelSignal[] terms;
  private double[] scratch = new double[0];

  SumSignal(ChannelSignal[] terms) {
    this.terms = terms;
  }

  @Override
  public double value(long index) {
    double sum = terms[0].value(index);
    for (int k = 1; k < terms.length; k++) {
      sum += terms[k].value(index);
    }
    return sum;
  }

  @Override
  public void fill(long from, int count, double[] out) {
    terms[0].fill(from, count, out);
    if (scratch.length < count) {
      scratch = new double[count];
    }
    for (int k = 1; k < terms.length; k++) {
      terms[k].fill(from, count, scratch);
      for (int i = 0; i < count; i++) {
        out[i] += scratch[i];
      }
    }
  }
}
