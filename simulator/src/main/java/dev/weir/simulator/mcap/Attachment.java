package dev.weir.simulator.mcap;

import java.util.Arrays;

/**
 * An auxiliary file stored beside the messages (calibration, logs). {@code crc} is the uint32 CRC-32 of the preceding
 * fields as written, 0 when not computed.
 */
public record Attachment(long logTime, long createTime, String name, String mediaType, byte[] data, long crc)
  implements McapRecord {

  @Override
  public boolean equals(Object o) {
    return o instanceof Attachment a && logTime == a.logTime && createTime == a.createTime
      && name.equals(a.name) && mediaType.equals(a.mediaType) && Arrays.equals(data, a.data) && crc == a.crc;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(logTime) + name.hashCode()) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Attachment[logTime=" + logTime + ", createTime=" + createTime + ", name=" + name + ", mediaType="
      + mediaType + ", data=" + data.length + " bytes, crc=" + crc + "]";
  }
}
