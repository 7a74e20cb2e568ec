package io.github.sitegen.site;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
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
 * @param disabled optional kinds of output not to make (see {@link PageKind})
 * @param cache folder of site-gen's caches (such as {@code target/site-gen-cache}): the {@link
 *     io.github.sitegen.archive.ArchiveIndex} and the build cache (what the previous build made, so
 *     that the next one renders only what changed); null for none. The site is the same either way
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
    Set<PageKind> disabled,
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
    disabled =
        disabled.isEmpty()
            ? Collections.unmodifiableSet(EnumSet.noneOf(PageKind.class))
            : Collections.unmodifiableSet(EnumSet.copyOf(disabled));
  }

  /** Options that make every kind of page, without a cache. */
  public SiteOptions(
      Path archive,
      Path output,
      String title,
      @Nullable URI baseUrl,
      Locale locale,
      ZoneId zone,
      int pageSize,
      @Nullable Path theme) {
    this(archive, output, title, baseUrl, locale, zone, pageSize, theme, Set.of(), null);
  }

  /** These options without the given kinds of output. */
  public SiteOptions withDisabled(Set<PageKind> kinds) {
    return new SiteOptions(
        archive, output, title, baseUrl, locale, zone, pageSize, theme, kinds, cache);
  }

  /** These options with a build cache in {@code folder} (null: none). */
  public SiteOptions withCache(@Nullable Path folder) {
    return new SiteOptions(
        archive, output, title, baseUrl, locale, zone, pageSize, theme, disabled, folder);
  }

  /** Whether this kind of output is made. */
  public boolean makes(PageKind kind) {
    return !disabled.contains(kind);
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
