package dev.weir.scenarios.scenario;

import dev.weir.scenarios.scenario.TransportFaultSpec.AtMessage;
import dev.weir.scenarios.scenario.TransportFaultSpec.AtTime;
import dev.weir.scenarios.scenario.TransportFaultSpec.Extent;
import dev.weir.scenarios.scenario.TransportFaultSpec.ForMessages;
import dev.weir.scenarios.scenario.TransportFaultSpec.ForTime;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * One scenario written back as a scenario-format v1 file, the inverse of {@link ScenarioParser} for
 * a scenario without a matrix: what a repro bundle keeps so that a replay parses the same scenario.
 * Every value is written, defaults included, so a later change of a default does not change what a
 * written file means; each in units the parser reads back exactly.
 */
public final class ScenarioWriter {

  private ScenarioWriter() {}

  /**
   * The v1 YAML text of {@code scenario}, whose source must be a recording.
   *
   * @param folder where the text will be saved: paths inside it are written relative to it (so the
   *     folder can be moved), others absolute
   * @throws IllegalArgumentException for a simulated source
   */
  public static String yaml(Scenario scenario, Path folder) {
    if (!(scenario.source() instanceof Source.Recorded recorded)) {
      throw new IllegalArgumentException("expected a recorded source, found a simulated one: a simulated source is"
          + " written by recording its readings first (the simulator's sensor spec has no writer, and a bundle"
          + " records the stream anyway)");
    }
    Path base = folder.toAbsolutePath().normalize();
    Lines out = new Lines();
    out.put(0, "weir", "1");
    out.put(0, "name", YamlScalar.of(scenario.name()));
    if (!scenario.description().isEmpty()) {
      out.put(0, "description", YamlScalar.of(scenario.description()));
    }
    if (!scenario.tags().isEmpty()) {
      out.put(0, "tags", scenario.tags().stream().map(YamlScalar::of).collect(Collectors.joining(", ", "[", "]")));
    }
    out.put(0, "seed", String.valueOf(recorded.seed()));
    recorded.durationNs().ifPresent(ns -> out.put(0, "duration", Units.text(ns)));
    out.put(0, "source", new Flow().put("recording", path(recorded.recording(), base)).toString());
    out.put(0, "speed", scenario.speed().toString());
    transport(out, scenario.transport());
    frontend(out, scenario.frontend(), base);
    if (!scenario.expectations().isEmpty()) {
      out.open(0, "expect");
      scenario.expectations().forEach(expectation -> out.put(1, expectation.key(), expectation(expectation)));
    }
    return out.toString();
  }

  private static void transport(Lines out, TransportSpec transport) {
    out.open(0, "transport");
    out.put(1, "kind", transport.kind());
    transport.window().ifPresent(window -> {
      Flow flow = new Flow().put("messages", String.valueOf(window.messages()));
      if (window.bytes() != TransportSpec.Window.UNLIMITED_BYTES) {
        flow.put("bytes", Units.sizeText(window.bytes()));
      }
      out.put(1, "window", flow.put("policy", TransportSpec.Window.label(window.policy())).toString());
    });
    if (!transport.faults().isEmpty()) {
      out.open(1, "faults");
      transport.faults().forEach(fault -> out.item(2, fault(fault)));
    }
  }

  /** {@code {at: 2s, drop: {probability: 0.01, for: 1s}}}: the start, then the kind and its parameters. */
  private static String fault(TransportFaultSpec fault) {
    Flow entry = fault.start() instanceof AtMessage at
        ? new Flow().put("from_message", String.valueOf(at.sequence()))
        : new Flow().put("at", Units.text(((AtTime) fault.start()).ns()));
    TransportFaultSpec.Kind kind = fault.kind();
    Flow params = new Flow();
    TransportFaultKind name;
    if (kind instanceof TransportFaultSpec.Drop drop) {
      name = TransportFaultKind.DROP;
      extent(params.put("probability", decimal(drop.probability())), drop.extent());
    } else if (kind instanceof TransportFaultSpec.Duplicate duplicate) {
      name = TransportFaultKind.DUPLICATE;
      extent(params.put("probability", decimal(duplicate.probability())), duplicate.extent());
    } else if (kind instanceof TransportFaultSpec.Reorder reorder) {
      name = TransportFaultKind.REORDER;
      extent(params.put("window", String.valueOf(reorder.window())), reorder.extent());
    } else if (kind instanceof TransportFaultSpec.Delay delay) {
      name = TransportFaultKind.DELAY;
      extent(params.put("fixed", Units.text(delay.fixedNs())).put("jitter", Units.text(delay.jitterNs())),
          delay.extent());
    } else if (kind instanceof TransportFaultSpec.Stall stall) {
      name = TransportFaultKind.STALL;
      params.put(TransportFaultKind.FOR, Units.text(stall.lengthNs()));
    } else if (kind instanceof TransportFaultSpec.Disconnect disconnect) {
      name = TransportFaultKind.DISCONNECT;
      params.put(TransportFaultKind.FOR, Units.text(disconnect.lengthNs()));
    } else if (kind instanceof TransportFaultSpec.SlowConsumer slow) {
      name = TransportFaultKind.SLOW_CONSUMER;
      extent(params.put("per_message", Units.text(slow.perMessageNs())), slow.extent());
    } else {
      name = TransportFaultKind.RELOAD;
    }
    return entry.put(name.yamlName(), params.toString()).toString();
  }

