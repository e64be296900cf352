package dev.weir.simulator.spec.yaml;

import dev.weir.simulator.spec.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects problems from independent parts of a document so one run reports them all.
 *
 * <p>Use it where parts do not depend on each other (list items, top-level keys): a bad
 * sensor should not hide a bad fault two screens further down.
 */
public final class Problems {

  /** A piece of parsing that may fail. */
  @FunctionalInterface
  public interface Step<T> {
    T run() throws SpecException;
  }

  /** A check that may fail and produces nothing. */
  @FunctionalInterface
  public interface Check {
    void run() throws SpecException;
  }

  private final List<SpecException> found = new ArrayList<>();

  /** Runs {@code step}; its result, or empty after recording its problems. */
  public <T> Optional<T> attempt(Step<T> step) {
    try {
      return Optional.of(step.run());
    } catch (SpecException problem) {
      found.add(problem);
      return Optional.empty();
    }
  }

  /** Runs {@code check}, recording its problems. */
  public void check(Check check) {
    try {
      check.run();
    } catch (SpecException problem) {
      found.add(problem);
    }
  }

  /** Records a problem found without running a step. */
  public void add(SpecException problem) {
    found.add(problem);
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Throws all recorded problems together, if there are any. */
  public void throwIfAny() throws SpecException {
    if (!found.isEmpty()) {
      throw SpecException.combine(found);
    }
  }
}
