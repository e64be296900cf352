package dev.weir.harness.transport;

import dev.weir.harness.browser.Endpoint;
import dev.weir.harness.browser.Payload;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Large channel payloads waiting for the page to fetch them through the custom scheme, as Tauri
 * parks them for its {@code plugin:__TAURI_CHANNEL__|fetch}. One store for the runtime; its size
 * is what a leak check reads.
 */
final class ParkedPayloads implements Endpoint {

  static final String PATH = "channel-fetch";
  static final String HEADER = "Tauri-Channel-Id";

  private final Map<Long, Payload> parked = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong();

  long park(Payload payload) {
    long id = nextId.incrementAndGet();
    parked.put(id, payload);
    return id;
  }

  int size() {
    return parked.size();
  }

  @Override
  public Reply answer(String method, String path, Map<String, String> headers) {
    String id =
        headers.entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(HEADER))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("");
    Payload payload = id.matches("[0-9]{1,18}") ? parked.remove(Long.parseLong(id)) : null;
    if (payload == null) {
      return Reply.of(404, "text/plain", "data not found".getBytes(StandardCharsets.UTF_8));
    }
    return payload instanceof Payload.Json json
        ? Reply.ok("application/json", json.text().getBytes(StandardCharsets.UTF_8))
        : Reply.ok("application/octet-stream", ((Payload.Bytes) payload).bytes());
  }
}
