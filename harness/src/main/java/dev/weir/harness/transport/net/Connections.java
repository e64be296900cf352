package dev.weir.harness.transport.net;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The open connections of one stream and the stream's listeners. Listeners are called without the
 * lock held, so a listener may take its own locks and send without risk of deadlock.
 */
final class Connections<C, L> {

  private final Set<C> open = new LinkedHashSet<>();
  private final List<L> listeners = new CopyOnWriteArrayList<>();

  void addListener(L listener) {
    listeners.add(listener);
  }

  /** Adds the connection to broadcasts, then tells the listeners. */
  void open(C connection, BiConsumer<L, C> opened) {
    synchronized (this) {
      open.add(connection);
    }
    listeners.forEach(listener -> opened.accept(listener, connection));
  }

  /** Forgets the connection; true if it was open, so each close is reported once. */
  synchronized boolean remove(C connection) {
    return open.remove(connection);
  }

  synchronized List<C> snapshot() {
    return List.copyOf(open);
  }

  synchronized int size() {
    return open.size();
  }

  /** Completes when every connection open now has written its copy, fails if any fails. */
  synchronized CompletableFuture<Void> broadcast(Function<C, CompletableFuture<Void>> send) {
    List<CompletableFuture<Void>> sent = new ArrayList<>(open.size());
    for (C connection : open) {
      sent.add(send.apply(connection));
    }
    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
  }

  void notifyListeners(Consumer<L> event) {
    listeners.forEach(event);
  }
}
