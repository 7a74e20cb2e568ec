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
}
