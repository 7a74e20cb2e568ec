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

  /**
   * Reports how far a long piece of work is, such as {@code progress("pages", 1200, 10000)}; by
   * default nothing is shown. Called often and from any thread: front ends rate-limit it (see
   * {@link ProgressMeter}).
   *
   * @param what what is counted, plural ({@code "pages"}, {@code "snapshots"})
   * @param done how many are done
   * @param total how many there are in all, or 0 when unknown
   */
  default void progress(String what, long done, long total) {}

  /** A reporter that drops everything. */
  static Reporter silent() {
    return problem -> {};
  }
}
