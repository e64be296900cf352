/**
 * Positioned YAML for configuration files: a single document parsed with snakeyaml-engine
 * into map, list and scalar nodes that each know their file position (line, column, UTF-8 byte
 * offset) and document path, with typed getters that turn any mismatch into a one-line
 * {@link dev.weir.simulator.spec.SpecException} naming both. Shared by the simulator spec
 * parser and the scenario parser so every part of a scenario file reports errors alike.
 */
package dev.weir.simulator.spec.yaml;
