package dev.weir.simulator.mcap;

import java.util.Map;

/**
 * A stream of messages on one topic. {@code schemaId} 0 means the messages carry no schema; {@code metadata} keeps the
 * order the file has.
 */
public record Channel(int id, int schemaId, String topic, String messageEncoding, Map<String, String> metadata)
  implements McapRecord {}
