package dev.weir.harness.transport.net;

/**
 * What the server observed, counted at the server rather than reported by clients, so checkers can
 * trust it: a client that thinks it connected but never reached the server shows here.
 *
 * @param attempts requests received since start, refused ones included
 * @param refusals requests turned away (see {@link Refusal})
 * @param openConnections WebSocket sessions and event streams open now
 * @param openSockets TCP connections open now, whatever state their requests are in
 */
public record ServerCounters(long attempts, long refusals, int openConnections, int openSockets) {}
