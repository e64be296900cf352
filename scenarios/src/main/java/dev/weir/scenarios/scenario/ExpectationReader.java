package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.Durations;
import dev.weir.harness.trace.EventKind;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.Problems;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code expect:}, one key per checker, each a mapping of its settings (or nothing, for the
 * defaults), into {@link Expectation}s in file order. Defaults come from what the scenario already
 * says: the backpressure bounds from the transport's window, the reconnect policy and the buffer
 * capacity from the frontend's configuration.
 */
final class ExpectationReader {

  static final String WHAT = "expectations like {ordering: {stall: 1s}, buffer: {capacity: 500}}";

  private static final List<String> ARRIVALS = List.of(EventKind.CONSUME.label(), EventKind.DELIVERY.label());
  private static final String SAME_AS_FRONTEND = "same-as-frontend";
  private static final long DAY_NS = 86_400_000_000_000L;

  /**
   * The largest {@code ordering.window} format v1 allowed. The ordering checker no longer holds a
   * window, but files that set one still parse, with no effect (docs/scenario-format.md).
   */
  static final int OBSOLETE_WINDOW_MAX = 1 << 30;

  private final Fields expect;
  private final TransportSpec transport;
  private final FrontendSpec frontend;

  ExpectationReader(Fields expect, TransportSpec transport, FrontendSpec frontend) {
    this.expect = expect;
    this.transport = transport;
    this.frontend = frontend;
  }

  List<Expectation> read() throws SpecException {
    expect.allowOnly(Expectation.KEYS, "expect");
    Problems problems = new Problems();
    List<Expectation> expectations = new ArrayList<>();
    for (String key : expect.keys()) {
      problems.attempt(() -> {
        Fields settings = expect.section(key, "the " + key + " checker's settings, a mapping (or nothing, for the defaults)");
        return switch (key) {
          case "ordering" -> ordering(settings);
          case "cleanup" -> cleanup(settings);
          case "backpressure" -> backpressure(settings);
          case "reconnect" -> reconnect(settings);
          default -> buffer(settings);
        };
      }).ifPresent(expectations::add);
    }
    problems.throwIfAny();
    return expectations;
  }

  private static Expectation ordering(Fields settings) throws SpecException {
    settings.allowOnly(List.of("arrivals", "stall", "window"), "ordering expectation");
    Optional<YamlNode> arrivals = settings.get("arrivals");
    Optional<YamlNode> stall = settings.get("stall");
    Optional<YamlNode> window = settings.get("window");
    if (window.isPresent()) { // obsolete: checked as format v1 defined it, then dropped
      Values.integer(window.get(), 1, OBSOLETE_WINDOW_MAX, "a window of 1 to " + OBSOLETE_WINDOW_MAX
          + " sequences (obsolete and ignored: the ordering checker is exact at any distance)");
    }
    String label = arrivals.isPresent() ? Values.choice(arrivals.get(), ARRIVALS, "an arrival event") : ARRIVALS.get(0);
    return new Expectation.Ordering(
        label.equals(EventKind.CONSUME.label()) ? EventKind.CONSUME : EventKind.DELIVERY,
        stall.isPresent() ? Durations.positive(stall.get()) : Expectation.Ordering.DEFAULT_STALL_NS);
  }

  private static Expectation cleanup(Fields settings) throws SpecException {
    settings.allowOnly(List.of("within", "gauges"), "cleanup expectation");
    Optional<YamlNode> within = settings.get("within");
    Map<String, Long> gauges = new LinkedHashMap<>(Expectation.Cleanup.DEFAULT_GAUGES);
    Fields declared = settings.section("gauges", "gauge tolerances like {js-heap-bytes: 1MiB, listeners: 0}");
    for (String metric : declared.keys()) {
      if (!Values.SAFE_ID.matcher(metric).matches()) {
        throw declared.keyError(metric, "expected a gauge metric name like js-heap-bytes, found \"" + metric + "\"");
      }
      gauges.put(metric, Units.size(declared.get(metric).orElseThrow()));
    }
    return new Expectation.Cleanup(
        within.isPresent() ? Durations.positive(within.get()) : Expectation.Cleanup.DEFAULT_WITHIN_NS, gauges);
  }

