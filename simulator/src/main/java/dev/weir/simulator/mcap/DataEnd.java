package dev.weir.simulator.mcap;

/** Marks the end of the data section; {@code dataSectionCrc} is the uint32 CRC-32 of every byte before it, or 0. */
public record DataEnd(long dataSectionCrc) implements McapRecord {}