  /** {@code for} or {@code for_messages}; nothing for a fault that lasts to the end. */
  private static void extent(Flow params, Extent extent) {
    if (extent instanceof ForTime time) {
      params.put(TransportFaultKind.FOR, Units.text(time.ns()));
    } else if (extent instanceof ForMessages count) {
      params.put(TransportFaultKind.FOR_MESSAGES, String.valueOf(count.count()));
    }
  }

  /** The folder if not the bundled reference, and the config fields the scenario gives; nothing for neither. */
  private static void frontend(Lines out, FrontendSpec frontend, Path base) {
    if (frontend.equals(FrontendSpec.REFERENCE)) {
      return;
    }
    out.open(0, "frontend");
    frontend.dir().ifPresent(dir -> out.put(1, "dir", path(dir, base)));
    FrontendConfig config = frontend.config();
    if (config.equals(FrontendConfig.NONE)) {
      return;
    }
    out.open(1, "config");
    config.capacity().ifPresent(capacity -> out.put(2, "capacity", String.valueOf(capacity)));
    config.gapTimeoutNs().ifPresent(ns -> out.put(2, "gap_timeout", Units.text(ns)));
    config.stallTimeoutNs().ifPresent(ns -> out.put(2, "stall_timeout",
        ns == FrontendConfig.NEVER ? "never" : Units.text(ns)));
    config.maxPending().ifPresent(pending -> out.put(2, "max_pending", String.valueOf(pending)));
    config.seed().ifPresent(seed -> out.put(2, "seed", String.valueOf(seed)));
    config.reconnect().ifPresent(backoff -> out.put(2, "reconnect", backoff(backoff)));
  }

  private static String expectation(Expectation expectation) {
    if (expectation instanceof Expectation.Ordering ordering) {
      return new Flow().put("arrivals", ordering.arrivals().label()).put("stall", Units.text(ordering.stallNs()))
          .toString();
    }
    if (expectation instanceof Expectation.Cleanup cleanup) {
      Flow gauges = new Flow();
      cleanup.gaugeTolerances().forEach((metric, tolerance) -> gauges.put(YamlScalar.of(metric), gauge(metric, tolerance)));
      return new Flow().put("within", Units.text(cleanup.withinNs())).put("gauges", gauges.toString()).toString();
    }
    if (expectation instanceof Expectation.Backpressure backpressure) {
      // the policy is the window's, written with it
      return new Flow().put("max_in_flight", String.valueOf(backpressure.maxInFlight()))
          .put("max_in_flight_bytes", Units.sizeText(backpressure.maxInFlightBytes()))
          .put("clock_tolerance", Units.text(backpressure.clockToleranceNs())).toString();
    }
    if (expectation instanceof Expectation.Reconnect reconnect) {
      Expectation.Tolerance tolerance = reconnect.tolerance();
      return new Flow().put("policy", backoff(reconnect.policy()))
          .put("tolerance", new Flow().put("early", Units.text(tolerance.earlyNs()))
              .put("late", Units.text(tolerance.lateNs())).put("late_ratio", decimal(tolerance.lateRatio())).toString())
          .put("resumes", String.valueOf(reconnect.resumes())).toString();
    }
    Expectation.Buffer buffer = (Expectation.Buffer) expectation;
    Flow flow = new Flow().put("capacity", String.valueOf(buffer.capacity()));
    buffer.heapToleranceBytes().ifPresent(heap -> flow.put("heap_tolerance", Units.sizeText(heap)));
    return flow.toString();
  }

  /** A gauge's tolerance: a size for a metric in bytes ({@code js-heap-bytes: 1MiB}), a count otherwise. */
  private static String gauge(String metric, long tolerance) {
    return metric.endsWith("-bytes") ? Units.sizeText(tolerance) : String.valueOf(tolerance);
  }

  private static String backoff(Backoff backoff) {
    return new Flow().put("base", Units.text(backoff.baseNs())).put("factor", decimal(backoff.factor()))
        .put("max", Units.text(backoff.maxNs())).put("jitter", backoff.jitter().label())
        .put("max_attempts", backoff.maxAttempts() == Backoff.UNLIMITED ? "unlimited" : String.valueOf(backoff.maxAttempts()))
        .put("reset_after", Units.text(backoff.resetAfterNs())).toString();
  }

  /** The shortest decimal that reads back as {@code value}, without an exponent: 0.01, 1.5, 2. */
  private static String decimal(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** {@code path} relative to {@code base} when inside it ({@code .} for the folder itself), else absolute. */
  private static String path(Path path, Path base) {
    Path absolute = path.toAbsolutePath().normalize();
    if (!absolute.startsWith(base)) {
      return YamlScalar.of(absolute.toString());
    }
    StringJoiner relative = new StringJoiner("/");
    base.relativize(absolute).forEach(name -> relative.add(name.toString()));
    return YamlScalar.of(relative.length() == 0 ? "." : relative.toString());
  }

  /** A flow mapping, {@code {key: value, …}}, of values already written as YAML. */
  private static final class Flow {

    private final StringJoiner entries = new StringJoiner(", ", "{", "}");

    Flow put(String key, String value) {
      entries.add(key + ": " + value);
      return this;
    }

    @Override
    public String toString() {
      return entries.toString();
    }
  }

  /** Block-mapping lines, two spaces per level. */
  private static final class Lines {

    private final StringBuilder text = new StringBuilder();

    void put(int level, String key, String value) {
      text.append("  ".repeat(level)).append(key).append(": ").append(value).append('\n');
    }

    /** A key whose mapping or list follows on the next lines, one level in. */
    void open(int level, String key) {
      text.append("  ".repeat(level)).append(key).append(":\n");
    }

    void item(int level, String value) {
      text.append("  ".repeat(level)).append("- ").append(value).append('\n');
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
