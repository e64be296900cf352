package dev.weir.harness.transport;

/** A transport's own wire, the last link: the one that reaches the page. */
interface TransportWire extends Wire {

  /** The page ended the subscription: stop without an end message, as the page no longer listens. */
  void detach();
}
