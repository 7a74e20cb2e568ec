package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.archive.Article;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates on article pages follow the site's locale and zone, and so do the day folders. */
class DateFormattingTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} {1} {2} -> {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          fr-FR | Europe/Paris     | 2026-02-05T16:20:00+01:00 | 2026/02/05 | 5 février 2026 à 16:20     | 2026-02-05T16:20:00+01:00
          fr-FR | America/New_York | 2026-02-05T16:20:00+01:00 | 2026/02/05 | 5 février 2026 à 10:20     | 2026-02-05T10:20:00-05:00
          en    | Europe/Paris     | 2026-02-05T16:20:00+01:00 | 2026/02/05 | February 5, 2026 at 4:20 PM  | 2026-02-05T16:20:00+01:00
          en    | America/New_York | 2026-02-05T16:20:00+01:00 | 2026/02/05 | February 5, 2026 at 10:20 AM | 2026-02-05T10:20:00-05:00
          fr-FR | Europe/Paris     | 2026-02-05T00:30:00+01:00 | 2026/02/05 | 5 février 2026 à 00:30     | 2026-02-05T00:30:00+01:00
          fr-FR | America/New_York | 2026-02-05T00:30:00+01:00 | 2026/02/04 | 4 février 2026 à 18:30     | 2026-02-04T18:30:00-05:00
          en    | Europe/Paris     | 2026-02-05T00:30:00+01:00 | 2026/02/05 | February 5, 2026 at 12:30 AM | 2026-02-05T00:30:00+01:00
          en    | America/New_York | 2026-02-05T00:30:00+01:00 | 2026/02/04 | February 4, 2026 at 6:30 PM  | 2026-02-04T18:30:00-05:00
          """)
  void showsDateAndTimeInTheSiteLocaleAndZone(
      String locale, String zone, String date, String folder, String shown, String iso)
      throws Exception {
    Article article =
        NextArchive.article(
            "2026/02/05/un-article",
            "urn:test:1",
            "Un article",
            "",
            date,
            null,
            List.of(),
            List.of(),
            "",
            "",
            "",
            false,
            0);
    Path site = dir.resolve("site");
    var options =
        new SiteOptions(
            dir.resolve("archive"),
            site,
            "Test",
            null,
            Locale.forLanguageTag(locale),
            ZoneId.of(zone),
            20,
            null);

    SiteFixture.build(options, List.of(article), a -> "Texte.");

    String page = SiteFixture.read(site, folder + "/un-article/index.html");
    assertThat(page).contains("<time datetime=\"" + iso + "\">" + shown + "</time>");
  }
}
