package dev.weir.simulator.mcap;

/** Locates the group of summary records sharing {@code groupOpcode}, for readers that want only one kind. */
public record SummaryOffset(int groupOpcode, long groupStart, long groupLength) implements McapRecord {}
