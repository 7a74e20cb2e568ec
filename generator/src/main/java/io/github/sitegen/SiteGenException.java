package io.github.sitegen;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a problem makes the whole run meaningless (bad configuration, an unreadable archive
 * folder, a broken template). Its message is the problem's {@code file:line: message}.
 */
public class SiteGenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Problem problem;

  public SiteGenException(Problem problem) {
    this(problem, null);
  }

  public SiteGenException(Problem problem, @Nullable Throwable cause) {
    super(requireNonNull(problem, "problem").toString(), cause);
    this.problem = problem;
  }

  /** The problem that stopped the run. */
  public Problem problem() {
    return problem;
  }
}
