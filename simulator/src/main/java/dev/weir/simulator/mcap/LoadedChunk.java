package dev.weir.simulator.mcap;

import java.util.Comparator;
import java.util.List;

/** A decoded chunk with its in-range messages sorted by (log time, offset), consumed one by one. */
final class LoadedChunk {
  /** One message: its log time, offset in the chunk, and the message if already decoded by a scan. */
  record Slot(long logTime, long offset, Message message) {}

  private static final Comparator<Slot> ORDER = (a, b) -> {
    int c = Long.compareUnsigned(a.logTime(), b.logTime());
    return c != 0 ? c : Long.compare(a.offset(), b.offset());
  };

  private final long chunkOffset;
  private final ChunkRecords records;
  private final List<Slot> slots;
  private int next;

  LoadedChunk(long chunkOffset, ChunkRecords records, List<Slot> slots) {
    this.chunkOffset = chunkOffset;
    this.records = records;
    this.slots = slots;
    slots.sort(ORDER);
  }

  long chunkOffset() {
    return chunkOffset;
  }

  boolean hasNext() {
    return next < slots.size();
  }

  /** Log time of the next message; only when {@link #hasNext()}. */
  long peekTime() {
    return slots.get(next).logTime();
  }

  long peekOffset() {
    return slots.get(next).offset();
  }

  Message take() throws McapFormatException {
    Slot slot = slots.get(next++);
    if (slot.message() != null) {
      return slot.message();
    }
    records.seek(slot.offset());
    McapRecord r = records.next();
    if (r instanceof Message m) {
      if (m.logTime() != slot.logTime()) {
        throw McapFormatException.corrupt(chunkOffset, Opcode.MESSAGE_INDEX, "message index says log time "
          + Long.toUnsignedString(slot.logTime()) + " for uncompressed offset " + slot.offset()
          + ", but the message there has " + Long.toUnsignedString(m.logTime()));
      }
      return m;
    }
    throw McapFormatException.corrupt(chunkOffset, Opcode.MESSAGE_INDEX, "message index points at uncompressed"
      + " offset " + slot.offset() + ", which holds a " + Opcode.name(opcodeOf(r)) + " record, not a Message");
  }

  private static int opcodeOf(McapRecord r) {
    return r instanceof Schema ? Opcode.SCHEMA : r instanceof Channel ? Opcode.CHANNEL : 0;
  }
}
