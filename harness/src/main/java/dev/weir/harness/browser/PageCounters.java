package dev.weir.harness.browser;

/**
 * What a leak check compares before and after: read right after a forced garbage collection, so
 * that only what is still reachable counts.
 *
 * @param jsHeapUsedBytes V8 heap in use (typed-array backing stores are not included)
 * @param jsEventListeners event listeners registered on DOM objects and the window
 */
public record PageCounters(long jsHeapUsedBytes, long jsEventListeners, long nodes, long documents) {}
