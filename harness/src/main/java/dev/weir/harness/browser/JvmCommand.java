package dev.weir.harness.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start a fresh JVM that can run the browser runtime: this JVM's java and class path, AWT
 * headless, native access granted where Java asks for it (22 and later), {@code sun.misc.Unsafe}
 * memory access allowed where Java warns about it (23 and later; the pure-Java zstd encoder uses
 * it), and {@link #ENVIRONMENT}.
 *
 * <p>Start-up can only be measured, and exits only observed, from a JVM of its own.
 */
public final class JvmCommand {

  /**
   * Variables Chromium adds to its own process environment during start-up when they are unset,
   * while its other threads read the environment: adding a variable can move glibc's environment
   * array under a concurrent {@code getenv}, which then crashes the JVM (measured: 1 start in 60).
   * Set before the JVM starts, they are only read. The {@code weir} launcher and the Maven test
   * configuration set the same values.
   */
  public static final Map<String, String> ENVIRONMENT =
      Map.of("DBUS_SESSION_BUS_ADDRESS", "disabled:", "NO_AT_BRIDGE", "1");

  private JvmCommand() {}

  /** A process builder for {@link #forMain}, with {@link #ENVIRONMENT} added where unset. */
  public static ProcessBuilder builder(Class<?> mainClass, String... args) {
    ProcessBuilder builder = new ProcessBuilder(forMain(mainClass, args));
    ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
    return builder;
  }

  /** {@code java ... -cp <this class path> mainClass args...}. */
  static List<String> forMain(Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.awt.headless=true");
    if (Runtime.version().feature() >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    if (Runtime.version().feature() >= 23) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return command;
  }
}
