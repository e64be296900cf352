package dev.weir.harness.browser;

/** The page, not the code under test's assertions, went wrong: the scenario on it has failed. */
public final class PageFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** How the page failed. */
  public enum Kind {
    /** The renderer process ended; the page is gone. */
    CRASHED,
    /** The page stopped answering the watchdog, such as a script in an endless loop. */
    HUNG,
    /** An uncaught exception or unhandled promise rejection in page script. */
    SCRIPT_ERROR;

    /** Whether the page can no longer be used at all. */
    public boolean isFatal() {
      return this != SCRIPT_ERROR;
    }
  }

  private final Kind kind;

  PageFailedException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
