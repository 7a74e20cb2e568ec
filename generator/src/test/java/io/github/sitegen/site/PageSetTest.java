package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Five articles over two days with two articles per page: which files, and how they link. */
class PageSetTest {
  @TempDir static Path dir;
  static Path site;

  @BeforeAll
  static void build() throws Exception {
    site = dir.resolve("site");
    SiteFixture.buildNext(
        SiteFixture.french(site, URI.create("https://archive.example.org/next/"), 2));
  }

  @Test
  void producesExactlyTheseFiles() throws Exception {
    assertThat(SiteFixture.files(site))
        .containsExactly(
            ".nojekyll",
            "2026/02/04/index.html",
            "2026/02/04/read/index.html",
            "2026/02/04/vos-flux-rss-un-outil-darchivage-sous-estime/index.html",
            "2026/02/05/elon-musk-avait-personnellement-supervise/index.html",
            "2026/02/05/index.html",
            "2026/02/05/le-pape-peut-il-susciter-un-veritable-sursaut/index.html",
            "2026/02/05/lice-veut-multiplier-ses-sources-de-donnees/index.html",
            "2026/02/05/page/1/index.html",
            "2026/02/05/propriete-de-jeff-bezos-le-washington-post/index.html",
            "2026/02/05/read/index.html",
            "2026/02/05/read/page/1/index.html",
            "2026/02/index.html",
            "2026/02/page/1/index.html",
            "2026/index.html",
            "404.html",
            "archives/index.html",
            "authors/elodie-marchand/feed.xml",
            "authors/elodie-marchand/index.html",
            "authors/index.html",
            "authors/jean-baptiste-lefevre/feed.xml",
            "authors/jean-baptiste-lefevre/index.html",
            "authors/mathilde-rochefort/feed.xml",
            "authors/mathilde-rochefort/index.html",
            "css/site.css",
            "feed.xml",
            "index.html",
            "js/search.js",
            "page/1/index.html",
            "read/index.html",
            "read/page/1/index.html",
            "robots.txt",
            "search/index.html",
            "search/index/d/0.json",
            "search/index/meta.json",
            "search/index/r/0.json",
            "sitemap.xml",
            "tags/amazon/feed.xml",
            "tags/amazon/index.html",
            "tags/autohebergement/feed.xml",
            "tags/autohebergement/index.html",
            "tags/by-count.html",
            "tags/deepfakes/feed.xml",
            "tags/deepfakes/index.html",
            "tags/droit/feed.xml",
            "tags/droit/index.html",
            "tags/economie/feed.xml",
            "tags/economie/index.html",
            "tags/ia-et-algorithmes/feed.xml",
            "tags/ia-et-algorithmes/index.html",
            "tags/index.html",
            "tags/presse/feed.xml",
            "tags/presse/index.html",
            "tags/societe-numerique/feed.xml",
            "tags/societe-numerique/index.html");
  }

  @Test
  void tagIndexListsEveryTagWithItsCountInFrenchOrder() {
    String tags = SiteFixture.read(site, "tags/index.html");

    assertThat(tags)
        .containsSubsequence(
            "<a href=\"amazon/index.html\">Amazon</a> <span class=\"count\">1</span>",
            "<a href=\"autohebergement/index.html\">autohébergement</a>",
            "<a href=\"deepfakes/index.html\">deepfakes</a>",
            "<a href=\"droit/index.html\">Droit</a>",
            "<a href=\"economie/index.html\">Économie</a>",
            "<a href=\"ia-et-algorithmes/index.html\">IA et algorithmes</a> <span"
                + " class=\"count\">3</span>",
            "<a href=\"presse/index.html\">Presse</a>",
            "<a href=\"societe-numerique/index.html\">Société numérique</a> <span"
                + " class=\"count\">3</span>");
  }

  @Test
  void aListShorterThanTwoPagesStaysOnOnePage() {
    // three articles, two a page: the first page takes the remainder instead of leaving one behind
    String tag = SiteFixture.read(site, "tags/ia-et-algorithmes/index.html");

    assertThat(tag)
        .contains("<h1>Tag\u00a0: IA et algorithmes</h1>", "3 articles")
        .containsSubsequence("lice-veut-multiplier", "elon-musk-avait", "le-pape-peut-il")
        .doesNotContain("class=\"pager\"");
  }

