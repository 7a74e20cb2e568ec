package io.github.sitegen.cli;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import java.io.PrintWriter;

/** Prints each problem as {@code file:line: message} on standard error; progress is not shown. */
final class ConsoleReporter implements Reporter {
  private final PrintWriter err;

  ConsoleReporter(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void problem(Problem problem) {
    synchronized (err) {
      err.println(problem);
      err.flush();
    }
  }
}
