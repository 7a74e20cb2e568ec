package io.github.sitegen.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folder trees (every sub-folder, including those created later) and hands out changes in
 * debounced batches: {@link #next()} waits for a change, then until the trees have been quiet for
 * the debounce time, and says which roots changed.
 */
final class TreeWatcher implements AutoCloseable {
  private final WatchService service;
  private final List<Path> roots;
  private final Duration debounce;
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();

  TreeWatcher(List<Path> roots, Duration debounce) throws IOException {
    this.service = FileSystems.getDefault().newWatchService();
    this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    this.debounce = debounce;
    try {
      for (Path root : this.roots) {
        registerTree(root);
      }
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
  }

  private void registerTree(Path top) throws IOException {
    if (!Files.isDirectory(top)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(top)) {
      for (Path folder : walk.filter(Files::isDirectory).toList()) {
        folders.put(folder.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), folder);
      }
    }
  }

  /**
   * Waits for the next batch of changes.
   *
   * @return the roots that changed; empty once the watcher is closed
   */
  Optional<Set<Path>> next() throws InterruptedException, IOException {
    Set<Path> changed = new HashSet<>();
    try {
      handle(service.take(), changed);
      WatchKey key;
      while ((key = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        handle(key, changed);
      }
    } catch (ClosedWatchServiceException e) {
      return Optional.empty();
    }
    return Optional.of(changed);
  }

  private void handle(WatchKey key, Set<Path> changed) throws IOException {
    Path folder = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (folder == null) {
        continue;
      }
      if (event.kind() == OVERFLOW) {
        changed.add(rootOf(folder));
        continue;
      }
      Path child = folder.resolve((Path) event.context());
      changed.add(rootOf(folder));
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
        registerTree(child);
      }
    }
    if (!key.reset()) {
      folders.remove(key); // the folder was deleted
    }
  }

  private Path rootOf(Path folder) {
    return roots.stream().filter(folder::startsWith).findFirst().orElse(folder);
  }

  /** Stops watching; a {@link #next()} waiting in another thread returns empty. */
  @Override
  public void close() throws IOException {
    service.close();
  }
}
