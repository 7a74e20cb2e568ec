package io.github.sitegen.maven;

import static java.util.Objects.requireNonNullElse;

import io.github.sitegen.site.OptionValues;
import io.github.sitegen.site.SiteOptions;
import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/** Parameters of the goals that render the site ({@code generate}, {@code serve}). */
public abstract class AbstractSiteMojo extends AbstractSiteGenMojo {

  /** Folder the site is written to. */
  @Parameter(property = "sitegen.outputDirectory", defaultValue = "${project.build.directory}/site")
  protected File outputDirectory;

  /** Site title. */
  @Parameter(property = "sitegen.title", defaultValue = "${project.name}")
  protected String title;

  /**
   * Absolute http(s) URL the site is published at, such as {@code https://example.org/archive/},
   * used by the Atom feed, the sitemap and canonical links; empty for none. {@code serve} serves
   * the site under its path.
   */
  @Parameter(property = "sitegen.baseUrl")
  protected @Nullable String baseUrl;

  /** Language of labels and dates, an IETF BCP 47 tag such as {@code fr-FR} or {@code en}. */
  @Parameter(property = "sitegen.locale", defaultValue = "en")
  protected String locale;

  /** Articles per page on paginated lists (home, tags); at least 1. */
  @Parameter(property = "sitegen.pageSize", defaultValue = "20")
  protected int pageSize;

  /** Folder whose files override the default theme's by name; used only if it exists. */
  @Parameter(property = "sitegen.themeDirectory", defaultValue = "${project.basedir}/theme")
  protected File themeDirectory;

  /**
   * Optional outputs not to make, comma-separated, among {@code reader} (reading views), {@code
   * search}, {@code feeds} (Atom), {@code authors} (author pages) and {@code sitemap}; empty makes
   * them all.
   */
  @Parameter(property = "sitegen.disableKinds", defaultValue = "")
  protected @Nullable String disableKinds;

  /** The parameters as site options, each checked, failing on the first bad one. */
  SiteOptions siteOptions() throws MojoFailureException {
    return new SiteOptions(
        archiveDirectory.toPath(),
        Parameters.writableDirectory("outputDirectory", outputDirectory),
        Parameters.parse("title", requireNonNullElse(title, ""), OptionValues::title),
        Parameters.parse("baseUrl", requireNonNullElse(baseUrl, ""), OptionValues::baseUrl),
        Parameters.parse("locale", locale, OptionValues::locale),
        Parameters.parse("timeZone", timeZone, OptionValues::zone),
        Parameters.parse("pageSize", Integer.toString(pageSize), OptionValues::pageSize),
        themeDirectory.isDirectory() ? themeDirectory.toPath() : null,
        Parameters.parse(
            "disableKinds", requireNonNullElse(disableKinds, ""), OptionValues::disabledKinds),
        cacheDirectory.toPath());
  }
}
