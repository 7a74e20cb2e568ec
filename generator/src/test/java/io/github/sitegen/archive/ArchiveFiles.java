package io.github.sitegen.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** What import tests compare: the files of a folder. */
final class ArchiveFiles {
  private ArchiveFiles() {}

  /** Every file under {@code root} (articles and bookkeeping, hidden ones too), by relative path. */
  static Map<String, String> all(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    return files;
  }
}
