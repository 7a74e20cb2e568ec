package io.github.sitegen.archive;

import io.github.sitegen.internal.AtomicWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The SHA-256 of each snapshot file, remembered in the cache folder ({@code snapshot-hashes.txt})
 * by path, size and modification time: an import tells the snapshots it already absorbed by their
 * hash, and a folder of a thousand snapshots is hundreds of megabytes to hash on every run. A file
 * modified less than {@link ArchiveIndex#RACY_SECONDS} before the run is hashed and not remembered (its time may not
 * change when it is written again within the clock's tick). A cache that cannot be read is ignored.
 */
final class SnapshotHashes {
  /** The file's name; the launcher script looks for it too (a warm cache: few files to hash). */
  static final String FILE = "snapshot-hashes.txt";
  private static final String HEADER = "site-gen snapshot hashes 1";

  private record Known(long size, long modified, String hash) {}

  private SnapshotHashes() {}

  /**
   * The hash of every file, taken from {@code cache} (a folder, or null for none) when the file's
   * size and time are those it was hashed at; the cache is brought up to date.
   */
  static Map<Path, String> of(List<Path> files, @Nullable Path cache) throws IOException {
    Map<String, Known> known = cache == null ? Map.of() : load(cache.resolve(FILE));
    Map<Path, String> hashes = new ConcurrentHashMap<>();
    Map<String, Known> next = new ConcurrentHashMap<>();
    long now = System.currentTimeMillis();
    try {
      files.parallelStream()
          .forEach(
              f -> {
                try {
                  BasicFileAttributes attributes =
                      Files.readAttributes(f, BasicFileAttributes.class);
                  long modified = attributes.lastModifiedTime().toMillis();
                  String key = f.toAbsolutePath().normalize().toString();
                  Known k = known.get(key);
                  String hash =
                      k != null && k.size() == attributes.size() && k.modified() == modified
                          ? k.hash()
                          : ImportedSnapshots.hash(f);
                  hashes.put(f, hash);
                  if (now - modified >= ArchiveIndex.RACY_SECONDS * 1000L && modified <= now) {
                    next.put(key, new Known(attributes.size(), modified, hash));
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (cache != null && !next.equals(known)) {
      save(cache.resolve(FILE), next);
    }
    return hashes;
  }

  private static Map<String, Known> load(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        return Map.of();
      }
      Map<String, Known> known = new java.util.HashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        // <sha-256> <size> <time ms> <absolute path, which may hold spaces>
        String[] parts = line.split(" ", 4);
        if (parts.length != 4 || !parts[0].matches("[0-9a-f]{64}")) {
          return Map.of();
        }
        known.put(
            parts[3], new Known(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[0]));
      }
      return known;
    } catch (IOException | RuntimeException e) {
      return Map.of(); // missing or damaged: hash everything again
    }
  }

  private static void save(Path file, Map<String, Known> known) throws IOException {
    var text = new StringBuilder(HEADER).append('\n');
    new TreeMap<>(known)
        .forEach(
            (path, k) -> {
              if (path.indexOf('\n') < 0 && path.indexOf('\r') < 0) {
                text.append(k.hash())
                    .append(' ')
                    .append(k.size())
                    .append(' ')
                    .append(k.modified())
                    .append(' ')
                    .append(path)
                    .append('\n');
              }
            });
    Files.createDirectories(file.getParent());
    AtomicWrites.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
