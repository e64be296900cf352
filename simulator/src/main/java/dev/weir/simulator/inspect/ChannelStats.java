package dev.weir.simulator.inspect;

import java.util.Map;

/**
 * One channel's messages at a glance.
 *
 * @param id MCAP channel id
 * @param topic channel topic
 * @param messageEncoding how messages are encoded
 * @param schemaName name of the channel's schema; empty when it has none
 * @param metadata the channel's metadata, in file order
 * @param messages number of messages
 * @param firstNs log time of the first message, -1 when there are none
 * @param lastNs log time of the last message, -1 when there are none
 * @param rateHz messages per second between first and last; 0 with fewer than two
 * @param periodNs the expected period gaps are judged against (declared or learned); 0 if unknown
 * @param gaps steps longer than two periods
 * @param largestGapNs the longest such step; 0 when there is none
 * @param largestGapAtNs log time at which the longest gap starts; -1 when there is none
 * @param backwards steps where log time went back
 */
public record ChannelStats(int id, String topic, String messageEncoding, String schemaName,
    Map<String, String> metadata, long messages, long firstNs, long lastNs, double rateHz,
    long periodNs, long gaps, long largestGapNs, long largestGapAtNs, long backwards) {}
