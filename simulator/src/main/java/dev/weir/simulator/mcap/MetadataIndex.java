package dev.weir.simulator.mcap;

/** Summary entry locating one Metadata record ({@code length} includes opcode and length prefix). */
public record MetadataIndex(long offset, long length, String name) implements McapRecord {}
