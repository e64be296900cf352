package dev.weir.simulator.mcap;

import java.util.Arrays;

/**
 * One timestamped message. {@code sequence} is a uint32; the times are uint64 nanoseconds since an epoch the producer
 * chose.
 */
public record Message(int channelId, long sequence, long logTime, long publishTime, byte[] data)
  implements McapRecord {

  @Override
  public boolean equals(Object o) {
    return o instanceof Message m && channelId == m.channelId && sequence == m.sequence && logTime == m.logTime
      && publishTime == m.publishTime && Arrays.equals(data, m.data);
  }

  @Override
  public int hashCode() {
    int h = 31 * channelId + Long.hashCode(sequence);
    h = 31 * h + Long.hashCode(logTime);
    h = 31 * h + Long.hashCode(publishTime);
    return 31 * h + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Message[channelId=" + channelId + ", sequence=" + sequence + ", logTime=" + logTime
      + ", publishTime=" + publishTime + ", data=" + Arrays.toString(data) + "]";
  }
}
