/**
 * What is in a recording: channels, message counts, time ranges, rates and gaps, computed in
 * one streamed pass over any MCAP file so that {@code weir inspect} works on files of any size
 * and on recordings weir did not write.
 */
package dev.weir.simulator.inspect;
