package io.github.sitegen.archive;

import io.github.sitegen.Problem;
import org.jspecify.annotations.Nullable;

/**
 * When an import counts as failed (CLI exit code 1, Maven build failure), given its report. The
 * archive is written either way: a failed import only says that someone should look.
 */
public enum FailOn {
  /** Never: problems are reported, the run succeeds (the default). */
  NEVER,
  /** When an item or a snapshot could not be used at all, or a hostile DOCTYPE was refused. */
  ERROR,
  /** Also when something was repaired or guessed (encoding, broken XML, a missing date). */
  WARNING;

  /**
   * Parses {@code never}, {@code error} or {@code warning} (any case, trimmed).
   *
   * @throws IllegalArgumentException naming the value when it is none of them
   */
  public static FailOn parse(String value) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "never" -> NEVER;
      case "error" -> ERROR;
      case "warning" -> WARNING;
      default ->
          throw new IllegalArgumentException(
              "expected never, error or warning, found \"" + value + "\"");
    };
  }

  /** True when the report has a problem at least as severe as this policy names. */
  public boolean failed(ImportReport report) {
    Problem.@Nullable Severity threshold =
        switch (this) {
          case NEVER -> null;
          case ERROR -> Problem.Severity.ERROR;
          case WARNING -> Problem.Severity.WARNING;
        };
    return threshold != null
        && report.worst().map(worst -> worst.compareTo(threshold) >= 0).orElse(false);
  }
}
