package dev.weir.simulator.spec.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.simulator.spec.SpecException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlDocumentTest {

  private static MapNode map(String yaml) throws SpecException {
    return YamlDocument.parse(yaml, "t.yaml").root().asMap("a mapping");
  }

  @Nested
  class Positions {

    @Test
    void nodesKnowLineColumnByteOffsetAndPath() throws SpecException {
      MapNode root = map("a:\n  b: [1, {c: x}]\n");
      YamlNode c = root.require("a", "root").asMap("").require("b", "a").asSeq("").items().get(1).asMap("")
          .require("c", "b");

      assertEquals(new Position("t.yaml", 2, 14, 16), c.position());
      assertEquals("a.b[1].c", c.path());
    }

    @Test
    void byteOffsetCountsUtf8BytesWhileColumnCountsCharacters() throws SpecException {
      // "é" is 2 bytes, "€" 3 and "𝄞" 4 (a surrogate pair in Java).
      YamlNode value = map("k: é€𝄞\nv: 1\n").require("v", "root");
      YamlNode sameLine = map("k: [é€𝄞, x]\n").require("k", "root").asSeq("").items().get(1);

      assertEquals(new Position("t.yaml", 2, 4, 16), value.position());
      assertEquals(new Position("t.yaml", 1, 10, 15), sameLine.position());
    }

    @Test
    void byteOffsetsStayExactFarIntoALongFile() throws SpecException {
      String filler = "# " + "ü".repeat(3000) + "\n";
      YamlNode value = map(filler + "k: v\n").require("k", "root");

      assertEquals(new Position("t.yaml", 2, 4, 2 + 6000 + 1 + 3), value.position());
    }
  }

  @Nested
  class Errors {

    @Test
    void syntaxErrorsCarryTheirPosition() {
      SpecException e = assertThrows(SpecException.class, () -> YamlDocument.parse("a: 1\nb: [1, 2\nc: 3\n", "t.yaml"));

      assertEquals("t.yaml:3:2 (byte 15): invalid YAML: expected ',' or ']', but got : "
          + "(while parsing a flow sequence at line 2, column 4)", e.getMessage());
    }

    @Test
    void everyDuplicateKeyIsReportedAtTheRepeat() {
      SpecException e = assertThrows(SpecException.class,
          () -> YamlDocument.parse("a: 1\nb:\n  x: 1\n  x: 2\na: 3\n", "t.yaml"));

      assertEquals(List.of(
          "t.yaml:4:3 (byte 17): b.x: duplicate key \"x\"; first defined at line 3, column 3",
          "t.yaml:5:1 (byte 22): a: duplicate key \"a\"; first defined at line 1, column 1"),
          e.problems().stream().map(SpecException::getMessage).toList());
    }

    @Test
    void unknownKeysAreAllReportedWithSuggestions() throws SpecException {
      MapNode node = map("rate: 1\nid: x\nzzz: 2\n");

      SpecException e = assertThrows(SpecException.class, () -> node.allowOnly(List.of("id", "rate_hz"), "sensor"));

      assertEquals(List.of(
          "t.yaml:1:1 (byte 0): rate: unknown key \"rate\" in sensor; expected one of: id, rate_hz;"
              + " did you mean \"rate_hz\"?",
          "t.yaml:3:1 (byte 14): zzz: unknown key \"zzz\" in sensor; expected one of: id, rate_hz"),
          e.problems().stream().map(SpecException::getMessage).toList());
    }

    @Test
    void missingRequiredKeyIsReportedAtTheMapping() throws SpecException {
      MapNode node = map("outer:\n  id: x\n").require("outer", "root").asMap("");

      SpecException e = assertThrows(SpecException.class, () -> node.require("rate_hz", "sensor"));

      assertEquals("t.yaml:2:3 (byte 9): outer: missing required key \"rate_hz\" in sensor", e.getMessage());
    }

    @Test
    void aSecondDocumentIsRejected() {
      SpecException e = assertThrows(SpecException.class, () -> YamlDocument.parse("a: 1\n---\nb: 2\n", "t.yaml"));

      assertEquals("t.yaml:3:1 (byte 9): expected a single YAML document, found a second one", e.getMessage());
    }

    @Test
    void aRecursiveAliasIsRejected() {
      SpecException e = assertThrows(SpecException.class, () -> YamlDocument.parse("a: &x [1, *x]\n", "t.yaml"));

      assertEquals("t.yaml:1:4 (byte 3): a[1]: expected an alias to a finished node, found a recursive alias",
          e.getMessage());
    }

    @Test
    void aMappingKeyIsRejected() {
      SpecException e = assertThrows(SpecException.class, () -> YamlDocument.parse("? {a: 1}\n: 2\n", "t.yaml"));

      assertEquals("t.yaml:1:3 (byte 2): expected a plain key, found a mapping as a key", e.getMessage());
    }

    @Test
    void invalidUtf8IsReportedAtItsByte(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("bad.yaml");
      byte[] text = "a: é\nb: x\n".getBytes(StandardCharsets.UTF_8);
      text[9] = (byte) 0xff;
      Files.write(file, text);

      SpecException e = assertThrows(SpecException.class, () -> YamlDocument.parse(file));

      assertEquals(file + ":2:4 (byte 9): expected UTF-8 text, found byte 0xff", e.getMessage());
    }
  }

  @Nested
  class Scalars {

    @Test
    void typesFollowTheYamlCoreSchema() throws SpecException {
      MapNode node = map("n: 0x1F\nd: 2.5e3\ns: \"42\"\nb: True\nz: ~\ne:\n");

      assertEquals(31, node.require("n", "").asScalar("").integer("an integer"));
      assertEquals(new BigDecimal("2.5e3"), node.require("d", "").asScalar("").decimal("a number"));
      assertEquals("42", node.require("s", "").asScalar("").string("a string"));
      assertTrue(node.require("b", "").asScalar("").bool("a boolean"));
      assertTrue(node.require("z", "").asScalar("").isNull());
      assertTrue(node.require("e", "").asScalar("").isNull());
    }

    @Test
    void aQuotedNumberIsNotANumber() throws SpecException {
      ScalarNode quoted = map("s: \"42\"\n").require("s", "").asScalar("");

      SpecException e = assertThrows(SpecException.class, () -> quoted.number("a number"));

      assertEquals("t.yaml:1:4 (byte 3): s: expected a number, found \"42\"", e.getMessage());
    }

    @Test
    void infinityIsNotAFiniteNumber() throws SpecException {
      ScalarNode inf = map("x: -.inf\n").require("x", "").asScalar("");
      ScalarNode huge = map("x: 1e999\n").require("x", "").asScalar("");

      assertEquals("t.yaml:1:4 (byte 3): x: expected a number, found -.inf",
          assertThrows(SpecException.class, () -> inf.number("a number")).getMessage());
      assertEquals("t.yaml:1:4 (byte 3): x: expected a number, found 1e999",
          assertThrows(SpecException.class, () -> huge.number("a number")).getMessage());
    }

    @Test
    void foundValuesAreQuotedWithEscapes() throws SpecException {
      YamlNode node = map("x: \"a\\\"b\\n\"\n").require("x", "");

      assertEquals("t.yaml:1:4 (byte 3): x: expected a number, found \"a\\\"b\\n\"",
          node.expected("a number").getMessage());
    }

    @Test
    void aNullValueCanStandForAnEmptyMapping() throws SpecException {
      MapNode empty = map("stuck:\n").require("stuck", "").asMapOrEmpty("a mapping");

      assertEquals(List.of(), empty.keys());
      assertEquals("stuck", empty.path());
    }
  }

  @Test
  void anEmptyDocumentIsANullRoot() throws SpecException {
    YamlNode root = YamlDocument.parse("# nothing\n", "t.yaml").root();

    assertTrue(assertInstanceOf(ScalarNode.class, root).isNull());
    assertEquals(new Position("t.yaml", 1, 1, 0), root.position());
  }
}
