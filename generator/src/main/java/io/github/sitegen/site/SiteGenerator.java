package io.github.sitegen.site;

import io.github.sitegen.Reporter;
import java.io.IOException;

/**
 * Renders the Markdown archive into a static site: article pages, paginated home, year/month/day
 * and tag indexes, Atom feed, sitemap, 404 page and the theme's assets. Configured once, then
 * thread-safe.
 */
public final class SiteGenerator {
  private final SiteOptions options;
  private final Reporter reporter;

  public SiteGenerator(SiteOptions options, Reporter reporter) {
    this.options = options;
    this.reporter = reporter;
  }

  /**
   * Builds the site into {@link SiteOptions#output()}.
   *
   * @throws io.github.sitegen.SiteGenException on bad options or a broken template
   * @throws IOException when the archive cannot be read or the output written
   */
  public SiteReport generate() throws IOException {
    throw new UnsupportedOperationException("TODO(#2): SiteGenerator " + options + reporter);
  }
}
