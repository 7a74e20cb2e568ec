package io.github.sitegen.archive;

import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.ContentCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 *
 * <p>A file of the remembered size whose time changed (a {@code git checkout} gives every file a new
 * one, so every run of a CI job sees new times) is read for its {@link ContentCheck}, a CPU cost
 * ~100× below SHA-256's under the launcher's C1-only JIT: the same check keeps the remembered hash.
 */
final class SnapshotHashes {
  /** The file's name; the launcher script looks for it too (a warm cache: few files to hash). */
  static final String FILE = "snapshot-hashes.txt";
  private static final String HEADER = "site-gen snapshot hashes 2";

  private record Known(long size, long modified, long check, String hash) {}

  /** A file's SHA-256 (hex) and {@link ContentCheck}. */
  private record Digests(String hash, long check) {}

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
                  Digests digests;
                  if (k == null || k.size() != attributes.size()) {
                    digests = digests(f);
                  } else if (k.modified() == modified) {
                    digests = new Digests(k.hash(), k.check());
                  } else {
                    long check = ContentCheck.of(f); // only the time changed, or the bytes too?
                    digests = check == k.check() ? new Digests(k.hash(), check) : digests(f);
                  }
                  hashes.put(f, digests.hash());
                  if (now - modified >= ArchiveIndex.RACY_SECONDS * 1000L && modified <= now) {
                    next.put(key, new Known(attributes.size(), modified, digests.check(), digests.hash()));
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
        // <sha-256> <check, 16 hex digits> <size> <time ms> <absolute path, which may hold spaces>
        String[] parts = line.split(" ", 5);
        if (parts.length != 5
            || !parts[0].matches("[0-9a-f]{64}")
            || !parts[1].matches("[0-9a-f]{16}")) {
          return Map.of();
        }
        known.put(
            parts[4],
            new Known(
                Long.parseLong(parts[2]),
                Long.parseLong(parts[3]),
                Long.parseUnsignedLong(parts[1], 16),
                parts[0]));
      }
      return known;
    } catch (IOException | RuntimeException e) {
      return Map.of(); // missing or damaged: hash everything again
    }
  }

  /** The file's SHA-256 and check, from one read. */
  private static Digests digests(Path file) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
    var check = new ContentCheck();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        sha256.update(buffer, 0, n);
        check.update(buffer, 0, n);
      }
    }
    return new Digests(HexFormat.of().formatHex(sha256.digest()), check.value());
  }

  private static void save(Path file, Map<String, Known> known) throws IOException {
    var text = new StringBuilder(HEADER).append('\n');
    new TreeMap<>(known)
        .forEach(
            (path, k) -> {
              if (path.indexOf('\n') < 0 && path.indexOf('\r') < 0) {
                text.append(k.hash())
                    .append(' ')
                    .append(HexFormat.of().toHexDigits(k.check()))
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
