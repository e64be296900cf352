package dev.weir.simulator.spec.yaml;

import dev.weir.simulator.spec.SpecException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * A single-document YAML file parsed into positioned nodes.
 *
 * <p>It exists because spec errors must name line, column and UTF-8 byte offset, and plain
 * YAML loaders forget positions once they build maps and lists. Syntax errors, duplicate keys,
 * complex keys, recursive aliases and extra documents are all reported as {@link SpecException}.
 */
public final class YamlDocument {

  private final YamlNode root;

  private YamlDocument(YamlNode root) {
    this.root = root;
  }

  /**
   * Reads and parses a UTF-8 file; the path as given names it in messages.
   *
   * @throws IOException when the file cannot be read
   * @throws SpecException when it is not valid UTF-8 or not valid YAML
   */
  public static YamlDocument parse(Path file) throws IOException, SpecException {
    byte[] bytes = Files.readAllBytes(file);
    return parse(decode(bytes, file.toString()), file.toString());
  }

  /**
   * Parses {@code text}.
   *
   * @param sourceName names the source in messages, usually its path
   */
  public static YamlDocument parse(String text, String sourceName) throws SpecException {
    Utf8Offsets offsets = new Utf8Offsets(text);
    LoadSettings settings = LoadSettings.builder().setLabel(sourceName).setSchema(new CoreSchema())
        .setAllowNonScalarKeys(true).build(); // so TreeBuilder reports them with a position
    try {
      Iterator<Node> documents = new Compose(settings).composeAllFromString(text).iterator();
      if (!documents.hasNext()) {
        return new YamlDocument(new ScalarNode(new Position(sourceName, 1, 1, 0), "", "", ScalarNode.Type.NULL));
      }
      Node first = documents.next();
      if (documents.hasNext()) {
        Position second = TreeBuilder.position(documents.next().getStartMark(), sourceName, offsets);
        throw new SpecException(sourceName, second.line(), second.column(), second.byteOffset(), "",
            "expected a single YAML document, found a second one");
      }
      return new YamlDocument(new TreeBuilder(sourceName, offsets).build(first));
    } catch (MarkedYamlEngineException syntax) {
      Position at = TreeBuilder.position(syntax.getProblemMark(), sourceName, offsets);
      throw new SpecException(sourceName, at.line(), at.column(), at.byteOffset(), "", describe(syntax));
    } catch (YamlEngineException other) {
      throw new SpecException(sourceName, 1, 1, 0, "", "invalid YAML: " + other.getMessage());
    }
  }

  /** The document's root node; a null scalar for an empty file. */
  public YamlNode root() {
    return root;
  }

  private static String describe(MarkedYamlEngineException syntax) {
    String problem = "invalid YAML: " + syntax.getProblem();
    if (syntax.getContext() == null || syntax.getContextMark().isEmpty()) {
      return problem;
    }
    Mark context = syntax.getContextMark().get();
    return problem + " (" + syntax.getContext() + " at line " + (context.getLine() + 1) + ", column "
        + (context.getColumn() + 1) + ")";
  }

  private static String decode(byte[] bytes, String sourceName) throws SpecException {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
      int lineStart = before.lastIndexOf('\n') + 1;
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      int column = before.codePointCount(lineStart, before.length()) + 1;
      throw new SpecException(sourceName, line, column, bad, "",
          String.format("expected UTF-8 text, found byte 0x%02x", bytes[bad] & 0xff));
    }
    return out.flip().toString();
  }
}
