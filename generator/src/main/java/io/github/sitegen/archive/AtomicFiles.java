package io.github.sitegen.archive;

import io.github.sitegen.internal.AtomicWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Writes files so that a reader (or a crash) sees either the old bytes or the new, never half. */
final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Deletes the temporary files a killed import left behind ({@code .<name><random>.tmp}, of
   * articles and images) outside hidden folders, which no import writes into, as {@link
   * ArchiveIndex}'s walk finds them when there is an index; only called under the import lock, so
   * no other import is writing them.
   */
  static void deleteLeftovers(Path archive) throws IOException {
    if (!Files.isDirectory(archive)) {
      return;
    }
    List<Path> leftovers = new ArrayList<>();
    Files.walkFileTree(
        archive,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean hidden = !dir.equals(archive) && dir.getFileName().toString().startsWith(".");
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (isLeftover(file, attrs)) {
              leftovers.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof java.nio.file.NoSuchFileException) {
              return FileVisitResult.CONTINUE; // deleted while walking
            }
            throw e;
          }
        });
    for (Path file : leftovers) {
      Files.deleteIfExists(file);
    }
  }

  /** Whether a file found in the archive is a temporary file of an unfinished atomic write. */
  static boolean isLeftover(Path file, BasicFileAttributes attrs) {
    String name = file.getFileName().toString();
    return name.startsWith(".") && name.endsWith(".tmp") && attrs.isRegularFile();
  }

  /** Writes UTF-8 text to a temporary file beside {@code file}, then moves it into place. */
  static void write(Path file, String text) {
    try {
      AtomicWrites.replace(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
