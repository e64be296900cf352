package dev.weir.scenarios.scenario;

/**
 * A fault on the wire, as the file placed it. The harness places its faults ({@code
 * TransportFault}) by message sequence; a scenario may place one by virtual time instead, and the
 * model keeps what the file said: turning times into sequences is the runner's job, which knows the
 * stream.
 *
 * @param start where the fault begins
 * @param kind what it does, and for how long
 */
public record TransportFaultSpec(Start start, Kind kind) {

  /** Where a fault begins: {@code at: 2s} or {@code from_message: 1200}. */
  public sealed interface Start permits AtTime, AtMessage {}

  /** At a virtual time: before the first message sent at or after it. */
  public record AtTime(long ns) implements Start {}

  /** Before the message with this sequence (from 0). */
  public record AtMessage(long sequence) implements Start {}

  /** How long a fault over a range of messages lasts: {@code for: 1500ms}, {@code for_messages: 100}, or to the end. */
  public sealed interface Extent permits UntilEnd, ForTime, ForMessages {}

  /** To the end of the stream. */
  public record UntilEnd() implements Extent {}

  /** For a span of virtual time from the start. */
  public record ForTime(long ns) implements Extent {}

  /** For this many messages from the start, 1 or more. */
  public record ForMessages(long count) implements Extent {}

  /** The fault kinds, one per harness {@code TransportFault} record. */
  public sealed interface Kind permits Drop, Duplicate, Reorder, Delay, Stall, Disconnect, Reload, SlowConsumer {}

  /** Each message dropped with this probability. */
  public record Drop(Extent extent, double probability) implements Kind {}

  /** Each message sent twice with this probability. */
  public record Duplicate(Extent extent, double probability) implements Kind {}

  /** Messages held in groups of {@code window} (2 or more) and released in a seeded order. */
  public record Reorder(Extent extent, int window) implements Kind {}

  /** Each message held {@code fixedNs} plus a seeded share of {@code jitterNs}; together above zero. */
  public record Delay(Extent extent, long fixedNs, long jitterNs) implements Kind {}

  /** The producer stops for {@code lengthNs} at the start. */
  public record Stall(long lengthNs) implements Kind {}

  /** The server drops its connections and refuses new ones for {@code lengthNs}: websocket and sse only. */
  public record Disconnect(long lengthNs) implements Kind {}

  /** The page reloads at the start. */
  public record Reload() implements Kind {}

  /** The page spends {@code perMessageNs} of busy time on each message. */
  public record SlowConsumer(Extent extent, long perMessageNs) implements Kind {}
}
