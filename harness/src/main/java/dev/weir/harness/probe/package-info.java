/**
 * The frontend probe: what a page under test reports through {@code weir.probe} about its own
 * consumption, buffers and reconnections, recorded into the run's trace beside what the harness
 * observes from outside. The contract a frontend codes against is {@code
 * docs/frontend-contract.md}.
 */
package dev.weir.harness.probe;
