package dev.weir.simulator.mcap;

import java.util.List;

/** Where the messages of one channel sit inside the chunk just before it, so readers can seek by log time. */
public record MessageIndex(int channelId, List<Entry> records) implements McapRecord {

  /** One message: its log time and its byte offset in the chunk's uncompressed records. */
  public record Entry(long logTime, long offset) {}
}