  @Test
  void dayPagesAreNumberedFromTheOldest() {
    String first = SiteFixture.read(site, "2026/02/05/index.html");
    String oldest = SiteFixture.read(site, "2026/02/05/page/1/index.html");

    assertThat(first)
        .containsSubsequence("lice-veut-multiplier", "elon-musk-avait")
        .doesNotContain("le-pape-peut-il", "Page 2")
        .contains("<a rel=\"next\" href=\"page/1/index.html\">");
    assertThat(oldest)
        .contains("<title>5 février 2026, page 1 – Archives de Next</title>")
        .containsSubsequence("le-pape-peut-il", "propriete-de-jeff-bezos")
        .contains("<span>Page 1</span>", "<a rel=\"prev\" href=\"../../index.html\">")
        .doesNotContain("rel=\"next\" href=");
  }

  @Test
  void dayPagesCountTheirArticlesAndLinkUpAndAcross() {
    String fifth = SiteFixture.read(site, "2026/02/05/index.html");
    String fourth = SiteFixture.read(site, "2026/02/04/index.html");

    assertThat(fifth)
        .contains("<h1>5 février 2026</h1>", "4 articles")
        .contains("<a class=\"up\" href=\"../index.html\">↑ Février 2026</a>")
        .contains("<a rel=\"prev\" href=\"../04/index.html\">← 4 février 2026</a>")
        .doesNotContain("rel=\"next\" href=\"../06");
    assertThat(fourth)
        .contains("1 article<", "<a rel=\"next\" href=\"../05/index.html\">5 février 2026 →</a>");
  }

  @Test
  void monthAndYearPagesLinkUpAndListTheirPeriods() {
    String month = SiteFixture.read(site, "2026/02/index.html");
    String year = SiteFixture.read(site, "2026/index.html");

    assertThat(month)
        .contains("<a class=\"up\" href=\"../index.html\">↑ 2026</a>")
        .contains(
            "<a href=\"05/index.html\">5 février 2026</a> <span class=\"count\">4 articles</span>")
        .contains(
            "<a href=\"04/index.html\">4 février 2026</a> <span class=\"count\">1 article</span>");
    assertThat(year)
        .contains("<a class=\"up\" href=\"../archives/index.html\">↑ Archives</a>")
        .contains(
            "<li><a href=\"02/index.html\"><span class=\"month\">Février</span>"
                + " <span class=\"count\">5 articles</span></a></li>")
        .contains(
            "<li class=\"empty\"><span class=\"month\">Mars</span>"
                + " <span class=\"count\">aucun article</span></li>");
    assertThat(SiteFixture.read(site, "archives/index.html"))
        .contains(
            "<a href=\"../2026/index.html\">2026</a> <span class=\"count\">5 articles</span>");
  }

  @Test
  void articlesLinkToTheirNeighboursInTime() {
    String newest =
        SiteFixture.read(site, "2026/02/05/lice-veut-multiplier-ses-sources-de-donnees/index.html");
    String oldest =
        SiteFixture.read(
            site, "2026/02/04/vos-flux-rss-un-outil-darchivage-sous-estime/index.html");

    assertThat(newest)
        .contains(
            "<a rel=\"prev\" href=\"../elon-musk-avait-personnellement-supervise/index.html\">")
        .doesNotContain("rel=\"next\"");
    assertThat(oldest)
        .contains(
            "<a rel=\"next\""
                + " href=\"../../05/propriete-de-jeff-bezos-le-washington-post/index.html\">")
        .doesNotContain("rel=\"prev\"");
  }

