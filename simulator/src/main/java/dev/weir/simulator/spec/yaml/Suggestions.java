package dev.weir.simulator.spec.yaml;

import java.util.Collection;
import java.util.Locale;

/**
 * Finds the allowed word a misspelt one was probably meant to be.
 *
 * <p>Close means an edit distance of at most 2 ignoring case ({@code stdev}, {@code rateHz}),
 * or one word being a prefix of the other with at least 3 letters in common ({@code rate} for
 * {@code rate_hz}).
 */
public final class Suggestions {

  private Suggestions() {}

  /**
   * A message suffix like {@code ; did you mean "rate_hz"?}, or the empty string when nothing
   * in {@code candidates} is close to {@code word}.
   */
  public static String didYouMean(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = word.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      String other = candidate.toLowerCase(Locale.ROOT);
      int distance = distance(lower, other);
      boolean prefix = Math.min(lower.length(), other.length()) >= 3
          && (lower.startsWith(other) || other.startsWith(lower));
      if ((distance <= 2 || prefix) && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best == null ? "" : "; did you mean " + Quoting.quote(best) + "?";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
