package dev.weir.simulator.inspect;

import dev.weir.simulator.mcap.Channel;
import dev.weir.simulator.mcap.Chunk;
import dev.weir.simulator.mcap.Header;
import dev.weir.simulator.mcap.McapRecord;
import dev.weir.simulator.mcap.McapStreamReader;
import dev.weir.simulator.mcap.Message;
import dev.weir.simulator.mcap.Metadata;
import dev.weir.simulator.mcap.Attachment;
import dev.weir.simulator.mcap.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * A recording at a glance: what {@code weir inspect} prints, computed in one streamed pass.
 *
 * @param profile the header's profile
 * @param library the header's library
 * @param messages all messages
 * @param startNs earliest log time, -1 without messages
 * @param endNs latest log time, -1 without messages
 * @param channels per channel, by id
 * @param metadata metadata records, in file order
 * @param attachments number of attachment records
 * @param chunks number of chunks
 * @param compressions chunk compressions seen ("none" for uncompressed chunks)
 */
public record RecordingStats(String profile, String library, long messages, long startNs, long endNs,
    List<ChannelStats> channels, List<Metadata> metadata, long attachments, long chunks,
    SortedSet<String> compressions) {

  /**
   * Reads {@code reader} to its end.
   *
   * @param progress told the reader's byte position after every record, for progress output
   */
  public static RecordingStats scan(McapStreamReader reader, LongConsumer progress) throws IOException {
    Scan scan = new Scan();
    for (McapRecord r = reader.next(); r != null; r = reader.next()) {
      scan.accept(r);
      progress.accept(reader.position());
    }
    return scan.result();
  }

  /** Accumulates records; one per scan. */
  private static final class Scan {
    private String profile = "";
    private String library = "";
    private final Map<Integer, Schema> schemas = new TreeMap<>();
    private final Map<Integer, Counter> channels = new TreeMap<>();
    private final List<Metadata> metadata = new ArrayList<>();
    private final SortedSet<String> compressions = new TreeSet<>();
    private long attachments;
    private long chunks;
    private long messages;
    private long startNs = Long.MAX_VALUE;
    private long endNs = Long.MIN_VALUE;

    void accept(McapRecord record) {
      if (record instanceof Message m) {
        messages++;
        startNs = Math.min(startNs, m.logTime());
        endNs = Math.max(endNs, m.logTime());
        Counter c = channels.get(m.channelId());
        if (c != null) {
          c.add(m.logTime());
        }
      } else if (record instanceof Channel c) {
        channels.putIfAbsent(c.id(), new Counter(c));
      } else if (record instanceof Schema s) {
        schemas.putIfAbsent(s.id(), s);
      } else if (record instanceof Header h) {
        profile = h.profile();
        library = h.library();
      } else if (record instanceof Metadata m) {
        metadata.add(m);
      } else if (record instanceof Attachment) {
        attachments++;
      } else if (record instanceof Chunk c) {
        chunks++;
        compressions.add(c.compression().isEmpty() ? "none" : c.compression());
      }
    }

    RecordingStats result() {
      List<ChannelStats> stats = new ArrayList<>();
      for (Counter c : channels.values()) {
        Schema schema = schemas.get(c.channel.schemaId());
        stats.add(c.stats(schema == null ? "" : schema.name()));
      }
      boolean none = messages == 0;
      return new RecordingStats(profile, library, messages, none ? -1 : startNs, none ? -1 : endNs,
          List.copyOf(stats), List.copyOf(metadata), attachments, chunks, compressions);
    }
  }

  /** One channel's running counts. */
  private static final class Counter {
    final Channel channel;
    final GapDetector gaps;
    long messages;
    long first = -1;
    long last = -1;

    Counter(Channel channel) {
      this.channel = channel;
      this.gaps = new GapDetector(declaredPeriodNs(channel.metadata().get("rate_hz")));
    }

    void add(long logTime) {
      if (messages++ == 0) {
        first = logTime;
      } else {
        gaps.step(last, logTime);
      }
      last = logTime;
    }

    ChannelStats stats(String schemaName) {
      gaps.finish();
      double span = (last - first) / 1e9;
      double rate = messages > 1 && span > 0 ? (messages - 1) / span : 0;
      return new ChannelStats(channel.id(), channel.topic(), channel.messageEncoding(), schemaName,
          channel.metadata(), messages, first, last, rate, gaps.periodNs(), gaps.gaps(),
          gaps.largestGapNs(), gaps.largestGapAtNs(), gaps.backwards());
    }

    /** The period a declared {@code rate_hz} implies, or 0 when there is no usable declaration. */
    private static long declaredPeriodNs(String rateHz) {
      if (rateHz == null) {
        return 0;
      }
      try {
        double hz = Double.parseDouble(rateHz);
        return hz > 0 && Double.isFinite(hz) ? Math.max(1, Math.round(1e9 / hz)) : 0;
      } catch (NumberFormatException notARate) {
        return 0;
      }
    }
  }
}
