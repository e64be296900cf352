package dev.weir.simulator.fault;

import dev.weir.simulator.random.CounterRandom;

/** A seeded per-reading coin: hits reading {@code index} with {@code probability}, the same way every run. */
record Chance(CounterRandom random, double probability) {

  boolean hits(long index) {
    return random.uniform(index) < probability;
  }
}
