package dev.weir.harness.transport.net;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client that keeps whole messages (text as String, binary as byte[]) in order. */
final class WsClient implements WebSocket.Listener {

  record Close(int code, String reason) {}

  private static final Duration WAIT = Duration.ofSeconds(20);

  final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  final CompletableFuture<Close> closed = new CompletableFuture<>();
  private final StringBuilder text = new StringBuilder();
  private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
  private WebSocket socket;

  static WsClient connect(HttpClient http, URI uri) {
    WsClient client = new WsClient();
    client.socket = http.newWebSocketBuilder().buildAsync(uri, client).join();
    return client;
  }

  WebSocket socket() {
    return socket;
  }

  /** The next whole message, failing after 20 s. */
  Object next() throws InterruptedException {
    Object message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError("No WebSocket message within " + WAIT);
    }
    return message;
  }

  String nextText() throws InterruptedException {
    return (String) next();
  }

  Close awaitClose() {
    return closed.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      messages.add(text.toString());
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    binary.writeBytes(bytes);
    if (last) {
      messages.add(binary.toByteArray());
      binary.reset();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Close(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
