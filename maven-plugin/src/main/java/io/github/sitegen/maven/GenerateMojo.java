package io.github.sitegen.maven;

import io.github.sitegen.SiteGenException;
import io.github.sitegen.site.SiteGenerator;
import io.github.sitegen.site.SiteOptions;
import io.github.sitegen.site.SiteReport;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders the Markdown archive into a static site: article pages, paginated home, date and tag
 * indexes, Atom feed, sitemap. Every link between pages is relative, so the site works from any
 * sub-path and from a local folder.
 */
@Mojo(name = "generate", threadSafe = true)
public class GenerateMojo extends AbstractSiteMojo {

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping site-gen:generate (sitegen.skip)");
      return;
    }
    SiteOptions options = siteOptions();
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
