package io.github.sitegen.maven;

import static java.util.Objects.requireNonNullElse;

import io.github.sitegen.SiteGenException;
import io.github.sitegen.site.OptionValues;
import io.github.sitegen.site.SiteGenerator;
import io.github.sitegen.site.SiteOptions;
import io.github.sitegen.site.SiteReport;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * Renders the Markdown archive into a static site: article pages, paginated home, date and tag
 * indexes, Atom feed, sitemap. Every link between pages is relative, so the site works from any
 * sub-path and from a local folder.
 */
@Mojo(name = "generate", threadSafe = true)
public class GenerateMojo extends AbstractSiteGenMojo {

  /** Folder the site is written to. */
  @Parameter(property = "sitegen.outputDirectory", defaultValue = "${project.build.directory}/site")
  private File outputDirectory;

  /** Site title. */
  @Parameter(property = "sitegen.title", defaultValue = "${project.name}")
  private String title;

  /**
   * Absolute http(s) URL the site is published at, such as {@code https://example.org/archive/},
   * used by the Atom feed, the sitemap and canonical links; empty for none.
   */
  @Parameter(property = "sitegen.baseUrl")
  private @Nullable String baseUrl;

  /** Language of labels and dates, an IETF BCP 47 tag such as {@code fr-FR} or {@code en}. */
  @Parameter(property = "sitegen.locale", defaultValue = "en")
  private String locale;

  /** Articles per page on paginated lists (home, tags); at least 1. */
  @Parameter(property = "sitegen.pageSize", defaultValue = "20")
  private int pageSize;

  /** Folder whose files override the default theme's by name; used only if it exists. */
  @Parameter(property = "sitegen.themeDirectory", defaultValue = "${project.basedir}/theme")
  private File themeDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping site-gen:generate (sitegen.skip)");
      return;
    }
    var options =
        new SiteOptions(
            archiveDirectory.toPath(),
            outputDirectory.toPath(),
            title,
            Parameters.parse("baseUrl", requireNonNullElse(baseUrl, ""), OptionValues::baseUrl),
            Parameters.parse("locale", locale, OptionValues::locale),
            Parameters.parse("timeZone", timeZone, OptionValues::zone),
            Parameters.parse("pageSize", Integer.toString(pageSize), OptionValues::pageSize),
            themeDirectory.isDirectory() ? themeDirectory.toPath() : null);
    try {
      SiteReport report = new SiteGenerator(options, new MavenReporter(getLog())).generate();
      getLog().info(report.summary());
    } catch (SiteGenException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the site to " + outputDirectory + ": " + e, e);
    }
  }
}
