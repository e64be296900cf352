package dev.weir.harness.transport.net;

import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The server's only handler: counts every request, refuses those without the token, for unknown
 * streams or while the server is down, and hands the rest to their stream.
 */
final class RequestGate extends Handler.Abstract {

  static final String WEBSOCKET_PATH = "/ws/";
  static final String EVENT_STREAM_PATH = "/sse/";

  private final AccessToken token;
  private final Availability availability;
  private final Streams streams;
  private final ServerWebSocketContainer webSockets;
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong refusals = new AtomicLong();
  private final AtomicLong connectionIds = new AtomicLong();
  private final List<ServerListener> listeners = new CopyOnWriteArrayList<>();

  RequestGate(
      AccessToken token,
      Availability availability,
      Streams streams,
      ServerWebSocketContainer webSockets) {
    super(InvocationType.NON_BLOCKING);
    this.token = token;
    this.availability = availability;
    this.streams = streams;
    this.webSockets = webSockets;
  }

  void addListener(ServerListener listener) {
    listeners.add(listener);
  }

  long attempts() {
    return attempts.get();
  }

  long refusals() {
    return refusals.get();
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Fields query = Request.extractQueryParameters(request);
    Attempt attempt = attemptFor(Request.getPathInContext(request), began(query));
    attempts.incrementAndGet();
    listeners.forEach(listener -> listener.attempted(attempt));
    Outage outage = availability.outage();
    Refusal refusal = check(request, query, attempt, outage);
    if (refusal != null) {
      refuse(request, response, callback, attempt, refusal, outage);
    } else if (attempt.endpoint() == Attempt.Endpoint.WEBSOCKET) {
      upgrade(request, response, callback, attempt);
    } else {
      EventStream stream = streams.findEventStream(attempt.stream());
      EventStreamResponse.open(
          request, response, callback, connectionIds.incrementAndGet(), stream, availability);
    }
    return true;
  }

  private static Attempt attemptFor(String path, Attempt.Began began) {
    if (path.startsWith(WEBSOCKET_PATH)) {
      return named(Attempt.Endpoint.WEBSOCKET, path.substring(WEBSOCKET_PATH.length()), began);
    }
    if (path.startsWith(EVENT_STREAM_PATH)) {
      return named(
          Attempt.Endpoint.EVENT_STREAM, path.substring(EVENT_STREAM_PATH.length()), began);
    }
    return new Attempt(Attempt.Endpoint.UNKNOWN, "", began);
  }

  private static Attempt named(Attempt.Endpoint endpoint, String stream, Attempt.Began began) {
    return StreamNames.isValid(stream)
        ? new Attempt(endpoint, stream, began)
        : new Attempt(Attempt.Endpoint.UNKNOWN, "", began);
  }

  /** The page's start of the attempt, when the query has both parts as finite numbers. */
  private static Attempt.Began began(Fields query) {
    String origin = query.getValue("origin");
    String at = query.getValue("began");
    if (origin == null || at == null) {
      return null;
    }
    try {
      double originMs = Double.parseDouble(origin);
      double atMs = Double.parseDouble(at);
      return Double.isFinite(originMs) && Double.isFinite(atMs) && atMs >= 0
          ? new Attempt.Began(originMs, atMs, heard(query.getValue("heard"), atMs))
          : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The page's time it heard of the previous loss, when finite, not negative and not after. */
  private static OptionalDouble heard(String value, double atMs) {
    if (value == null) {
      return OptionalDouble.empty();
    }
    try {
      double heardMs = Double.parseDouble(value);
      return heardMs >= 0 && heardMs <= atMs ? OptionalDouble.of(heardMs) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  private Refusal check(Request request, Fields query, Attempt attempt, Outage outage) {
    String given = query.getValue("token");
    if (given == null) {
      return Refusal.MISSING_TOKEN;
    }
    if (!token.matches(given)) {
      return Refusal.WRONG_TOKEN;
    }
    boolean known =
        switch (attempt.endpoint()) {
          case WEBSOCKET -> streams.findWebSocket(attempt.stream()) != null;
          case EVENT_STREAM -> streams.findEventStream(attempt.stream()) != null;
          case UNKNOWN -> false;
        };
    if (!known) {
      return Refusal.UNKNOWN_STREAM;
    }
    if (outage != null) {
      return Refusal.DOWN;
    }
    if (attempt.endpoint() == Attempt.Endpoint.EVENT_STREAM
        && !HttpMethod.GET.is(request.getMethod())) {
      return Refusal.METHOD_NOT_ALLOWED;
    }
    return null;
  }

  private void upgrade(Request request, Response response, Callback callback, Attempt attempt) {
    WebSocketStream stream = streams.findWebSocket(attempt.stream());
    long id = connectionIds.incrementAndGet();
    boolean upgraded =
        webSockets.upgrade(
            (upgradeRequest, upgradeResponse, upgradeCallback) ->
                new SessionAdapter(id, stream, availability),
            request,
            response,
            callback);
    if (!upgraded) {
      refuse(request, response, callback, attempt, Refusal.NOT_AN_UPGRADE, null);
    }
  }

  private void refuse(
      Request request,
      Response response,
      Callback callback,
      Attempt attempt,
      Refusal refusal,
      Outage outage) {
    refusals.incrementAndGet();
    listeners.forEach(listener -> listener.refused(attempt, refusal));
    if (refusal == Refusal.DOWN && outage.answer() == Outage.Answer.DROP_CONNECTION) {
      // Quiet: Jetty logs a dropped connection's failure at debug level only.
      EofException dropped = new EofException("Connection dropped: the server is down");
      request.getConnectionMetaData().getConnection().getEndPoint().close(dropped);
      callback.failed(dropped);
      return;
    }
    response.setStatus(refusal.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    Content.Sink.write(response, true, explain(refusal), callback);
  }

  private static String explain(Refusal refusal) {
    String why =
        switch (refusal) {
          case MISSING_TOKEN -> "no token: every request needs ?token= with the server's token";
          case WRONG_TOKEN -> "wrong token: ?token= is not this server's token";
          case UNKNOWN_STREAM ->
              "no such stream: expected /ws/<stream> or /sse/<stream> of a registered stream";
          case NOT_AN_UPGRADE -> "not a WebSocket upgrade request";
          case METHOD_NOT_ALLOWED -> "an event stream answers GET only";
          case DOWN -> "the server is down";
        };
    return "weir: refused (" + refusal.status() + "): " + why + "\n";
  }
}
