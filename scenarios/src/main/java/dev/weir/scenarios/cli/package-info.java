/** The {@code weir} command line. */
package dev.weir.scenarios.cli;
