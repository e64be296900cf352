package dev.weir.simulator.mcap;

/** The first record of every MCAP file: which profile its fields follow and which library wrote it. */
public record Header(String profile, String library) implements McapRecord {}
