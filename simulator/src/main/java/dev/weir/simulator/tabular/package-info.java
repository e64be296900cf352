/**
 * Field logs as readings: CSV (RFC 4180) and NDJSON files are imported through a
 * {@link dev.weir.simulator.tabular.ColumnMapping} that says which column is the time, which the sensor and which the
 * values, and readings are exported to a CSV that the {@link dev.weir.simulator.tabular.ColumnMapping#weirCsv()}
 * mapping imports back bit for bit. Both directions stream in constant memory. Every error names the file, line and
 * column and what was expected there.
 */
package dev.weir.simulator.tabular;
