package dev.weir.simulator.mcap;

import dev.weir.simulator.io.LittleEndian;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Reads an MCAP file by random access through its summary: schemas, channels and statistics come from the summary
 * without touching the data, and {@link #messages} reads only the chunks overlapping the requested time range (via
 * their message indexes when present). Requires a summary with chunk indexes, as {@link McapWriter} writes by default.
 */
public final class McapIndexedReader implements AutoCloseable {
  private static final int TAIL_BYTES = Opcode.RECORD_HEADER_BYTES + Opcode.FOOTER_CONTENT_BYTES
    + Opcode.MAGIC.length;

  private final Path file;
  private final FileChannel channel;
  private final long size;
  private final Map<Integer, Schema> schemas = new LinkedHashMap<>();
  private final Map<Integer, Channel> channels = new LinkedHashMap<>();
  private final List<ChunkIndex> chunkIndexes = new ArrayList<>();
  private final List<AttachmentIndex> attachmentIndexes = new ArrayList<>();
  private final List<MetadataIndex> metadataIndexes = new ArrayList<>();
  private Statistics statistics;

  private McapIndexedReader(Path file, FileChannel channel, long size) {
    this.file = file;
    this.channel = channel;
    this.size = size;
  }

  /**
   * Opens a file and reads its summary.
   *
   * @throws McapFormatException if the file is damaged, or has no summary or chunk indexes to read it by
   */
  public static McapIndexedReader open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      McapIndexedReader reader = new McapIndexedReader(file, channel, channel.size());
      reader.readSummary();
      return reader;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Schemas from the summary by id, in file order. */
  public Map<Integer, Schema> schemas() {
    return Collections.unmodifiableMap(schemas);
  }

  /** Channels from the summary by id, in file order. */
  public Map<Integer, Channel> channels() {
    return Collections.unmodifiableMap(channels);
  }

  public Optional<Statistics> statistics() {
    return Optional.ofNullable(statistics);
  }

  public List<ChunkIndex> chunkIndexes() {
    return Collections.unmodifiableList(chunkIndexes);
  }

  public List<AttachmentIndex> attachmentIndexes() {
    return Collections.unmodifiableList(attachmentIndexes);
  }

  public List<MetadataIndex> metadataIndexes() {
    return Collections.unmodifiableList(metadataIndexes);
  }

