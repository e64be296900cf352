package dev.weir.simulator.mcap;

/**
 * The last record of every MCAP file, pointing at the summary so indexed readers can start from the end.
 *
 * @param summaryStart file offset of the summary section, 0 if there is none
 * @param summaryOffsetStart file offset of the summary offset section, 0 if there is none
 * @param summaryCrc uint32 CRC-32 from the summary start through {@code summaryOffsetStart}, 0 if not computed
 */
public record Footer(long summaryStart, long summaryOffsetStart, long summaryCrc) implements McapRecord {}
