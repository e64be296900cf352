package dev.weir.simulator.mcap;

import java.util.Map;

/** File-wide counts and time range, so tools can describe a recording without reading its messages. */
public record Statistics(long messageCount, int schemaCount, long channelCount, long attachmentCount,
  long metadataCount, long chunkCount, long messageStartTime, long messageEndTime,
  Map<Integer, Long> channelMessageCounts) implements McapRecord {}
