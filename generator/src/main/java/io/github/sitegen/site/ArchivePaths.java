package io.github.sitegen.site;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Paths of archive files relative to the archive folder, wherever the project is. */
final class ArchivePaths {
  private ArchivePaths() {}

  /**
   * {@code file}'s path inside {@code root}, {@code /}-separated ({@code 2026/05/title.md}); null
   * when it lies outside. {@code root} must be absolute and normal; {@code file} may be relative or
   * hold {@code ..}.
   */
  static @Nullable String inside(Path root, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString().replace('\\', '/') : null;
  }
}
