package io.github.sitegen.cli;

import io.github.sitegen.SiteGenException;
import io.github.sitegen.site.SiteGenerator;
import io.github.sitegen.site.SiteOptions;
import io.github.sitegen.site.SiteReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code site-gen build}: renders the Markdown archive into a static site. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Renders the Markdown archive into a static site.")
final class BuildCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--archive",
      required = true,
      paramLabel = "<dir>",
      description = "The Markdown archive folder.")
  private Path archive;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "<dir>",
      description = "Folder the site is written to.")
  private Path out;

  @Option(
      names = "--title",
      defaultValue = "Archive",
      description = "Site title (default: ${DEFAULT-VALUE}).")
  private String title;

  @Option(
      names = "--base-url",
      paramLabel = "<url>",
      converter = Converters.BaseUrl.class,
      description =
          "Absolute URL the site is published at, used by the feed and sitemap (default:"
              + " none).")
  private @Nullable URI baseUrl;

  @Option(
      names = "--locale",
      defaultValue = "en",
      paramLabel = "<tag>",
      converter = Converters.Language.class,
      description =
          "Language of labels and dates, a BCP 47 tag such as fr-FR (default:"
              + " ${DEFAULT-VALUE}).")
  private Locale locale;

  @Option(
      names = "--time-zone",
      defaultValue = "UTC",
      paramLabel = "<zone>",
      converter = Converters.Zone.class,
      description = "Zone dates are shown in, e.g. Europe/Paris (default: ${DEFAULT-VALUE}).")
  private ZoneId zone;

  @Option(
      names = "--page-size",
      defaultValue = "20",
      paramLabel = "<n>",
      converter = Converters.PageSize.class,
      description = "Articles per page on paginated lists, at least 1 (default: ${DEFAULT-VALUE}).")
  private int pageSize;

  @Option(
      names = "--theme",
      paramLabel = "<dir>",
      description = "Folder whose files override the default theme's by name (default: none).")
  private @Nullable Path theme;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    var options = new SiteOptions(archive, out, title, baseUrl, locale, zone, pageSize, theme);
    try {
      SiteReport report = new SiteGenerator(options, new ConsoleReporter(err)).generate();
      spec.commandLine().getOut().println(report.summary());
      return 0;
    } catch (SiteGenException e) {
      err.println(e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("cannot build " + out + " from " + archive + ": " + e);
      return 1;
    }
  }
}
