package io.github.sitegen.archive;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.ContentCheck;
import io.github.sitegen.internal.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
   * A snapshot file as the folder's listing met it: its path (under the folder as given), its path
   * in the folder ({@code /}-separated) and its size and time, from the listing's own look at it.
   */
  record Listed(Path path, String name, long size, long modified) {
    /** A file of the folder {@code root}, looked at now (following links). */
    static Listed of(Path root, Path file) throws IOException {
      return of(root, file, Files.readAttributes(file, BasicFileAttributes.class));
    }

    /** A file of the folder {@code root}, with what a look at it gave. */
    static Listed of(Path root, Path file, BasicFileAttributes attributes) {
      return new Listed(
          file,
          ArchiveIndex.relativePath(root, file),
          attributes.size(),
          attributes.lastModifiedTime().toMillis());
    }
  }

  /**
   * The snapshot files under {@code root} (names ending in {@code .xml}, {@code .rss} or {@code
   * .atom}, any case; links to files followed, not links to folders), sorted by path: one look at
   * each entry, which is all {@link #of} needs, the looks of a folder taken in parallel (an hourly
   * job's folder grows by a file an hour, and each look is a system call). A link with a snapshot's
   * name that leads to no file (dangling, looping, or to a folder) is left out with a warning to
   * {@code reporter}: it names a snapshot that would otherwise be missed without a word.
   */
  static List<Listed> list(Path root, Reporter reporter) throws IOException {
    List<Listed> files = new ArrayList<>();
    List<Path> folders = List.of(root);
    try {
      while (!folders.isEmpty()) {
        List<Path> entries = new ArrayList<>();
        for (Path folder : folders) {
          try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(entries::add);
          }
        }
        List<Path> subfolders = Collections.synchronizedList(new ArrayList<>());
        entries.parallelStream()
            .map(entry -> look(root, entry, subfolders, reporter))
            .filter(Objects::nonNull)
            .forEachOrdered(files::add);
        folders = subfolders;
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    files.sort(java.util.Comparator.comparing(Listed::path));
    return files;
  }

  /** The entry as a snapshot file, or null (a folder is added to {@code subfolders}). */
  private static @Nullable Listed look(
      Path root, Path entry, List<Path> subfolders, Reporter reporter) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isDirectory()) {
        subfolders.add(entry);
        return null;
      }
      if (!isSnapshotName(entry.getFileName().toString())) {
        return null;
      }
      if (attributes.isRegularFile()) {
        return Listed.of(root, entry, attributes);
      }
      if (!attributes.isSymbolicLink()) {
        return null; // (a device, a pipe: nothing a snapshot job writes)
      }
      if (Files.isRegularFile(entry)) {
        return Listed.of(root, entry);
      }
      reporter.problem(
          Problem.warning(
              entry.toString(),
              0,
              Files.isDirectory(entry)
                  ? "skipped: a link to a folder, and links to folders are not followed"
                  : "skipped: a link that leads to no file (its target is missing, or links"
                      + " loop)"));
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code *.xml}, {@code *.rss} or {@code *.atom} in any case, on one line. */
  static boolean isSnapshotName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (!(lower.endsWith(".xml") || lower.endsWith(".rss") || lower.endsWith(".atom"))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false; // (as the pattern .*[.](xml|rss|atom)$ that named them before)
      }
    }
    return true;
  }

  /**
   * The hash of every file of the snapshots folder {@code root} ({@link #list}), taken from {@code
   * cache} (a folder, or null for none) when the file's size and time are those it was hashed at,
   * or its bytes' check is; the cache is brought up to date. Only files to check or hash are
   * read, in parallel.
   */
  static Map<Path, String> of(Path root, List<Listed> files, @Nullable Path cache)
      throws IOException {
    Path folder = root.toAbsolutePath().normalize();
    Loaded loaded = cache == null ? Loaded.NONE : load(cache.resolve(FILE));
    Map<String, Known> known = loaded.known();
    // remembered for this folder at another path: checked, never trusted by time alone
    boolean moved = !loaded.root().equals(folder.toString());
    Map<Path, String> hashes = new ConcurrentHashMap<>(2 * files.size());
    Map<String, Known> next = new ConcurrentHashMap<>(2 * files.size());
    long now = System.currentTimeMillis();
    List<Listed> toRead = new ArrayList<>();
    // whether the cache file must change: set by a file not remembered as it was (the others are
    // remembered as the file holds them; then it holds more only if the sizes differ)
    boolean changed = moved;
    for (Listed f : files) {
      Known k = known.get(f.name());
      if (k != null && k.size() == f.size() && k.modified() == f.modified() && !moved) {
        changed |= !remember(f, new Digests(k.hash(), k.check()), now, hashes, next);
      } else {
        toRead.add(f);
      }
    }
    try {
      toRead.parallelStream()
          .forEach(
              f -> {
                try {
                  Known k = known.get(f.name());
                  Digests digests;
                  if (k == null || k.size() != f.size()) {
                    digests = digests(f.path());
                  } else {
                    long check = ContentCheck.of(f.path()); // only the time changed, or the bytes too?
                    digests = check == k.check() ? new Digests(k.hash(), check) : digests(f.path());
                  }
                  remember(f, digests, now, hashes, next);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Listed f : toRead) {
      changed |= !Objects.equals(next.get(f.name()), known.get(f.name()));
    }
    if (cache != null && (changed || next.size() != known.size())) {
      save(cache.resolve(FILE), folder, next);
    }
    return hashes;
  }

  /**
   * The file's hash, remembered for the next run unless its time is too recent to trust; whether
   * it was remembered.
   */
  private static boolean remember(
      Listed f, Digests digests, long now, Map<Path, String> hashes, Map<String, Known> next) {
    hashes.put(f.path(), digests.hash());
    if (now - f.modified() >= ArchiveIndex.RACY_SECONDS * 1000L && f.modified() <= now) {
      next.put(f.name(), new Known(f.size(), f.modified(), digests.check(), digests.hash()));
      return true;
    }
    return false;
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
  static boolean isHex(String s, int length) {
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
