package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.transport.net.EventStreamConnection;
import dev.weir.harness.transport.net.ServerSentEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One EventSource session: each message is an event whose {@code id} is its sequence and whose
 * {@code data} is the JSON text. The session outlives its connection: while the browser is cut
 * off, messages wait in a bounded replay buffer, and when the EventSource reconnects with {@code
 * Last-Event-ID} the session resumes on the new connection with what the page missed, so a
 * disconnect loses nothing unless the buffer overflows (each message lost that way is recorded as a
 * drop, {@code resume-buffer}).
 */
final class SseWire implements TransportWire {

  /** How soon the browser reconnects after losing the connection, sent on every connection. */
  static final Duration RETRY = Duration.ofMillis(100);

  private record Sent(long sequence, String text) {}

  private final long session;
  private final int replayCapacity;
  private final TracedStream traced;
  private final Runnable onEnd;
  private final Deque<Sent> replay = new ArrayDeque<>();
  /** The newest messages in {@link #replay} that no connection has carried yet. */
  private int pending;
  private EventStreamConnection connection;
  private boolean open = true;
  private boolean endOnResume;

  /**
   * @param session the key the page names this session by when it unsubscribes
   * @param onEnd run once when the backend closes
   */
  SseWire(long session, int replayCapacity, TracedStream traced, Runnable onEnd, EventStreamConnection first) {
    this.session = session;
    this.replayCapacity = replayCapacity;
    this.traced = traced;
    this.onEnd = onEnd;
    this.connection = first;
    first.send(new ServerSentEvent(null, "session", RETRY, Long.toString(session)));
  }

  @Override
  public synchronized void send(long sequence, Payload message) {
    if (!(message instanceof Payload.Json json)) {
      throw new IllegalArgumentException("Server-Sent Events carry text; send JSON, got " + message);
    }
    if (!open) {
      throw new IllegalStateException("the event stream is closed");
    }
    if (replay.size() == replayCapacity) {
      Sent evicted = replay.removeFirst();
      if (pending == replay.size() + 1) {
        pending--;
        traced.lifecycle(EventKind.DROP, evicted.sequence(), "resume-buffer");
      }
    }
    replay.addLast(new Sent(sequence, json.text()));
    if (connection != null && connection.isOpen()) {
      connection.send(event(sequence, json.text()));
    } else {
      pending++;
    }
  }

  private static ServerSentEvent event(long sequence, String text) {
    return ServerSentEvent.data(text).withId(Long.toString(sequence));
  }

  /** True when this session sent message {@code sequence} and still holds it for a resume. */
  synchronized boolean holds(long sequence) {
    return replay.stream().anyMatch(s -> s.sequence() == sequence);
  }

  /** True while the session can still be resumed: open, or ended with the page cut off. */
  synchronized boolean isResumable() {
    return open || endOnResume;
  }

  synchronized boolean isConnected() {
    return connection != null && connection.isOpen();
  }

  /**
   * A connection broke: if it was this open session's, what follows is kept for a resume.
   *
   * @return true when it was this session's connection
   */
  synchronized boolean lostConnection(EventStreamConnection lost) {
    if (connection != lost) {
      return false;
    }
    connection = null;
    return true;
  }

  /**
   * Continues on {@code resumed}, first sending everything after {@code lastSequence}; ends there
   * if the backend ended the stream meanwhile.
   */
  void resume(EventStreamConnection resumed, long lastSequence) {
    synchronized (this) {
      replay(resumed, lastSequence);
      if (!endOnResume) {
        return;
      }
      endOnResume = false;
      end(resumed);
    }
    onEnd.run();
  }

  private void replay(EventStreamConnection resumed, long lastSequence) {
    connection = resumed;
    resumed.send(new ServerSentEvent(null, null, RETRY, null));
    boolean after = replay.stream().noneMatch(s -> s.sequence() == lastSequence);
    for (Sent sent : replay) {
      if (after) {
        resumed.send(event(sent.sequence(), sent.text()));
      }
      after |= sent.sequence() == lastSequence;
    }
    pending = 0;
  }

  long session() {
    return session;
  }

  /**
   * Sends an {@code end} event, on which the JS half closes its EventSource (left alone, an
   * EventSource reconnects when a response ends), then ends the response. Ended while the browser
   * is cut off, the session waits for its resume, replays what the page missed, and ends then.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (!open) {
        return;
      }
      open = false;
      if (connection == null) {
        endOnResume = true;
        return;
      }
      end(connection);
    }
    onEnd.run();
  }

  private void end(EventStreamConnection last) {
    last.send(ServerSentEvent.data(Long.toString(session)).withType("end"));
    last.end();
  }

  @Override
  public synchronized boolean isOpen() {
    return open;
  }

  @Override
  public void detach() {
    EventStreamConnection last;
    synchronized (this) {
      open = false;
      endOnResume = false;
      last = connection;
    }
    if (last != null) {
      last.end();
    }
    onEnd.run();
  }
}
