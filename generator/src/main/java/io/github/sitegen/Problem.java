package io.github.sitegen;

import static java.util.Objects.requireNonNull;

/**
 * One problem found in user input, reported as {@code file:line: message}.
 *
 * @param file the file the problem is in, as given (usually project-relative); never blank
 * @param line the 1-based line, or 0 when unknown
 * @param severity how bad it is
 * @param message what was expected and what was found: lowercase, no trailing period
 */
public record Problem(String file, int line, Severity severity, String message) {

  /** How bad a problem is; ordered from least to most severe. */
  public enum Severity {
    /** Worth knowing; nothing was lost (for example a date in the future). */
    INFO,
    /** Something was repaired or skipped; the rest went through. */
    WARNING,
    /** An item or a file could not be used at all. */
    ERROR
  }

  public Problem {
    requireNonNull(file, "file");
    requireNonNull(severity, "severity");
    requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, was " + line);
    }
  }

  /** A warning at the given place. */
  public static Problem warning(String file, int line, String message) {
    return new Problem(file, line, Severity.WARNING, message);
  }

  /** An error at the given place. */
  public static Problem error(String file, int line, String message) {
    return new Problem(file, line, Severity.ERROR, message);
  }

  /** An informational note at the given place. */
  public static Problem info(String file, int line, String message) {
    return new Problem(file, line, Severity.INFO, message);
  }

  /** {@code file:line: message}, or {@code file: message} when the line is unknown. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
