/**
 * The harness: headless JCEF runtime, transports, probe, trace and checkers.
 *
 * <p>Empty until the JCEF runtime lands (issue 3); the module exists now so that the
 * dependency direction scenarios → harness → simulator is fixed from the start.
 */
package dev.weir.harness;
