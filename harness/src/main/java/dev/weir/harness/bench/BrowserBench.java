package dev.weir.harness.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weir.harness.browser.JvmCommand;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code weir bench browser}: runs {@link BrowserProbe} in fresh JVMs one after another, so that
 * start-up is measured as a user meets it, and reports each figure's median over the runs.
 */
public final class BrowserBench {

  private static final long RUN_TIMEOUT_SECONDS = 180;

  private final Map<BrowserMetric, double[]> samples;
  private final int runs;

  private BrowserBench(Map<BrowserMetric, double[]> samples, int runs) {
    this.samples = samples;
    this.runs = runs;
  }

  /**
   * Runs the probe {@code runs} times.
   *
   * @param progress told before each run, such as "run 2 of 5"
   * @throws IllegalStateException when a run fails, with the end of its output
   */
  public static BrowserBench run(int runs, Consumer<String> progress) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, was " + runs);
    }
    Map<BrowserMetric, double[]> samples = new EnumMap<>(BrowserMetric.class);
    for (BrowserMetric metric : BrowserMetric.values()) {
      samples.put(metric, new double[runs]);
    }
    for (int run = 0; run < runs; run++) {
      progress.accept("run " + (run + 1) + " of " + runs);
      Map<String, Double> figures = runOnce();
      for (BrowserMetric metric : BrowserMetric.values()) {
        Double value = figures.get(metric.key());
        if (value == null) {
          throw new IllegalStateException("The probe reported no " + metric.key() + ": " + figures);
        }
        samples.get(metric)[run] = value;
      }
    }
    return new BrowserBench(samples, runs);
  }

  private static Map<String, Double> runOnce() {
    Path log = null;
    try {
      log = Files.createTempFile("weir-bench-", ".log");
      Process probe =
          JvmCommand.builder(BrowserProbe.class)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!probe.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        probe.destroyForcibly();
        throw new IllegalStateException(
            "A benchmark run took over " + RUN_TIMEOUT_SECONDS + " s; its output ends:\n" + tail(log));
      }
      List<String> lines = Files.readAllLines(log);
      int marker = lines.indexOf(BrowserProbe.MARKER);
      if (probe.exitValue() != 0 || marker < 0) {
        throw new IllegalStateException(
            "A benchmark run failed (exit " + probe.exitValue() + "); its output ends:\n" + tail(log));
      }
      Map<String, Double> figures = new HashMap<>();
      for (String line : lines.subList(marker + 1, lines.size())) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          figures.put(line.substring(0, eq), Double.parseDouble(line.substring(eq + 1)));
        }
      }
      return figures;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not run a benchmark JVM", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during a benchmark run", e);
    } finally {
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException e) {
          // a temporary file; nothing depends on it
        }
      }
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  public double median(BrowserMetric metric) {
    return Stats.median(samples.get(metric));
  }

  /** Every target met by its median. */
  public boolean allTargetsMet() {
    return Arrays.stream(BrowserMetric.values()).allMatch(m -> m.met(median(m)));
  }

  /** A table for people: median, range over runs, target and whether it was met. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "weir bench browser: median of %d run%s, Java %s, %d CPUs%n",
            runs,
            runs == 1 ? "" : "s",
            Runtime.version(),
            Runtime.getRuntime().availableProcessors()));
    String row = "%-36s %12s %-7s %-21s %-14s %s%n";
    out.append(String.format(Locale.ROOT, row, "measure", "median", "unit", "range", "target", ""));
    for (BrowserMetric metric : BrowserMetric.values()) {
      double[] values = samples.get(metric);
      double median = median(metric);
      out.append(
          String.format(
              Locale.ROOT,
              row,
              metric.label(),
              Format.number(median),
              metric.unit(),
              Format.number(Arrays.stream(values).min().orElseThrow())
                  + " – "
                  + Format.number(Arrays.stream(values).max().orElseThrow()),
              metric.target(),
              metric.hasTarget() ? (metric.met(median) ? "met" : "MISSED") : ""));
    }
    return out.toString();
  }

  /** The same figures for machines, every run's sample included. */
  public String json() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("benchmark", "browser");
      json.writeNumberField("runs", runs);
      json.writeStringField("java", Runtime.version().toString());
      json.writeNumberField("cpus", Runtime.getRuntime().availableProcessors());
      json.writeObjectFieldStart("metrics");
      for (BrowserMetric metric : BrowserMetric.values()) {
        json.writeObjectFieldStart(metric.key());
        json.writeStringField("label", metric.label());
        json.writeStringField("unit", metric.unit());
        json.writeNumberField("median", median(metric));
        json.writeArrayFieldStart("samples");
        for (double value : samples.get(metric)) {
          json.writeNumber(value);
        }
        json.writeEndArray();
        if (metric.hasTarget()) {
          json.writeStringField("target", metric.target());
          json.writeBooleanField("met", metric.met(median(metric)));
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
