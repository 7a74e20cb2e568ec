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
 * @param pagesSkipped of the unchanged files, the pages not even rendered: the build cache showed
 *     their inputs and files as the previous build left them
 * @param filesRemoved files a previous build wrote that no page makes any more, deleted
 */
public record SiteReport(
    int articles,
    int pagesWritten,
    int pagesUnchanged,
    Path output,
    Duration elapsed,
    int pagesSkipped,
    int filesRemoved) {

  /** A report of a build without a cache: nothing skipped, nothing removed. */
  public SiteReport(
      int articles, int pagesWritten, int pagesUnchanged, Path output, Duration elapsed) {
    this(articles, pagesWritten, pagesUnchanged, output, elapsed, 0, 0);
  }

  /**
   * One line for a log: {@code Rendered 9 articles: 57 files written, 0 unchanged in 0.4 s to
   * target/site}; with a build cache, {@code … 3 files written, 54 unchanged (50 not re-rendered),
   * 1 removed in 0.1 s …}.
   */
  public String summary() {
    String cache =
        pagesSkipped == 0 && filesRemoved == 0
            ? ""
            : String.format(
                Locale.ROOT, " (%d not re-rendered), %d removed", pagesSkipped, filesRemoved);
    return String.format(
        Locale.ROOT,
        "Rendered %d articles: %d files written, %d unchanged%s in %.1f s to %s",
        articles,
        pagesWritten,
        pagesUnchanged,
        cache,
        elapsed.toMillis() / 1000.0,
        output);
  }
}
