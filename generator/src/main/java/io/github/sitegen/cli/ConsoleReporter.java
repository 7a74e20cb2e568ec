package io.github.sitegen.cli;

import io.github.sitegen.Problem;
import io.github.sitegen.ProgressMeter;
import io.github.sitegen.Reporter;
import java.io.PrintWriter;

/**
 * Prints each problem as {@code file:line: message} on standard error, and the progress of long
 * work at most every 5 seconds.
 */
final class ConsoleReporter implements Reporter {
  private final PrintWriter err;
  private final ProgressMeter meter;
  private final boolean verbose;

  ConsoleReporter(PrintWriter err) {
    this(err, false);
  }

  /** A reporter that also prints {@link #info} lines when {@code verbose}. */
  ConsoleReporter(PrintWriter err, boolean verbose) {
    this.err = err;
    this.verbose = verbose;
    this.meter = ProgressMeter.every5Seconds(this::println);
  }

  @Override
  public void progress(String what, long done, long total) {
    meter.progress(what, done, total);
  }

  @Override
  public void info(String message) {
    if (verbose) {
      println(message);
    }
  }

  private void println(String line) {
    synchronized (err) {
      err.println(line);
      err.flush();
    }
  }

  @Override
  public void problem(Problem problem) {
    synchronized (err) {
      err.println(problem);
      err.flush();
    }
  }
}
