package dev.weir.harness.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a request URL under a base URL (such as {@code weir://host/}) to a file under one root
 * folder, or to the reason it is refused. A pure function of the URL and the file system, so it
 * is tested without a browser.
 */
final class PageResolver {

  /** What a request gets: a file to serve, or a refusal with no file content. */
  sealed interface Resolution {}

  /** A regular file inside the root, with the Content-Type for its extension. */
  record Served(Path file, String contentType) implements Resolution {}

  /** An HTTP status (400, 403 or 404) and the reason, meant for a text/plain body. */
  record Refused(int status, String reason) implements Resolution {}

  private static final Map<String, String> CONTENT_TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html"),
          Map.entry("htm", "text/html"),
          Map.entry("js", "text/javascript"),
          Map.entry("mjs", "text/javascript"),
          Map.entry("css", "text/css"),
          Map.entry("json", "application/json"),
          Map.entry("wasm", "application/wasm"),
          Map.entry("png", "image/png"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("txt", "text/plain"));

  private final Path root;

  /** @param root an existing folder; it is resolved to its real path once, here */
  PageResolver(Path root) {
    try {
      this.root = root.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("Page root " + root + " does not exist", e);
    }
  }

  /**
   * @param base the URL the root folder is served at, ending in '/', such as {@code weir://app/}
   *     or {@code weir://app/.weir/reference/}
   */
  Resolution resolve(String base, String url) {
    if (!url.startsWith(base)) {
      return new Refused(400, "Not a " + base + " URL: " + url);
    }
    String raw = url.substring(base.length()).split("[?#]", 2)[0];
    String path = percentDecode(raw);
    if (path == null) {
      return new Refused(400, "Malformed percent-encoding or UTF-8 in the path of " + url);
    }
    if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
      return new Refused(400, "NUL or backslash in the path of " + url);
    }
    if (path.startsWith("/")) {
      return new Refused(403, "Absolute path refused: " + url);
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        return new Refused(403, "Path traversal ('..') refused: " + url);
      }
    }
    if (path.isEmpty() || path.endsWith("/")) {
      path += "index.html";
    }
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return new Refused(404, "No such file: " + url);
    }
    Path real;
    try {
      real = file.toRealPath();
    } catch (IOException e) {
      return new Refused(404, "No such file: " + url);
    }
    if (!real.startsWith(root)) {
      return new Refused(403, "Symbolic link leads outside the page root: " + url);
    }
    return new Served(real, contentType(real.getFileName().toString()));
  }

  static String contentType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }

  /** Decodes %XX escapes as UTF-8 ('+' stays '+', as in URL paths); null when malformed. */
  private static String percentDecode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= raw.length()) {
        return null;
      }
      int high = Character.digit(raw.charAt(i + 1), 16);
      int low = Character.digit(raw.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        return null;
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
