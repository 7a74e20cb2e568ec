package io.github.sitegen.site;

import io.github.sitegen.Golden;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixed Next archive, rendered in French for Europe/Paris, against golden files. */
class SiteGoldenTest {
  @TempDir static Path dir;
  static Path site;

  @BeforeAll
  static void build() throws Exception {
    site = dir.resolve("site");
    SiteFixture.buildNext(
        SiteFixture.french(site, URI.create("https://archive.example.org/next/"), 2));
  }

  @Test
  void articlePageWithAnInternalLink() throws Exception {
    String page =
        SiteFixture.read(site, "2026/02/05/elon-musk-avait-personnellement-supervise/index.html");

    Golden.assertMatches(page, "site/article.html");
  }

  @Test
  void truncatedArticlePage() throws Exception {
    String page =
        SiteFixture.read(
            site, "2026/02/05/le-pape-peut-il-susciter-un-veritable-sursaut/index.html");

    Golden.assertMatches(page, "site/article-truncated.html");
  }

  @Test
  void atomFeed() throws Exception {
    Golden.assertMatches(SiteFixture.read(site, "feed.xml"), "site/feed.xml");
  }

  @Test
  void sitemap() throws Exception {
    Golden.assertMatches(SiteFixture.read(site, "sitemap.xml"), "site/sitemap.xml");
  }

  @Test
  void dayReadingView() throws Exception {
    Golden.assertMatches(SiteFixture.read(site, "2026/02/05/read/index.html"), "site/reader.html");
  }

  @Test
  void yearCalendar() throws Exception {
    Golden.assertMatches(SiteFixture.read(site, "2026/index.html"), "site/year.html");
  }

  @Test
  void tagFeed() throws Exception {
    Golden.assertMatches(
        SiteFixture.read(site, "tags/societe-numerique/feed.xml"), "site/tag-feed.xml");
  }

  @Test
  void searchIndex() throws Exception {
    Golden.assertMatches(
        SiteFixture.read(site, "search/index/meta.json")
            + "\n"
            + SiteFixture.read(site, "search/index/d/0.json"),
        "site/search-index.txt");
  }
}
