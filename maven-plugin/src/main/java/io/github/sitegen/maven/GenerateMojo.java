package io.github.sitegen.maven;

import io.github.sitegen.SiteGenException;
import io.github.sitegen.archive.ArchiveIndex;
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
public class GenerateMojo extends AbstractSiteMojo {

  /**
   * The feed snapshots folder, as for {@code import}: when it exists, the output folder may not be
   * it or lie inside it (the site's own feeds would be imported as snapshots).
   */
  @Parameter(property = "sitegen.snapshotsDirectory", defaultValue = "${project.basedir}/snapshots")
  private File snapshotsDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping site-gen:generate (sitegen.skip)");
      return;
    }
    SiteOptions options = siteOptions();
    try {
      if (snapshotsDirectory.isDirectory()) {
        SiteGenerator.refuseSiteInSnapshots(options.output(), snapshotsDirectory.toPath());
      }
      var generator = new SiteGenerator(options, new MavenReporter(getLog()));
      // after site-gen:import in the same build: the archive as it left it, not read again
      ArchiveIndex.@Nullable Contents imported = ArchiveHandoff.take(getPluginContext(), options);
      if (imported != null) {
        getLog().debug("the archive as site-gen:import left it: not read again");
      }
      SiteReport report = imported != null ? generator.generate(imported) : generator.generate();
      getLog().info(report.summary());
    } catch (SiteGenException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write the site to " + outputDirectory + ": " + e, e);
    }
  }
}
