package dev.weir.simulator.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The streamed printer lays out every file exactly as rendering the whole record list does. */
class ConformanceJsonStreamingTest {

 @TestFactory
 Stream<DynamicTest> streamingMatchesRenderingTheWholeListForEveryConformanceFile() throws IOException {
  return McapTestFiles.conformanceFiles().stream().map(file -> DynamicTest.dynamicTest(
    file.getFileName().toString(), () -> assertEquals(rendered(file), streamed(file))));
 }

 @Test
 void aFileWithManyMessagesStreamsLikeTheWholeList(@TempDir Path dir) throws IOException {
  Path file = dir.resolve("many.mcap");
  try (McapWriter w = McapWriter.create(file, McapWriter.Options.defaults().withChunkSize(256))) {
   int schema = w.addSchema("s", "jsonschema", new byte[] {'{', '}'});
   int channel = w.addChannel(schema, "/t", "json", Map.of("k", "v"));
   for (int i = 0; i < 500; i++) {
    byte[] data = ("{\"i\":" + i + "}").getBytes();
    w.addMessage(channel, i, i * 1000L, i * 1000L, data, 0, data.length);
   }
  }
  assertEquals(rendered(file), streamed(file));
 }

 private static String rendered(Path file) throws IOException {
  return ConformanceJson.render(McapConformanceTest.readStreamed(file));
 }

 private static String streamed(Path file) throws IOException {
  StringBuilder out = new StringBuilder();
  try (McapStreamReader reader = McapStreamReader.open(file, ReadOptions.strict())) {
   ConformanceJson.write(reader, out);
  }
  return out.toString();
 }
}
