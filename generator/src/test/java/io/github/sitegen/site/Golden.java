package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares whole outputs with {@code src/test/resources/golden/site/}, byte for byte. Run with
 * {@code -Dgolden.update=true} to rewrite them, then review the diff like code.
 */
final class Golden {
  private static final Path ROOT = Path.of("src/test/resources/golden/site");

  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path golden = ROOT.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file %s (create it with -Dgolden.update=true)", golden).exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
