package dev.weir.simulator.mcap;

import dev.weir.simulator.io.ByteSink;
import dev.weir.simulator.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an MCAP file: chunked and compressed messages with message indexes, then a summary (schemas, channels,
 * statistics, chunk/attachment/metadata indexes, summary offsets) and CRCs, as the options ask. The same calls always
 * produce the same bytes. The file appears at its target only when {@link #close()} succeeds: until then it is a
 * temporary file in the same directory, fsynced and atomically renamed at the end, so a crash never leaves a truncated
 * recording under the real name. After any exception, call {@link #abort()}.
 */
public final class McapWriter implements AutoCloseable {

  /**
   * What to write.
   *
   * @param chunkSize uncompressed bytes after which a chunk is closed; 0 writes no chunks (then compression and
   *     message/chunk indexes do not apply)
   */
  public record Options(String profile, String library, Compression compression, int chunkSize,
    boolean messageIndexes, boolean chunkIndexes, boolean statistics, boolean summaryOffsets, boolean crcs) {

    public Options {
      if (profile == null || library == null || compression == null) {
        throw new IllegalArgumentException("profile, library and compression must not be null");
      }
      if (chunkSize < 0) {
        throw new IllegalArgumentException("chunkSize must be >= 0, got " + chunkSize);
      }
    }

    /** Zstd chunks of 1 MiB with every index, statistics, summary offsets and CRCs: what indexed readers want. */
    public static Options defaults() {
      return new Options("", "weir", Compression.ZSTD, 1 << 20, true, true, true, true, true);
    }

    public Options withProfile(String p) {
      return new Options(p, library, compression, chunkSize, messageIndexes, chunkIndexes, statistics,
        summaryOffsets, crcs);
    }

    public Options withLibrary(String l) {
      return new Options(profile, l, compression, chunkSize, messageIndexes, chunkIndexes, statistics,
        summaryOffsets, crcs);
    }

    public Options withCompression(Compression c) {
      return new Options(profile, library, c, chunkSize, messageIndexes, chunkIndexes, statistics,
        summaryOffsets, crcs);
    }

    public Options withChunkSize(int s) {
      return new Options(profile, library, compression, s, messageIndexes, chunkIndexes, statistics,
        summaryOffsets, crcs);
    }

    public Options withMessageIndexes(boolean m) {
      return new Options(profile, library, compression, chunkSize, m, chunkIndexes, statistics,
        summaryOffsets, crcs);
    }

    public Options withChunkIndexes(boolean c) {
      return new Options(profile, library, compression, chunkSize, messageIndexes, c, statistics,
        summaryOffsets, crcs);
    }

    public Options withStatistics(boolean s) {
      return new Options(profile, library, compression, chunkSize, messageIndexes, chunkIndexes, s,
        summaryOffsets, crcs);
    }

    public Options withSummaryOffsets(boolean s) {
      return new Options(profile, library, compression, chunkSize, messageIndexes, chunkIndexes, statistics,
        s, crcs);
    }

    public Options withCrcs(boolean c) {
      return new Options(profile, library, compression, chunkSize, messageIndexes, chunkIndexes, statistics,
        summaryOffsets, c);
    }
  }

  private static final int MAX_ID = 0xFFFF;

  private final AtomicFile file;
  private final FileOutput out;
  private final Options options;
  private final ChunkBuilder chunk;
  private final List<Schema> schemas = new ArrayList<>();
  private final List<Channel> channels = new ArrayList<>();
  private final List<ChunkIndex> chunkIndexes = new ArrayList<>();
  private final List<AttachmentIndex> attachmentIndexes = new ArrayList<>();
  private final List<MetadataIndex> metadataIndexes = new ArrayList<>();
  private long[] channelMessageCounts = new long[16];
  private long messageCount;
  private long startTime;
  private long endTime;
  private long chunkCount;
  private boolean open = true;
  private IOException failure;

  private McapWriter(AtomicFile file, Options options) {
    this.file = file;
    this.options = options;
    this.out = new FileOutput(file.channel(), options.crcs());
    this.chunk = options.chunkSize() > 0
      ? new ChunkBuilder(options.compression(), options.messageIndexes(), options.crcs()) : null;
  }

  /** Starts writing {@code target} (via a temporary file beside it) and writes the magic and Header. */
  public static McapWriter create(Path target, Options options) throws IOException {
    AtomicFile file = AtomicFile.create(target);
    try {
      McapWriter writer = new McapWriter(file, options);
      writer.out.sink().bytes(Opcode.MAGIC, 0, Opcode.MAGIC.length);
      RecordEncoder.record(writer.out.sink(), new Header(options.profile(), options.library()));
      return writer;
    } catch (RuntimeException e) {
      file.abort();
      throw e;
    }
  }

  /** Registers a schema and returns its id (1, 2, ...). */
  public int addSchema(String name, String encoding, byte[] data) throws IOException {
    checkOpen();
    if (schemas.size() == MAX_ID) {
      throw new IllegalStateException("MCAP allows at most " + MAX_ID + " schemas");
    }
    Schema schema = new Schema(schemas.size() + 1, name, encoding, data.clone());
    schemas.add(schema);
    writeDefinition(schema);
    return schema.id();
  }

  /**
   * Registers a channel and returns its id (0, 1, ...). {@code schemaId} is 0 for none. Pass an ordered map
   * (LinkedHashMap, TreeMap) for byte-identical output: its iteration order is written.
   */
  public int addChannel(int schemaId, String topic, String messageEncoding, Map<String, String> metadata)
    throws IOException {
    checkOpen();
    if (schemaId < 0 || schemaId > schemas.size()) {
      throw new IllegalArgumentException("schema " + schemaId + " was not added (schemas: 1.." + schemas.size()
        + ", or 0 for none)");
    }
    if (channels.size() > MAX_ID) {
      throw new IllegalStateException("MCAP allows at most " + (MAX_ID + 1) + " channels");
    }
    Channel c = new Channel(channels.size(), schemaId, topic, messageEncoding, new LinkedHashMap<>(metadata));
    channels.add(c);
    writeDefinition(c);
    return c.id();
  }

  /** Appends a message with {@code data[offset, offset+length)}; {@code sequence} is a uint32. */
  public void addMessage(int channelId, long sequence, long logTime, long publishTime, byte[] data, int offset,
    int length) throws IOException {
    checkOpen();
    if (channelId < 0 || channelId >= channels.size()) {
      throw new IllegalArgumentException("channel " + channelId + " was not added (channels: 0.."
        + (channels.size() - 1) + ")");
    }
    if (sequence < 0 || sequence > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("sequence must be a uint32, got " + sequence);
    }
    java.util.Objects.checkFromIndexSize(offset, length, data.length);
    count(channelId, logTime);
    try {
      if (chunk != null) {
        chunk.addMessage(channelId, sequence, logTime, publishTime, data, offset, length);
        if (chunk.size() >= options.chunkSize()) {
          finishChunk();
        }
      } else {
        RecordEncoder.message(out.sink(), channelId, sequence, logTime, publishTime, data, offset, length);
        out.maybeFlush();
      }
    } catch (IOException e) {
      throw fail(e);
    }
  }

  /** Appends a Metadata record (after closing the open chunk, so file order follows call order). */
  public void addMetadata(String name, Map<String, String> metadata) throws IOException {
    checkOpen();
    try {
      finishChunk();
      long offset = out.position();
      RecordEncoder.record(out.sink(), new Metadata(name, new LinkedHashMap<>(metadata)));
      metadataIndexes.add(new MetadataIndex(offset, out.position() - offset, name));
      out.maybeFlush();
    } catch (IOException e) {
      throw fail(e);
    }
  }

  /** Appends an Attachment record (after closing the open chunk, so file order follows call order). */
  public void addAttachment(String name, String mediaType, long logTime, long createTime, byte[] data)
    throws IOException {
    checkOpen();
    try {
      finishChunk();
      long offset = out.position();
      RecordEncoder.attachment(out.sink(), logTime, createTime, name, mediaType, data, options.crcs());
      attachmentIndexes.add(new AttachmentIndex(offset, out.position() - offset, logTime, createTime,
        data.length, name, mediaType));
      out.maybeFlush();
    } catch (IOException e) {
      throw fail(e);
    }
  }

  /** Finishes the file, forces it to disk and renames it onto the target; on failure deletes it and rethrows. */
  @Override
  public void close() throws IOException {
    if (!open) {
      return;
    }
    if (failure != null) {
      abort();
      throw new IOException("MCAP writer for " + file.target() + " failed earlier; nothing was written", failure);
    }
    try {
      finishChunk();
      writeEnd();
      out.flush();
      file.commit();
      open = false;
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
  }

  /** Discards everything written: the temporary file is deleted and the target is left as it was. */
  public void abort() {
    open = false;
    file.abort();
  }

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("MCAP writer for " + file.target() + " is closed");
    }
  }

  private IOException fail(IOException e) {
    failure = e;
    return e;
  }

  private void writeDefinition(McapRecord schemaOrChannel) throws IOException {
    try {
      if (chunk != null) {
        chunk.add(schemaOrChannel);
      } else {
        RecordEncoder.record(out.sink(), schemaOrChannel);
        out.maybeFlush();
      }
    } catch (IOException e) {
      throw fail(e);
    }
  }

  private void count(int channelId, long logTime) {
    if (messageCount == 0 || Long.compareUnsigned(logTime, startTime) < 0) {
      startTime = logTime;
    }
    if (messageCount == 0 || Long.compareUnsigned(logTime, endTime) > 0) {
      endTime = logTime;
    }
    messageCount++;
    if (channelId >= channelMessageCounts.length) {
      channelMessageCounts = Arrays.copyOf(channelMessageCounts,
        Math.max(channelId + 1, 2 * channelMessageCounts.length));
    }
    channelMessageCounts[channelId]++;
  }

  private void finishChunk() throws IOException {
    if (chunk == null || chunk.isEmpty()) {
      return;
    }
    ChunkIndex index = chunk.finish(out);
    chunkCount++;
    if (options.chunkIndexes()) {
      chunkIndexes.add(index);
    }
    out.maybeFlush();
  }

  private void writeEnd() throws IOException {
    long dataCrc = out.takeCrc();
    RecordEncoder.record(out.sink(), new DataEnd(dataCrc));
    out.takeCrc();
    long summaryStart = out.position();
    List<SummaryOffset> groups = new ArrayList<>();
    writeGroup(Opcode.SCHEMA, schemas, groups);
    writeGroup(Opcode.CHANNEL, channels, groups);
    if (options.statistics()) {
      writeGroup(Opcode.STATISTICS, List.of(statistics()), groups);
    }
    writeGroup(Opcode.CHUNK_INDEX, chunkIndexes, groups);
    writeGroup(Opcode.ATTACHMENT_INDEX, attachmentIndexes, groups);
    writeGroup(Opcode.METADATA_INDEX, metadataIndexes, groups);
    long summaryOffsetStart = 0;
    if (options.summaryOffsets() && !groups.isEmpty()) {
      summaryOffsetStart = out.position();
      writeGroup(Opcode.SUMMARY_OFFSET, groups, new ArrayList<>());
    }
    if (groups.isEmpty()) {
      summaryStart = 0;
    }
    ByteSink sink = out.sink();
    sink.u8(Opcode.FOOTER);
    sink.u64(Opcode.FOOTER_CONTENT_BYTES);
    sink.u64(summaryStart);
    sink.u64(summaryOffsetStart);
    sink.u32(out.takeCrc());
    sink.bytes(Opcode.MAGIC, 0, Opcode.MAGIC.length);
  }

  private void writeGroup(int opcode, List<? extends McapRecord> records, List<SummaryOffset> groups)
    throws IOException {
    if (records.isEmpty()) {
      return;
    }
    long start = out.position();
    for (McapRecord r : records) {
      RecordEncoder.record(out.sink(), r);
      out.maybeFlush();
    }
    groups.add(new SummaryOffset(opcode, start, out.position() - start));
  }

  private Statistics statistics() {
    Map<Integer, Long> counts = new TreeMap<>();
    for (int id = 0; id < channels.size() && id < channelMessageCounts.length; id++) {
      if (channelMessageCounts[id] > 0) {
        counts.put(id, channelMessageCounts[id]);
      }
    }
    return new Statistics(messageCount, schemas.size(), channels.size(), attachmentIndexes.size(),
      metadataIndexes.size(), chunkCount, startTime, endTime, counts);
  }
}
