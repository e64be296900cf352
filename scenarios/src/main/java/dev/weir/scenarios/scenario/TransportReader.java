package dev.weir.scenarios.scenario;

import dev.weir.harness.transport.Transports;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.Problems;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code transport: {kind, window, faults}}. Kinds are the harness's {@code Transports.KINDS},
 * window policies its {@code Backpressure.Policy} labels.
 */
final class TransportReader {

  static final String WHAT = "a transport like {kind: channel, window: {messages: 16}}";

  /**
   * The kinds without a credit window: their offers refuse one (docs/transports.md, "Backpressure").
   * The harness says so only by throwing; a scenario says it at the window's line.
   */
  static final List<String> WITHOUT_WINDOW = List.of("event", "command");

  private static final List<String> KEYS = List.of("kind", "window", "faults");
  private static final List<String> WINDOW_KEYS = List.of("messages", "bytes", "policy");

  private final Fields transport;
  private final Overrides overrides;
  private final Optional<RunLength> run;

  /** @param run the run's length, to check fault start times against; empty when unknown */
  TransportReader(Fields transport, Overrides overrides, Optional<RunLength> run) {
    this.transport = transport;
    this.overrides = overrides;
    this.run = run;
  }

  TransportSpec read() throws SpecException {
    transport.allowOnly(KEYS, "transport");
    Optional<YamlNode> kindNode = transport.get("kind");
    String kind = kindNode.isPresent()
        ? Values.choice(kindNode.get(), Transports.KINDS, "a transport kind")
        : TransportSpec.DEFAULT_KIND;
    Problems problems = new Problems();
    Optional<Optional<TransportSpec.Window>> window = problems.attempt(() -> window(kind));
    Optional<List<TransportFaultSpec>> faults = problems.attempt(() -> faults(kind));
    problems.throwIfAny();
    return new TransportSpec(kind, window.orElseThrow(), faults.orElseThrow());
  }

  private Optional<TransportSpec.Window> window(String kind) throws SpecException {
    if (!transport.inFile("window")) {
      return Optional.empty();
    }
    if (WITHOUT_WINDOW.contains(kind)) {
      throw transport.keyError("window", "expected no window on transport \"" + kind + "\": "
          + String.join(" and ", WITHOUT_WINDOW) + " have no credit window; channel, websocket and scheme do");
    }
    Fields window = transport.section("window", "a window like {messages: 16, bytes: 64KiB, policy: block}");
    window.allowOnly(WINDOW_KEYS, "transport window");
    int messages = (int) Values.integer(window.require("messages", "transport window"), 1, Integer.MAX_VALUE,
        "a whole number of messages from 1 to " + Integer.MAX_VALUE);
    Optional<YamlNode> bytes = window.get("bytes");
    Optional<YamlNode> policy = window.get("policy");
    return Optional.of(new TransportSpec.Window(messages,
        bytes.isPresent() ? Units.positiveSize(bytes.get()) : TransportSpec.Window.UNLIMITED_BYTES,
        TransportSpec.Window.policy(policy.isPresent()
            ? Values.choice(policy.get(), TransportSpec.Window.POLICY_LABELS, "a window policy")
            : "block")));
  }

  private List<TransportFaultSpec> faults(String kind) throws SpecException {
    Optional<YamlNode> node = transport.get("faults");
    if (node.isEmpty()) {
      return List.of();
    }
    TransportFaultReader reader = new TransportFaultReader(kind, overrides, run);
    Problems problems = new Problems();
    List<TransportFaultSpec> faults = new ArrayList<>();
    for (YamlNode item : node.get().asSeq("a list of transport faults like [{at: 2s, drop: {for: 1s}}]").items()) {
      problems.attempt(() -> reader.read(item)).ifPresent(faults::add);
    }
    problems.throwIfAny();
    return faults;
  }
}
