package dev.weir.scenarios.scenario;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The reference page's configuration ({@code fixtures/frontend/reference/config.js}) as a scenario
 * declares it under {@code frontend.config}. Only what the file gives is here: the page keeps its
 * own defaults for the rest. The transport and stream fields are the runner's to add.
 *
 * @param capacity the circular buffer's, 1 or more
 * @param gapTimeoutNs how long a message may wait for the ones before it, above zero
 * @param stallTimeoutNs silence that counts as a stall, above zero; {@link #NEVER} for never
 * @param maxPending early messages the reorder buffer may hold, 1 or more
 * @param reconnect the backoff, complete; empty when the file gives none
 * @param seed the backoff's jitter seed, 0 to 2^32 − 1
 */
public record FrontendConfig(OptionalInt capacity, OptionalLong gapTimeoutNs, OptionalLong stallTimeoutNs,
    OptionalInt maxPending, Optional<Backoff> reconnect, OptionalLong seed) {

  /** {@code stallTimeoutNs} of a page that never reports a stall: config.js's {@code Infinity}. */
  public static final long NEVER = Long.MAX_VALUE;

  /** Nothing given: the page's defaults throughout. */
  public static final FrontendConfig NONE = new FrontendConfig(OptionalInt.empty(), OptionalLong.empty(),
      OptionalLong.empty(), OptionalInt.empty(), Optional.empty(), OptionalLong.empty());

  /**
   * The configuration as the page's URL search parameters, named as config.js reads them
   * ({@code capacity}, {@code gapTimeoutMs}, {@code baseMs}, {@code jitter}, …), times in
   * milliseconds, {@code Infinity} for never and unlimited; in a fixed order, given fields only.
   */
  public Map<String, String> urlParameters() {
    Map<String, String> fields = new LinkedHashMap<>();
    capacity.ifPresent(value -> fields.put("capacity", String.valueOf(value)));
    gapTimeoutNs.ifPresent(ns -> fields.put("gapTimeoutMs", millis(ns)));
    stallTimeoutNs.ifPresent(ns -> fields.put("stallTimeoutMs", ns == NEVER ? "Infinity" : millis(ns)));
    maxPending.ifPresent(value -> fields.put("maxPending", String.valueOf(value)));
    reconnect.ifPresent(backoff -> {
      fields.put("baseMs", millis(backoff.baseNs()));
      fields.put("factor", BigDecimal.valueOf(backoff.factor()).stripTrailingZeros().toPlainString());
      fields.put("maxMs", millis(backoff.maxNs()));
      fields.put("jitter", backoff.jitter().label());
      fields.put("maxAttempts",
          backoff.maxAttempts() == Backoff.UNLIMITED ? "Infinity" : String.valueOf(backoff.maxAttempts()));
      fields.put("resetAfterMs", millis(backoff.resetAfterNs()));
    });
    seed.ifPresent(value -> fields.put("seed", String.valueOf(value)));
    return fields;
  }

  /** Exact decimal milliseconds, as config.js's number pattern accepts them: 250, 0.5. */
  private static String millis(long ns) {
    return BigDecimal.valueOf(ns).movePointLeft(6).stripTrailingZeros().toPlainString();
  }
}
