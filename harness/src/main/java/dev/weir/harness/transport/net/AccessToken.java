package dev.weir.harness.transport.net;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The secret every request must carry: 256 random bits, URL-safe, compared in constant time. */
final class AccessToken {

  private static final int BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private AccessToken(String value) {
    this.value = value;
  }

  static AccessToken random() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  String value() {
    return value;
  }

  /** Constant time, so response timing tells a guesser nothing about a prefix. */
  boolean matches(String candidate) {
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "AccessToken[hidden]";
  }
}
