package dev.weir.simulator.spec;

import java.util.List;

/**
 * A source-side fault: what goes wrong, when, and to which sensors.
 *
 * <p>A fault's randomness is keyed by its position in the spec's fault list, so adding a fault
 * at the end leaves the behaviour of the earlier ones unchanged.
 *
 * @param atNs virtual time the fault starts
 * @param forNs how long it lasts; {@link #UNTIL_END} for the rest of the run
 * @param sensors ids of the sensors it affects; empty for all
 * @param kind what it does
 */
public record FaultSpec(long atNs, long forNs, List<String> sensors, Kind kind) {

  /** A duration that lasts until the end of the run. */
  public static final long UNTIL_END = Long.MAX_VALUE;

  public FaultSpec {
    sensors = List.copyOf(sensors);
  }

  /** Whether virtual time {@code timeNs} falls inside the fault's window. */
  public boolean activeAt(long timeNs) {
    return timeNs >= atNs && (forNs == UNTIL_END || timeNs - atNs < forNs);
  }

  /** Whether the fault applies to sensor {@code id}. */
  public boolean affects(String id) {
    return sensors.isEmpty() || sensors.contains(id);
  }

  /** The kinds of source fault. Probabilities are per reading, seeded. */
  public sealed interface Kind {}

  /** Readings are lost (a gap). */
  public record Dropout(double probability) implements Kind {}

  /** Readings sampled in the window are held and emitted together when it ends. */
  public record Burst() implements Kind {}

  /** A reading is emitted twice, same index and stamp. */
  public record Duplicate(double probability) implements Kind {}

  /** The reported stamp gets zero-mean Gaussian noise of {@code stddevNs}. */
  public record Jitter(long stddevNs) implements Kind {}

  /** The sensor clock runs fast (positive) or slow: the stamp gains {@code ppm} per million ns elapsed in the window. */
  public record Drift(double ppm) implements Kind {}

  /** The reported stamp is offset by a constant. */
  public record Skew(long offsetNs) implements Kind {}

  /** Values freeze at the last value before the window. */
  public record Stuck() implements Kind {}

  /** Values are replaced by an impossible value. */
  public record OutOfRange(double probability, double value) implements Kind {}

  /** Values become NaN. */
  public record NotANumber(double probability) implements Kind {}
}
