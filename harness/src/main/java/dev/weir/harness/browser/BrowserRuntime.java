package dev.weir.harness.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.friwi.jcefmaven.CefAppBuilder;
import me.friwi.jcefmaven.CefBuildInfo;
import me.friwi.jcefmaven.MavenCefAppHandlerAdapter;
import me.friwi.jcefmaven.impl.progress.ConsoleProgressHandler;
import org.cef.CefApp;
import org.cef.CefApp.CefAppState;
import org.cef.callback.CefSchemeRegistrar;

/**
 * The one CEF instance a JVM may have, started on first use and shared by every {@link Page}.
 *
 * <p>Natives come from the {@code jcef-natives-linux-amd64} jar on the classpath (downloads are
 * disabled) and are extracted once into {@code ~/.cache/weir/jcef/<release>}, under a file lock so
 * that concurrent JVMs share it. Each process gets its own CEF cache folder, deleted on close,
 * because two CEF processes sharing one fail to start.
 */
public final class BrowserRuntime implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 60;
  /**
   * Generous on purpose: the watchdog's ping waits behind every script already queued for the
   * page, and a flood of 100,000 evaluated messages kept a busy CI machine's page from answering
   * for over 5 s without it being hung.
   */
  private static final Duration DEFAULT_HANG_TIMEOUT = Duration.ofSeconds(30);
  private static BrowserRuntime shared;
  private static boolean closed;

  private final CefApp app;
  private final Path cache;
  private final PageServer server;
  private final CompletableFuture<Void> terminated;
  private final ScheduledExecutorService watchdogs =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "weir-page-watchdog");
            t.setDaemon(true);
            return t;
          });

  private BrowserRuntime(
      CefApp app,
      Path cache,
      PageServer server,
      CompletableFuture<Void> terminated) {
    this.app = app;
    this.cache = cache;
    this.server = server;
    this.terminated = terminated;
  }

  /**
   * The runtime of this JVM, started now if it is not running.
   *
   * @throws IllegalStateException when there is no display (see {@link Display#acquire()}), CEF
   *     fails to start, or the runtime was closed (CEF cannot start twice in one process)
   */
  public static synchronized BrowserRuntime shared() {
    if (closed) {
      throw new IllegalStateException("CEF was closed in this JVM and cannot start again");
    }
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  private static BrowserRuntime start() {
    warnAboutUnsetEnvironment();
    // Xvfb takes ~150 ms to accept connections: let it start while the natives are checked.
    CompletableFuture<Display> display = CompletableFuture.supplyAsync(Display::acquire);
    Path cache = null;
    CefApp app = null;
    try {
      CacheFolders.sweep();
      cache = CacheFolders.create();
      CompletableFuture<Void> terminated = new CompletableFuture<>();
      CompletableFuture<Boolean> contextReady = new CompletableFuture<>();
      PageServer server = new PageServer();
      CefAppBuilder builder = new CefAppBuilder();
      Path install = installDir();
      builder.setInstallDir(install.toFile());
      builder.setMirrors(List.of());
      builder.setProgressHandler(new ConsoleProgressHandler());
      builder.getCefSettings().windowless_rendering_enabled = true;
      builder.getCefSettings().root_cache_path = cache.toString();
      // CEF logs to stderr by default, mostly harmless D-Bus complaints; keep them with the cache.
      builder.getCefSettings().log_file = cache.resolve("cef.log").toString();
      // No GPU, and no GPU process either: one process fewer to start and to leave behind.
      builder.addJcefArgs("--disable-gpu", "--disable-gpu-compositing", "--in-process-gpu");
      // Chromium's Local Network Access asks the user before a page fetches from 127.0.0.1; CEF
      // has no prompt, so fetch and EventSource to the loopback transports would wait forever.
      builder.addJcefArgs("--disable-features=LocalNetworkAccessChecks");
      builder.setAppHandler(
          new MavenCefAppHandlerAdapter() {
            @Override
            public void onRegisterCustomSchemes(CefSchemeRegistrar registrar) {
              // standard, not local, not display-isolated, secure, CORS-enabled, no CSP bypass,
              // fetch-enabled: behaves like https for pages and fetch().
              registrar.addCustomScheme(
                  PageServer.SCHEME, true, false, false, true, true, false, true);
            }

            @Override
            public void onContextInitialized() {
              contextReady.complete(
                  CefApp.getInstance().registerSchemeHandlerFactory(PageServer.SCHEME, "", server));
            }

            @Override
            public void stateHasChanged(CefAppState state) {
              if (state == CefAppState.TERMINATED) {
                terminated.complete(null);
              }
            }
          });
      try (FileChannel lockFile =
              FileChannel.open(
                  install.resolveSibling(install.getFileName() + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        builder.install();
      }
      builder.addJcefArgs("--display=" + displayName(display));
      app = builder.build();
      // JCEF initialises CEF, which then reports its context, only when a first client exists.
      app.createClient().dispose();
      if (!contextReady.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        app.dispose();
        throw new IllegalStateException("CEF refused the weir: scheme handler");
      }
      BrowserRuntime runtime = new BrowserRuntime(app, cache, server, terminated);
      ExitHandling.install(runtime::closeAtExit);
      return runtime;
    } catch (Exception e) {
      if (app == null) {
        display.thenAccept(Display::close); // CEF never connected to it
      }
      CacheFolders.delete(cache);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw e instanceof NoDisplayException n
          ? n
          : new IllegalStateException("Could not start CEF: " + e, e);
    }
  }

  private static void warnAboutUnsetEnvironment() {
    List<String> unset =
        JvmCommand.ENVIRONMENT.entrySet().stream()
            .filter(e -> System.getenv(e.getKey()) == null)
            .map(e -> e.getKey() + "=" + e.getValue())
            .sorted()
            .toList();
    if (!unset.isEmpty()) {
      System.err.println(
          "weir: warning: set "
              + String.join(" ", unset)
              + " in the environment before starting this JVM: Chromium adds them while it"
              + " starts, which crashes the JVM about 1 start in 60 (see JvmCommand.ENVIRONMENT)");
    }
  }

  private static String displayName(CompletableFuture<Display> display) {
    try {
      return display.join().name();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static Path installDir() throws IOException {
    Path base = Path.of(System.getProperty("user.home"), ".cache", "weir", "jcef");
    Files.createDirectories(base);
    return base.resolve(CefBuildInfo.fromClasspath().getReleaseTag());
  }

  /** This process's CEF cache and log folder, deleted when the runtime closes. */
  public Path cacheFolder() {
    return cache;
  }

  /**
   * Serves the files under {@code root} at {@code weir://host/}, refusing anything outside it.
   *
   * @param host lower-case letters, digits and '-', such as {@code app}
   * @return the base URI, {@code weir://host/}
   */
  public URI serve(String host, Path root) {
    if (!host.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException(
          "Host '" + host + "': expected lower-case letters, digits and '-'");
    }
    server.mount(host, new PageResolver(root));
    return URI.create(PageServer.SCHEME + "://" + host + "/");
  }

  /**
   * Serves the files under {@code root} at {@code /.weir/<name>/} on every host, same-origin with
   * each page, refusing anything outside root as {@link #serve} does: one copy of a library (the
   * reference frontend) that pages in other folders import from. Serving a name again replaces
   * its root.
   *
   * @param name lower-case letters, digits and '-', such as {@code reference}
   * @return the path pages use, {@code /.weir/<name>/}
   */
  public String serveShared(String name, Path root) {
    if (!name.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException(
          "Shared name '" + name + "': expected lower-case letters, digits and '-'");
    }
    server.share(name, new PageResolver(root));
    return "/.weir/" + name + "/";
  }

  /**
   * Serves {@code endpoint} at {@code weir://<every host>/.weir/<path>}.
   *
   * @throws IllegalStateException when the path is taken
   */
  public void endpoint(String path, Endpoint endpoint) {
    server.endpoint(path, endpoint);
  }

  /**
   * Makes every HTML document served from now on load {@code source} (as {@code
   * /.weir/<name>}) right after the bridge and before its own scripts: the JS half of a transport.
   */
  public void pageScript(String name, byte[] source) {
    server.pageScript(name, source);
  }

  /** Opens an off-screen page at {@code url} with the default watchdog, and waits for its load. */
  public Page open(URI url) {
    return open(url, DEFAULT_HANG_TIMEOUT);
  }

  /**
   * Opens an off-screen page at {@code url} and waits until it has loaded.
   *
   * @param hangTimeout how long the page may go without answering before it counts as hung
   */
  public Page open(URI url, Duration hangTimeout) {
    return Page.open(app, url.toString(), hangTimeout, watchdogs);
  }

  private void closeAtExit() {
    synchronized (BrowserRuntime.class) {
      if (shared != this) {
        return; // closed already
      }
    }
    close();
  }

  /**
   * Disposes CEF, waits until it has terminated, and deletes this process's CEF cache. Pages must
   * be closed first.
   *
   * <p>A private Xvfb stays up until the JVM exits (then it dies with it, see {@link Display}):
   * CEF keeps its X connection open after shutdown, and Xlib ends the process when that
   * connection breaks. Some {@code jcef_helper} processes (measured: 3) also outlive shutdown
   * and end only with the JVM.
   */
  @Override
  public void close() {
    synchronized (BrowserRuntime.class) {
      closed = true;
      shared = null;
    }
    watchdogs.shutdownNow();
    try {
      app.dispose();
      terminated.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while disposing CEF", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "CEF did not terminate within " + TIMEOUT_SECONDS + " s", e);
    } finally {
      CacheFolders.delete(cache);
    }
  }
}
