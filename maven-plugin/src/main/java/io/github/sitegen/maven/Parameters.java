package io.github.sitegen.maven;

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
}
