package dev.weir.harness.transport.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The HTTP server the {@code websocket} and {@code sse} transports share: Jetty 12 bound to
 * 127.0.0.1 on a free port, answering only requests that carry its random token.
 *
 * <p>Loopback and the token keep other machines and other local processes out (the design's rule:
 * servers bind loopback only). Its counters are taken at the server, so a checker can tell what
 * really reached it; its down state lets reconnection tests cut every connection and refuse new
 * ones for a while.
 */
public final class LoopbackServer implements AutoCloseable {

  /**
   * How the server runs.
   *
   * @param heartbeat how often open event streams get a comment line, which is how the server
   *     notices clients that went away (see {@code docs/transports.md})
   */
  public record Settings(Duration heartbeat) {

    /** A heartbeat every second. */
    public static final Settings DEFAULT = new Settings(Duration.ofSeconds(1));

    public Settings {
      if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
        throw new IllegalArgumentException(
            "Heartbeat must be a positive duration but was " + heartbeat);
      }
    }

    public Settings withHeartbeat(Duration newHeartbeat) {
      return new Settings(newHeartbeat);
    }
  }

  private static final String HOST = "127.0.0.1";
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final int MAX_THREADS = 32;
  private static final int MIN_THREADS = 4;

  /**
   * Threads beyond the minimum go after this long idle, so a burst leaves none behind for long.
   * All of them at once: Jetty's default lets one go per idle period, so 10 burst threads took 50 s.
   */
  private static final int THREAD_IDLE_MILLIS = 5_000;

  private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private final String threadPrefix = "weir-net-" + INSTANCES.incrementAndGet();
  private final AccessToken token = AccessToken.random();
  private final Availability availability = new Availability();
  private final Streams streams = new Streams();
  private final Server server;
  private final ServerConnector connector;
  private final RequestGate gate;
  private final ScheduledExecutorScheduler scheduler;
  private final Heartbeat heartbeat;

  private LoopbackServer(Settings settings) {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, THREAD_IDLE_MILLIS);
    threads.setName(threadPrefix);
    threads.setMaxEvictCount(MAX_THREADS);
    scheduler = new ScheduledExecutorScheduler(threadPrefix + "-scheduler", true);
    server = new Server(threads, scheduler, null);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(HOST);
    connector.setPort(0);
    server.addConnector(connector);
    ServerWebSocketContainer webSockets = ServerWebSocketContainer.ensure(server);
    // Streams may pause for long stretches (stall faults): only the client or the server ends them.
    webSockets.setIdleTimeout(Duration.ZERO);
    webSockets.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
    webSockets.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
    gate = new RequestGate(token, availability, streams, webSockets);
    server.setHandler(gate);
    heartbeat = new Heartbeat(scheduler, streams, settings.heartbeat());
  }

  /** Starts a server on a free loopback port with {@link Settings#DEFAULT}. */
  public static LoopbackServer start() {
    return start(Settings.DEFAULT);
  }

  /** Starts a server on a free loopback port. */
  public static LoopbackServer start(Settings settings) {
    LoopbackServer started = new LoopbackServer(settings);
    try {
      started.server.start();
      started.heartbeat.start();
    } catch (Exception e) {
      started.close();
      throw new IllegalStateException("Could not start the loopback server on " + HOST, e);
    }
    return started;
  }

  /** {@code http://127.0.0.1:PORT}, without the token. */
  public URI baseUri() {
    return URI.create("http://" + HOST + ":" + connector.getLocalPort());
  }

  /** The WebSocket stream of that name, created on first use. */
  public WebSocketStream webSocket(String name) {
    return streams.webSocket(name);
  }

  /** The event stream of that name, created on first use. */
  public EventStream eventStream(String name) {
    return streams.eventStream(name);
  }

  /** {@code ws://127.0.0.1:PORT/ws/<stream>?token=…}: what a client opens, token included. */
  public URI webSocketUri(String stream) {
    if (streams.findWebSocket(StreamNames.check(stream)) == null) {
      throw new IllegalArgumentException(
          "No WebSocket stream '"
              + stream
              + "': create it with webSocket(\""
              + stream
              + "\") first");
    }
    return withToken("ws", RequestGate.WEBSOCKET_PATH + stream);
  }

  /** {@code http://127.0.0.1:PORT/sse/<stream>?token=…}: what an EventSource opens. */
  public URI eventSourceUri(String stream) {
    if (streams.findEventStream(StreamNames.check(stream)) == null) {
      throw new IllegalArgumentException(
          "No event stream '" + stream + "': create it with eventStream(\"" + stream + "\") first");
    }
    return withToken("http", RequestGate.EVENT_STREAM_PATH + stream);
  }

  private URI withToken(String scheme, String path) {
    return URI.create(
        scheme + "://" + HOST + ":" + connector.getLocalPort() + path + "?token=" + token.value());
  }

  public void addListener(ServerListener listener) {
    gate.addListener(listener);
  }

  public ServerCounters counters() {
    return new ServerCounters(
        gate.attempts(),
        gate.refusals(),
        streams.openConnections(),
        connector.getConnectedEndPoints().size());
  }

  /** Goes down with {@link Outage#DEFAULT} until {@link #up()}. */
  public void down() {
    down(Outage.DEFAULT);
  }

  /** Goes down with {@link Outage#DEFAULT} and comes back up by itself after {@code length}. */
  public void down(Duration length) {
    down(Outage.DEFAULT.lasting(length));
  }

  /**
   * Closes every open connection (WebSocket sessions with the outage's code, event streams by
   * ending their response) and refuses new ones, each refusal counted, until {@link #up()} or the
   * outage's length has passed. A later {@code down} replaces this one.
   */
  public void down(Outage outage) {
    Availability.Period period = availability.down(outage);
    streams.closeAll(outage.closeCode(), outage.closeReason());
    if (outage.length() != null) {
      scheduler.schedule(
          () -> availability.end(period), outage.length().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Accepts connections again. */
  public void up() {
    availability.up();
  }

  public boolean isDown() {
    return availability.outage() != null;
  }

  /** The address the server listens on, for tests that it is loopback only. */
  InetSocketAddress boundAddress() {
    try {
      return (InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every thread the server starts is named with this prefix. */
  String threadPrefix() {
    return threadPrefix;
  }

  /** Closes every connection (1001, "server closing"), then stops Jetty and its threads. */
  @Override
  public void close() {
    if (server.isStarted()) {
      streams.closeAll(1001, "server closing");
    }
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop the loopback server", e);
    }
  }
}
