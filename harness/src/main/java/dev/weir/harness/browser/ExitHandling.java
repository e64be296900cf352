package dev.weir.harness.browser;

import java.util.List;
import sun.misc.Signal;

/**
 * Makes SIGTERM, SIGINT and SIGHUP end the JVM through its shutdown hooks again after CEF has
 * started, so that the runtime is closed and its cache deleted on those exits too.
 *
 * <p>CEF installs its own handlers for these signals during start-up, replacing the JVM's: without
 * this, {@code kill} or Ctrl-C ends the process without running any shutdown hook.
 */
final class ExitHandling {

  private static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");

  private ExitHandling() {}

  /** Runs {@code onExit} from a shutdown hook, and routes the signals to an orderly exit. */
  static void install(Runnable onExit) {
    Runtime.getRuntime().addShutdownHook(new Thread(onExit, "weir-browser-shutdown"));
    for (String name : SIGNALS) {
      // The exit status a shell reports for a process ended by that signal.
      Signal.handle(new Signal(name), signal -> System.exit(128 + signal.getNumber()));
    }
  }
}
