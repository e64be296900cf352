package dev.weir.harness.transport.net;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** A JDK HttpClient reading an event stream line by line into an {@link SseParser}. */
final class SseClient implements Flow.Subscriber<String> {

  private static final Duration WAIT = Duration.ofSeconds(20);

  final SseParser parser = new SseParser();
  final CompletableFuture<HttpResponse.ResponseInfo> headers = new CompletableFuture<>();
  final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  /** Opens the stream with these request headers (as an EventSource would send them). */
  static SseClient open(HttpClient http, URI uri, Map<String, String> headers) {
    SseClient client = new SseClient();
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
    headers.forEach(request::header);
    http.sendAsync(
            request.build(),
            info -> {
              client.headers.complete(info);
              return BodySubscribers.fromLineSubscriber(
                  client, s -> null, StandardCharsets.UTF_8, null);
            })
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                client.headers.completeExceptionally(error);
                client.ended.completeExceptionally(error);
              }
            });
    return client;
  }

  HttpResponse.ResponseInfo awaitHeaders() {
    return headers.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  List<SseParser.Event> events() {
    return parser.events();
  }

  /** Closes the connection from the client's side. */
  void disconnect() {
    Flow.Subscription open = subscription;
    if (open != null) {
      open.cancel();
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription newSubscription) {
    subscription = newSubscription;
    newSubscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    parser.line(line);
  }

  @Override
  public void onError(Throwable error) {
    ended.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    ended.complete(null);
  }
}
