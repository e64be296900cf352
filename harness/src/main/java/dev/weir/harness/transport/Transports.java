package dev.weir.harness.transport;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.Page;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.transport.net.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Entry point: installs the transports' JS halves and endpoints in a runtime once, then gives each
 * page its transports, all recording into one trace.
 */
public final class Transports {

  private static final ParkedPayloads PARKED = new ParkedPayloads();
  private static final StreamTickets TICKETS = new StreamTickets();
  private static final AtomicLong EVENT_IDS = new AtomicLong();
  private static BrowserRuntime installedIn;

  private final Page page;
  private final Trace trace;

  private Transports(Page page, Trace trace) {
    this.page = page;
    this.trace = trace;
  }

  /** Every kind {@link #of} makes, in the order reports list them. */
  public static final List<String> KINDS =
      List.of("channel", "event", "command", "scheme", "websocket", "sse");

  /**
   * Makes every page the runtime serves from now on carry the transports' JS halves; pages opened
   * before do not have them. Idempotent.
   */
  public static synchronized void install(BrowserRuntime runtime) {
    if (installedIn == runtime) {
      return;
    }
    runtime.pageScript("transports.js", resource("transports.js"));
    runtime.endpoint(ParkedPayloads.PATH, PARKED);
    runtime.endpoint(StreamTickets.PATH, TICKETS);
    installedIn = runtime;
  }

  /** The transports of {@code page}, recording into {@code trace}. */
  public static Transports on(Page page, Trace trace) {
    return new Transports(page, trace);
  }

  /** The transports of {@code page}, recording into a trace of their own. */
  public static Transports on(Page page) {
    return on(page, Trace.start());
  }

  public Trace trace() {
    return trace;
  }

  /** Tauri channels with Tauri's parking thresholds. */
  public Transport channel() {
    return channel(Thresholds.TAURI);
  }

  /** Tauri channels with other parking thresholds. */
  public Transport channel(Thresholds thresholds) {
    return new ChannelTransport(page, trace, PARKED, thresholds);
  }

  /** Tauri events targeted at this page ({@code emit_to}). */
  public Transport event() {
    return event(null);
  }

  /** Tauri events targeted at this page, and the app-wide events of {@code hub} ({@code emit}). */
  public Transport event(GlobalEvents hub) {
    return new EventTransport(page, trace, EVENT_IDS, hub);
  }

  /** Commands: the page long-polls for batches. */
  public Transport command() {
    return new CommandTransport(page, trace);
  }

  /** The browser's WebSocket against {@code server}, which the caller starts and closes. */
  public Transport websocket(LoopbackServer server) {
    return new WebSocketTransport(page, trace, server);
  }

  /** Server-Sent Events from {@code server} to the browser's EventSource. */
  public Transport sse(LoopbackServer server) {
    return new SseTransport(page, trace, server);
  }

  /** A streamed response over the custom scheme, read with fetch and a ReadableStream. */
  public Transport scheme() {
    return new SchemeTransport(page, trace, TICKETS);
  }

  /**
   * The transport of {@code kind} (one of {@link #KINDS}); {@code server} carries websocket and sse
   * and may be null for the others.
   *
   * @throws IllegalArgumentException for an unknown kind, or a server-borne kind without a server
   */
  public Transport of(String kind, LoopbackServer server) {
    if ((kind.equals("websocket") || kind.equals("sse")) && server == null) {
      throw new IllegalArgumentException(kind + " needs a LoopbackServer, got none");
    }
    return switch (kind) {
      case "channel" -> channel();
      case "event" -> event();
      case "command" -> command();
      case "scheme" -> scheme();
      case "websocket" -> websocket(server);
      case "sse" -> sse(server);
      default -> throw new IllegalArgumentException(
          "Unknown transport '" + kind + "': expected one of " + String.join(", ", KINDS));
    };
  }

  /** Scheme streams issued to pages and never fetched: zero when none leak. */
  public static int unfetchedStreams() {
    return TICKETS.size();
  }

  /** Channel payloads parked and not yet fetched, over all pages: zero when none leak. */
  public static int parkedPayloads() {
    return PARKED.size();
  }

  private static byte[] resource(String name) {
    try (InputStream in = Transports.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the weir-harness jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
