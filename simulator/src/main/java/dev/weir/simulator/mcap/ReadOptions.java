package dev.weir.simulator.mcap;

/**
 * How {@link McapStreamReader} treats a file.
 *
 * @param salvage on damage, end normally after the last valid record instead of throwing; see
 *     {@link McapStreamReader#salvageReport()}
 * @param validateCrcs check every nonzero CRC (chunk, data section, summary, attachment)
 * @param includeChunkRecords also yield the Chunk and Message Index records themselves (a Chunk before its contents)
 * @param maxRecordBytes largest record content or uncompressed chunk accepted; bounds the reader's memory
 */
public record ReadOptions(boolean salvage, boolean validateCrcs, boolean includeChunkRecords, long maxRecordBytes) {

  /** Default record cap: far above any sane chunk (writers use about 1 MiB) yet safely allocatable. */
  public static final long DEFAULT_MAX_RECORD_BYTES = 256L << 20;

  public ReadOptions {
    if (maxRecordBytes <= 0 || maxRecordBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxRecordBytes must be in 1.." + (Integer.MAX_VALUE - 16)
        + ", got " + maxRecordBytes);
    }
  }

  public ReadOptions(boolean salvage, boolean validateCrcs, boolean includeChunkRecords) {
    this(salvage, validateCrcs, includeChunkRecords, DEFAULT_MAX_RECORD_BYTES);
  }

  /** Fail on the first damage, validate CRCs, yield chunk contents only. */
  public static ReadOptions strict() {
    return new ReadOptions(false, true, false);
  }

  public ReadOptions withSalvage(boolean s) {
    return new ReadOptions(s, validateCrcs, includeChunkRecords, maxRecordBytes);
  }

  public ReadOptions withValidateCrcs(boolean v) {
    return new ReadOptions(salvage, v, includeChunkRecords, maxRecordBytes);
  }

  public ReadOptions withIncludeChunkRecords(boolean i) {
    return new ReadOptions(salvage, validateCrcs, i, maxRecordBytes);
  }

  public ReadOptions withMaxRecordBytes(long max) {
    return new ReadOptions(salvage, validateCrcs, includeChunkRecords, max);
  }
}
