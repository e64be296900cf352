package dev.weir.harness.browser;

/** There is no X display and no Xvfb to start one; the message names the package to install. */
public final class NoDisplayException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  NoDisplayException(String message) {
    super(message);
  }
}
