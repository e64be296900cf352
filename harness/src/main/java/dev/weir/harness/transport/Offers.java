package dev.weir.harness.transport;

import dev.weir.harness.browser.JsonText;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.PageClock;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.transport.net.Attempt;
import dev.weir.harness.transport.net.Refusal;
import dev.weir.harness.transport.net.ServerListener;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The streams one transport offers and their live subscriptions: what every transport shares. It
 * builds each subscription's chain (sender, faults, window, the transport's wire), records opens
 * and closes, and takes the pages' delivery reports into the trace. For a transport of one page
 * ({@link #forPage}) it also tells the page's JS half how slow its consumer is to be, and ends
 * every subscription when the page loads a new document.
 */
final class Offers {

  private record Entry(Offer offer, Consumer<Sender> onSubscribe, TracedStream traced) {}

  private final String kind;
  private final Page page;
  private final Trace trace;
  private final boolean windows;
  private final Consumer<Duration> disconnect;
  private final Map<String, Entry> offers = new ConcurrentHashMap<>();
  private final Set<Subscription> live = ConcurrentHashMap.newKeySet();

  /**
   * @param page the page a reload fault reloads; null for streams of no one page
   * @param windows whether the transport supports credit windows
   * @param disconnect cuts the transport's server connections for a while; null when it has none
   */
  Offers(String kind, Page page, Trace trace, boolean windows, Consumer<Duration> disconnect) {
    this.kind = kind;
    this.page = page;
    this.trace = trace;
    this.windows = windows;
    this.disconnect = disconnect;
  }

  /** The offers of one page's transport, wired to that page. */
  static Offers forPage(
      String kind, Page page, Trace trace, boolean windows, Consumer<Duration> disconnect) {
    Offers offers = new Offers(kind, page, trace, windows, disconnect);
    page.bridge().handle("tauri:weir:consumer-" + kind, request -> offers.consumer(Arguments.json(request)));
    page.bridge().handle("tauri:weir:paced-" + kind, request -> offers.paced(Arguments.json(request)));
    offers.hearDeliveries(page);
    page.bridge().onNewDocument(() -> offers.live.forEach(s -> s.closedByPage("reload")));
    page.bridge().onClose(() -> offers.live.forEach(s -> s.closedByPage("page-close")));
    return offers;
  }

  /**
   * Takes {@code page}'s delivery reports for this kind's streams offered here into the trace.
   * Each delivery is also held against its send: it samples the page's clock, and one that came
   * out before its send is a fault of the clock's (see {@link PageClock#reached}).
   */
  void hearDeliveries(Page from) {
    String reports = DeliveryReport.kind(kind);
    PageClock clock = from.clock();
    from.bridge().onReport((reportKind, json, arrivalNanos) -> {
      if (reportKind.equals(reports)) {
        DeliveryReport report = DeliveryReport.parse(json);
        if (offered(report.stream())) {
          report.deliver(arrivalNanos, clock, (stream, sequence, nanos) -> {
            long deliveredNs = trace.timeOf(nanos);
            long sentNs = traced(stream).delivered(sequence, deliveredNs);
            if (sentNs != TraceEvent.ABSENT) {
              clock.reached(sentNs, deliveredNs, "the " + kind + " delivery of sequence " + sequence
                  + " on stream '" + stream + "'");
            }
          });
        }
      }
    });
  }

  String kind() {
    return kind;
  }

  Trace trace() {
    return trace;
  }

  void put(String stream, Offer offer, Consumer<Sender> onSubscribe) {
    if (offer.window() != null && !windows) {
      throw new UnsupportedOperationException(
          kind + " has no backpressure (as in Tauri); offer the stream without a window");
    }
    // Offered again (new producer or faults), the stream keeps its numbering: one trace stream.
    Entry before = offers.get(stream);
    TracedStream traced = before != null ? before.traced() : new TracedStream(trace, kind, stream);
    offers.put(stream, new Entry(offer, onSubscribe, traced));
  }

  /** @throws IllegalArgumentException when the stream is not offered (the page's promise rejects) */
  void require(String stream) {
    if (!offers.containsKey(stream)) {
      throw new IllegalArgumentException("no " + kind + " stream '" + stream + "' is offered");
    }
  }

  boolean offered(String stream) {
    return offers.containsKey(stream);
  }

  /** How often the JS half must acknowledge on this stream: 0 when it has no window. */
  int ackEvery(String stream) {
    require(stream);
    Backpressure window = offers.get(stream).offer().window();
    return window == null ? 0 : window.ackEvery();
  }

  TracedStream traced(String stream) {
    require(stream);
    return offers.get(stream).traced();
  }

  /**
   * Starts a subscription to {@code stream}: records its opening, builds its chain around the
   * transport's wire and hands the chain's sender to the stream's offer.
   *
   * @param opened the open event's detail (how it was opened)
   * @param wireFor makes the transport's wire, given what it must run when it has closed
   * @throws IllegalArgumentException when the stream is not offered
   */
  Subscription subscribe(String stream, String opened, Function<Runnable, TransportWire> wireFor) {
    require(stream);
    Entry entry = offers.get(stream);
    TracedStream traced = entry.traced();
    Subscription[] self = new Subscription[1];
    Subscription subscription = new Subscription(traced, () -> live.remove(self[0]));
    self[0] = subscription;
    TransportWire wire = wireFor.apply(subscription::ended);
    Backpressure window = entry.offer().window();
    WindowedWire windowed = window == null ? null : new WindowedWire(wire, window, traced);
    Pace pace = entry.offer().pace() == null ? null : new Pace(entry.offer().pace());
    subscription.attach(wire, windowed, pace);
    Wire chain = windowed == null ? wire : windowed;
    FaultPlan faults = entry.offer().faults();
    if (faults != null) {
      chain = faults.around(chain, new Target(stream));
    }
    traced.lifecycle(EventKind.OPEN, opened);
    live.add(subscription);
    entry.onSubscribe().accept(new Sender(chain, traced, pace));
    return subscription;
  }

  /**
   * Records the server's view of this transport's streams (named {@code prefix + stream} there):
   * every connection attempt, and every refusal with its reason, before the page could hide them.
   * An attempt whose request says when the page began it is timed from then, on the page's clock,
   * and one that says when the page heard of the loss before it is preceded by that moment.
   */
  ServerListener serverListener(Attempt.Endpoint endpoint, String prefix) {
    return new ServerListener() {
      @Override
      public void attempted(Attempt attempt) {
        String stream = ours(attempt);
        if (stream == null) {
          return;
        }
        Attempt.Began began = attempt.began();
        if (began == null || page == null) {
          traced(stream).lifecycle(EventKind.CONNECT_ATTEMPT, kind);
        } else {
          // The request is a message the page sent at `began`: a sample of its clock as well. It
          // was begun before it arrived, whatever the conversion's error.
          long arrivalNanos = System.nanoTime();
          began.heardMs().ifPresent(heardMs -> page.clock().place(began.origin(), began.atMs(),
              arrivalNanos, heardMs, heardNanos -> traced(stream).lifecycleAt(
                  EventKind.LOSS_HEARD, kind, pageTime(heardNanos, arrivalNanos))));
          page.clock().place(began.origin(), began.atMs(), arrivalNanos, began.atMs(),
              beganNanos -> traced(stream).lifecycleAt(EventKind.CONNECT_ATTEMPT, kind,
                  pageTime(beganNanos, arrivalNanos)));
        }
      }

      @Override
      public void refused(Attempt attempt, Refusal refusal) {
        String stream = ours(attempt);
        if (stream != null) {
          traced(stream)
              .lifecycle(EventKind.REFUSAL, refusal.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
      }

      /** A page moment the request told of, on the trace's clock: before the request arrived. */
      private long pageTime(long atNanos, long arrivalNanos) {
        return Math.max(0, trace.timeOf(Math.min(atNanos, arrivalNanos)));
      }

      /** The offered stream the attempt is for, or null when it is not this transport's. */
      private String ours(Attempt attempt) {
        String name = attempt.stream();
        if (attempt.endpoint() != endpoint || !name.startsWith(prefix)) {
          return null;
        }
        String stream = name.substring(prefix.length());
        return offered(stream) ? stream : null;
      }
    };
  }

  /** Subscriptions neither side has ended: a leak check's count. */
  int live() {
    return live.size();
  }

  /**
   * The JS half took {@code count} more messages of a paced stream: room for the stream's live
   * subscription. The acknowledgement names the stream, not the subscription: one that comes
   * after its subscription ended gives the next one room it did not need, a few messages more in
   * flight at most, never less room.
   */
  private CompletableFuture<Payload> paced(String args) {
    String stream = JsonText.string(args, "stream");
    int count = (int) JsonText.number(args, "count");
    for (Subscription subscription : live) {
      if (subscription.stream().equals(stream)) {
        subscription.paced(count);
      }
    }
    return CompletableFuture.completedFuture(Payload.json("null"));
  }

  /**
   * {@code {"pace":N,"paceWithinMs":M,"delays":[[from,until,micros],...]}}: how often the JS half
   * acknowledges the harness's pace, every N messages taken and within M ms (0: not paced), and
   * the slow consumer it plays; none for a stream not offered here, whose subscription the kind
   * itself accepts (an event nobody emits) or refuses.
   */
  private CompletableFuture<Payload> consumer(String args) {
    Entry entry = offers.get(JsonText.string(args, "stream"));
    FaultPlan faults = entry == null ? null : entry.offer().faults();
    Offer.Pacing pace = entry == null ? null : entry.offer().pace();
    List<ConsumerDelay> delays = faults == null ? List.of() : faults.consumerDelays();
    StringBuilder reply = new StringBuilder("{\"pace\":").append(pace == null ? 0 : pace.ackEvery())
        .append(",\"paceWithinMs\":").append(pace == null ? 0 : pace.ackWithinMs())
        .append(",\"delays\":[");
    for (int i = 0; i < delays.size(); i++) {
      ConsumerDelay d = delays.get(i);
      reply.append(i == 0 ? "" : ",").append('[').append(d.from()).append(',').append(d.until())
          .append(',').append(d.perMessage().toNanos() / 1000).append(']');
    }
    return CompletableFuture.completedFuture(Payload.json(reply.append("]}").toString()));
  }

  private final class Target implements FaultTarget {
    private final String stream;

    Target(String stream) {
      this.stream = stream;
    }

    @Override
    public String stream() {
      return stream;
    }

    @Override
    public Trace trace() {
      return trace;
    }

    @Override
    public void reloadPage() {
      if (page == null) {
        throw new UnsupportedOperationException(
            kind + " stream '" + stream + "' belongs to no one page; reload applies to one page's streams");
      }
      page.execute("location.reload();");
    }

    @Override
    public void disconnect(Duration length) {
      if (disconnect == null) {
        throw new UnsupportedOperationException(
            kind + " has no server connection to cut; disconnect applies to websocket and sse");
      }
      disconnect.accept(length);
    }
  }
}
