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
