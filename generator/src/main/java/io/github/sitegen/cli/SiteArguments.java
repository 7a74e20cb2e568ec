package io.github.sitegen.cli;

import io.github.sitegen.site.PageKind;
import io.github.sitegen.site.SiteOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options describing a site, shared by {@code build} and {@code serve}. */
final class SiteArguments {

  @Option(
      names = "--archive",
      required = true,
      paramLabel = "<dir>",
      description = "The Markdown archive folder.")
  Path archive;

  @Option(
      names = "--title",
      defaultValue = "Archive",
      converter = Converters.Title.class,
      description = "Site title (default: ${DEFAULT-VALUE}).")
  String title;

  @Option(
      names = "--base-url",
      paramLabel = "<url>",
      converter = Converters.BaseUrl.class,
      description =
          "Absolute URL the site is published at, used by the feed and sitemap (default:"
              + " none).")
  @Nullable URI baseUrl;

  @Option(
      names = "--locale",
      defaultValue = "en",
      paramLabel = "<tag>",
      converter = Converters.Language.class,
      description =
          "Language of labels and dates, a BCP 47 tag such as fr-FR (default:"
              + " ${DEFAULT-VALUE}).")
  Locale locale;

  @Option(
      names = "--time-zone",
      defaultValue = "UTC",
      paramLabel = "<zone>",
      converter = Converters.Zone.class,
      description = "Zone dates are shown in, e.g. Europe/Paris (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(
      names = "--page-size",
      defaultValue = "20",
      paramLabel = "<n>",
      converter = Converters.PageSize.class,
      description = "Articles per page on paginated lists, at least 1 (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(
      names = "--theme",
      paramLabel = "<dir>",
      description = "Folder whose files override the default theme's by name (default: none).")
  @Nullable Path theme;

  @Option(
      names = "--disable-kinds",
      defaultValue = "",
      paramLabel = "<kinds>",
      converter = Converters.Kinds.class,
      description =
          "Optional outputs not to make, comma-separated, among reader, search, feeds, authors,"
              + " sitemap (default: none; all are made).")
  Set<PageKind> disabled;

  @Option(
      names = "--cache",
      paramLabel = "<dir>",
      description =
          "Folder for site-gen's caches, e.g. target/site-gen-cache: an index of the archive's"
              + " front matter and what the last build made, so that only changed files are read"
              + " and only changed pages rendered (default: none).")
  @Nullable Path cache;

  SiteOptions toOptions(Path out) {
    return new SiteOptions(
        archive, out, title, baseUrl, locale, zone, pageSize, theme, disabled, cache);
  }
}
