/**
 * Reports: a folder (by default {@code target/weir-report/}) that people and CI read after a run —
 * {@code index.html} with the verdict matrix (cases × transports, as in Autobahn's reports), each
 * run's verdicts with its first violation in context, and plots of its evidence drawn offline with
 * uPlot; {@code index.json} with the same in a stable layout; {@code junit.xml} for CI's test
 * views. Built from a {@link dev.weir.scenarios.report.Report} model by {@link
 * dev.weir.scenarios.report.ReportWriter}, which writes the folder whole or not at all. What each
 * plot shows and the JSON layout: {@code docs/report.md}.
 */
package dev.weir.scenarios.report;
