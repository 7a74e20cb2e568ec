package io.github.sitegen.serve;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpServer;
import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import io.github.sitegen.archive.ArchiveImporter;
import io.github.sitegen.archive.ArchiveIndex;
import io.github.sitegen.archive.ImportOptions;
import io.github.sitegen.site.SiteGenerator;
import io.github.sitegen.site.SiteOptions;
import io.github.sitegen.site.SiteReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A local preview of a site: builds it, serves it over HTTP under its base URL's path, rebuilds
 * whenever the archive, the snapshots or the theme change, and makes open pages reload. A build
 * that fails shows its {@code file:line: message} in every page and in the log; the next good save
 * recovers. The files written are exactly those of a normal build: the reload script is added only
 * to the HTML the server sends.
 *
 * <pre>{@code
 * try (var server = PreviewServer.start(PreviewOptions.local(site, null, 8080), reporter, log)) {
 *   log.accept("Serving " + server.uri());
 *   server.awaitClose();
 * }
 * }</pre>
 *
 * <p>Uses a bounded number of threads (one watcher, a fixed pool for requests, at most {@value
 * ReloadEvents#MAX_LISTENERS} open pages listening) and stops them all on {@link #close()}.
 */
public final class PreviewServer implements AutoCloseable {
  private static final int REQUEST_THREADS = ReloadEvents.MAX_LISTENERS + 8;

  private final PreviewOptions options;
  private final Reporter reporter;
  private final Consumer<String> log;
  private final HttpServer http;
  private final ExecutorService requests;
  private final ReloadEvents events = new ReloadEvents();
  private final TreeWatcher watcher;
  private final Thread watchThread;
  private final String basePath;
  private final AtomicInteger builds = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile @Nullable String buildError;
  /** What each build keeps for the next (the plan of the site). */
  private final SiteGenerator.Memory memory = new SiteGenerator.Memory();

  private PreviewServer(PreviewOptions options, Reporter reporter, Consumer<String> log)
      throws IOException {
    this.options = options;
    this.reporter = reporter;
    this.log = log;
    SiteOptions site = options.site();
    // (before the first import: each build would refuse them, after it)
    SiteGenerator.refuseBadFolders(site.output(), site.archive(), site.cache());
    if (options.imports() != null) {
      // (else each build would be seen in the watched snapshots, and start the next one)
      SiteGenerator.refuseSiteInSnapshots(site.output(), options.imports().snapshots());
    }
    this.basePath = basePath(site.baseUrl());
    Files.createDirectories(site.archive());
    List<Path> roots = new ArrayList<>(List.of(site.archive()));
    if (options.imports() != null) {
      roots.add(options.imports().snapshots());
    }
    if (site.theme() != null) {
      roots.add(site.theme());
    }
    this.watcher = new TreeWatcher(roots, options.debounce());
    this.requests = Executors.newFixedThreadPool(REQUEST_THREADS, daemon("site-gen-http"));
    try {
      this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 0);
    } catch (IOException e) {
      requests.shutdownNow();
      watcher.close();
      throw new IOException(
          "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
    }
    http.setExecutor(requests);
    http.createContext("/", new SiteHandler(site.output(), basePath, () -> buildError));
    http.createContext(SiteHandler.EVENTS_PATH, events);
    this.watchThread = daemon("site-gen-watch").newThread(this::watch);
  }

  /**
   * Builds the site (importing the snapshots first when configured), then starts serving and
   * watching. A failed build does not stop the server: its error is what the pages show.
   *
   * @param reporter receives the problems of each import and build
   * @param log receives the lines a user must see: each rebuild's summary or error
   * @throws IOException when the port cannot be listened on or the folders cannot be watched
   * @throws SiteGenException when the folders are ones a build would refuse ({@link
   *     SiteGenerator#refuseBadFolders}, {@link SiteGenerator#refuseSiteInSnapshots})
   */
  public static PreviewServer start(PreviewOptions options, Reporter reporter, Consumer<String> log)
      throws IOException {
    var server =
        new PreviewServer(
            requireNonNull(options, "options"),
            requireNonNull(reporter, "reporter"),
            requireNonNull(log, "log"));
    server.build(true);
    server.http.start();
    server.watchThread.start();
    return server;
  }

  /** The site's address, such as {@code http://127.0.0.1:8080/site-gen/}. */
  public URI uri() {
    return URI.create("http://" + options.host() + ":" + http.getAddress().getPort() + basePath);
  }

  /** Waits until {@link #close()} has been called (by a shutdown hook, say). */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops watching and serving, ends the event streams and every thread; idempotent. */
  @Override
  public void close() {
    if (closed.getCount() == 0) {
      return;
    }
    closed.countDown();
    try {
      watcher.close();
    } catch (IOException e) {
      log.accept("cannot stop watching files: " + e.getMessage());
    }
    events.close();
    http.stop(0);
    requests.shutdownNow();
    try {
      watchThread.join(TimeUnit.SECONDS.toMillis(30));
      requests.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void watch() {
    Path snapshots = options.imports() == null ? null : options.imports().snapshots();
    try {
      while (true) {
        Optional<Set<Path>> changed = watcher.next();
        if (changed.isEmpty()) {
          return;
        }
        boolean importFirst =
            snapshots != null && changed.get().contains(snapshots.toAbsolutePath().normalize());
        build(importFirst);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      log.accept("site-gen serve: stopped watching files: " + e);
    }
  }

  /**
   * One import (when asked and configured) and build; never throws. Open pages are told to reload
   * when the site changed, or an error is shown or was shown: a rebuild that leaves every file as it
   * was (the one an import's own writes to the archive start, or a save without a change) would
   * only make them flash and lose their scroll position.
   */
  private void build(boolean importFirst) {
    int id = builds.incrementAndGet();
    boolean errorShown = buildError != null;
    boolean changed = true;
    try {
      ImportOptions imports = options.imports();
      ArchiveIndex.@Nullable Contents imported = null;
      if (importFirst && imports != null && Files.isDirectory(imports.snapshots())) {
        var importer = new ArchiveImporter(imports, reporter);
        log.accept(importer.run().summary());
        imported = importer.contents(); // the archive as the import left it: not read again
      }
      var generator = new SiteGenerator(options.site(), reporter, memory);
      SiteReport report = imported == null ? generator.generate() : generator.generate(imported);
      buildError = null;
      log.accept(report.summary());
      changed = errorShown || report.pagesWritten() > 0 || report.filesRemoved() > 0;
    } catch (SiteGenException e) {
      fail(e.getMessage());
    } catch (IOException | UncheckedIOException e) {
      fail("cannot build the site: " + e.getMessage());
    } catch (RuntimeException e) {
      fail("the build failed: " + e);
    }
    if (changed) {
      events.reload(id);
    }
  }

  private void fail(String message) {
    buildError = message;
    log.accept(message);
  }

  /** The path part of the base URL, {@code /} without one; always ends with {@code /}. */
  static String basePath(@Nullable URI baseUrl) {
    String path = baseUrl == null ? null : baseUrl.getRawPath();
    if (path == null || path.isEmpty()) {
      return "/";
    }
    return path.endsWith("/") ? path : path + "/";
  }

  private static ThreadFactory daemon(String name) {
    var count = new AtomicInteger();
    return runnable -> {
      var thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
