package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Reporter;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: a folder of Markdown files, read by the archive reader, rendered into a site. */
class ArchiveSiteTest {
  @TempDir static Path dir;
  static Path site;
  static SiteReport report;

  @BeforeAll
  static void build() throws Exception {
    site = dir.resolve("site");
    var options =
        new SiteOptions(
            Path.of("src/test/resources/site/articles"),
            site,
            "Archives de Next",
            URI.create("https://archive.example.org/"),
            Locale.FRANCE,
            ZoneId.of("Europe/Paris"),
            20,
            null);
    report = new SiteGenerator(options, Reporter.silent()).generate();
  }

  @Test
  void rendersEveryArticleIncludingHandWrittenOnes() throws Exception {
    assertThat(report.articles()).isEqualTo(5);
    assertThat(SiteFixture.files(site))
        .contains(
            "2026/02/03/ma-note/index.html",
            "2026/02/04/vos-flux-rss-un-outil-darchivage-sous-estime/index.html",
            "2026/02/05/lice-veut-multiplier-ses-sources-de-donnees/index.html",
            "2026/02/05/le-pape-peut-il-susciter-un-veritable-sursaut/index.html",
            "2026/02/05/propriete-de-jeff-bezos-le-washington-post/index.html");
  }

  @Test
  void readsBodiesAndRewritesInternalLinks() {
    String ice =
        SiteFixture.read(site, "2026/02/05/lice-veut-multiplier-ses-sources-de-donnees/index.html");
    String note = SiteFixture.read(site, "2026/02/03/ma-note/index.html");

    assertThat(ice)
        .contains(
            "<a href=\"../propriete-de-jeff-bezos-le-washington-post/index.html\">licencie</a>")
        .contains("<time datetime=\"2026-02-05T16:20:00+01:00\">5 février 2026 à 16:20</time>");
    assertThat(note)
        .contains(
            "<a href=\"../../05/lice-veut-multiplier-ses-sources-de-donnees/index.html\">l’ICE</a>")
        .contains("par <a href=\"../../../../authors/moi/index.html\">Moi</a>");
  }

  @Test
  void tagsThatShareASlugShareAPage() {
    String ia = SiteFixture.read(site, "tags/ia/index.html");

    assertThat(ia).contains("ma-note", "lice-veut-multiplier", "2 articles");
    assertThat(SiteFixture.read(site, "tags/index.html"))
        .contains("<a href=\"ia/index.html\">IA</a> <span class=\"count\">2</span>")
        .contains(
            "<a href=\"societe-numerique/index.html\">Société numérique</a> <span"
                + " class=\"count\">4</span>");
  }
}
