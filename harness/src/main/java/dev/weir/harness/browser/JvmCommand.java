package dev.weir.harness.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line for a fresh JVM that can run the browser runtime: this JVM's java and class
 * path, AWT headless, and native access granted where Java asks for it (22 and later).
 *
 * <p>Start-up can only be measured, and exits only observed, from a JVM of its own.
 */
public final class JvmCommand {

  private JvmCommand() {}

  /** {@code java ... -cp <this class path> mainClass args...}. */
  public static List<String> forMain(Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.awt.headless=true");
    if (Runtime.version().feature() >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return command;
  }
}
