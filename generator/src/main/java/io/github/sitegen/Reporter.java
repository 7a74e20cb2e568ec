package io.github.sitegen;

/**
 * Where a run sends its progress and the problems it finds. The Maven plugin maps it to the build
 * log, the CLI to standard error. Implementations must be thread-safe: pages and items are
 * processed in parallel.
 */
public interface Reporter {

  /** Reports one problem; the run goes on. */
  void problem(Problem problem);

  /** Reports progress or a summary line; by default nothing is shown. */
  default void info(String message) {}

  /** A reporter that drops everything. */
  static Reporter silent() {
    return problem -> {};
  }
}
