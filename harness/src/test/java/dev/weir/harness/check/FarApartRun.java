package dev.weir.harness.check;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.simulator.pacing.ManualWallClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A long random run, seeded, with defects far apart, for comparing the ordering checker with {@link
 * OrderingModel}: one to three streams of 500 to 5,000 messages (every 50th seed, 100,000), sent
 * every 0.5 to 2.5 µs and received in order within 50 µs, but now and then:
 *
 * <ul>
 *   <li>held back up to 20 ms, so thousands of newer ones overtake it (often a stall);
 *   <li>never arriving, or dropped with the drop recorded up to 200 ms away (before or after its
 *       send), arriving anyway or not;
 *   <li>arriving two to four times, or sent twice, the second copy up to 300 ms later;
 *   <li>a burst of 50 to 500 messages whose sends are recorded 2 ms late, after their deliveries;
 *   <li>numbered with gaps, some of 2^32, a few of them sent late;
 *   <li>and phantoms: just above the last sequence, 2^40 above it, or in a gap.
 * </ul>
 *
 * Times are on a manual clock; the same seed gives the same trace.
 */
final class FarApartRun {

  private static final int SEND = 0;
  private static final int DELIVERY = 1;
  private static final int DROP = 2;

  private record Step(long appendNs, int kind, String stream, long sequence, long pageNs) {}

  private final SplittableRandom random;
  private final List<Step> steps = new ArrayList<>();

  private FarApartRun(long seed) {
    random = new SplittableRandom(seed);
    int streams = 1 + random.nextInt(3);
    int messages = seed % 50 == 49 ? 100_000 : 500 + random.nextInt(4_501);
    for (int s = 0; s < streams; s++) {
      plan("s" + s, messages);
    }
  }

  /** The trace of run {@code seed}. */
  static TraceSnapshot write(long seed) {
    List<Step> steps = new ArrayList<>(new FarApartRun(seed).steps);
    steps.sort(Comparator.comparingLong(Step::appendNs));
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    for (Step step : steps) {
      clock.advance(Math.max(0, step.appendNs - clock.nanoTime()));
      int id = trace.stream(step.stream);
      switch (step.kind) {
        case SEND -> trace.send(id, step.sequence, 16, 0);
        case DELIVERY -> trace.delivery(id, step.sequence, 16, step.pageNs);
        default -> trace.lifecycle(EventKind.DROP, id, step.sequence, "drop-oldest");
      }
    }
    return trace.snapshot();
  }

  private void plan(String stream, int messages) {
    long sequence = random.nextInt(4) == 0 ? random.nextLong(1L << 20) : 0;
    long sentNs = random.nextLong(10_000);
    long pageNs = 0;
    long reportNs = 0;
    long burstEnd = -1;
    List<Long> gaps = new ArrayList<>();
    for (int k = 0; k < messages; k++, sequence++) {
      if (random.nextInt(400) == 0) {
        gaps.add(sequence++);
      }
      if (random.nextInt(3_000) == 0) {
        sequence += 1L << 32;
      }
      sentNs += 500 + random.nextLong(2_000);
      pageNs = Math.max(pageNs, sentNs + 1 + random.nextLong(50_000));
      reportNs = Math.max(reportNs, pageNs + random.nextLong(30_000));
      if (k > burstEnd && random.nextInt(300) == 0) {
        burstEnd = k + 50 + random.nextInt(451);
      }
      add(k <= burstEnd ? sentNs + 2_000_000 : sentNs, SEND, stream, sequence, 0);
      fate(stream, sequence, sentNs, pageNs, reportNs);
    }
    for (int p = random.nextInt(3); p > 0; p--) {
      long phantom =
          switch (random.nextInt(3)) {
            case 0 -> sequence + random.nextInt(100);
            case 1 -> sequence + (1L << 40) + random.nextInt(10);
            default -> gaps.isEmpty() ? sequence : gaps.remove(random.nextInt(gaps.size()));
          };
      deliverAt(random.nextLong(sentNs), stream, phantom);
    }
    if (!gaps.isEmpty() && random.nextBoolean()) {
      long late = gaps.get(random.nextInt(gaps.size()));
      long lateNs = random.nextLong(sentNs);
      add(lateNs, SEND, stream, late, 0);
      if (random.nextBoolean()) {
        deliverAt(lateNs + random.nextLong(100_000_000), stream, late);
      }
    }
  }

  /** What becomes of one message sent at {@code sentNs}: mostly, received in order. */
  private void fate(String stream, long sequence, long sentNs, long pageNs, long reportNs) {
    int fate = random.nextInt(1_000);
    if (fate < 5) {
      long heldNs = sentNs + 100_000 + random.nextLong(20_000_000);
      add(heldNs + random.nextLong(1_000), DELIVERY, stream, sequence, heldNs);
    } else if (fate < 8) {
      return; // lost
    } else if (fate < 12) {
      add(Math.max(0, sentNs - 5_000 + random.nextLong(200_000_000)), DROP, stream, sequence, 0);
      if (random.nextBoolean()) {
        add(reportNs, DELIVERY, stream, sequence, pageNs);
      }
    } else {
      add(reportNs, DELIVERY, stream, sequence, pageNs);
      if (fate < 15) {
        for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
          deliverAt(sentNs + random.nextLong(300_000_000), stream, sequence);
        }
      } else if (fate < 17) {
        add(sentNs + random.nextLong(300_000_000), SEND, stream, sequence, 0);
      }
    }
  }

  private void deliverAt(long ns, String stream, long sequence) {
    add(ns, DELIVERY, stream, sequence, ns);
  }

  private void add(long appendNs, int kind, String stream, long sequence, long pageNs) {
    steps.add(new Step(appendNs, kind, stream, sequence, pageNs));
  }
}
