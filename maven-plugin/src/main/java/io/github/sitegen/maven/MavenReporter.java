package io.github.sitegen.maven;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import org.apache.maven.plugin.logging.Log;

/** Sends each problem to the build log at its severity, as {@code file:line: message}. */
final class MavenReporter implements Reporter {
  private final Log log;

  MavenReporter(Log log) {
    this.log = log;
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
