/**
 * A self-contained reader and writer for MCAP (https://mcap.dev), the chunked, indexed container format weir uses for
 * sensor recordings. {@link dev.weir.simulator.mcap.McapWriter} writes deterministic, atomically published files;
 * {@link dev.weir.simulator.mcap.McapStreamReader} reads any file front to back in bounded memory, validating structure
 * and CRCs and reporting damage as {@link dev.weir.simulator.mcap.McapFormatException} with the byte offset; and
 * {@link dev.weir.simulator.mcap.McapIndexedReader} seeks by log time through the summary.
 * {@link dev.weir.simulator.mcap.ConformanceJson} prints records in the layout of the MCAP conformance suite.
 */
package dev.weir.simulator.mcap;
