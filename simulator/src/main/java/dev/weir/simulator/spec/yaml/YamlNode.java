package dev.weir.simulator.spec.yaml;

import dev.weir.simulator.spec.SpecException;

/**
 * A node of a parsed YAML document that knows where it is: its {@link Position} in the file
 * and its path in the document ({@code sensors[0].rate_hz}).
 *
 * <p>Schema code never handles positions itself: it asks a node for what it expects
 * ({@link #asMap}, {@link ScalarNode#decimal}) and any mismatch comes back as a
 * {@link SpecException} that already says where and what was found.
 */
public abstract sealed class YamlNode permits MapNode, SeqNode, ScalarNode {

  private final Position position;
  private final String path;

  YamlNode(Position position, String path) {
    this.position = position;
    this.path = path;
  }

  /** Where the node starts in the source. */
  public final Position position() {
    return position;
  }

  /** Where the node is in the document, like {@code faults[1].dropout}; empty for the root. */
  public final String path() {
    return path;
  }

  /** A problem at this node; {@code detail} says what is wrong. */
  public final SpecException error(String detail) {
    return new SpecException(position.file(), position.line(), position.column(), position.byteOffset(), path,
        detail);
  }

  /** A problem at this node of the form "expected {@code what}, found ...". */
  public final SpecException expected(String what) {
    return error("expected " + what + ", found " + describe());
  }

  /** This node as a mapping. */
  public MapNode asMap(String what) throws SpecException {
    throw expected(what);
  }

  /** This node as a mapping; a null value (a key with nothing after it) is an empty mapping. */
  public MapNode asMapOrEmpty(String what) throws SpecException {
    return asMap(what);
  }

  /** This node as a list. */
  public SeqNode asSeq(String what) throws SpecException {
    throw expected(what);
  }

  /** This node as a scalar. */
  public ScalarNode asScalar(String what) throws SpecException {
    throw expected(what);
  }

  /** How the node is named after "found" in messages: a quoted string, a plain number, "a mapping". */
  abstract String describe();
}
