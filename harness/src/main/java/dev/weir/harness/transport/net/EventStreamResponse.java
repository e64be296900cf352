package dev.weir.harness.transport.net;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Turns an accepted request into an open {@code text/event-stream} response. */
final class EventStreamResponse {

  private static final String LAST_EVENT_ID = "Last-Event-ID";

  private EventStreamResponse() {}

  static void open(
      Request request,
      Response response,
      Callback callback,
      long id,
      EventStream stream,
      Availability availability) {
    String lastEventId = request.getHeaders().get(LAST_EVENT_ID);
    EventStreamConnection connection =
        new EventStreamConnection(id, stream, lastEventId, response, callback);
    response.setStatus(200);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    // An ended stream's socket is closed rather than kept alive, so sockets counted at the server
    // fall with the connections.
    headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    allowOrigin(request, headers);
    request.addFailureListener(connection::abort);
    // An empty write sends the headers now: the browser's EventSource fires 'open' on them.
    connection.sendEncoded(new byte[0]);
    stream.opened(connection);
    // The server may have gone down after the gate let this request through: its sweep missed us.
    if (availability.outage() != null) {
      connection.end();
    }
  }

  /**
   * A page at {@code weir://host} reads the stream cross-origin: the browser's own EventSource
   * sends {@code Origin} and needs it echoed (no credentials, no preflight: {@code Last-Event-ID}
   * is sent without one).
   */
  private static void allowOrigin(Request request, HttpFields.Mutable headers) {
    String origin = request.getHeaders().get(HttpHeader.ORIGIN);
    if (origin != null) {
      headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      headers.put(HttpHeader.VARY, HttpHeader.ORIGIN.asString());
    }
  }
}
