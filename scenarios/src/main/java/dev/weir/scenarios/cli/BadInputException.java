package dev.weir.scenarios.cli;

/** Input a command cannot work with, described so the user can fix it; exit code 2. */
final class BadInputException extends RuntimeException {
  BadInputException(String message) {
    super(message);
  }
}
