package dev.weir.simulator.mcap;

/**
 * One MCAP record. Sealed so that consumers can switch over every kind the format defines; opcodes this library does
 * not know arrive as {@link UnknownRecord} instead of being dropped. Unsigned 64-bit fields are carried in {@code long}
 * and must be compared with {@link Long#compareUnsigned}.
 */
public sealed interface McapRecord
  permits Header, Footer, Schema, Channel, Message, Chunk, MessageIndex, ChunkIndex, Attachment, AttachmentIndex,
    Statistics, Metadata, MetadataIndex, SummaryOffset, DataEnd, UnknownRecord {}
