package dev.weir.simulator.mcap;

import java.util.Map;

/** Named key-value data about the whole recording; {@code metadata} keeps the order the file has. */
public record Metadata(String name, Map<String, String> metadata) implements McapRecord {}
