package dev.weir.scenarios.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weir.harness.conformance.ConformanceCase;
import dev.weir.scenarios.scenario.ScenarioInstance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weir list conformance | PATH...}: what {@code weir run} with the same arguments would
 * run, in its order, without starting a browser: to check a tag expression or a CI shard first.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"Lists what weir run with the same arguments would run, in its order: each"
        + " run's id, transport, tags and scenario file. Starts no browser.",
        "Exit code 2 on bad input, or when nothing is chosen."})
final class ListCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  Selection selection;

  @Option(names = "--json",
      description = "Print the list as JSON: one object per run, {id, transport, tags, file}.")
  boolean json;

  /** One run weir run would make; the conformance cases have no tags and no file. */
  record Entry(String id, String transport, List<String> tags, Optional<String> file) {}

  @Override
  public Integer call() {
    List<Entry> entries = selection.conformance() ? cases() : scenarios();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(entries) : table(entries));
    out.flush();
    return WeirCli.OK;
  }

  private List<Entry> cases() {
    List<ConformanceCase> cases = selection.cases();
    Set<String> kinds = selection.kinds();
    List<Entry> entries = new ArrayList<>();
    for (ConformanceCase c : cases) {
      for (String kind : c.kinds()) {
        if (kinds.contains(kind)) {
          entries.add(new Entry(c.id(), kind, List.of(), Optional.empty()));
        }
      }
    }
    return entries;
  }

  private List<Entry> scenarios() {
    List<Entry> entries = new ArrayList<>();
    for (ScenarioInstance instance : selection.scenarios()) {
      entries.add(new Entry(instance.id(), instance.scenario().transport().kind(),
          instance.scenario().tags(), Optional.of(instance.scenario().file())));
    }
    return entries;
  }

  private static String table(List<Entry> entries) {
    int width = Math.max(18, entries.stream().mapToInt(e -> e.id().length()).max().orElse(0));
    int tagWidth = Math.max(4, entries.stream().mapToInt(e -> tags(e).length()).max().orElse(0));
    String row = "%-" + width + "s %-10s %-" + tagWidth + "s %s%n";
    StringBuilder table = new StringBuilder(String.format(row, "id", "transport", "tags", "file"));
    for (Entry entry : entries) {
      table.append(String.format(row, entry.id(), entry.transport(), tags(entry),
          entry.file().orElse("(built in)")));
    }
    return table.append(String.format("%n%d runs.%n", entries.size())).toString();
  }

  private static String tags(Entry entry) {
    return entry.tags().isEmpty() ? "-" : String.join(",", entry.tags());
  }

  private static String json(List<Entry> entries) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.writeStartArray();
      for (Entry entry : entries) {
        json.writeStartObject();
        json.writeStringField("id", entry.id());
        json.writeStringField("transport", entry.transport());
        json.writeArrayFieldStart("tags");
        for (String tag : entry.tags()) {
          json.writeString(tag);
        }
        json.writeEndArray();
        json.writeFieldName("file");
        if (entry.file().isPresent()) {
          json.writeString(entry.file().get());
        } else {
          json.writeNull();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }
}
