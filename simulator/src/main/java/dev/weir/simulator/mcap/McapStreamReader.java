package dev.weir.simulator.mcap;

import dev.weir.simulator.io.LittleEndian;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Reads an MCAP file front to back in bounded memory (one record or chunk at a time, capped by
 * {@link ReadOptions#maxRecordBytes()}), yielding records in file order with each chunk's contents in place of the
 * chunk. It validates magic, record lengths, opcode placement, channel and schema references and every nonzero CRC;
 * any damage ends in a {@link McapFormatException}, or with {@link ReadOptions#salvage()} in a normal end after the
 * last valid record.
 */
public final class McapStreamReader implements AutoCloseable {
  private final InputStream stream;
  private final RecordInput input;
  private final ReadOptions options;
  private final ChunkDecoder chunkDecoder;
  private final byte[] header = new byte[Opcode.RECORD_HEADER_BYTES];
  private final CRC32 crc = new CRC32();
  private final BitSet schemas = new BitSet();
  private final BitSet channels = new BitSet();
  private State state = State.LEADING_MAGIC;
  private ChunkRecords chunk;
  private long chunkOffset;
  private long dataEndEnd = -1;
  private McapFormatException damage;

  private enum State { LEADING_MAGIC, HEADER, BODY, DONE }

  private McapStreamReader(InputStream stream, long length, ReadOptions options) {
    this.stream = stream;
    this.input = new RecordInput(stream, length);
    this.options = options;
    this.chunkDecoder = new ChunkDecoder(options.maxRecordBytes(), options.validateCrcs(), true);
  }

  /** Reads from a stream of unknown length; the reader closes it. Buffer it if reads are expensive. */
  public static McapStreamReader open(InputStream in, ReadOptions options) {
    return new McapStreamReader(in, Long.MAX_VALUE, options);
  }

  /** Reads a file; knowing its length lets corrupt record lengths be refused before any allocation. */
  public static McapStreamReader open(Path file, ReadOptions options) throws IOException {
    long size = Files.size(file);
    return new McapStreamReader(new BufferedInputStream(Files.newInputStream(file), 1 << 16), size, options);
  }

  /**
   * The next record, or null after the Footer and trailing magic (or, when salvaging, at the first damage).
   *
   * @throws McapFormatException if the bytes are not valid MCAP and salvage is off
   */
  public McapRecord next() throws IOException {
    while (state != State.DONE) {
      try {
        McapRecord r = chunk != null ? nextInChunk() : nextTopLevel();
        if (r != null) {
          return r;
        }
      } catch (McapFormatException e) {
        state = State.DONE;
        if (!options.salvage()) {
          throw e;
        }
        damage = e;
      }
    }
    return null;
  }

  /** When salvaging: the damage that ended reading early, or empty if the file was read to its end. */
  public Optional<McapFormatException> salvageReport() {
    return Optional.ofNullable(damage);
  }

  /** Bytes of the file consumed so far: the end of the last top-level record read (a whole chunk at once). */
  public long position() {
    return input.position();
  }

  @Override
  public void close() throws IOException {
    state = State.DONE;
    stream.close();
  }

  private McapRecord nextInChunk() throws McapFormatException {
    McapRecord r = chunk.next();
    if (r == null) {
      chunk = null;
      return null;
    }
    checkReferences(r, chunkOffset);
    return r;
  }

  private McapRecord nextTopLevel() throws IOException {
    if (state == State.LEADING_MAGIC) {
      readMagic("leading magic");
      state = State.HEADER;
    }
    long start = input.position();
    int got = input.read(header, 0, header.length);
    if (got == 0) {
      throw McapFormatException.truncatedPart(start, "record header", header.length);
    }
    int opcode = header[0] & 0xFF;
    if (got < header.length) {
      throw McapFormatException.truncated(start, opcode, header.length - got);
    }
    if (state == State.HEADER && opcode != Opcode.HEADER) {
      throw McapFormatException.corrupt(start, opcode, "expected a Header record right after the leading magic");
    }
    long length = LittleEndian.u64(header, 1);
    if (length < 0 || length > options.maxRecordBytes()) {
      throw McapFormatException.corrupt(start, opcode, "record length " + Long.toUnsignedString(length)
        + " exceeds the limit of " + options.maxRecordBytes() + " bytes");
    }
    if (length > input.remaining()) {
      throw McapFormatException.truncated(start, opcode, length - input.remaining());
    }
    int n = (int) length;
    int read = input.readContent(n);
    if (read < n) {
      throw McapFormatException.truncated(start, opcode, n - read);
    }
    byte[] content = input.content();
    if (opcode == Opcode.FOOTER) {
      return footer(start, content, n);
    }
    long crcBefore = crc.getValue();
    if (options.validateCrcs() && opcode != Opcode.DATA_END) {
      crc.update(header);
      crc.update(content, 0, n);
    }
    FieldReader fields = new FieldReader(content, 0, n, start, opcode, -1);
    switch (opcode) {
      case Opcode.HEADER -> {
        if (state != State.HEADER) {
          throw McapFormatException.corrupt(start, opcode, "a second Header record");
        }
        state = State.BODY;
        return RecordParser.parse(fields, false);
      }
      case Opcode.CHUNK -> {
        ChunkHeader h = ChunkHeader.parse(fields);
        chunk = chunkDecoder.decode(h, content, start);
        chunkOffset = start;
        return options.includeChunkRecords() ? h.toRecord(content) : null;
      }
      case Opcode.MESSAGE_INDEX -> {
        return options.includeChunkRecords() ? RecordParser.parse(fields, false) : null;
      }
      case Opcode.DATA_END -> {
        DataEnd end = (DataEnd) RecordParser.parse(fields, false);
        if (options.validateCrcs() && end.dataSectionCrc() != 0 && end.dataSectionCrc() != crcBefore) {
          throw McapFormatException.corrupt(start, opcode,
            McapFormatException.crcMismatch("data section", end.dataSectionCrc(), crcBefore));
        }
        crc.reset();
        dataEndEnd = input.position();
        return end;
      }
      default -> {
        McapRecord r = RecordParser.parse(fields, options.validateCrcs());
        checkReferences(r, start);
        return r;
      }
    }
  }

  private Footer footer(long start, byte[] content, int n) throws IOException {
    FieldReader fields = new FieldReader(content, 0, n, start, Opcode.FOOTER, -1);
    Footer footer = (Footer) RecordParser.parse(fields, false);
    if (dataEndEnd < 0) {
      throw McapFormatException.corrupt(start, Opcode.FOOTER, "no Data End record precedes the Footer");
    }
    if (options.validateCrcs() && footer.summaryCrc() != 0) {
      CRC32 summary = crc;
      if (footer.summaryStart() == 0) {
        summary = new CRC32();
      } else if (footer.summaryStart() != dataEndEnd) {
        throw McapFormatException.corrupt(start, Opcode.FOOTER, "summary_start is "
          + Long.toUnsignedString(footer.summaryStart()) + ", but the summary starts at byte " + dataEndEnd
          + " after the Data End record");
      }
      summary.update(header);
      summary.update(content, 0, 16);
      if (summary.getValue() != footer.summaryCrc()) {
        throw McapFormatException.corrupt(start, Opcode.FOOTER,
          McapFormatException.crcMismatch("summary", footer.summaryCrc(), summary.getValue()));
      }
    }
    readMagic("trailing magic");
    if (!input.atEnd()) {
      throw McapFormatException.corruptPart(input.position(), "trailing magic",
        "the file continues after the trailing magic");
    }
    state = State.DONE;
    return footer;
  }

  private void readMagic(String part) throws IOException {
    long start = input.position();
    byte[] magic = new byte[Opcode.MAGIC.length];
    int got = input.read(magic, 0, magic.length);
    if (got < magic.length) {
      throw McapFormatException.truncatedPart(start, part, magic.length - got);
    }
    if (!Arrays.equals(magic, Opcode.MAGIC)) {
      throw McapFormatException.badMagic(start, part, magic);
    }
    if (options.validateCrcs()) {
      crc.update(magic);
    }
  }

  /** Refuses messages on undeclared channels and channels on undeclared schemas, which no reader could decode. */
  private void checkReferences(McapRecord r, long offset) throws McapFormatException {
    if (r instanceof Message m && !channels.get(m.channelId())) {
      throw McapFormatException.corrupt(offset, Opcode.MESSAGE, "message refers to channel " + m.channelId()
        + ", which no earlier Channel record defines");
    } else if (r instanceof Channel c) {
      if (c.schemaId() != 0 && !schemas.get(c.schemaId())) {
        throw McapFormatException.corrupt(offset, Opcode.CHANNEL, "channel " + c.id() + " refers to schema "
          + c.schemaId() + ", which no earlier Schema record defines");
      }
      channels.set(c.id());
    } else if (r instanceof Schema s && s.id() != 0) {
      schemas.set(s.id());
    }
  }
}
