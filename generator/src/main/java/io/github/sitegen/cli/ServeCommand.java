package io.github.sitegen.cli;

import io.github.sitegen.SiteGenException;
import io.github.sitegen.archive.ImportOptions;
import io.github.sitegen.images.ImageOptions;
import io.github.sitegen.serve.PreviewOptions;
import io.github.sitegen.serve.PreviewServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code site-gen serve}: builds the site, serves it on 127.0.0.1 and rebuilds and reloads the open
 * pages on every change, until Ctrl-C.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Previews the site on http://127.0.0.1: rebuilds on every change to the archive, the"
            + " snapshots or the theme, and reloads open pages. Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private SiteArguments site;

  /** (Used with {@code --snapshots}.) */
  @Mixin private SnapshotLimit limit;

  @Option(
      names = "--out",
      defaultValue = "target/site",
      paramLabel = "<dir>",
      description = "Folder the site is written to (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(
      names = "--snapshots",
      paramLabel = "<dir>",
      description =
          "Folder of feed snapshots to import first and watch: a new snapshot is imported and"
              + " the site rebuilt (default: none).")
  private @Nullable Path snapshots;

  @Option(
      names = "--archive-images",
      description =
          "When importing --snapshots, also download the articles' images into the archive (as"
              + " import --archive-images). Off by default.")
  private boolean archiveImages;

  @Option(
      names = "--allow-private-image-hosts",
      description = "Let --archive-images fetch from loopback, private or link-local addresses.")
  private boolean allowPrivateImageHosts;

  @Option(
      names = "--port",
      defaultValue = "8080",
      paramLabel = "<n>",
      converter = Converters.Port.class,
      description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "<address>",
      description = "Address to listen on (default: ${DEFAULT-VALUE}: this machine only).")
  private String host;

  @Override
  public Integer call() throws InterruptedException {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    ImportOptions imports =
        snapshots == null
            ? null
            : new ImportOptions(snapshots, site.archive, site.zone)
                .withImages(
                    archiveImages, ImageOptions.defaults().withPrivateHosts(allowPrivateImageHosts))
                .withCache(site.cache)
                .withMaxSnapshotBytes(limit.bytes);
    var options =
        new PreviewOptions(site.toOptions(this.out), imports, host, port, Duration.ofMillis(200));
    PreviewServer server;
    try {
      server =
          PreviewServer.start(
              options,
              new ConsoleReporter(err),
              line -> {
                synchronized (err) {
                  err.println(line);
                  err.flush();
                }
              });
    } catch (IOException | SiteGenException e) {
      err.println(e.getMessage());
      return 1;
    }
    Thread hook = new Thread(server::close, "site-gen-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("Serving " + server.uri() + " (Ctrl-C to stop)");
    out.flush();
    server.awaitClose();
    return 0;
  }
}
