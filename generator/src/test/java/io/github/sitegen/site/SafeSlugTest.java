package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The planner's check of an archive slug is exactly the pattern it replaced. */
class SafeSlugTest {
  static List<String> slugs() {
    return List.of(
        "", "a", "0", "-a", "a-", "le-pape-peut-il", "Le-pape", "été", "a b", "a/b", "a_b", "..",
        "a\n", "z9-", "x".repeat(120), "x".repeat(121), "9".repeat(119) + "-");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("slugs")
  void matchesThePattern(String slug) {
    assertThat(SitePlanner.isSafeSlug(slug)).isEqualTo(slug.matches("[a-z0-9][a-z0-9-]{0,119}"));
  }
}
