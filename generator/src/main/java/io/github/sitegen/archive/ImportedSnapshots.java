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

  /** The recorded hashes; none when the file is missing. */
  static Set<String> read(Path archive) throws IOException {
    Path file = archive.resolve(FILE);
    Set<String> hashes = new HashSet<>();
    if (Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String hash = line.strip();
        if (SnapshotHashes.isHex(hash, 64)) {
          hashes.add(hash);
        }
      }
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
