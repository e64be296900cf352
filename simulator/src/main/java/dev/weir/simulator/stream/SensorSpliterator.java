package dev.weir.simulator.stream;

import dev.weir.simulator.fault.FaultChain;
import dev.weir.simulator.signal.SensorSignal;
import dev.weir.simulator.spec.SensorSpec;
import dev.weir.simulator.spec.SimulationSpec;
import java.util.ArrayDeque;
import java.util.Spliterator;
import java.util.function.Consumer;

/**
 * One sensor's faulted readings for the sample indices {@code [from, to)}.
 *
 * <p>It splits by index range before traversal starts. Because values are seeked and faults keep
 * no state across indices (burst releases at a fixed time), the parts concatenate to exactly the
 * unsplit sequence, which is what makes a parallel ordered stream equal the sequential one.
 */
final class SensorSpliterator implements Spliterator<Reading> {

  private static final int BATCH = 256;
  private static final long MIN_SPLIT = 4096;

  private final SimulationSpec spec;
  private final SensorSpec sensor;
  private long next;
  private final long to;
  private final ArrayDeque<Reading> out = new ArrayDeque<>();
  private SensorSignal signal;
  private FaultChain faults;
  private double[] batch;
  private boolean finished;

  SensorSpliterator(SimulationSpec spec, SensorSpec sensor, long from, long to) {
    this.spec = spec;
    this.sensor = sensor;
    this.next = from;
    this.to = to;
  }

  @Override
  public boolean tryAdvance(Consumer<? super Reading> action) {
    while (out.isEmpty() && !finished) {
      generate();
    }
    Reading reading = out.poll();
    if (reading == null) {
      return false;
    }
    action.accept(reading);
    return true;
  }

  private void generate() {
    if (signal == null) {
      signal = SensorSignal.compile(spec.seed(), sensor);
      faults = FaultChain.of(spec, sensor, out::add);
      batch = new double[BATCH * signal.channels()];
    }
    if (next == to) {
      faults.finish();
      finished = true;
      return;
    }
    int width = signal.channels();
    int n = (int) Math.min(BATCH, to - next);
    signal.fill(next, n, batch);
    for (int k = 0; k < n; k++, next++) {
      long t = sensor.rate().timeOf(next);
      double[] values = new double[width];
      System.arraycopy(batch, k * width, values, 0, width);
      faults.accept(new Reading(sensor.id(), next, t, t, values));
    }
  }

  @Override
  public Spliterator<Reading> trySplit() {
    long size = to - next;
    if (signal != null || size < 2 * MIN_SPLIT) {
      return null;
    }
    long mid = next + size / 2;
    Spliterator<Reading> prefix = new SensorSpliterator(spec, sensor, next, mid);
    next = mid;
    return prefix;
  }

  @Override
  public long estimateSize() {
    return to - next;
  }

  @Override
  public int characteristics() {
    return ORDERED | NONNULL | IMMUTABLE;
  }
}
