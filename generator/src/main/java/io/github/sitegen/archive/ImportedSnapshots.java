package io.github.sitegen.archive;

import io.github.sitegen.internal.AtomicWrites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The snapshots an archive has absorbed, so that an import reads only new ones: the SHA-256 of each
 * imported snapshot file's bytes, one per line, sorted, in {@code <archive>/.site-gen-imported}.
 *
 * <p>Skipping them keeps the merge's result: the archived file of every article stands for the
 * versions merged in earlier runs (the order-free merge gives the same bytes run by run as in one
 * run). A snapshot that had an error is not recorded, so it is read (and reported) again. Delete
 * the file to make the next import read every snapshot. It is written last, after the articles,
 * so an import killed halfway reads its snapshots again next time.
 */
final class ImportedSnapshots {
  static final String FILE = ".site-gen-imported";

  private ImportedSnapshots() {}

  /**
   * The recorded hashes; none when the file is missing. A line that is not a hash (a merge's
   * conflict markers, a damaged byte: the file is committed with the archive) is dropped, and its
   * snapshot read again, rather than stopping every import; read as ISO-8859-1, which decodes any
   * bytes, since a hash is ASCII.
   */
  static Set<String> read(Path archive) throws IOException {
    Path file = archive.resolve(FILE);
    Set<String> hashes = new HashSet<>();
    if (Files.isRegularFile(file)) {
      new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
          .lines()
          .map(String::strip)
          .filter(hash -> SnapshotHashes.isHex(hash, 64))
          .forEach(hashes::add);
    }
    return hashes;
  }

  /** Records {@code hashes}, sorted, writing only when the file's bytes change. */
  static void write(Path archive, Set<String> hashes) throws IOException {
    Path file = archive.resolve(FILE);
    StringBuilder text = new StringBuilder();
    new TreeSet<>(hashes).forEach(h -> text.append(h).append('\n'));
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
      return;
    }
    AtomicWrites.replace(file, bytes);
  }
}
