package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.check.RandomRun.Step;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.trace.TraceSnapshot;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random correct runs (seeded, {@link RandomRun}) always pass; the same runs with one defect
 * injected always fail with that defect as the first violation, named at the event it was injected
 * at. Long random runs full of defects far apart ({@link FarApartRun}) get exactly the counts and
 * first violation of {@link OrderingModel}, which keeps everything and bounds nothing. A failure
 * prints the seed: {@code new RandomRun(seed)} or {@code FarApartRun.write(seed)} rebuilds the run.
 */
class OrderingPropertyTest {

  private static final int RUNS = 300;
  private static final int FAR_APART_RUNS = 200;
  private static final Duration STALL_BOUND = Duration.ofMillis(1);
  private static final OrderingChecker CHECKER =
      new OrderingChecker(EventKind.DELIVERY, STALL_BOUND);

  /** What is injected; each returns the step the violation must name. */
  enum Defect {
    LOST("lost") {
      @Override
      Step inject(RandomRun run, String stream, long k) {
        run.remove(run.delivery(stream, k));
        return run.send(stream, k);
      }
    },
    DUPLICATE("duplicate") {
      @Override
      Step inject(RandomRun run, String stream, long k) {
        Step original = run.delivery(stream, k);
        return run.add(new Step(false, stream, k, original.appendNs + 1, original.pageNs));
      }
    },
    OUT_OF_ORDER("out-of-order") {
      @Override
      Step inject(RandomRun run, String stream, long k) {
        long first = Math.min(k, run.messages(stream) - 2);
        Step earlier = run.delivery(stream, first);
        Step later = run.delivery(stream, first + 1);
        earlier.sequence = first + 1;
        later.sequence = first;
        return later;
      }
    },
    PHANTOM("phantom") {
      @Override
      Step inject(RandomRun run, String stream, long k) {
        List<Step> deliveries = run.deliveries(stream);
        Step last = deliveries.get(deliveries.size() - 1);
        long never = run.messages(stream) + (k % 2 == 0 ? 0 : (1L << 40));
        return run.add(new Step(false, stream, never, last.appendNs + 1, last.pageNs));
      }
    },
    STALL("stall") {
      @Override
      Step inject(RandomRun run, String stream, long k) {
        long delay = 2 * STALL_BOUND.toNanos();
        for (Step delivery : run.deliveries(stream)) {
          if (delivery.sequence >= k) { // the page stops for a while: every later message waits
            delivery.pageNs += delay;
            delivery.appendNs += delay;
          }
        }
        return run.delivery(stream, k);
      }
    };

    final String label;

    Defect(String label) {
      this.label = label;
    }

    abstract Step inject(RandomRun run, String stream, long k);
  }

  @Test
  void correctRunsAlwaysPass() {
    for (long seed = 0; seed < RUNS; seed++) {
      Verdict v = CHECKER.check(new RandomRun(seed).write());
      assertEquals(Status.OK, v.status(), "seed " + seed + ": " + v.summary());
      assertEquals(v.count("sent"), v.count("ok"), "seed " + seed);
    }
  }

  @Test
  void longRunsWithDefectsFarApartAreJudgedAsTheModelJudgesThem() {
    for (long seed = 0; seed < FAR_APART_RUNS; seed++) {
      TraceSnapshot trace = FarApartRun.write(seed);
      Verdict v = CHECKER.check(trace);
      OrderingModel.Judgment expected = OrderingModel.judge(trace, STALL_BOUND.toNanos());

      String why = "seed " + seed + ": " + v.summary();
      assertEquals(expected.counts(), v.counts(), why);
      assertEquals(expected.defect(), v.firstViolation().map(Violation::defect).orElse(null), why);
      if (expected.defect() != null) {
        assertEquals(expected.index(), v.firstViolation().orElseThrow().event().index(), why);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Defect.class)
  void oneInjectedDefectIsAlwaysTheFirstViolation(Defect defect) {
    for (long seed = 0; seed < RUNS; seed++) {
      RandomRun run = new RandomRun(seed);
      String stream = run.anyStream();
      Step named = defect.inject(run, stream, run.nextInt(run.messages(stream)));
      Verdict v = CHECKER.check(run.write());

      String why = "seed " + seed + ", " + defect + " on " + stream + ": " + v.summary();
      assertEquals(Status.FAILED, v.status(), why);
      Violation violation = v.firstViolation().orElseThrow();
      assertEquals(defect.label, violation.defect(), why);
      TraceEvent event = violation.event();
      assertEquals(run.indexOf(named), event.index(), why);
      assertEquals(stream, event.stream(), why);
      assertEquals(named.sequence, event.sequence(), why);
      assertEquals(named.send ? EventKind.SEND : EventKind.DELIVERY, event.kind(), why);
    }
  }
}
