package dev.weir.harness.transport;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.Page;
import dev.weir.harness.transport.net.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Entry point: installs the transports' JS halves and endpoints in a runtime once, then gives each
 * page its transports.
 */
public final class Transports {

  private static final ParkedPayloads PARKED = new ParkedPayloads();
  private static final StreamTickets TICKETS = new StreamTickets();
  private static BrowserRuntime installedIn;

  private Transports() {}

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

  /** Tauri channels with Tauri's parking thresholds. */
  public static Transport channel(Page page) {
    return channel(page, Thresholds.TAURI);
  }

  /** Tauri channels with other parking thresholds. */
  public static Transport channel(Page page, Thresholds thresholds) {
    return new ChannelTransport(page, PARKED, thresholds);
  }

  /** Tauri events targeted at this page. */
  public static Transport event(Page page) {
    return new EventTransport(page);
  }

  /** Commands: the page long-polls for batches. */
  public static Transport command(Page page) {
    return new CommandTransport(page);
  }

  /** The browser's WebSocket against {@code server}, which the caller starts and closes. */
  public static Transport websocket(Page page, LoopbackServer server) {
    return new WebSocketTransport(page, server);
  }

  /** Server-Sent Events from {@code server} to the browser's EventSource. */
  public static Transport sse(Page page, LoopbackServer server) {
    return new SseTransport(page, server);
  }

  /** A streamed response over the custom scheme, read with fetch and a ReadableStream. */
  public static Transport scheme(Page page) {
    return new SchemeTransport(page, TICKETS);
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
