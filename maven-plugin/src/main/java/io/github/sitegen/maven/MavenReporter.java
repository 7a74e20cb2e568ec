package io.github.sitegen.maven;

import io.github.sitegen.Problem;
import io.github.sitegen.ProgressMeter;
import io.github.sitegen.Reporter;
import org.apache.maven.plugin.logging.Log;

/**
 * Sends each problem to the build log at its severity, as {@code file:line: message}; progress of
 * long work at info level, at most every 5 seconds; details at debug level.
 */
final class MavenReporter implements Reporter {
  private final Log log;
  private final ProgressMeter meter;

  MavenReporter(Log log) {
    this.log = log;
    this.meter = ProgressMeter.every5Seconds(log::info);
  }

  @Override
  public void progress(String what, long done, long total) {
    meter.progress(what, done, total);
  }

  @Override
  public void problem(Problem problem) {
    switch (problem.severity()) {
      case INFO -> log.info(problem.toString());
      case WARNING -> log.warn(problem.toString());
      case ERROR -> log.error(problem.toString());
    }
  }

  @Override
  public void info(String message) {
    log.debug(message);
  }
}
