package dev.weir.scenarios.cli;

import dev.weir.simulator.io.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where {@code --json [FILE]} sends JSON: standard output when the option stands alone, else the
 * file. A command's paths follow its options, so an optional value is ambiguous ({@code weir run
 * --json examples/}); the option takes the next argument as its file only when it ends in {@code
 * .json}, or when it is attached ({@code --json=out.txt}). Anything else is left to the command.
 */
final class JsonTarget implements IParameterPreprocessor {

  /** The option's value for standard output: {@code --json} alone. */
  static final String STDOUT = "-";

  @Override
  public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec option,
      Map<String, Object> info) {
    boolean attached = !" ".equals(info.get("separator"));
    if (!attached && (args.isEmpty() || !args.peek().toLowerCase(Locale.ROOT).endsWith(".json"))) {
      args.push(STDOUT);
    }
    return false;
  }

  /**
   * Checks {@code target} before a long run rather than after it.
   *
   * @throws BadInputException when it names a folder
   */
  static void check(String target) {
    if (!target.equals(STDOUT) && Files.isDirectory(Path.of(target))) {
      throw new BadInputException("--json " + target + ": expected a file to write the results"
          + " to; it is a folder");
    }
  }

  /**
   * Writes {@code json} to {@code target}, a file or {@link #STDOUT}; a file is replaced whole or
   * left as it was (a temporary file beside it, then a rename).
   */
  static void write(String target, String json, PrintWriter out) throws IOException {
    if (target.equals(STDOUT)) {
      out.print(json);
      return;
    }
    AtomicFile.write(Path.of(target), file -> file.write(json.getBytes(StandardCharsets.UTF_8)));
  }
}
