package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.Durations;
import dev.weir.harness.check.ReconnectPolicy.Jitter;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a reconnect backoff, {@code {base, factor, max, jitter, max_attempts, reset_after}}, as
 * backoff.js takes it: absent fields take {@link Backoff#DEFAULT}'s values, and the result must
 * hold together with them ({@code max} at least {@code base}).
 */
final class BackoffReader {

  static final String WHAT = "a backoff like {base: 50ms, factor: 2, max: 1s, jitter: full}";

  private static final List<String> KEYS = List.of("base", "factor", "max", "jitter", "max_attempts", "reset_after");
  private static final List<String> JITTERS = Arrays.stream(Jitter.values()).map(Jitter::label).toList();
  private static final String ATTEMPTS = "a whole number of attempts from 0 to " + (Backoff.UNLIMITED - 1)
      + ", or unlimited";

  private final Fields backoff;

  BackoffReader(Fields backoff) {
    this.backoff = backoff;
  }

  Backoff read() throws SpecException {
    backoff.allowOnly(KEYS, "reconnect backoff");
    Backoff d = Backoff.DEFAULT;
    Optional<YamlNode> base = backoff.get("base");
    Optional<YamlNode> factor = backoff.get("factor");
    Optional<YamlNode> max = backoff.get("max");
    Optional<YamlNode> jitter = backoff.get("jitter");
    Optional<YamlNode> attempts = backoff.get("max_attempts");
    Optional<YamlNode> resetAfter = backoff.get("reset_after");
    long baseNs = base.isPresent() ? Durations.positive(base.get()) : d.baseNs();
    double growth = factor.isPresent() ? Values.atLeast(factor.get(), 1, "a factor of 1 or more") : d.factor();
    long maxNs = max.isPresent() ? Durations.positive(max.get()) : d.maxNs();
    if (maxNs < baseNs) {
      throw max.isPresent()
          ? max.get().error("expected a max of at least the base (" + text(base, d.baseNs()) + "), found "
              + text(max, maxNs))
          : base.get().error("expected a base of at most the max (" + text(max, d.maxNs()) + "), found "
              + text(base, baseNs));
    }
    return new Backoff(baseNs, growth, maxNs,
        jitter.isPresent() ? Jitter.parse(Values.choice(jitter.get(), JITTERS, "a jitter mode")) : d.jitter(),
        attempts.isPresent() ? attempts(attempts.get()) : d.maxAttempts(),
        resetAfter.isPresent() ? Durations.of(resetAfter.get()) : d.resetAfterNs());
  }

  /** A value as the file wrote it, or a default as "1s, the default". */
  private static String text(Optional<YamlNode> node, long defaultNs) throws SpecException {
    return node.isPresent() ? node.get().asScalar("a duration").text() : Units.text(defaultNs) + ", the default";
  }

  private static int attempts(YamlNode node) throws SpecException {
    if (node.asScalar(ATTEMPTS).text().equals("unlimited")) {
      return Backoff.UNLIMITED;
    }
    return (int) Values.integer(node, 0, Backoff.UNLIMITED - 1, ATTEMPTS);
  }
}
