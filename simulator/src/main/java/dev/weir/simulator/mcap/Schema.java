package dev.weir.simulator.mcap;

import java.util.Arrays;

/** Describes how to decode the messages of the channels that refer to it by {@code id} (uint16, never 0). */
public record Schema(int id, String name, String encoding, byte[] data) implements McapRecord {

  @Override
  public boolean equals(Object o) {
    return o instanceof Schema s && id == s.id && name.equals(s.name) && encoding.equals(s.encoding)
      && Arrays.equals(data, s.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * id + name.hashCode()) + encoding.hashCode()) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Schema[id=" + id + ", name=" + name + ", encoding=" + encoding + ", data=" + data.length + " bytes]";
  }
}
