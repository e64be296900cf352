/**
 * The headless browser: a real Chromium (JCEF) driven from Java with no window and no download at
 * run time. {@link dev.weir.harness.browser.Display} provides the X display JCEF insists on (a
 * private Xvfb when none is set, which dies with the JVM), and pages are served from a folder
 * through the {@code weir:} scheme, which refuses anything outside that folder.
 */
package dev.weir.harness.browser;
