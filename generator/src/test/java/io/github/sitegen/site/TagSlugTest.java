package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.archive.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tag slugs: case and accents fold (IA and ia share a page), the {@code +} and {@code #} of names
 * like C++, C# and Canal+ are spelled out (C, C# and C++ do not).
 */
class TagSlugTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          IA                  | ia
          ia                  | ia
          Société numérique   | societe-numerique
          C                   | c
          C#                  | c-sharp
          c#                  | c-sharp
          F#                  | f-sharp
          C++                 | c-plus-plus
          Notepad++           | notepad-plus-plus
          Canal+              | canal-plus
          Apple TV+           | apple-tv-plus
          C/C++               | c-c-plus-plus
          1+1                 | 1-plus-1
          #MeToo              | metoo
          + 33                | 33
          .NET                | net
          A # B               | a-b
          """)
  void slugs(String tag, String slug) {
    assertThat(SitePlanner.tagSlug(tag)).isEqualTo(slug);
  }

  @Test
  void aTagOfSymbolsOnlyGetsAHash() {
    assertThat(SitePlanner.tagSlug("++")).matches("tag-[0-9a-f]{8}");
    assertThat(SitePlanner.tagSlug("##")).matches("tag-[0-9a-f]{8}").isNotEqualTo(SitePlanner.tagSlug("++"));
  }

  @Test
  void cCSharpAndCPlusPlusGetAPageEach() throws Exception {
    List<Article> articles =
        List.of(
            article("2026/02/05/un", "urn:t:1", "2026-02-05T08:00:00+01:00", List.of("C", "C++")),
            article("2026/02/05/deux", "urn:t:2", "2026-02-05T09:00:00+01:00", List.of("C#", "c++")),
            article("2026/02/05/trois", "urn:t:3", "2026-02-05T10:00:00+01:00", List.of("Canal+")));
    Path site = dir.resolve("site");

    SiteFixture.build(SiteFixture.french(site, null, 20), articles, a -> "Texte.");

    try (Stream<Path> tags = Files.list(site.resolve("tags"))) {
      assertThat(tags.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("c", "c-sharp", "c-plus-plus", "canal-plus");
    }
    assertThat(SiteFixture.read(site, "tags/c/index.html"))
        .contains("urn:t:1")
        .doesNotContain("urn:t:2");
    assertThat(SiteFixture.read(site, "tags/c-sharp/index.html"))
        .contains("urn:t:2")
        .doesNotContain("urn:t:1");
    // C++ and c++ share a page, under the name seen first (the newest article's)
    assertThat(SiteFixture.read(site, "tags/c-plus-plus/index.html"))
        .contains("urn:t:1", "urn:t:2", "c++")
        .doesNotContain("urn:t:3");
  }

  private static Article article(String file, String id, String date, List<String> tags) {
    return NextArchive.article(file, id, id, "", date, null, List.of(), tags, "", "", "", false, 0);
  }
}
