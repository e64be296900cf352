package dev.weir.harness.conformance;

/**
 * A run that weir itself got wrong, found by a self-check: a page time converted to before the
 * Java event that caused it, say. It is never a verdict on the frontend: a run that has one ends
 * as an internal error, with the evidence, so that it is reported and fixed rather than read as a
 * red or a green build.
 */
public final class HarnessFault extends IllegalStateException {

  HarnessFault(String run, String evidence) {
    super("weir's self-check failed in " + run + " (a fault of weir's, not of the frontend; please"
        + " report it): " + evidence);
  }
}
