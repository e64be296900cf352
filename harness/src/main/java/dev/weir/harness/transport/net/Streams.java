package dev.weir.harness.transport.net;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The server's named streams, looked up by the path segment a request names. */
final class Streams {

  private final Map<String, WebSocketStream> webSockets = new ConcurrentHashMap<>();
  private final Map<String, EventStream> eventStreams = new ConcurrentHashMap<>();

  WebSocketStream webSocket(String name) {
    return webSockets.computeIfAbsent(StreamNames.check(name), WebSocketStream::new);
  }

  EventStream eventStream(String name) {
    return eventStreams.computeIfAbsent(StreamNames.check(name), EventStream::new);
  }

  /** The stream, or null when none has that name. */
  WebSocketStream findWebSocket(String name) {
    return webSockets.get(name);
  }

  /** The stream, or null when none has that name. */
  EventStream findEventStream(String name) {
    return eventStreams.get(name);
  }

  int openConnections() {
    int open = 0;
    for (WebSocketStream stream : webSockets.values()) {
      open += stream.openCount();
    }
    for (EventStream stream : eventStreams.values()) {
      open += stream.openCount();
    }
    return open;
  }

  void heartbeat() {
    eventStreams.values().forEach(EventStream::heartbeat);
  }

  /** Closes every WebSocket session with this code and reason and ends every event stream. */
  void closeAll(int code, String reason) {
    webSockets.values().forEach(stream -> stream.close(code, reason));
    eventStreams.values().forEach(EventStream::end);
  }
}
