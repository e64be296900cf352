/**
 * End-to-end benchmarks of the browser runtime ({@code weir bench browser}): each run is a fresh
 * JVM, so start-up is measured as users meet it, and the figures are medians over runs.
 */
package dev.weir.harness.bench;
