package io.github.sitegen.site;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What a build did.
 *
 * @param articles articles rendered
 * @param pagesWritten files written because their bytes changed
 * @param pagesUnchanged files left alone because their bytes were already right
 * @param output the output folder
 * @param elapsed wall time of the build
 */
public record SiteReport(
    int articles, int pagesWritten, int pagesUnchanged, Path output, Duration elapsed) {

  /**
   * One line for a log: {@code Rendered 9 articles: 57 files written, 0 unchanged in 0.4 s to
   * target/site}.
   */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "Rendered %d articles: %d files written, %d unchanged in %.1f s to %s",
        articles,
        pagesWritten,
        pagesUnchanged,
        elapsed.toMillis() / 1000.0,
        output);
  }
}