  @Test
  void homeIsPaginatedNewestFirstWithPagesNumberedFromTheOldest() {
    // five articles, two a page: page 1 holds the two oldest, the home the three newest
    String home = SiteFixture.read(site, "index.html");
    String oldest = SiteFixture.read(site, "page/1/index.html");

    assertThat(home)
        .containsSubsequence("lice-veut-multiplier", "elon-musk-avait", "le-pape-peut-il")
        .doesNotContain("propriete-de-jeff-bezos", "vos-flux-rss")
        .contains("<a rel=\"next\" href=\"page/1/index.html\">")
        .doesNotContain("rel=\"prev\" href=");
    assertThat(oldest)
        .containsSubsequence("propriete-de-jeff-bezos", "vos-flux-rss")
        .contains("<a rel=\"prev\" href=\"../../index.html\">", "<span>Page 1</span>")
        .doesNotContain("rel=\"next\" href=", "lice-veut-multiplier");
  }

  @Test
  void notFoundPageResolvesItsLinksFromTheSiteRoot() {
    assertThat(SiteFixture.read(site, "404.html"))
        .contains("<base href=\"https://archive.example.org/next/\">")
        .contains("<link rel=\"stylesheet\" href=\"css/site.css\">");
  }

  @Test
  void robotsPointsAtTheSitemap() {
    assertThat(SiteFixture.read(site, "robots.txt"))
        .contains("Sitemap: https://archive.example.org/next/sitemap.xml");
  }

  @Test
  void dayPagesOfferAReadingViewWithTheArticlesInFull() {
    String day = SiteFixture.read(site, "2026/02/05/index.html");
    String reader = SiteFixture.read(site, "2026/02/05/read/index.html");

    assertThat(day)
        .contains("<span aria-current=\"page\">Liste compacte</span>")
        .contains("<a href=\"read/index.html\">Articles en entier</a>");
    assertThat(reader)
        .contains("<h1>5 février 2026</h1>")
        .contains("<a href=\"../index.html\">Liste compacte</a>")
        .contains("<span aria-current=\"page\">Articles en entier</span>")
        .contains("Les courtiers vendent des historiques de localisation")
        .contains("<a rel=\"next\" href=\"page/1/index.html\">");
  }

  @Test
  void aReadingViewKeepsElementIdsUnique() throws Exception {
    for (String path : SiteFixture.files(site)) {
      if (path.endsWith(".html")) {
        var ids = new HashSet<String>();
        var m = Pattern.compile(" id=\"([^\"]*)\"").matcher(SiteFixture.read(site, path));
        while (m.find()) {
          assertThat(ids.add(m.group(1))).as(path + " id " + m.group(1)).isTrue();
        }
      }
    }
  }

  @Test
  void authorPagesListTheirArticlesWithAFeed() {
    String index = SiteFixture.read(site, "authors/index.html");
    String author = SiteFixture.read(site, "authors/mathilde-rochefort/index.html");

    assertThat(index)
        .contains(
            "<a href=\"mathilde-rochefort/index.html\">Mathilde Rochefort</a>"
                + " <span class=\"count\">2</span>");
    assertThat(author)
        .contains("<h1>Articles de Mathilde Rochefort</h1>")
        .contains("<a href=\"feed.xml\">Flux Atom</a>")
        .contains("href=\"../../2026/02/05/elon-musk-avait-personnellement-supervise/index.html\"");
  }

  @Test
  void tagsAreListedByNameAndByCount() {
    String byName = SiteFixture.read(site, "tags/index.html");
    String byCount = SiteFixture.read(site, "tags/by-count.html");

    assertThat(byName.indexOf(">Amazon<")).isLessThan(byName.indexOf(">Société numérique<"));
    assertThat(byCount.indexOf(">Société numérique<")).isLessThan(byCount.indexOf(">Amazon<"));
    assertThat(byCount).contains("<a href=\"index.html\">Par nom</a>");
  }

  @Test
  void theSearchPageSaysItNeedsJavaScriptAndLoadsOnlyTheThemeScript() {
    String search = SiteFixture.read(site, "search/index.html");

    assertThat(search)
        .contains("<noscript>")
        .contains("data-index=\"index/meta.json\"")
        .contains("<script src=\"../js/search.js\"></script>")
        .doesNotContain("https://cdn", "//unpkg", "googleapis");
  }
}
