package io.github.sitegen.maven;

import io.github.sitegen.site.OptionValues;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.maven.plugin.MojoFailureException;

/** Parses a textual goal parameter, naming the parameter when its value is bad. */
final class Parameters {
  private Parameters() {}

  /**
   * Applies one of {@link io.github.sitegen.site.OptionValues}' parsers.
   *
   * @throws MojoFailureException {@code parameter 'pageSize' (sitegen.pageSize): expected ...,
   *     found 0}
   */
  static <T> T parse(String name, String value, Function<String, T> parser)
      throws MojoFailureException {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(
          "parameter '" + name + "' (sitegen." + name + "): " + e.getMessage(), e);
    }
  }

  /**
   * Checks that a folder parameter can be written (it may not exist yet).
   *
   * @throws MojoFailureException {@code parameter 'outputDirectory' (sitegen.outputDirectory):
   *     expected a writable folder, found "..."}
   */
  static Path writableDirectory(String name, File folder) throws MojoFailureException {
    try {
      return OptionValues.writableDirectory(folder.toPath());
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(
          "parameter '" + name + "' (sitegen." + name + "): " + e.getMessage(), e);
    }
  }

  /**
   * Checks a whole-number parameter against its minimum.
   *
   * @throws MojoFailureException {@code parameter 'maxRetries' (sitegen.maxRetries): expected a
   *     number of at least 0, found -1}
   */
  static void atLeast(String name, long value, long min) throws MojoFailureException {
    if (value < min) {
      throw new MojoFailureException(
          "parameter '"
              + name
              + "' (sitegen."
              + name
              + "): expected a number of at least "
              + min
              + ", found "
              + value);
    }
  }
}
