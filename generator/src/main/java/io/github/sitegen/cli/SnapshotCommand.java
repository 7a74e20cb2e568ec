package io.github.sitegen.cli;

import io.github.sitegen.snapshot.FeedSource;
import io.github.sitegen.snapshot.FetchOptions;
import io.github.sitegen.snapshot.Secret;
import io.github.sitegen.snapshot.SnapshotFetcher;
import io.github.sitegen.snapshot.SnapshotReport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code site-gen snapshot}: saves the current state of a feed into the snapshots folder. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description =
        "Fetches a feed and saves it as <name>-<UTC time>.xml in the snapshots folder, unless it"
            + " did not change.")
final class SnapshotCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--url",
      required = true,
      paramLabel = "<url>",
      converter = Converters.FeedUrl.class,
      description = "The feed's http(s) or file URL.")
  private URI url;

  @Option(
      names = "--name",
      required = true,
      paramLabel = "<name>",
      description = "The feed's name, the start of its snapshot file names, e.g. next.")
  private String name;

  @Option(
      names = "--snapshots",
      required = true,
      paramLabel = "<dir>",
      description = "Folder the snapshots are saved to; created when missing.")
  private Path snapshots;

  @Option(
      names = "--secret-env",
      paramLabel = "<variable>",
      description =
          "Environment variable holding a secret to send with the request, as --secret-header"
              + " or --secret-parameter; never printed.")
  private @Nullable String secretEnv;

  @Option(
      names = "--secret-header",
      paramLabel = "<name>",
      description = "Send the secret as this request header, e.g. X-RSS-Key.")
  private @Nullable String secretHeader;

  @Option(
      names = "--secret-parameter",
      paramLabel = "<name>",
      description = "Send the secret as this query parameter, e.g. rsskey.")
  private @Nullable String secretParameter;

  @Option(
      names = "--timeout",
      defaultValue = "60",
      paramLabel = "<seconds>",
      description = "Seconds to wait for a response (default: ${DEFAULT-VALUE}).")
  private int timeoutSeconds;

  @Option(
      names = "--retries",
      defaultValue = "3",
      paramLabel = "<n>",
      description = "Further attempts after a 429, 5xx or timeout (default: ${DEFAULT-VALUE}).")
  private int retries;

  @Option(
      names = "--max-size",
      defaultValue = "20971520",
      paramLabel = "<bytes>",
      description = "Largest feed accepted, in bytes (default: ${DEFAULT-VALUE}).")
  private long maxBytes;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also print retries and what was saved.")
  private boolean verbose;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    FeedSource feed;
    FetchOptions options;
    try {
      feed = new FeedSource(name, url, secret());
      options =
          FetchOptions.defaults(snapshots)
              .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(timeoutSeconds))
              .withLimits(5, retries, maxBytes);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try {
      SnapshotReport report =
          new SnapshotFetcher(options, new ConsoleReporter(err, verbose)).fetchAll(List.of(feed));
      spec.commandLine().getOut().println(report.summary());
      return report.failures().isEmpty() ? 0 : 1;
    } catch (IOException e) {
      err.println("cannot save snapshots into " + snapshots + ": " + e.getMessage());
      return 1;
    }
  }

  private @Nullable Secret secret() {
    if (secretEnv == null) {
      if (secretHeader != null || secretParameter != null) {
        throw new IllegalArgumentException(
            "--secret-header and --secret-parameter need --secret-env");
      }
      return null;
    }
    String value = System.getenv(secretEnv);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "--secret-env: environment variable " + secretEnv + " is not set");
    }
    if ((secretHeader == null) == (secretParameter == null)) {
      throw new IllegalArgumentException(
          "--secret-env needs exactly one of --secret-header and --secret-parameter");
    }
    return secretHeader != null
        ? new Secret(Secret.Kind.HEADER, secretHeader, value.strip())
        : new Secret(Secret.Kind.QUERY_PARAMETER, secretParameter, value.strip());
  }
}
