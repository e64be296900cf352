package dev.weir.simulator.fault;

import dev.weir.simulator.stream.Reading;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds the readings sampled in the window and emits them together, in index order, when it ends:
 * their {@code timeNs} becomes the window end (or the end of the run, if sooner), their stamps are
 * kept. Emission times stay non-decreasing because every later reading was sampled at or after
 * the window end. Held readings are kept in memory.
 */
final class BurstFault implements ReadingTransform {

  private final FaultWindow window;
  private final long releaseNs;
  private final List<Reading> held = new ArrayList<>();

  BurstFault(FaultWindow window, long durationNs) {
    this.window = window;
    this.releaseNs = Math.min(window.endNs(), durationNs);
  }

  @Override
  public void accept(Reading reading, Consumer<Reading> out) {
    if (window.contains(reading)) {
      held.add(reading);
    } else {
      finish(out);
      out.accept(reading);
    }
  }

  @Override
  public void finish(Consumer<Reading> out) {
    for (Reading r : held) {
      out.accept(new Reading(r.sensor(), r.index(), Math.max(r.timeNs(), releaseNs), r.stampNs(), r.values()));
    }
    held.clear();
  }
}
