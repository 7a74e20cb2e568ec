package io.github.sitegen.site;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How to render a site.
 *
 * @param archive the Markdown archive folder (read)
 * @param output the folder the site is written to
 * @param title the site title
 * @param baseUrl the absolute URL the site is published at (for feeds, sitemap and canonical
 *     links), or null; pages themselves always link relatively
 * @param locale language of labels and dates (French and English ship)
 * @param zone time zone dates are shown in and date indexes are cut in
 * @param pageSize articles per page on paginated lists, at least 1
 * @param theme a folder whose files override the default theme's by name, or null
 * @param cache folder of site-gen's caches (such as {@code target/site-gen-cache}) where the
 *     {@link io.github.sitegen.archive.ArchiveIndex} is kept, or null for none; the site is the
 *     same with or without it
 */
public record SiteOptions(
    Path archive,
    Path output,
    String title,
    @Nullable URI baseUrl,
    Locale locale,
    ZoneId zone,
    int pageSize,
    @Nullable Path theme,
    @Nullable Path cache) {

  /** Default articles per page. */
  public static final int DEFAULT_PAGE_SIZE = 20;

  public SiteOptions {
    requireNonNull(archive, "archive");
    requireNonNull(output, "output");
    requireNonNull(title, "title");
    requireNonNull(locale, "locale");
    requireNonNull(zone, "zone");
    if (pageSize < 1) {
      throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
    }
    if (baseUrl != null && !baseUrl.isAbsolute()) {
      throw new IllegalArgumentException("base URL must be absolute, was \"" + baseUrl + "\"");
    }
  }

  /** Options without a cache. */
  public SiteOptions(
      Path archive,
      Path output,
      String title,
      @Nullable URI baseUrl,
      Locale locale,
      ZoneId zone,
      int pageSize,
      @Nullable Path theme) {
    this(archive, output, title, baseUrl, locale, zone, pageSize, theme, null);
  }

  /** These options with the archive index kept in {@code cache} (null: no cache). */
  public SiteOptions withCache(@Nullable Path cache) {
    return new SiteOptions(archive, output, title, baseUrl, locale, zone, pageSize, theme, cache);
  }

  /**
   * Options with defaults: title "Archive", no base URL, English, UTC, 20 per page, no theme, no
   * cache.
   */
  public static SiteOptions defaults(Path archive, Path output) {
    return new SiteOptions(
        archive,
        output,
        "Archive",
        null,
        Locale.ENGLISH,
        ZoneId.of("UTC"),
        DEFAULT_PAGE_SIZE,
        null);
  }
}
