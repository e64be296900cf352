package dev.weir.scenarios.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.conformance.JudgedRun;
import dev.weir.harness.trace.TraceWriter;
import dev.weir.scenarios.scenario.Scenario;
import dev.weir.scenarios.scenario.Source;
import dev.weir.simulator.codec.ReadingEncoding;
import dev.weir.simulator.io.AtomicFile;
import dev.weir.simulator.mcap.Compression;
import dev.weir.simulator.recording.RecordedSensor;
import dev.weir.simulator.recording.RecordingReader;
import dev.weir.simulator.recording.RecordingWriter;
import dev.weir.simulator.recording.RunInfo;
import dev.weir.simulator.recording.SensorInfo;
import dev.weir.simulator.spec.SimulationSpec;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.ReadingCopy;
import dev.weir.simulator.stream.ReadingSource;
import dev.weir.simulator.stream.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a scenario run leaves as files: the readings it sent ({@value #STREAM}), its trace
 * ({@value #TRACE}) and its verdicts ({@value #VERDICT}). A repro bundle holds them beside the
 * scenario that replays them; {@code weir record} writes them for any run, passed or failed. Each
 * file is written whole or not at all.
 */
public final class RunFiles {

  /** The readings the run sent, as a recording. */
  public static final String STREAM = "stream.mcap";
  /** The run's trace ({@code docs/trace-format.md}). */
  public static final String TRACE = "trace.mcap";
  /** The run's verdicts, with the outcome a replay compares. */
  public static final String VERDICT = "verdict.json";
  /** {@value #VERDICT}'s layout. */
  static final String FORMAT = "weir.bundle.v1";

  private RunFiles() {}

  /**
   * Writes the files of {@code run}, a run of {@code scenario}, into {@code folder} (created if
   * missing), replacing files of the same names.
   *
   * @throws IOException when one cannot be written; the ones already written stay
   */
  public static void write(Path folder, Scenario scenario, JudgedRun run) throws IOException {
    Files.createDirectories(folder);
    writeStream(scenario, run, folder.resolve(STREAM));
    TraceWriter.write(run.trace(), folder.resolve(TRACE));
    byte[] verdict = verdict(run.result());
    AtomicFile.write(folder.resolve(VERDICT), out -> out.write(verdict));
  }

  /**
   * The readings the run sent, as the scenario's source gave them: the first of them, as many as
   * the producer sent. A whole recording is copied as it is; a run that did not complete says in
   * a metadata record ({@value #PARTIAL}) how many readings the scenario had and how many it sent.
   */
  private static void writeStream(Scenario scenario, JudgedRun run, Path target)
      throws IOException {
    if (scenario.source() instanceof Source.Recorded recorded) {
      if (run.complete() && recorded.durationNs().isEmpty()) {
        AtomicFile.write(target, out -> Files.copy(recorded.recording(), out));
        return;
      }
      try (RecordingReader reader = RecordingReader.open(recorded.recording())) {
        Reading first = reader.next();
        List<SensorInfo> sensors = reader.sensors().stream().map(RecordedSensor::info).toList();
        RunInfo info = new RunInfo(recorded.recording().getFileName().toString(), scenario.seed(),
            recorded.durationNs().orElse(0L));
        write(first == null ? reader : prepend(first, reader), sensors, info, run, target);
      }
      return;
    }
    SimulationSpec simulation = ((Source.Simulated) scenario.source()).simulation();
    List<SensorInfo> sensors = simulation.sensors().stream().map(SensorInfo::of).toList();
    write(ReadingSource.of(Simulation.of(simulation).readings()), sensors,
        new RunInfo(scenario.name(), simulation.seed(), simulation.durationNs()), run, target);
  }

  /** The metadata record of a stream file that holds part of its scenario's readings. */
  static final String PARTIAL = "weir.partial";

  private static void write(ReadingSource readings, List<SensorInfo> sensors, RunInfo info,
      JudgedRun run, Path target) throws IOException {
    RecordingWriter writer =
        RecordingWriter.create(target, ReadingEncoding.JSON, Compression.ZSTD, sensors, info);
    if (!run.complete()) {
      writer.addMetadata(PARTIAL, Map.of("sent", Long.toString(run.sent()),
          "scenario_readings", Long.toString(run.total())));
    }
    long[] left = {run.sent()};
    ReadingCopy.all(() -> left[0]-- > 0 ? readings.next() : null, writer, reading -> { });
  }

  private static ReadingSource prepend(Reading first, ReadingSource rest) {
    Reading[] held = {first};
    return () -> {
      Reading next = held[0];
      held[0] = null;
      return next != null ? next : rest.next();
    };
  }

  private static byte[] verdict(CaseResult result) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = new JsonFactory().createGenerator(bytes)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("format", FORMAT);
      json.writeStringField("case", result.caseId());
      json.writeStringField("transport", result.kind());
      json.writeStringField("status", result.status().label());
      json.writeStringField("outcome", result.outcome());
      json.writeArrayFieldStart("verdicts");
      for (Verdict verdict : result.verdicts()) {
        verdict.writeJson(json);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return bytes.toByteArray();
  }
}
