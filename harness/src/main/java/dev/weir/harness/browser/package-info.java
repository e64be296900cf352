/**
 * The headless browser: a real Chromium (JCEF) driven from Java with no window and no download at
 * run time. {@link dev.weir.harness.browser.Display} provides the X display JCEF insists on (a
 * private Xvfb when none is set, which dies with the JVM), {@link
 * dev.weir.harness.browser.BrowserRuntime} owns the one CEF instance a JVM may have and serves
 * folders through the {@code weir:} scheme (refusing anything outside them), and {@link
 * dev.weir.harness.browser.Page} is one off-screen page that can be loaded and asked to evaluate
 * JavaScript.
 */
package dev.weir.harness.browser;
