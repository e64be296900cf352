/**
 * Transports: how a simulated stream travels from Java to a page. Each has a Java half here and a
 * JS half behind {@code weir.subscribe(kind, stream, onmessage)}. {@link
 * dev.weir.harness.transport.Transports} installs them; command, event and channel follow Tauri
 * v2's semantics and wire format (see docs/transports.md).
 */
package dev.weir.harness.transport;
