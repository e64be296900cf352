package dev.weir.simulator.mcap;

import java.util.Arrays;

/** A record whose opcode this library does not know, kept whole so nothing in the file is silently dropped. */
public record UnknownRecord(int opcode, byte[] data) implements McapRecord {

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownRecord u && opcode == u.opcode && Arrays.equals(data, u.data);
  }

  @Override
  public int hashCode() {
    return 31 * opcode + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "UnknownRecord[opcode=" + opcode + ", data=" + data.length + " bytes]";
  }
}
