/**
 * The loopback HTTP server that the {@code websocket} and {@code sse} transports run on: Jetty 12
 * core bound to 127.0.0.1 on a random port, every request gated by an unguessable token.
 *
 * <p>{@link dev.weir.harness.transport.net.LoopbackServer} owns the server, its counters (what a
 * checker sees from outside: attempts, refusals, open connections and sockets) and its "down" state
 * for reconnection tests. Named {@link dev.weir.harness.transport.net.WebSocketStream}s and {@link
 * dev.weir.harness.transport.net.EventStream}s send to their connections in order from any thread
 * and report opens, closes and received frames to listeners, so the transport layer can plug in
 * without this package knowing it. Decisions: {@code docs/transports.md}.
 */
package dev.weir.harness.transport.net;
