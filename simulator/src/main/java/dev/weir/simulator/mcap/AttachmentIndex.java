package dev.weir.simulator.mcap;

/** Summary entry locating one Attachment record ({@code offset}, {@code length} including opcode and length). */
public record AttachmentIndex(long offset, long length, long logTime, long createTime, long dataSize, String name,
  String mediaType) implements McapRecord {}