  /**
   * Messages with {@code startTimeInclusive <= logTime < endTimeExclusive} (unsigned), in log-time order, ties in
   * file order. Chunks are read lazily as iteration reaches them; damage found then is thrown as an
   * {@link java.io.UncheckedIOException} wrapping a {@link McapFormatException}.
   */
  public Iterator<Message> messages(long startTimeInclusive, long endTimeExclusive) {
    List<ChunkIndex> selected = new ArrayList<>();
    for (ChunkIndex ci : chunkIndexes) {
      if (Long.compareUnsigned(ci.messageStartTime(), endTimeExclusive) < 0
        && Long.compareUnsigned(ci.messageEndTime(), startTimeInclusive) >= 0) {
        selected.add(ci);
      }
    }
    selected.sort((a, b) -> {
      int c = Long.compareUnsigned(a.messageStartTime(), b.messageStartTime());
      return c != 0 ? c : Long.compareUnsigned(a.chunkStartOffset(), b.chunkStartOffset());
    });
    return new IndexedMessages(selected, this::loadChunk, startTimeInclusive, endTimeExclusive);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private void readSummary() throws IOException {
    if (size < Opcode.MAGIC.length + TAIL_BYTES) {
      throw McapFormatException.truncatedPart(size, "Footer", Opcode.MAGIC.length + TAIL_BYTES - size);
    }
    byte[] magic = read(0, Opcode.MAGIC.length);
    if (!java.util.Arrays.equals(magic, Opcode.MAGIC)) {
      throw McapFormatException.badMagic(0, "leading magic", magic);
    }
    long footerStart = size - TAIL_BYTES;
    byte[] tail = read(footerStart, TAIL_BYTES);
    byte[] trailing = java.util.Arrays.copyOfRange(tail, TAIL_BYTES - Opcode.MAGIC.length, TAIL_BYTES);
    if (!java.util.Arrays.equals(trailing, Opcode.MAGIC)) {
      throw McapFormatException.badMagic(size - Opcode.MAGIC.length, "trailing magic", trailing);
    }
    if (tail[0] != Opcode.FOOTER || LittleEndian.u64(tail, 1) != Opcode.FOOTER_CONTENT_BYTES) {
      throw McapFormatException.corrupt(footerStart, tail[0] & 0xFF, "expected a Footer record of 20 content"
        + " bytes right before the trailing magic");
    }
    Footer footer = (Footer) RecordParser.parse(new FieldReader(tail, Opcode.RECORD_HEADER_BYTES,
      Opcode.FOOTER_CONTENT_BYTES, footerStart, Opcode.FOOTER, -1), false);
    long summaryStart = footer.summaryStart();
    if (summaryStart == 0) {
      throw McapFormatException.corrupt(footerStart, Opcode.FOOTER, "the file has no summary section"
        + " (summary_start is 0), so it cannot be read by index; read it with McapStreamReader");
    }
    if (summaryStart < Opcode.MAGIC.length || summaryStart > footerStart
      || footerStart - summaryStart > ReadOptions.DEFAULT_MAX_RECORD_BYTES) {
      throw McapFormatException.corrupt(footerStart, Opcode.FOOTER, "summary_start "
        + Long.toUnsignedString(summaryStart) + " is not a plausible offset before the Footer at byte "
        + footerStart);
    }
    long offsetsStart = footer.summaryOffsetStart() == 0 ? footerStart : footer.summaryOffsetStart();
    if (offsetsStart < summaryStart || offsetsStart > footerStart) {
      throw McapFormatException.corrupt(footerStart, Opcode.FOOTER, "summary_offset_start "
        + Long.toUnsignedString(offsetsStart) + " lies outside the summary");
    }
    byte[] summary = read(summaryStart, (int) (footerStart - summaryStart));
    if (footer.summaryCrc() != 0) {
      CRC32 crc = new CRC32();
      crc.update(summary);
      crc.update(tail, 0, Opcode.RECORD_HEADER_BYTES + 16);
      if (crc.getValue() != footer.summaryCrc()) {
        throw McapFormatException.corrupt(footerStart, Opcode.FOOTER,
          McapFormatException.crcMismatch("summary", footer.summaryCrc(), crc.getValue()));
      }
    }
    parseSummary(summary, (int) (offsetsStart - summaryStart), summaryStart);
    if (definitionsMissing()) {
      collectDefinitionsFromData();
    }
    boolean mayHoldMessages = statistics == null || statistics.messageCount() != 0;
    if (chunkIndexes.isEmpty() && mayHoldMessages) {
      throw McapFormatException.corrupt(footerStart, Opcode.FOOTER, "the summary has no Chunk Index records,"
        + " so messages cannot be found by index; read the file with McapStreamReader");
    }
  }

  /** Whether the summary lacks copies of the Schema and Channel records that its chunks' messages need. */
  private boolean definitionsMissing() {
    if (chunkIndexes.isEmpty()) {
      return false;
    }
    return channels.isEmpty()
      || channels.values().stream().anyMatch(c -> c.schemaId() != 0 && !schemas.containsKey(c.schemaId()));
  }

  /** Falls back to one streamed pass over the data section to find the definitions the summary omits. */
  private void collectDefinitionsFromData() throws IOException {
    try (McapStreamReader reader = McapStreamReader.open(file, ReadOptions.strict())) {
      for (McapRecord r = reader.next(); r != null && !(r instanceof DataEnd); r = reader.next()) {
        if (r instanceof Schema s) {
          schemas.putIfAbsent(s.id(), s);
        } else if (r instanceof Channel c) {
          channels.putIfAbsent(c.id(), c);
        }
      }
    }
  }

  private void parseSummary(byte[] summary, int length, long base) throws McapFormatException {
    int pos = 0;
    while (pos < length) {
      long at = base + pos;
      if (length - pos < Opcode.RECORD_HEADER_BYTES) {
        throw McapFormatException.truncatedPart(at, "record header", Opcode.RECORD_HEADER_BYTES - (length - pos));
      }
      int opcode = summary[pos] & 0xFF;
      long n = LittleEndian.u64(summary, pos + 1);
      int contentAt = pos + Opcode.RECORD_HEADER_BYTES;
      if (n < 0 || n > length - contentAt) {
        throw McapFormatException.corrupt(at, opcode, "record length " + Long.toUnsignedString(n)
          + " runs past the summary section's end at byte " + (base + length));
      }
      McapRecord r = RecordParser.parse(new FieldReader(summary, contentAt, (int) n, at, opcode, -1), true);
      if (r instanceof Schema s) {
        schemas.put(s.id(), s);
      } else if (r instanceof Channel c) {
        channels.put(c.id(), c);
      } else if (r instanceof ChunkIndex ci) {
        chunkIndexes.add(ci);
      } else if (r instanceof AttachmentIndex ai) {
        attachmentIndexes.add(ai);
      } else if (r instanceof MetadataIndex mi) {
        metadataIndexes.add(mi);
      } else if (r instanceof Statistics st) {
        statistics = st;
      }
      pos = contentAt + (int) n;
    }
  }

  /** Reads, decodes and validates one chunk, and lists its messages in the time range. */
  private LoadedChunk loadChunk(ChunkIndex ci, long start, long end) throws IOException {
    long offset = ci.chunkStartOffset();
    long length = ci.chunkLength();
    if (offset < Opcode.MAGIC.length || length < Opcode.RECORD_HEADER_BYTES || length > size - offset
      || length > ReadOptions.DEFAULT_MAX_RECORD_BYTES) {
      throw McapFormatException.corrupt(offset, Opcode.CHUNK_INDEX, "chunk at byte "
        + Long.toUnsignedString(offset) + " of length " + Long.toUnsignedString(length)
        + " does not fit the file of " + size + " bytes");
    }
    byte[] record = read(offset, (int) length);
    if (record[0] != Opcode.CHUNK || LittleEndian.u64(record, 1) != length - Opcode.RECORD_HEADER_BYTES) {
      throw McapFormatException.corrupt(offset, record[0] & 0xFF, "chunk index points at a record that is not"
        + " a Chunk of " + length + " bytes");
    }
    FieldReader fields = new FieldReader(record, Opcode.RECORD_HEADER_BYTES,
      (int) length - Opcode.RECORD_HEADER_BYTES, offset, Opcode.CHUNK, -1);
    ChunkRecords records = new ChunkDecoder(ReadOptions.DEFAULT_MAX_RECORD_BYTES, true, false)
      .decode(ChunkHeader.parse(fields), record, offset);
    List<LoadedChunk.Slot> slots = new ArrayList<>();
    if (ci.messageIndexOffsets().isEmpty()) {
      for (int at = records.offset(); ; at = records.offset()) {
        McapRecord r = records.next();
        if (r == null) {
          break;
        }
        if (r instanceof Message m && inRange(m.logTime(), start, end)) {
          slots.add(new LoadedChunk.Slot(m.logTime(), at, m));
        }
      }
    } else {
      for (MessageIndex mx : messageIndexes(ci)) {
        for (MessageIndex.Entry e : mx.records()) {
          if (inRange(e.logTime(), start, end)) {
            slots.add(new LoadedChunk.Slot(e.logTime(), e.offset(), null));
          }
        }
      }
    }
    return new LoadedChunk(ci.chunkStartOffset(), records, slots);
  }

  private List<MessageIndex> messageIndexes(ChunkIndex ci) throws IOException {
    long start = ci.chunkStartOffset() + ci.chunkLength();
    long length = ci.messageIndexLength();
    if (length < 0 || length > size - start || length > ReadOptions.DEFAULT_MAX_RECORD_BYTES) {
      throw McapFormatException.corrupt(start, Opcode.CHUNK_INDEX, "message indexes of "
        + Long.toUnsignedString(length) + " bytes do not fit the file of " + size + " bytes");
    }
    byte[] bytes = read(start, (int) length);
    List<MessageIndex> out = new ArrayList<>();
    for (long offset : ci.messageIndexOffsets().values()) {
      long rel = offset - start;
      if (rel < 0 || rel > length - Opcode.RECORD_HEADER_BYTES) {
        throw McapFormatException.corrupt(offset, Opcode.CHUNK_INDEX, "message index offset "
          + Long.toUnsignedString(offset) + " lies outside the chunk's message index records");
      }
      int at = (int) rel;
      long n = LittleEndian.u64(bytes, at + 1);
      int opcode = bytes[at] & 0xFF;
      if (opcode != Opcode.MESSAGE_INDEX || n < 0 || n > length - at - Opcode.RECORD_HEADER_BYTES) {
        throw McapFormatException.corrupt(offset, opcode, "expected a Message Index record within the"
          + " chunk's message index records");
      }
      out.add((MessageIndex) RecordParser.parse(new FieldReader(bytes, at + Opcode.RECORD_HEADER_BYTES,
        (int) n, offset, opcode, -1), false));
    }
    return out;
  }

  private static boolean inRange(long t, long start, long end) {
    return Long.compareUnsigned(t, start) >= 0 && Long.compareUnsigned(t, end) < 0;
  }

  private byte[] read(long offset, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    while (buf.hasRemaining()) {
      int n = channel.read(buf, offset + buf.position());
      if (n < 0) {
        throw McapFormatException.truncatedPart(offset + buf.position(), "file", buf.remaining());
      }
    }
    return buf.array();
  }
}
