package dev.weir.simulator.spec.yaml;

import dev.weir.simulator.spec.SpecException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * A YAML scalar with the type the YAML 1.2 core schema gives it.
 *
 * <p>Types follow the core schema, as JSON tools see the same file: {@code 42} is a number,
 * {@code "42"} a string, {@code 10s} a string, {@code true} a boolean, {@code ~} and an empty
 * value are null. Getters accept only their own type, so a quoted number is not a number.
 */
public final class ScalarNode extends YamlNode {

  /** The core-schema type of a scalar. */
  enum Type { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

  private final String text;
  private final Type type;

  ScalarNode(Position position, String path, String text, Type type) {
    super(position, path);
    this.text = text;
    this.type = type;
  }

  /** The scalar's text as written (unquoted, escapes resolved). */
  public String text() {
    return text;
  }

  /** Whether the value is null: empty, {@code ~} or {@code null}. */
  public boolean isNull() {
    return type == Type.NULL;
  }

  /** The value as a string; numbers, booleans and null are rejected. */
  public String string(String what) throws SpecException {
    if (type != Type.STRING) {
      throw expected(what);
    }
    return text;
  }

  /** The value as an exact decimal, so "0.1" stays one tenth; {@code .inf} and {@code .nan} are rejected. */
  public BigDecimal decimal(String what) throws SpecException {
    String digits = text.startsWith("+") ? text.substring(1) : text;
    try {
      if (type == Type.INTEGER) {
        return new BigDecimal(integerValue(digits));
      }
      if (type == Type.FLOAT) {
        return new BigDecimal(digits);
      }
    } catch (NumberFormatException notDecimal) {
      // .inf, .nan: fall through to the common message
    }
    throw expected(what);
  }

  /** The value as a finite double, rounded once from the exact decimal. */
  public double number(String what) throws SpecException {
    double value = decimal(what).doubleValue();
    if (!Double.isFinite(value)) {
      throw expected(what);
    }
    return value;
  }

  /** The value as a signed 64-bit integer. */
  public long integer(String what) throws SpecException {
    if (type == Type.INTEGER) {
      try {
        return integerValue(text.startsWith("+") ? text.substring(1) : text).longValueExact();
      } catch (ArithmeticException tooBig) {
        // fall through
      }
    }
    throw expected(what);
  }

  /** The value as a boolean. */
  public boolean bool(String what) throws SpecException {
    if (type != Type.BOOLEAN) {
      throw expected(what);
    }
    return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
  }

  private static BigInteger integerValue(String digits) {
    if (digits.startsWith("0x")) {
      return new BigInteger(digits.substring(2), 16);
    }
    if (digits.startsWith("0o")) {
      return new BigInteger(digits.substring(2), 8);
    }
    return new BigInteger(digits);
  }

  @Override
  public MapNode asMapOrEmpty(String what) throws SpecException {
    if (isNull()) {
      return new MapNode(position(), path(), Map.of());
    }
    throw expected(what);
  }

  @Override
  public ScalarNode asScalar(String what) {
    return this;
  }

  @Override
  String describe() {
    return switch (type) {
      case STRING -> Quoting.quote(text);
      case NULL -> "null";
      default -> text;
    };
  }
}
