package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;

/** Command arguments as the page's {@code invoke} sends them. */
final class Arguments {

  private Arguments() {}

  /** The arguments' JSON text; commands of these transports take no raw bodies. */
  static String json(Payload request) {
    if (!(request instanceof Payload.Json json)) {
      throw new IllegalArgumentException("expected JSON arguments, got " + request);
    }
    return json.text();
  }
}
