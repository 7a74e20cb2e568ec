package io.github.sitegen.maven;

import io.github.sitegen.snapshot.FeedSource;
import io.github.sitegen.snapshot.FetchOptions;
import io.github.sitegen.snapshot.SnapshotFetcher;
import io.github.sitegen.snapshot.SnapshotReport;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.jspecify.annotations.Nullable;

/**
 * Fetches each configured feed and saves it into the snapshots folder as {@code <name>-<UTC
 * time>.xml}, unless it did not change (304, or the same bytes as its latest snapshot). Conditional
 * GET, gzip, bounded redirects, retries with back-off honouring {@code Retry-After}, a size limit;
 * a secret (subscriber key) comes from an environment variable or settings.xml and is never logged
 * or written. A feed that fails does not stop the others; the goal fails at the end.
 */
@Mojo(name = "snapshot", threadSafe = true)
public class SnapshotMojo extends AbstractMojo {

  /** Skips the goal. */
  @Parameter(property = "sitegen.skip", defaultValue = "false")
  private boolean skip;

  /** Folder the snapshots are saved to, with the fetch state file; created when missing. */
  @Parameter(property = "sitegen.snapshotsDirectory", defaultValue = "${project.basedir}/snapshots")
  private File snapshotsDirectory;

  /** The feeds to fetch; see {@link Feed}. Ignored when {@code url} is given. */
  @Parameter private List<Feed> feeds = new ArrayList<>();

  /** URL of a single feed to fetch instead of {@code feeds}, with {@code name}. */
  @Parameter(property = "sitegen.url")
  private @Nullable String url;

  /** Name of the single feed given by {@code url}. */
  @Parameter(property = "sitegen.name")
  private @Nullable String name;

  /** Request header carrying the single feed's secret, such as {@code X-RSS-Key}. */
  @Parameter(property = "sitegen.headerName")
  private @Nullable String headerName;

  /** Query parameter carrying the single feed's secret, such as {@code rsskey}. */
  @Parameter(property = "sitegen.queryParameter")
  private @Nullable String queryParameter;

  /** Environment variable holding the single feed's secret. */
  @Parameter(property = "sitegen.secretEnv")
  private @Nullable String secretEnv;

  /** Id of the settings.xml {@code <server>} whose password is the single feed's secret. */
  @Parameter(property = "sitegen.serverId")
  private @Nullable String serverId;

  /** Seconds to wait for a connection. */
  @Parameter(property = "sitegen.connectTimeout", defaultValue = "10")
  private int connectTimeout;

  /** Seconds to wait for a whole response. */
  @Parameter(property = "sitegen.readTimeout", defaultValue = "60")
  private int readTimeout;

  /** Further attempts after a 429, a 5xx, a timeout or a broken connection. */
  @Parameter(property = "sitegen.maxRetries", defaultValue = "3")
  private int maxRetries;

  /** Redirects followed before giving up. */
  @Parameter(property = "sitegen.maxRedirects", defaultValue = "5")
  private int maxRedirects;

  /** Largest feed accepted, in bytes, before and after gzip decoding. */
  @Parameter(property = "sitegen.maxBytes", defaultValue = "20971520")
  private long maxBytes;

  @Parameter(defaultValue = "${settings}", readonly = true)
  private @Nullable Settings settings;

  @Component private @Nullable SettingsDecrypter decrypter;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping site-gen:snapshot (sitegen.skip)");
      return;
    }
    Parameters.writableDirectory("snapshotsDirectory", snapshotsDirectory);
    FetchOptions options = fetchOptions();
    List<Feed> configured =
        url != null
            ? List.of(Feed.of(name, url, headerName, queryParameter, secretEnv, serverId))
            : feeds;
    if (configured.isEmpty()) {
      throw new MojoFailureException(
          "parameter 'feeds': expected at least one <feed>, or -Dsitegen.url and -Dsitegen.name");
    }
    var resolver = new FeedSources(settings, decrypter);
    List<FeedSource> sources = new ArrayList<>();
    for (int i = 0; i < configured.size(); i++) {
      sources.add(resolver.source(url != null ? "" : "feeds[" + (i + 1) + "].", configured.get(i)));
    }
    SnapshotReport report;
    try {
      report = new SnapshotFetcher(options, new MavenReporter(getLog())).fetchAll(sources);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot save snapshots into " + snapshotsDirectory + ": " + e.getMessage(), e);
    }
    report.results().forEach(r -> getLog().info(r.summary()));
    getLog().info(report.summary());
    if (!report.failures().isEmpty()) {
      throw new MojoFailureException(
          report.failures().size()
              + " of "
              + sources.size()
              + " feeds could not be fetched: "
              + report.failures().get(0));
    }
  }

  private FetchOptions fetchOptions() throws MojoFailureException {
    Parameters.atLeast("connectTimeout", connectTimeout, 1);
    Parameters.atLeast("readTimeout", readTimeout, 1);
    Parameters.atLeast("maxRetries", maxRetries, 0);
    Parameters.atLeast("maxRedirects", maxRedirects, 0);
    Parameters.atLeast("maxBytes", maxBytes, 1);
    return FetchOptions.defaults(snapshotsDirectory.toPath())
        .withTimeouts(Duration.ofSeconds(connectTimeout), Duration.ofSeconds(readTimeout))
        .withLimits(maxRedirects, maxRetries, maxBytes);
  }
}
