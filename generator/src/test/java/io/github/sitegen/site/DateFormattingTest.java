package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.archive.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
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
          fr-FR | Europe/Paris     | 2026-02-01T16:20:00+01:00 | 2026/02/01 | 1er février 2026 à 16:20   | 2026-02-01T16:20:00+01:00
          fr-FR | America/New_York | 2026-02-02T00:30:00+01:00 | 2026/02/01 | 1er février 2026 à 18:30   | 2026-02-01T18:30:00-05:00
          fr-FR | Europe/Paris     | 2026-02-11T16:20:00+01:00 | 2026/02/11 | 11 février 2026 à 16:20    | 2026-02-11T16:20:00+01:00
          fr-FR | Europe/Paris     | 2026-02-21T16:20:00+01:00 | 2026/02/21 | 21 février 2026 à 16:20    | 2026-02-21T16:20:00+01:00
          en    | Europe/Paris     | 2026-02-01T16:20:00+01:00 | 2026/02/01 | February 1, 2026 at 4:20 PM  | 2026-02-01T16:20:00+01:00
          """)
  void showsDateAndTimeInTheSiteLocaleAndZone(
      String locale, String zone, String date, String folder, String shown, String iso)
      throws Exception {
    Article article = article("Un article", date);
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

  /**
   * French writes the first of the month "1er", in the day's index and on its articles; a theme's
   * own patterns keep it where they write the day as {@code d}, not as {@code dd} or quoted text.
   */
  @Test
  void theFirstOfTheMonthIsNamedByTheLabels() throws Exception {
    Article article = article("Un article", "2026-02-01T16:20:00+01:00");
    Path site = dir.resolve("site");
    var options =
        new SiteOptions(
            dir.resolve("archive"), site, "Test", null, Locale.FRANCE, ZoneId.of("Europe/Paris"),
            20, null);

    SiteFixture.build(options, List.of(article), a -> "Texte.");

    assertThat(SiteFixture.read(site, "2026/02/01/index.html")).contains("<h1>1er février 2026");
    assertThat(SiteFixture.read(site, "2026/02/index.html")).contains("février 2026");

    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("i18n"));
    Files.writeString(
        theme.resolve("i18n/labels_fr.properties"),
        "format.date=dd/MM/yyyy\nformat.dateTime='le' d MMMM 'dd' yyyy\nformat.month=[d ]MMMM yyyy\n");
    var themed =
        new SiteOptions(
            dir.resolve("archive"), dir.resolve("themed"), "Test", null, Locale.FRANCE,
            ZoneId.of("Europe/Paris"), 20, theme);

    SiteFixture.build(themed, List.of(article), a -> "Texte.");

    assertThat(SiteFixture.read(dir.resolve("themed"), "2026/02/01/un-article/index.html"))
        .contains(">le 1er février dd 2026</time>");
    assertThat(SiteFixture.read(dir.resolve("themed"), "2026/02/01/index.html"))
        .contains("<h1>01/02/2026");
  }

  /**
   * A locale whose language the theme has no labels for gets the default (English) labels, and its
   * dates in English too, never English patterns with German month names; it is told so, once per
   * build. A labels file for the language in the theme folder gives both in German.
   */
  @Test
  void aLanguageWithoutLabelsIsWrittenInTheDefaultLabelsLanguageAndSaysSo() throws Exception {
    Article article = article("Ein Artikel", "2026-02-05T16:20:00+01:00");
    Path site = dir.resolve("site");
    List<Problem> problems = new ArrayList<>();
    var options =
        new SiteOptions(
            dir.resolve("archive"), site, "Test", null, Locale.GERMANY, ZoneId.of("Europe/Berlin"),
            20, null);

    new SiteGenerator(options, problems::add).generate(List.of(article), a -> "Text.");

    assertThat(SiteFixture.read(site, "2026/02/05/un-article/index.html"))
        .contains(">February 5, 2026 at 4:20 PM</time>")
        .contains("<html lang=\"de-DE\"");
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            "i18n/labels_de.properties: no labels in German: the default ones are used, and dates"
                + " are written in their language (English); add this file to the theme folder to"
                + " translate them");

    Path theme = Files.createDirectories(dir.resolve("theme/i18n"));
    Files.writeString(
        theme.resolve("labels_de.properties"),
        "format.date=d. MMMM yyyy\nformat.dateTime=d. MMMM yyyy 'um' HH:mm\nformat.month=MMMM yyyy\n");
    problems.clear();
    var german =
        new SiteOptions(
            dir.resolve("archive"), site, "Test", null, Locale.GERMANY, ZoneId.of("Europe/Berlin"),
            20, dir.resolve("theme"));

    new SiteGenerator(german, problems::add).generate(List.of(article), a -> "Text.");

    assertThat(SiteFixture.read(site, "2026/02/05/un-article/index.html"))
        .contains(">5. Februar 2026 um 16:20</time>");
    assertThat(problems).isEmpty();
  }

  /** The one article of these sites, {@code un-article}, dated {@code date}. */
  private static Article article(String title, String date) {
    return NextArchive.article(
        "2026/02/05/un-article", "urn:test:1", title, "", date, null, List.of(), List.of(), "", "",
        "", false, 0);
  }
}
