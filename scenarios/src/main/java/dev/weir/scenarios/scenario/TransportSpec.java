package dev.weir.scenarios.scenario;

import dev.weir.harness.transport.Backpressure;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the stream reaches the page: {@code transport: {kind, window, faults}}.
 *
 * @param kind one of the harness's {@code Transports.KINDS}
 * @param window the credit window; empty for none (the only choice for event and command)
 * @param faults on the wire, in file order; they never clash with the simulator's source faults
 */
public record TransportSpec(String kind, Optional<Window> window, List<TransportFaultSpec> faults) {

  /** The kind when the file names none: the reference frontend's default. */
  public static final String DEFAULT_KIND = "channel";

  public TransportSpec {
    faults = List.copyOf(faults);
  }

  /**
   * A credit window: {@code window: {messages: 16, bytes: 64KiB, policy: block}}, the harness's
   * {@code Backpressure} as declared.
   *
   * @param messages at most this many messages in flight, 1 or more
   * @param bytes at most this many payload bytes in flight; {@link #UNLIMITED_BYTES} when not given
   * @param policy what happens to a message that does not fit
   */
  public record Window(int messages, long bytes, Backpressure.Policy policy) {

    /** {@code bytes} of a window bounded by messages only. */
    public static final long UNLIMITED_BYTES = Long.MAX_VALUE;

    /** Every policy's label, in the harness's order: block, drop-oldest, drop-newest, latest-only. */
    public static final List<String> POLICY_LABELS =
        Arrays.stream(Backpressure.Policy.values()).map(Window::label).toList();

    /** A policy's name in files and trace drop details: {@code drop-oldest}. */
    public static String label(Backpressure.Policy policy) {
      return policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The policy called {@code label}, one of {@link #POLICY_LABELS}. */
    static Backpressure.Policy policy(String label) {
      return Backpressure.Policy.values()[POLICY_LABELS.indexOf(label)];
    }
  }
}
