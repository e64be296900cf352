package dev.weir.simulator.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the public MCAP conformance suite: the streamed reader yields exactly the records of the JSON beside
 * it (compared as text, so {@link ConformanceJson} is checked too), and for files with chunk indexes the indexed reader
 * yields the same schemas, channels, messages and statistics.
 */
class McapConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> streamedReaderYieldsTheExpectedRecords() throws IOException {
    return McapTestFiles.conformanceFiles().stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
      String expected = Files.readString(expectedJson(file), StandardCharsets.UTF_8);
      List<String> features = new ArrayList<>();
      JSON.readTree(expected).path("meta").path("variant").path("features")
        .forEach(f -> features.add(f.asText()));
      List<McapRecord> records = readStreamed(file);
      assertEquals(expected, ConformanceJson.render(records, features));
    }));
  }

  @TestFactory
  Stream<DynamicTest> indexedReaderAgreesWithTheStreamedReader() throws IOException {
    return McapTestFiles.conformanceFiles().stream().filter(f -> name(f).contains("-chx"))
      .map(file -> DynamicTest.dynamicTest(name(file), () -> {
        List<McapRecord> records = readStreamed(file);
        Map<Integer, Schema> schemas = new LinkedHashMap<>();
        Map<Integer, Channel> channels = new LinkedHashMap<>();
        records.forEach(r -> {
          if (r instanceof Schema s) {
            schemas.put(s.id(), s);
          } else if (r instanceof Channel c) {
            channels.put(c.id(), c);
          }
        });
        List<Message> byTime = new ArrayList<>(McapTestFiles.messagesOf(records));
        byTime.sort(Comparator.comparing(Message::logTime, Long::compareUnsigned));
        try (McapIndexedReader reader = McapIndexedReader.open(file)) {
          assertEquals(schemas, reader.schemas());
          assertEquals(channels, reader.channels());
          assertEquals(records.stream().filter(Statistics.class::isInstance).findFirst(),
            reader.statistics().map(McapRecord.class::cast));
          List<Message> indexed = new ArrayList<>();
          Iterator<Message> it = reader.messages(0, -1L);
          it.forEachRemaining(indexed::add);
          assertEquals(byTime, indexed);
        }
      }));
  }

  static List<McapRecord> readStreamed(Path file) throws IOException {
    try (McapStreamReader reader = McapStreamReader.open(file, ReadOptions.strict())) {
      return McapTestFiles.readAll(reader);
    }
  }

  private static Path expectedJson(Path mcap) {
    String name = mcap.getFileName().toString();
    return mcap.resolveSibling(name.substring(0, name.length() - ".mcap".length()) + ".json");
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

}
