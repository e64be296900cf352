package dev.weir.simulator.mcap;

import java.util.Optional;

/** How chunk records are compressed; each constant knows the name MCAP stores in the file. */
public enum Compression {
  NONE(""),
  ZSTD("zstd"),
  LZ4("lz4");

  private final String mcapName;

  Compression(String mcapName) {
    this.mcapName = mcapName;
  }

  /** The name written into Chunk and Chunk Index records: {@code ""}, {@code "zstd"} or {@code "lz4"}. */
  public String mcapName() {
    return mcapName;
  }

  /** The compression a file names, or empty if this library cannot decompress it. */
  public static Optional<Compression> fromMcapName(String name) {
    for (Compression c : values()) {
      if (c.mcapName.equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
