package io.github.sitegen.archive;

import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.ContentCheck;
import io.github.sitegen.internal.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
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
 * Files are remembered by their path in the snapshots folder, and the folder's own path with them:
 * in a folder at another path (the project moved or copied with its cache folder, a CI workspace
 * under another name) every remembered file is checked, none trusted by its time.
 */
final class SnapshotHashes {
  /** The file's name; the launcher script looks for it too (a warm cache: few files to hash). */
  static final String FILE = "snapshot-hashes.txt";
  private static final String HEADER = "site-gen snapshot hashes 3";

  private record Known(long size, long modified, long check, String hash) {}

  /** A file's SHA-256 (hex) and {@link ContentCheck}. */
  private record Digests(String hash, long check) {}

  private SnapshotHashes() {}

  /** What the cache file holds: the snapshots folder it was written for, and its files. */
  private record Loaded(String root, Map<String, Known> known) {
    static final Loaded NONE = new Loaded("", Map.of());
  }

  /**
   * The hash of every file of the snapshots folder {@code root}, taken from {@code cache} (a
   * folder, or null for none) when the file's size and time are those it was hashed at, or its
   * bytes' check is; the cache is brought up to date.
   */
  static Map<Path, String> of(Path root, List<Path> files, @Nullable Path cache)
      throws IOException {
    Path folder = root.toAbsolutePath().normalize();
    Loaded loaded = cache == null ? Loaded.NONE : load(cache.resolve(FILE));
    Map<String, Known> known = loaded.known();
    // remembered for this folder at another path: checked, never trusted by time alone
    boolean moved = !loaded.root().equals(folder.toString());
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
                  String key =
                      folder.relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
                  Known k = known.get(key);
                  Digests digests;
                  if (k == null || k.size() != attributes.size()) {
                    digests = digests(f);
                  } else if (k.modified() == modified && !moved) {
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
    if (cache != null && (moved || !next.equals(known))) {
      save(cache.resolve(FILE), folder, next);
    }
    return hashes;
  }

  private static Loaded load(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      // line 2: "root <the snapshots folder's absolute path>"
      if (lines.size() < 2 || !lines.get(0).equals(HEADER) || !lines.get(1).startsWith("root ")) {
        return Loaded.NONE;
      }
      Map<String, Known> known = new java.util.HashMap<>();
      for (String line : lines.subList(2, lines.size())) {
        // <sha-256> <check, 16 hex digits> <size> <time ms> <path in the folder, may hold spaces>
        String[] parts = line.split(" ", 5);
        if (parts.length != 5 || !isHex(parts[0], 64) || !isHex(parts[1], 16)) {
          return Loaded.NONE;
        }
        known.put(
            parts[4],
            new Known(
                Long.parseLong(parts[2]),
                Long.parseLong(parts[3]),
                Long.parseUnsignedLong(parts[1], 16),
                parts[0]));
      }
      return new Loaded(lines.get(1).substring("root ".length()), known);
    } catch (IOException | RuntimeException e) {
      return Loaded.NONE; // missing or damaged: hash everything again
    }
  }

  /** Whether {@code s} is {@code length} lower-case hex digits (a regex per line cost ~30 ms). */
  private static boolean isHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The file's SHA-256 and check, from one read. */
  private static Digests digests(Path file) throws IOException {
    MessageDigest sha256 = Sha256.digest();
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

  private static void save(Path file, Path folder, Map<String, Known> known) throws IOException {
    String root = folder.toString();
    if (root.indexOf('\n') >= 0 || root.indexOf('\r') >= 0) {
      return; // a folder name no line can hold: nothing remembered
    }
    var text = new StringBuilder(HEADER).append('\n').append("root ").append(root).append('\n');
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
