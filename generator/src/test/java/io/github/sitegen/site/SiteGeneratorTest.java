package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import io.github.sitegen.archive.Article;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SiteGeneratorTest {
  @TempDir Path dir;

  private SiteOptions french(@org.jspecify.annotations.Nullable Path theme) {
    var base = SiteFixture.french(dir.resolve("site"), null, 20);
    return new SiteOptions(
        base.archive(), base.output(), base.title(), null, base.locale(), base.zone(), 20, theme);
  }

  @Test
  void pagesShowingBodiesComeRightAfterTheBatchOfArticlePagesThatParsedTheirLastBody() {
    int n = 2 * SiteGenerator.BATCH + 88; // three batches, the last one short
    List<Page> articles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      articles.add(page("a/" + i + "/index.html"));
    }
    Page firstDay = page("d/1/read/index.html", 0, 1, 2);
    Page acrossBatches = page("read/page/26/index.html", SiteGenerator.BATCH - 1, SiteGenerator.BATCH);
    Page feed = page("feed.xml", 5, n - 1, 7);
    Page laterDay = page("d/2/read/index.html", 3);
    Page noBody = page("archives/index.html");
    Page unknownBody = new Page("t/x/feed.xml", "feed.ftlx", Map.of(), List.of("gone/index.html"), null);

    List<List<Page>> groups =
        SiteGenerator.byLastBatch(
            articles, List.of(firstDay, acrossBatches, noBody, feed, laterDay, unknownBody));

    assertThat(groups)
        .containsExactly(
            List.of(firstDay, laterDay),
            List.of(acrossBatches),
            List.of(feed),
            List.of(noBody, unknownBody));
    assertThat(SiteGenerator.byLastBatch(List.of(), List.of(noBody, feed)))
        .containsExactly(List.of(noBody, feed));
  }

  /** A page showing the bodies of the article pages {@code a/N/index.html} numbered {@code shown}. */
  private static Page page(String path, int... shown) {
    List<String> bodies = new ArrayList<>();
    for (int i : shown) {
      bodies.add("a/" + i + "/index.html");
    }
    return new Page(path, "reader.ftlh", Map.of(), bodies, null);
  }

  @Test
  void rewritesLinksToArchivedArticlesIntoRelativeLinks() throws Exception {
    SiteFixture.buildNext(french(null));

    String page =
        SiteFixture.read(
            dir.resolve("site"), "2026/02/05/elon-musk-avait-personnellement-supervise/index.html");
    assertThat(page)
        .contains(
            "<a href=\"../propriete-de-jeff-bezos-le-washington-post/index.html#licenciements\">appris"
                + " leur licenciement hier</a>")
        .contains(
            "<a href=\"https://next.ink/222947/elon-musk-avait-personnellement-supervise/\">Article"
                + " original sur Next</a>")
        .doesNotContain("http://next.ink/222912");
  }

  @Test
  void rendersHostileTextAsText() throws Exception {
    String hostile = "<script>alert(1)</script> ${7*7} <#if true>x</#if> ]]> \u0001";
    Article article =
        NextArchive.article(
            "2026/02/05/hostile",
            "urn:test:<&>",
            hostile,
            hostile,
            "2026-02-05T16:20:00+01:00",
            null,
            List.of(hostile),
            List.of(hostile, "IA"),
            "https://example.org/?a=1&b=<2>",
            hostile,
            "https://example.org/\"><script>",
            true,
            80);

    SiteFixture.build(
        french(null), List.of(article), a -> "# " + hostile + "\n\n<script>alert(2)</script>");

    Path site = dir.resolve("site");
    for (String path : SiteFixture.files(site)) {
      if (path.endsWith(".html")) {
        String html =
            SiteFixture.read(site, path)
                .replace("<script type=\"application/ld+json\">", "")
                .replaceAll("<script src=\"[./]*js/search\\.js\"></script>", "");
        assertThat(html).as(path).doesNotContain("<script", "49", "<#if");
      }
    }
    String page = SiteFixture.read(site, "2026/02/05/hostile/index.html");
    String jsonLd =
        page.substring(
            page.indexOf("<script type=\"application/ld+json\">"),
            page.indexOf("</script>", page.indexOf("application/ld+json")));
    assertThat(jsonLd.substring(jsonLd.indexOf('>') + 1))
        .doesNotContain("<", ">")
        .contains("\\u003cscript\\u003e");
    assertThat(page)
        .contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; ${7*7} &lt;#if true&gt;x&lt;/#if&gt;");
    Document feed = parseSecurely(site.resolve("feed.xml"));
    Element entry = (Element) feed.getElementsByTagName("entry").item(0);
    assertThat(entry.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("<script>alert(1)</script> ${7*7} <#if true>x</#if> ]]> ");
    assertThat(entry.getElementsByTagName("content").item(0).getTextContent())
        .contains("&lt;script&gt;alert(2)&lt;/script&gt;");
  }

  @Test
  void dropsOriginalAndImageUrlsThatAreNotWebUrls() throws Exception {
    Article article =
        NextArchive.article(
            "2026/02/05/piege",
            "urn:test:1",
            "Piège",
            "",
            "2026-02-05T16:20:00+01:00",
            null,
            List.of(),
            List.of(),
            "javascript:alert(1)",
            "",
            "data:image/svg+xml,<svg onload=alert(1)>",
            true,
            80);

    SiteFixture.build(french(null), List.of(article), a -> "Texte.");

    String page = SiteFixture.read(dir.resolve("site"), "2026/02/05/piege/index.html");
    assertThat(page)
        .doesNotContain("javascript:", "data:image", "<img")
        .contains("Article tronqué");
  }

  @Test
  void articlesSharingASlugOnOneDayGetTheirOwnPages() throws Exception {
    Article first = article("2026/02/05/meme-titre", "urn:test:1", "2026-02-05T09:00:00+01:00");
    Article second = article("notes/meme-titre", "urn:test:2", "2026-02-05T10:00:00+01:00");

    SiteFixture.build(french(null), List.of(first, second), a -> a.id());

    Path site = dir.resolve("site");
    assertThat(SiteFixture.read(site, "2026/02/05/meme-titre/index.html")).contains("urn:test:1");
    assertThat(SiteFixture.read(site, "2026/02/05/meme-titre-2/index.html")).contains("urn:test:2");
  }

  /**
   * A published page keeps its address: a newer article with the same slug on the same day (the
   * same title the next evening, say, whose archive folder is another day in the feed's offset)
   * takes the next free suffix instead of the older one's path.
   */
  @Test
  void aNewerArticleSharingASlugMovesNoPublishedPage() throws Exception {
    Article first = article("2026/02/04/point-du-jour", "urn:test:1", "2026-02-04T23:30:00Z");
    Article second = article("2026/02/05/point-du-jour", "urn:test:2", "2026-02-05T18:00:00Z");
    Article third = article("2026/02/05/point-du-jour-2", "urn:test:3", "2026-02-05T20:00:00Z");
    Path site = dir.resolve("site");

    SiteFixture.build(french(null), List.of(first), a -> a.id());
    assertThat(SiteFixture.read(site, "2026/02/05/point-du-jour/index.html")).contains("urn:test:1");
    SiteFixture.build(french(null), List.of(first, second, third), a -> a.id());

    // all three on the 5th in Paris: the first one's page is where it was
    assertThat(SiteFixture.read(site, "2026/02/05/point-du-jour/index.html")).contains("urn:test:1");
    assertThat(SiteFixture.read(site, "2026/02/05/point-du-jour-2/index.html")).contains("urn:test:2");
    assertThat(SiteFixture.read(site, "2026/02/05/point-du-jour-2-2/index.html")).contains("urn:test:3");
  }

  private static Article article(String file, String id, String date) {
    return NextArchive.article(
        file, id, "Même titre", "", date, null, List.of(), List.of(), "", "", "", false, 0);
  }

  @Test
  void feedIsValidAtomWithUniqueIds() throws Exception {
    List<Article> articles = new ArrayList<>(NextArchive.articles());
    Article first = articles.get(0);
    articles.add(
        NextArchive.article(
            "2026/02/03/meme-id",
            first.id(),
            "Même id",
            "",
            "2026-02-03T09:00:00+01:00",
            null,
            List.of(),
            List.of(),
            "",
            "",
            "",
            false,
            0));
    articles.add(
        NextArchive.article(
            "2026/02/03/pas-une-uri",
            "pas une URI",
            "Pas une URI",
            "",
            "2026-02-03T08:00:00+01:00",
            null,
            List.of(),
            List.of(),
            "",
            "",
            "",
            false,
            0));
    Map<String, String> bodies = NextArchive.bodies();

    SiteFixture.build(french(null), articles, a -> bodies.getOrDefault(a.id(), "Texte."));

    Document feed = parseSecurely(dir.resolve("site/feed.xml"));
    var root = feed.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
    assertThat(root.getElementsByTagName("updated").item(0).getTextContent())
        .isEqualTo("2026-02-05T16:20:00+01:00");
    var entries = root.getElementsByTagName("entry");
    assertThat(entries.getLength()).isEqualTo(7);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < entries.getLength(); i++) {
      Element entry = (Element) entries.item(i);
      String id = entry.getElementsByTagName("id").item(0).getTextContent();
      assertThat(URI.create(id).isAbsolute()).as(id).isTrue();
      assertThat(entry.getElementsByTagName("updated").getLength()).isEqualTo(1);
      ids.add(id);
    }
    assertThat(ids).doesNotHaveDuplicates().contains("urn:sha1:" + SitePlanner.sha1("pas une URI"));
  }

  @Test
  void anOutputFolderThatIsTheArchiveFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path archive = dir.resolve("archive");
    Files.createDirectories(archive.resolve("2026/02/05"));
    Files.writeString(
        archive.resolve("2026/02/05/un.md"),
        "---\ntitle: Un\nid: tag:next.ink,2026:1\ndate: 2026-02-05T08:00:00Z\n---\nUn.\n");
    Path link = Files.createSymbolicLink(dir.resolve("link"), archive);
    var base = french(null);

    for (Path output : List.of(archive, dir.resolve("./archive/2026/.."), link)) {
      var options =
          new SiteOptions(
              archive, output, base.title(), null, base.locale(), base.zone(), 20, null);
      assertThatThrownBy(() -> new SiteGenerator(options, Reporter.silent()).generate())
          .as(output.toString())
          .isInstanceOf(SiteGenException.class)
          .hasMessageContaining(output.toString())
          .hasMessageContaining("the output folder is the archive folder");
    }
    try (var files = Files.walk(archive)) {
      assertThat(files.filter(Files::isRegularFile).toList())
          .containsExactly(archive.resolve("2026/02/05/un.md"));
    }
    // a folder inside the archive is the user's choice (the archive at a project's root)
    new SiteGenerator(
            new SiteOptions(
                archive, archive.resolve("site"), base.title(), null, base.locale(), base.zone(),
                20, null),
            Reporter.silent())
        .generate();
    assertThat(archive.resolve("site/2026/02/05/un/index.html")).isRegularFile();
  }

  @Test
  void aCacheFolderInsideTheOutputFolderIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path archive = Files.createDirectories(dir.resolve("archive"));
    Path site = Files.createDirectories(dir.resolve("site"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), site);
    var base = french(null);

    for (Path cache : List.of(site, site.resolve("cache"), site.resolve(".cache/x"), link.resolve("c"))) {
      var options =
          new SiteOptions(
              archive, site, base.title(), null, base.locale(), base.zone(), 20, null, Set.of(),
              cache);
      assertThatThrownBy(() -> new SiteGenerator(options, Reporter.silent()).generate())
          .as(cache.toString())
          .isInstanceOf(SiteGenException.class)
          .hasMessageStartingWith(cache + ": the cache folder is inside the output folder");
    }
    try (Stream<Path> files = Files.list(site)) {
      assertThat(files.toList()).isEmpty();
    }
    // beside it, or holding it, is fine
    for (Path cache : List.of(dir.resolve("cache"), dir)) {
      var options =
          new SiteOptions(
              archive, site, base.title(), null, base.locale(), base.zone(), 20, null, Set.of(),
              cache);
      new SiteGenerator(options, Reporter.silent()).generate();
    }
    assertThat(site.resolve("index.html")).isRegularFile();
  }

  @Test
  void brokenUserTemplateNamesItsFileAndLine() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("templates"));
    Files.writeString(theme.resolve("templates/article.ftlh"), "<p>\n${article.title}\n<#if>\n");

    assertThatThrownBy(() -> SiteFixture.buildNext(french(theme)))
        .isInstanceOf(SiteGenException.class)
        .hasMessageContaining("article.ftlh:3: ")
        .hasMessageContaining(theme.toString());
  }

  @Test
  void failingUserTemplateNamesItsFileAndLine() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("templates"));
    Files.writeString(theme.resolve("templates/tag.ftlh"), "<p>\n\n${article.nope}\n");

    assertThatThrownBy(() -> SiteFixture.buildNext(french(theme)))
        .isInstanceOf(SiteGenException.class)
        .hasMessageContaining("tag.ftlh:3: ")
        .hasMessageContaining("article");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"<#include \"tag.ftlh\">", "<#macro m><@m/></#macro><@m/>"})
  void aTemplateThatNeverEndsNamesItsFile(String template) throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("templates"));
    Files.writeString(theme.resolve("templates/tag.ftlh"), template);

    // a StackOverflowError with a stack trace, and no file named, before
    assertThatThrownBy(() -> SiteFixture.buildNext(french(theme)))
        .isInstanceOf(SiteGenException.class)
        .hasMessage(
            theme.resolve("templates/tag.ftlh")
                + ": rendering never ends: this template, or one it includes, includes itself or"
                + " has a macro or function that calls itself without a way out");
  }

  @Test
  void userThemeOverridesTemplatesStaticFilesAndLabels() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("templates"));
    Files.createDirectories(theme.resolve("static/css"));
    Files.createDirectories(theme.resolve("i18n"));
    Files.writeString(theme.resolve("templates/404.ftlh"), "<p>${labels['notFound.title']}</p>\n");
    Files.writeString(theme.resolve("static/css/site.css"), "body { color: red; }\n");
    Files.writeString(theme.resolve("static/CNAME"), "archive.example.org\n");
    Files.writeString(theme.resolve("i18n/labels_fr.properties"), "notFound.title=Perdu !\n");

    SiteFixture.buildNext(french(theme));

    Path site = dir.resolve("site");
    assertThat(SiteFixture.read(site, "404.html")).isEqualTo("<p>Perdu !</p>\n");
    assertThat(SiteFixture.read(site, "css/site.css")).isEqualTo("body { color: red; }\n");
    assertThat(SiteFixture.read(site, "CNAME")).isEqualTo("archive.example.org\n");
    assertThat(SiteFixture.read(site, "tags/index.html")).contains("<h1>Tags</h1>");
  }

  /**
   * Labels files are UTF-8; one that is not (saved in ISO-8859-1, the encoding {@code .properties}
   * files long had) is read as ISO-8859-1, as Java's own resource bundles do, not with
   * replacement characters.
   */
  @Test
  void userLabelsInIso88591AreReadAsSuch() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("templates"));
    Files.createDirectories(theme.resolve("i18n"));
    Files.writeString(theme.resolve("templates/404.ftlh"), "<p>${labels['notFound.title']}</p>\n");
    Files.write(
        theme.resolve("i18n/labels_fr.properties"),
        "notFound.title=Égaré, et sans espoir de retour\n".getBytes(StandardCharsets.ISO_8859_1));

    SiteFixture.buildNext(french(theme));

    assertThat(SiteFixture.read(dir.resolve("site"), "404.html"))
        .isEqualTo("<p>Égaré, et sans espoir de retour</p>\n");
  }

  /**
   * A user template is UTF-8 unless its {@code <#ftl>} header names another encoding: one whose
   * bytes are not is refused with its line, rather than rendered with replacement characters.
   */
  @Test
  void aUserTemplateNotInItsEncodingNamesItsFileAndLine() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("templates"));
    Files.write(
        theme.resolve("templates/404.ftlh"),
        "<p>\n<b>Égaré</b>\n</p>\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> SiteFixture.buildNext(french(theme)))
        .isInstanceOf(SiteGenException.class)
        .hasMessageContaining("404.ftlh:2: expected UTF-8, found byte 0xC9")
        .hasMessageContaining(theme.toString());

    // lines end as Freemarker ends them: CR LF and a lone CR count once each
    Files.write(
        theme.resolve("templates/404.ftlh"),
        "<p>\r\n\r<b>Égaré</b>\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> SiteFixture.buildNext(french(theme)))
        .hasMessageContaining("404.ftlh:3: expected UTF-8, found byte 0xC9");

    // the same bytes, their encoding named
    Files.write(
        theme.resolve("templates/404.ftlh"),
        "<#ftl encoding=\"ISO-8859-1\">\n<b>Égaré</b>\n".getBytes(StandardCharsets.ISO_8859_1));
    SiteFixture.buildNext(french(theme));
    assertThat(SiteFixture.read(dir.resolve("site"), "404.html")).isEqualTo("<b>Égaré</b>\n");
  }

  /**
   * A static file of the user's theme replaces the generated {@code robots.txt} (a site's own), but
   * one where the site makes a page is refused before anything is written: both would otherwise be
   * written, one over the other, on every build.
   */
  @Test
  void aStaticFileReplacesRobotsTxtButNeverAPage() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("static/tags"));
    Files.writeString(theme.resolve("static/robots.txt"), "User-agent: *\nDisallow: /\n");

    SiteFixture.buildNext(french(theme));
    assertThat(SiteFixture.read(dir.resolve("site"), "robots.txt")).isEqualTo("User-agent: *\nDisallow: /\n");

    for (String page : List.of("index.html", "tags/index.html", "search/index/meta.json")) {
      Path file = theme.resolve("static").resolve(page);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "<p>mine</p>\n");
      Path site = dir.resolve("site-" + page.replace('/', '-'));

      var options = new SiteOptions(
          dir.resolve("archive"), site, "Archives", null, java.util.Locale.FRANCE,
          java.time.ZoneId.of("Europe/Paris"), 20, theme);

      assertThatThrownBy(() -> SiteFixture.build(options, NextArchive.articles(), NextArchive.bodyLoader()))
          .isInstanceOf(SiteGenException.class)
          .hasMessageContaining(file + ": the site makes " + page + " itself");
      assertThat(site.resolve("index.html")).doesNotExist(); // refused before writing
      Files.delete(file);
    }
  }

  @Test
  void rerunningWritesNothing() throws Exception {
    SiteReport first = SiteFixture.buildNext(french(null));
    Path page = dir.resolve("site/index.html");
    FileTime before = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(page, before);

    SiteReport second = SiteFixture.buildNext(french(null));

    assertThat(first.pagesWritten()).isPositive();
    assertThat(first.pagesUnchanged()).isZero();
    assertThat(second.pagesWritten()).isZero();
    assertThat(second.pagesUnchanged()).isEqualTo(first.pagesWritten());
    assertThat(Files.getLastModifiedTime(page)).isEqualTo(before);
  }

  @Test
  void outputDependsOnlyOnTheInputs() throws Exception {
    List<Article> reversed = new ArrayList<>(NextArchive.articles());
    java.util.Collections.reverse(reversed);
    SiteOptions one = SiteFixture.french(dir.resolve("one"), URI.create("https://a.example/"), 2);
    SiteOptions two = SiteFixture.french(dir.resolve("two"), URI.create("https://a.example/"), 2);

    SiteFixture.buildNext(one);
    SiteFixture.build(two, reversed, NextArchive.bodyLoader());

    List<String> files = SiteFixture.files(one.output());
    assertThat(SiteFixture.files(two.output())).isEqualTo(files);
    for (String file : files) {
      assertThat(Files.readAllBytes(two.output().resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(one.output().resolve(file)));
    }
  }

  @Test
  void withoutBaseUrlSaysWhyThereIsNoSitemap() throws Exception {
    List<String> infos = new ArrayList<>();
    Reporter reporter =
        new Reporter() {
          @Override
          public void problem(Problem problem) {}

          @Override
          public void info(String message) {
            infos.add(message);
          }
        };

    new SiteGenerator(french(null), reporter)
        .generate(NextArchive.articles(), NextArchive.bodyLoader());

    assertThat(dir.resolve("site/sitemap.xml")).doesNotExist();
    assertThat(infos).anyMatch(m -> m.contains("sitemap") && m.contains("base URL"));
    assertThat(SiteFixture.read(dir.resolve("site"), "robots.txt")).doesNotContain("Sitemap");
    assertThat(SiteFixture.read(dir.resolve("site"), "index.html"))
        .doesNotContain("rel=\"canonical\"");
  }

  @Test
  void aBodyNestedTooDeeplyIsShownAsTextAndReportedWithoutCostingTheOthers() throws Exception {
    Path archive = Files.createDirectories(dir.resolve("archive"));
    Files.writeString(
        archive.resolve("normal.md"),
        "---\ntitle: \"Normal\"\ndate: 2026-01-02T10:00:00Z\n---\n\nBonjour *vous*.\n");
    Path deep = archive.resolve("profond.md");
    Files.writeString(
        deep,
        "---\ntitle: \"Profond\"\ndate: 2026-01-03T10:00:00Z\n---\n\n"
            + ">".repeat(100_000)
            + " <script>alert(1)</script>\n");
    List<Problem> problems = new ArrayList<>();
    var options =
        new SiteOptions(
            archive, dir.resolve("site"), "Archive", null, Locale.ENGLISH, ZoneId.of("UTC"), 20, null);

    SiteReport report = new SiteGenerator(options, problems::add).generate();

    assertThat(report.articles()).isEqualTo(2);
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo(deep.toString());
              assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(p.message()).contains("nested too deeply", "plain text");
            });
    Path site = dir.resolve("site");
    assertThat(SiteFixture.read(site, "2026/01/03/profond/index.html"))
        .contains("&gt;&gt;&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>")
        .doesNotContain("<script>alert");
    assertThat(SiteFixture.read(site, "2026/01/02/normal/index.html")).contains("<em>vous</em>");
  }

  @Test
  void aMissingArchiveFolderIsAnErrorAndAnEmptyOneASiteWithoutArticles() throws Exception {
    Path archive = dir.resolve("archive");
    Path site = dir.resolve("site");
    Files.createDirectories(site);
    Files.writeString(site.resolve("index.html"), "the site deployed last time");
    Path cache = dir.resolve("cache");
    for (@org.jspecify.annotations.Nullable Path folder : java.util.Arrays.asList(null, cache)) {
      var options =
          new SiteOptions(
              archive, site, "Archive", null, Locale.ENGLISH, ZoneId.of("UTC"), 20, null,
              java.util.Set.of(), folder);
      assertThatThrownBy(() -> new SiteGenerator(options, Reporter.silent()).generate())
          .isInstanceOf(SiteGenException.class)
          .hasMessage(archive + ": archive folder: expected a folder, found none (an import"
              + " creates it; create it empty for a site with no articles yet)");
      assertThat(SiteFixture.read(site, "index.html")).isEqualTo("the site deployed last time");

      Files.writeString(archive, "not a folder");
      assertThatThrownBy(() -> new SiteGenerator(options, Reporter.silent()).generate())
          .hasMessage(archive + ": archive folder: expected a folder, found a file");
      Files.delete(archive);
    }

    Files.createDirectories(archive);
    var options =
        new SiteOptions(
            archive, site, "Archive", null, Locale.ENGLISH, ZoneId.of("UTC"), 20, null);
    assertThat(new SiteGenerator(options, Reporter.silent()).generate().articles()).isZero();
    assertThat(SiteFixture.read(site, "index.html")).contains("No articles yet.");
  }

  @Test
  void emptyArchiveGivesASiteWithoutArticles() throws Exception {
    var options =
        new SiteOptions(
            dir.resolve("archive"),
            dir.resolve("site"),
            "Archive",
            null,
            Locale.ENGLISH,
            ZoneId.of("UTC"),
            20,
            null);

    SiteReport report = SiteFixture.build(options, List.of(), a -> "");

    assertThat(report.articles()).isZero();
    assertThat(SiteFixture.read(dir.resolve("site"), "index.html")).contains("No articles yet.");
    assertThat(
            parseSecurely(dir.resolve("site/feed.xml"))
                .getElementsByTagName("updated")
                .item(0)
                .getTextContent())
        .isEqualTo("1970-01-01T00:00:00Z");
  }

  @Test
  void missingThemeFolderFailsInTheConstructor() {
    assertThatThrownBy(() -> new SiteGenerator(french(dir.resolve("nope")), Reporter.silent()))
        .isInstanceOf(SiteGenException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void badDatePatternInUserLabelsFailsInTheConstructor() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("i18n"));
    Files.writeString(theme.resolve("i18n/labels_fr.properties"), "format.date=d MMMM yyyy {bad\n");

    assertThatThrownBy(() -> new SiteGenerator(french(theme), Reporter.silent()))
        .isInstanceOf(SiteGenException.class)
        .hasMessageStartingWith("i18n/labels_fr.properties: date format: ");

    // an empty pattern is a valid one, which would print every date as nothing
    Files.writeString(theme.resolve("i18n/labels_fr.properties"), "format.month= \n");
    assertThatThrownBy(() -> new SiteGenerator(french(theme), Reporter.silent()))
        .isInstanceOf(SiteGenException.class)
        .hasMessage(
            "i18n/labels_fr.properties: date format: format.month: expected a date pattern,"
                + " found none");
  }

  @Test
  void staticListNamesEveryFileOfTheDefaultTheme() throws Exception {
    // the theme's sources (tests run in generator/): in the reactor the theme is often a jar
    Path themeRoot = Path.of("../site-template/src/main/resources/sitegen-theme");
    assertThat(themeRoot.resolve("static.list")).exists();
    Path staticRoot = themeRoot.resolve("static");

    List<String> onDisk;
    try (Stream<Path> walk = Files.walk(staticRoot)) {
      onDisk =
          walk.filter(Files::isRegularFile)
              .map(p -> staticRoot.relativize(p).toString().replace('\\', '/'))
              .sorted()
              .toList();
    }

    List<String> listed =
        Files.readString(themeRoot.resolve("static.list"))
            .lines()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .sorted()
            .toList();
    assertThat(listed).isEqualTo(onDisk);
  }

  static Document parseSecurely(Path xml) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(xml)));
  }
}
