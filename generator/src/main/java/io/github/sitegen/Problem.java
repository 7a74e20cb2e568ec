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

  /**
   * {@code file:line: message}, or {@code file: message} when the line is unknown; always one line:
   * line breaks, other control characters and the bidirectional overrides in the file name or the
   * message (a hostile file name or title it quotes) are written as escapes: {@code \n}, {@code \r},
   * {@code \t}, else a backslash, {@code u} and four hex digits; so that no problem can print a
   * line that looks like another one.
   */
  @Override
  public String toString() {
    String where = oneLine(file);
    String what = oneLine(message);
    return line > 0 ? where + ":" + line + ": " + what : where + ": " + what;
  }

  /** {@code text} with the characters {@link #toString} escapes written as escapes. */
  static String oneLine(String text) {
    int i = 0;
    while (i < text.length() && !escaped(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    var out = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!escaped(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  /**
   * C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional embeddings,
   * overrides and isolates (which reorder what a terminal shows).
   */
  private static boolean escaped(char c) {
    return c < 0x20
        || c >= 0x7f && c <= 0x9f
        || c >= 0x2028 && c <= 0x202e
        || c >= 0x2066 && c <= 0x2069;
  }
}
