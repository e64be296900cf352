package dev.weir.harness.check;

import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.simulator.pacing.ManualWallClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A random correct run, seeded: one to three streams of sends, each message received by the page in
 * order within {@link #MAX_WAIT_NS} and reported in per-stream order after a random delay, so
 * deliveries of different streams interleave and lag their sends; one message in twenty has its
 * delivery recorded before its send. It is a plan of appends that one defect can be injected into
 * before it is written as a trace; {@link #indexOf} then says which event the defect shows at.
 */
final class RandomRun {

  static final long MAX_WAIT_NS = 50_000;

  /** One append: a send, or a delivery the page received at {@code pageNs}. */
  static final class Step {
    final boolean send;
    final String stream;
    long sequence;
    long appendNs;
    long pageNs;

    Step(boolean send, String stream, long sequence, long appendNs, long pageNs) {
      this.send = send;
      this.stream = stream;
      this.sequence = sequence;
      this.appendNs = appendNs;
      this.pageNs = pageNs;
    }
  }

  private final SplittableRandom random;
  private final List<Step> steps = new ArrayList<>();
  private final List<String> streams = new ArrayList<>();

  RandomRun(long seed) {
    random = new SplittableRandom(seed);
    int streamCount = 1 + random.nextInt(3);
    for (int s = 0; s < streamCount; s++) {
      String stream = "s" + s;
      streams.add(stream);
      plan(stream, 10 + random.nextInt(60));
    }
  }

  private void plan(String stream, int messages) {
    long sentNs = random.nextLong(10_000);
    long pageNs = 0;
    long reportNs = 0;
    for (int k = 0; k < messages; k++) {
      sentNs += 1_000 + random.nextLong(20_000);
      pageNs = Math.max(pageNs, sentNs + 1 + random.nextLong(MAX_WAIT_NS));
      reportNs = Math.max(reportNs, pageNs + random.nextLong(30_000));
      boolean reportFirst = random.nextInt(20) == 0;
      steps.add(new Step(true, stream, k, reportFirst ? reportNs + 1 : sentNs, 0));
      steps.add(new Step(false, stream, k, reportNs, pageNs));
    }
  }

  /** A stream of this run, at random. */
  String anyStream() {
    return streams.get(random.nextInt(streams.size()));
  }

  int messages(String stream) {
    return (int) steps.stream().filter(s -> s.send && s.stream.equals(stream)).count();
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  Step send(String stream, long sequence) {
    return find(true, stream, sequence);
  }

  Step delivery(String stream, long sequence) {
    return find(false, stream, sequence);
  }

  /** The deliveries of {@code stream}, in the order the page reported them. */
  List<Step> deliveries(String stream) {
    return steps.stream()
        .filter(s -> !s.send && s.stream.equals(stream))
        .sorted(Comparator.comparingLong(s -> s.appendNs))
        .toList();
  }

  void remove(Step step) {
    steps.remove(step);
  }

  Step add(Step step) {
    steps.add(step);
    return step;
  }

  /** The trace: every step appended in time order (ties in the order they were planned). */
  TraceSnapshot write() {
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    for (Step step : ordered()) {
      clock.sleepUntil(step.appendNs);
      int id = trace.stream(step.stream);
      if (step.send) {
        trace.send(id, step.sequence, 16, step.sequence * 1_000);
      } else {
        trace.delivery(id, step.sequence, 16, step.pageNs);
      }
    }
    return trace.snapshot();
  }

  /** The index {@code step} has in the trace {@link #write()} gives. */
  long indexOf(Step step) {
    return ordered().indexOf(step);
  }

  private List<Step> ordered() {
    List<Step> ordered = new ArrayList<>(steps);
    ordered.sort(Comparator.comparingLong(s -> s.appendNs));
    return ordered;
  }

  private Step find(boolean send, String stream, long sequence) {
    return steps.stream()
        .filter(s -> s.send == send && s.stream.equals(stream) && s.sequence == sequence)
        .findFirst()
        .orElseThrow();
  }
}
