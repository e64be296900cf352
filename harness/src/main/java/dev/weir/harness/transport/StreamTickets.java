package dev.weir.harness.transport;

import dev.weir.harness.browser.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Streamed responses waiting for the page to fetch them, each by a ticket used once. */
final class StreamTickets implements Endpoint {

  static final String PATH = "stream";
  private static final Pattern QUERY = Pattern.compile(Pattern.quote(PATH) + "\\?ticket=([0-9]{1,18})");

  private final Map<Long, SchemeWire> waiting = new ConcurrentHashMap<>();
  private final AtomicLong nextTicket = new AtomicLong();

  long issue(SchemeWire sender) {
    long ticket = nextTicket.incrementAndGet();
    waiting.put(ticket, sender);
    return ticket;
  }

  /** Streams issued and not yet fetched: zero when none leak. */
  int size() {
    return waiting.size();
  }

  @Override
  public Reply answer(String method, String path, Map<String, String> headers) {
    Matcher m = QUERY.matcher(path);
    SchemeWire sender = m.matches() ? waiting.remove(Long.parseLong(m.group(1))) : null;
    return sender == null
        ? Reply.of(404, "text/plain", ("no stream for " + path).getBytes(StandardCharsets.UTF_8))
        : Reply.stream("application/octet-stream", sender.body());
  }
}