  /**
   * Bounds default to what the window lets be in flight at a send, that send included (docs/checkers.md):
   * the window, plus one send waiting under block and drop-newest, two under latest-only (the kept
   * newest and the next), a window's worth and one under drop-oldest; in bytes, the window's bytes
   * once more for each message beyond the window, so a message is assumed no larger than the window.
   */
  private Expectation backpressure(Fields settings) throws SpecException {
    settings.allowOnly(List.of("max_in_flight", "max_in_flight_bytes", "clock_tolerance"), "backpressure expectation");
    if (transport.window().isEmpty()) {
      throw expect.keyError("backpressure", "expected a transport window to judge (transport: {window: {messages:"
          + " 16, policy: block}}); backpressure checks a credit window's bounds and policy, and this transport has none");
    }
    TransportSpec.Window window = transport.window().get();
    long messages = window.messages() + switch (window.policy()) {
      case BLOCK, DROP_NEWEST -> 1L;
      case LATEST_ONLY -> 2L;
      case DROP_OLDEST -> window.messages() + 1L;
    };
    long bytes = window.bytes() > Long.MAX_VALUE / (messages - window.messages() + 1)
        ? Long.MAX_VALUE : window.bytes() * (messages - window.messages() + 1);
    Optional<YamlNode> maxInFlight = settings.get("max_in_flight");
    Optional<YamlNode> maxBytes = settings.get("max_in_flight_bytes");
    Optional<YamlNode> tolerance = settings.get("clock_tolerance");
    String bound = "a whole number of messages from 1 to " + Expectation.Backpressure.MAX_IN_FLIGHT;
    if (maxInFlight.isEmpty() && messages > Expectation.Backpressure.MAX_IN_FLIGHT) {
      throw expect.keyError("backpressure", "expected max_in_flight (" + bound + "): the window of "
          + window.messages() + " with " + TransportSpec.Window.label(window.policy()) + " allows " + messages);
    }
    return new Expectation.Backpressure(window.policy(),
        maxInFlight.isPresent()
            ? (int) Values.integer(maxInFlight.get(), 1, Expectation.Backpressure.MAX_IN_FLIGHT, bound)
            : (int) messages,
        maxBytes.isPresent() ? Units.positiveSize(maxBytes.get()) : bytes,
        tolerance.isPresent() ? Durations.of(tolerance.get()) : Expectation.Backpressure.DEFAULT_CLOCK_TOLERANCE_NS);
  }

  /** The policy defaults to the frontend's backoff ({@code same-as-frontend}), or backoff.js's defaults. */
  private Expectation reconnect(Fields settings) throws SpecException {
    settings.allowOnly(List.of("policy", "tolerance", "resumes"), "reconnect expectation");
    Optional<YamlNode> policy = settings.get("policy");
    Backoff backoff = frontend.config().reconnect().orElse(Backoff.DEFAULT);
    if (policy.isPresent() && policy.get() instanceof MapNode) {
      backoff = new BackoffReader(settings.section("policy", BackoffReader.WHAT)).read();
    } else if (policy.isPresent()) {
      String expected = SAME_AS_FRONTEND + " or a backoff like {base: 50ms, max: 1s}";
      if (!policy.get().asScalar(expected).string(expected).equals(SAME_AS_FRONTEND)) {
        throw policy.get().expected(expected);
      }
    }
    Optional<YamlNode> resumes = settings.get("resumes");
    return new Expectation.Reconnect(backoff, tolerance(settings.section("tolerance",
        "a tolerance like {early: 2ms, late: 40ms, late_ratio: 0.25}")),
        resumes.isPresent() && Values.bool(resumes.get()));
  }

  private static Expectation.Tolerance tolerance(Fields tolerance) throws SpecException {
    tolerance.allowOnly(List.of("early", "late", "late_ratio"), "reconnect tolerance");
    Expectation.Tolerance d = Expectation.Tolerance.DEFAULT;
    Optional<YamlNode> early = tolerance.get("early");
    Optional<YamlNode> late = tolerance.get("late");
    Optional<YamlNode> ratio = tolerance.get("late_ratio");
    return new Expectation.Tolerance(
        early.isPresent() ? withinADay(early.get()) : d.earlyNs(),
        late.isPresent() ? withinADay(late.get()) : d.lateNs(),
        ratio.isPresent() ? Values.atLeast(ratio.get(), 0, "a share of the envelope's top, 0 or more") : d.lateRatio());
  }

  private static long withinADay(YamlNode node) throws SpecException {
    long ns = Durations.of(node);
    if (ns > DAY_NS) {
      throw node.expected("a tolerance of at most a day (24h)");
    }
    return ns;
  }

  /** The capacity defaults to the frontend's configured one, or config.js's default. */
  private Expectation buffer(Fields settings) throws SpecException {
    settings.allowOnly(List.of("capacity", "heap_tolerance"), "buffer expectation");
    Optional<YamlNode> capacity = settings.get("capacity");
    Optional<YamlNode> heap = settings.get("heap_tolerance");
    String bound = "a capacity of 1 to " + Expectation.Buffer.MAX_CAPACITY + " items";
    int configured = frontend.config().capacity().orElse(Expectation.Buffer.DEFAULT_CAPACITY);
    if (capacity.isEmpty() && configured > Expectation.Buffer.MAX_CAPACITY) {
      throw expect.keyError("buffer", "expected a capacity (" + bound + "); the frontend's, " + configured
          + ", is more than the checker can hold");
    }
    return new Expectation.Buffer(
        capacity.isPresent() ? (int) Values.integer(capacity.get(), 1, Expectation.Buffer.MAX_CAPACITY, bound) : configured,
        heap.isPresent() ? OptionalLong.of(Units.size(heap.get())) : OptionalLong.empty());
  }
}
