package io.github.sitegen.archive;

import io.github.sitegen.internal.AtomicWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes files so that a reader (or a crash) sees either the old bytes or the new, never half. */
final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Deletes the temporary files a killed import left behind ({@code .<name><random>.tmp}, of
   * articles and images); only called under the import lock, so no other import is writing them.
   */
  static void deleteLeftovers(Path archive) throws IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(archive)) {
      // .<name>….tmp: an article or an image being written (AtomicWrites' temporary files); the
      // name is checked first so that a big archive costs no second stat per file
      for (Path file :
          walk.filter(p -> p.getFileName().toString().startsWith("."))
              .filter(p -> p.getFileName().toString().endsWith(".tmp"))
              .filter(Files::isRegularFile)
              .toList()) {
        Files.deleteIfExists(file);
      }
    }
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
