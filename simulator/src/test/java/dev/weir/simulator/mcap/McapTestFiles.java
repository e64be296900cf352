package dev.weir.simulator.mcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared helpers: locating the conformance data, reading whole files, and hostile input streams. */
final class McapTestFiles {
  private McapTestFiles() {}

  /** The repository's {@code fixtures/mcap-conformance}, found by walking up from the cwd. */
  static Path conformanceDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("fixtures/mcap-conformance");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("no fixtures/mcap-conformance directory above " + Path.of("").toAbsolutePath());
  }

  static List<Path> conformanceFiles() throws IOException {
    try (Stream<Path> files = Files.walk(conformanceDir())) {
      List<Path> out = files.filter(p -> p.toString().endsWith(".mcap")).sorted().toList();
      if (out.isEmpty()) {
        throw new AssertionError("no .mcap files under " + conformanceDir());
      }
      return out;
    }
  }

  static List<McapRecord> readAll(McapStreamReader reader) throws IOException {
    List<McapRecord> out = new ArrayList<>();
    for (McapRecord r = reader.next(); r != null; r = reader.next()) {
      out.add(r);
    }
    return out;
  }

  static List<McapRecord> readAll(InputStream in, ReadOptions options) throws IOException {
    try (McapStreamReader reader = McapStreamReader.open(in, options)) {
      return readAll(reader);
    }
  }

  static List<Message> messagesOf(List<McapRecord> records) {
    return records.stream().filter(Message.class::isInstance).map(Message.class::cast).toList();
  }

  /** Serves at most {@code sizes[i % sizes.length]} bytes per read, like a slow socket. */
  static InputStream trickle(byte[] bytes, int... sizes) {
    return new InputStream() {
      private int pos;
      private int call;

      @Override
      public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (len == 0) {
          return 0;
        }
        if (pos >= bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, sizes[call++ % sizes.length]), bytes.length - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }
}
