package dev.weir.harness.trace;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Interns strings as dense ids 0, 1, 2 …, so a trace stores a stream name or a detail once however
 * many events repeat it. Looking up a known string allocates nothing. Not thread-safe: the trace
 * calls it under its lock.
 */
final class StringDictionary {

  private final Map<String, Integer> ids = new HashMap<>();
  private String[] strings = new String[16];
  private int size;

  /** The id of {@code s}, assigning the next one if it is new. */
  int intern(String s) {
    Integer id = ids.get(s);
    if (id != null) {
      return id;
    }
    if (size == strings.length) {
      strings = Arrays.copyOf(strings, 2 * size);
    }
    strings[size] = s;
    ids.put(s, size);
    return size++;
  }

  boolean contains(String s) {
    return ids.containsKey(s);
  }

  int size() {
    return size;
  }

  String get(int id) {
    return strings[id];
  }

  /** The strings so far by id, in an array later interning never touches. */
  String[] copy() {
    return Arrays.copyOf(strings, size);
  }
}
