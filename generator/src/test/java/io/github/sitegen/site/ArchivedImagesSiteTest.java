package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Reporter;
import io.github.sitegen.archive.ArchiveImporter;
import io.github.sitegen.archive.ImportOptions;
import io.github.sitegen.images.ImageOptions;
import io.github.sitegen.images.ImageServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archived images are copied into the site and pages point at the copies. */
class ArchivedImagesSiteTest {
  private static final byte[] PHOTO = "RIFF\0\0\0\0WEBPVP8 photo".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] LEAD = "\u00ff\u00d8\u00ff lead".getBytes(StandardCharsets.ISO_8859_1);
  private static final Pattern IMAGE = Pattern.compile("images/[0-9a-f]{2}/[0-9a-f]{64}\\.(webp|jpg)");

  @TempDir Path dir;

  private final ImageServer server;

  ArchivedImagesSiteTest() throws IOException {
    server =
        new ImageServer()
            .serve("/photo", "image/webp", PHOTO)
            .serve("/lead.jpg", "image/jpeg", LEAD);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theArticlePagePointsAtTheArchivedCopies() throws IOException {
    importWithImages("<p><img src=\"" + server.url("/photo") + "\" alt=\"Photo\"></p>"
        + "<p><img src=\"https://elsewhere.invalid/kept.png\" alt=\"Ailleurs\"></p>");
    String photo = server.url("/photo");
    String lead = server.url("/lead.jpg");
    server.close(); // the site never needs the original server

    Path site = generate(null);

    String page = Files.readString(site.resolve("2026/02/05/article/index.html"));
    assertThat(page)
        .contains("src=\"../../../../images/")
        .doesNotContain(photo)
        .doesNotContain("src=\"" + lead)
        // without a base URL there is no absolute URL of the copy: JSON-LD keeps the original
        .contains("\"image\":\"" + lead + "\"")
        .contains("https://elsewhere.invalid/kept.png"); // not archived: the original URL stays
    Matcher m = IMAGE.matcher(page);
    int found = 0;
    while (m.find()) {
      assertThat(site.resolve(m.group())).exists();
      found++;
    }
    assertThat(found).isGreaterThanOrEqualTo(2);
  }

  @Test
  void placesThatNeedAnAbsoluteUrlGetOneUnderTheBaseUrl() throws IOException {
    importWithImages("<p>Texte.</p>");

    Path site = generate(URI.create("https://archive.example/next/"));

    String page = Files.readString(site.resolve("2026/02/05/article/index.html"));
    assertThat(page)
        .containsPattern("<meta property=\"og:image\" content=\"https://archive.example/next/images/[0-9a-f]{2}/[0-9a-f]{64}\\.jpg\">")
        .containsPattern("\"image\":\"https://archive.example/next/images/[0-9a-f]{2}/[0-9a-f]{64}\\.jpg\"");
  }

  @Test
  void aSecondBuildWritesNoImageAgain() throws IOException {
    importWithImages("<p><img src=\"" + server.url("/photo") + "\"></p>");
    generate(null);

    SiteReport again =
        new SiteGenerator(options(null), Reporter.silent()).generate();

    assertThat(again.pagesWritten()).isZero();
  }

  private void importWithImages(String html) throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Files.writeString(
        snapshots.resolve("a.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>T</title><link>https://t.test/</link><description>d</description>
        <item><guid isPermaLink="false">1</guid><title>Article</title>
        <pubDate>Thu, 05 Feb 2026 09:00:00 GMT</pubDate>
        <description><![CDATA[%s]]></description>
        <enclosure url="%s" type="image/jpeg" length="1"/></item>
        </channel></rss>
        """
            .formatted(html, server.url("/lead.jpg")));
    var options =
        new ImportOptions(snapshots, dir.resolve("articles"), ZoneOffset.UTC)
            .withImages(true, ImageOptions.defaults().withPrivateHosts(true));
    new ArchiveImporter(options, Reporter.silent()).run();
  }

  private SiteOptions options(URI baseUrl) {
    SiteOptions d = SiteOptions.defaults(dir.resolve("articles"), dir.resolve("site"));
    return new SiteOptions(
        d.archive(), d.output(), d.title(), baseUrl, Locale.ENGLISH, ZoneOffset.UTC, d.pageSize(), null);
  }

  private Path generate(URI baseUrl) throws IOException {
    new SiteGenerator(options(baseUrl), Reporter.silent()).generate();
    return dir.resolve("site");
  }
}
