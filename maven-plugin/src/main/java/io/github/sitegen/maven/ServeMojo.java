package io.github.sitegen.maven;

import io.github.sitegen.SiteGenException;
import io.github.sitegen.archive.ImportOptions;
import io.github.sitegen.images.ImageOptions;
import io.github.sitegen.serve.PreviewOptions;
import io.github.sitegen.serve.PreviewServer;
import io.github.sitegen.site.OptionValues;
import io.github.sitegen.site.SiteOptions;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Local preview: imports the snapshots, builds the site and serves it on {@code
 * http://127.0.0.1:<port>/<base path>/}; every change to the archive, the snapshots or the theme
 * rebuilds it and reloads the open pages. A build error shows in the page and the log; the next
 * good save recovers. Ctrl-C stops it.
 */
@Mojo(name = "serve", threadSafe = true, requiresDirectInvocation = true)
public class ServeMojo extends AbstractSiteMojo {

  /** Folder of feed snapshots, imported first and watched; used only if it exists. */
  @Parameter(property = "sitegen.snapshotsDirectory", defaultValue = "${project.basedir}/snapshots")
  private File snapshotsDirectory;

  /**
   * Whether importing the snapshots also downloads the articles' images into the archive, as
   * {@code import} does with the same parameter. Off by default: the preview makes no request.
   */
  @Parameter(property = "sitegen.archiveImages", defaultValue = "false")
  private boolean archiveImages;

  /** Whether {@code archiveImages} may fetch from loopback, private or link-local addresses. */
  @Parameter(property = "sitegen.allowPrivateImageHosts", defaultValue = "false")
  private boolean allowPrivateImageHosts;

  /**
   * The largest snapshot file imported, in bytes (64 MiB by default); a larger one is logged as an
   * error and left out, rather than read whole into memory.
   */
  @Parameter(
      property = "sitegen.maxSnapshotBytes",
      defaultValue = "" + ImportOptions.DEFAULT_MAX_SNAPSHOT_BYTES)
  private long maxSnapshotBytes;

  /** Port to listen on; 0 picks any free port. */
  @Parameter(property = "sitegen.port", defaultValue = "8080")
  private int port;

  /** Address to listen on; the default keeps the preview on this machine. */
  @Parameter(property = "sitegen.host", defaultValue = "127.0.0.1")
  private String host;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping site-gen:serve (sitegen.skip)");
      return;
    }
    SiteOptions site = siteOptions();
    Parameters.parse("port", Integer.toString(port), OptionValues::port);
    Parameters.writableDirectory("archiveDirectory", archiveDirectory);
    Parameters.atLeast("maxSnapshotBytes", maxSnapshotBytes, 1);
    ImportOptions imports =
        snapshotsDirectory.isDirectory()
            ? new ImportOptions(snapshotsDirectory.toPath(), site.archive(), site.zone())
                .withImages(
                    archiveImages, ImageOptions.defaults().withPrivateHosts(allowPrivateImageHosts))
                .withCache(site.cache())
                .withMaxSnapshotBytes(maxSnapshotBytes)
            : null;
    var options = new PreviewOptions(site, imports, host, port, Duration.ofMillis(200));
    PreviewServer server;
    try {
      server = PreviewServer.start(options, new MavenReporter(getLog()), getLog()::info);
    } catch (SiteGenException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "site-gen-serve-shutdown"));
    getLog().info("Serving " + server.uri() + " (Ctrl-C to stop)");
    try {
      server.awaitClose();
    } catch (InterruptedException e) {
      server.close();
      Thread.currentThread().interrupt();
    }
  }
}
