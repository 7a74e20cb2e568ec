package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.site.SiteGenerator;
import io.github.sitegen.site.SiteOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile and odd items imported end to end: nothing executable reaches the archive or the site,
 * our own formats (YAML, Freemarker) are never injected, every file lands inside the archive.
 */
class ImportHostileTest {

  /**
   * The theme's own script elements: the JSON-LD data block (not executed; its content is still
   * scanned) and the search page's script file.
   */
  private static final Pattern OWN_SCRIPTS =
      Pattern.compile(
          "<script type=\"application/ld\\+json\">|</script>|<script src=\"(\\.\\./)*js/search\\.js\">");

  private static String withoutOwnScripts(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return file.toString().endsWith(".md") ? text : OWN_SCRIPTS.matcher(text).replaceAll("");
  }

  private static final Pattern EXECUTABLE =
      Pattern.compile("(?i)<script|\\son\\w+\\s*=|javascript:|<svg|<iframe|data:text/html");

  @TempDir Path dir;

  private final List<Problem> problems = new ArrayList<>();

  @Test
  void nothingExecutableReachesTheArchiveOrTheSite() throws IOException {
    String items =
        item("1", "<script>alert(1)</script>Titre <img src=x onerror=alert(2)>", "2026-02-05T10:00:00Z",
                "<p onclick=\"alert(3)\">Texte <a href=\"javascript:alert(4)\">lien</a>"
                    + "<a href=\"JaVaScRiPt:alert(5)\">l2</a> <img src=\"data:text/html;base64,PHNjcmlwdD4=\">"
                    + "<svg onload=\"alert(6)\"><script>alert(7)</script></svg>"
                    + "<iframe src=\"https://evil.test/\"></iframe><script>alert(8)</script>"
                    + "<style>body{}</style><form action=\"https://evil.test\"><input></form>"
                    + "<a href=\"https://ok.test/\" onmouseover=\"alert(9)\">ok</a></p>",
                "<author>&lt;script&gt;alert(10)&lt;/script&gt;Ann</author>"
                    + "<category>&lt;img src=x onerror=alert(11)&gt;tag</category>"
                    + "<enclosure url=\"javascript:alert(12)\" type=\"image/png\" length=\"1\"/>")
            + item("2", "Lien piégé", "2026-02-05T11:00:00Z", "<p>ok</p>",
                "<link>javascript:alert(13)</link>"
                    + "<enclosure url=\"data:image/svg+xml;base64,PHN2Zz4=\" type=\"image/svg+xml\" length=\"1\"/>");
    Path archive = importFeed(items);
    Path site = dir.resolve("site");

    new SiteGenerator(SiteOptions.defaults(archive, site), problems::add).generate();

    for (Path file : files(archive)) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContainPattern(EXECUTABLE);
    }
    for (Path file : files(site)) {
      assertThat(withoutOwnScripts(file)).as(file.toString()).doesNotContainPattern(EXECUTABLE);
    }
    assertThat(String.join("\n", texts(archive))).contains("Texte", "https://ok.test/");
  }

  @Test
  void feedparsersSanitizeCorpusLeavesNothingExecutable() throws Exception {
    Path corpus =
        Path.of(getClass().getResource("/feed/peer-feeds/feedparser/wellformed/sanitize").toURI());
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    for (Path file : files(corpus)) {
      Files.copy(file, snapshots.resolve(file.getFileName()));
    }
    Path archive = dir.resolve("articles");
    Path site = dir.resolve("site");

    ImportReport report =
        new ArchiveImporter(new ImportOptions(snapshots, archive, ZoneOffset.UTC), problems::add).run();
    new SiteGenerator(SiteOptions.defaults(archive, site), problems::add).generate();

    assertThat(report.snapshots()).allSatisfy(c -> assertThat(c.skipped()).isZero());
    for (Path file : Stream.concat(files(archive).stream(), files(site).stream()).toList()) {
      assertThat(withoutOwnScripts(file)).as(file.toString()).doesNotContainPattern(EXECUTABLE);
    }
    // feedparser: the image stays, its onerror / onload goes
    assertThat(String.join("\n", texts(archive)))
        .contains("![](http://www.ragingplatypus.com/i/cam-full.jpg)")
        .contains("[never trust your upstream platypus](http://www.ragingplatypus.com/)")
        .contains("![](http://site.invalid/img.jpg)");
  }

  @Test
  void theWholePeerCorpusImportsAndRendersWithoutAnythingExecutable() throws Exception {
    Path corpus = Path.of(getClass().getResource("/feed/peer-feeds").toURI());
    Path archive = dir.resolve("articles");
    Path site = dir.resolve("site");

    ImportReport report =
        new ArchiveImporter(new ImportOptions(corpus, archive, ZoneOffset.UTC), problems::add).run();
    new SiteGenerator(SiteOptions.defaults(archive, site), problems::add).generate();

    assertThat(report.snapshots()).hasSize(172); // every *.xml; example.json is not a snapshot name
    assertThat(report.created()).isGreaterThan(100);
    for (Path file : Stream.concat(files(archive).stream(), files(site).stream()).toList()) {
      assertThat(withoutOwnScripts(file)).as(file.toString()).doesNotContainPattern(EXECUTABLE);
    }
  }

  @Test
  void hugeTitlesNamesLinksAndIdsLeaveAFileThatReadsBack() throws IOException {
    // a 5 MB title made an archive file whose front matter no reader takes (over 1 Mi code
    // points): the article was archived, then left out of every build with an error
    String title = "Titre " + "très long ".repeat(500_000);
    StringBuilder tags = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      tags.append("<category>").append(i).append(' ').append("étiquette ".repeat(30)).append("</category>");
    }
    String link = "https://hostile.test/" + "a".repeat(20_000);
    String guid = "urn:hostile:" + "g".repeat(20_000);
    Path archive =
        importFeed(
            item(guid, title, "2026-02-05T10:00:00Z", "<p>Texte.</p>", tags + "<link>" + link + "</link>")
                + item("2", "Voisin", "2026-02-05T11:00:00Z", "<p>Autre.</p>", ""));
    List<Problem> imported = List.copyOf(problems);
    problems.clear();

    List<Article> articles = new ArchiveReader().read(archive, problems::add);

    assertThat(problems).isEmpty();
    assertThat(articles).hasSize(2);
    Article big = articles.stream().filter(a -> !a.title().equals("Voisin")).findFirst().orElseThrow();
    assertThat(big.title()).hasSizeLessThanOrEqualTo(1000).startsWith("Titre très long").endsWith("…");
    assertThat(big.tags()).hasSize(100).allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(200).endsWith("…"));
    assertThat(big.tags().get(99)).startsWith("99 étiquette");
    assertThat(big.link()).isEmpty();
    assertThat(big.id()).matches("sha256:[0-9a-f]{16}");
    assertThat(Files.size(big.file())).isLessThan(40_000); // (100 tags of 200 characters)
    String where = dir.resolve("snapshots/feed.xml") + ":";
    assertThat(imported)
        .extracting(Problem::toString)
        .allSatisfy(p -> assertThat(p).startsWith(where).hasSizeLessThan(300))
        .anySatisfy(p -> assertThat(p).containsPattern("title of 500000\\d characters cut to 1000$"))
        .anySatisfy(p -> assertThat(p).containsPattern("tags: 150, the longest of 30\\d characters; kept 100 \\(at most 100\\)"))
        .anySatisfy(p -> assertThat(p).containsPattern("link of 2002\\d characters left out"));
    // the same guid gives the same id: imported again, nothing new
    problems.clear();
    ImportReport again =
        new ArchiveImporter(
                new ImportOptions(dir.resolve("snapshots"), archive, ZoneOffset.UTC), problems::add)
            .run();
    assertThat(again.alreadyImported()).isEqualTo(1);
    Files.writeString(
        dir.resolve("snapshots/later.xml"),
        feed("2026-02-05T18:00:00Z", item(guid, "Titre court", "2026-02-05T10:00:00Z", "<p>Texte.</p>", "")));
    problems.clear();
    ImportReport later =
        new ArchiveImporter(
                new ImportOptions(dir.resolve("snapshots"), archive, ZoneOffset.UTC), problems::add)
            .run();
    assertThat(later.created()).isZero();
    assertThat(later.updated()).isEqualTo(1);
    problems.clear();
  }

  @Test
  void yamlAndFreemarkerSyntaxStayLiteral() throws IOException {
    String title = "---\\ntitle: pwned\\n# ${7*7} <#assign x=1>: \"quoted\" 'single' #{7*7} [[x]] &amp;";
    String tag = "${7*7}: - [x] #tag";
    Path archive =
        importFeed(
            item("1", title.replace("\\n", "&#10;"), "2026-02-05T10:00:00Z", "<p>${7*7}</p>",
                "<category>" + tag.replace("&", "&amp;").replace("<", "&lt;") + "</category>"));
    Path site = dir.resolve("site");

    List<Article> articles = new ArchiveReader().read(archive, problems::add);
    new SiteGenerator(SiteOptions.defaults(archive, site), problems::add).generate();

    assertThat(articles).singleElement().satisfies(a -> {
      assertThat(a.title())
          .isEqualTo("--- title: pwned # ${7*7} <#assign x=1>: \"quoted\" 'single' #{7*7} [[x]] &");
      assertThat(a.tags()).containsExactly(tag);
    });
    String page = String.join("\n", texts(site));
    assertThat(page).contains("${7*7}").doesNotContain(">49<").doesNotContain("pwned</title>");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          ../../etc/passwd
          ..\\\\..\\\\windows\\\\system32
          CON
          nul.txt
          /absolute/path
          "  "
          🎉🎉🎉
          .
          """)
  void dangerousTitlesLandInsideTheArchive(String title) throws IOException {
    Path archive = importFeed(item("1", title == null ? "" : title, "2026-02-05T10:00:00Z", "<p>x</p>", ""));

    List<Path> files = files(archive);

    assertThat(files).singleElement().satisfies(file -> {
      assertThat(file.normalize()).startsWith(archive.normalize());
      assertThat(archive.relativize(file).toString()).matches("2026/02/05/[a-z0-9][a-z0-9-]*\\.md");
      assertThat(file.getFileName().toString()).isNotIn("con.md", "nul.md");
    });
  }

  @Test
  void longAndIdenticalTitlesGetShortUniqueSlugs() throws IOException {
    String longTitle = "mot ".repeat(100);
    Path archive =
        importFeed(
            item("1", longTitle, "2026-02-05T10:00:00Z", "<p>a</p>", "")
                + item("2", longTitle, "2026-02-05T11:00:00Z", "<p>b</p>", "")
                + item("3", "Même titre", "2026-02-05T12:00:00Z", "<p>c</p>", "")
                + item("4", "Même titre", "2026-02-05T13:00:00Z", "<p>d</p>", ""));

    List<String> names = files(archive).stream().map(p -> p.getFileName().toString()).sorted().toList();

    assertThat(names).hasSize(4).doesNotHaveDuplicates();
    assertThat(names).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH + 6));
    assertThat(names).contains("meme-titre.md", "meme-titre-2.md");
  }

  @Test
  void anUndatedItemTakesTheSnapshotTimeAndSaysSo() throws IOException {
    Path archive = importFeed(item("1", "Sans date", null, "<p>x</p>", "")
        + item("2", "Date illisible", "hier soir", "<p>y</p>", ""));

    List<String> texts = texts(archive);

    assertThat(texts).hasSize(2).allSatisfy(text -> assertThat(text)
        .contains("date: 2026-02-05T17:00:00Z\ndate_from: snapshot\n"));
    assertThat(problems).extracting(Problem::message).filteredOn(m -> m.contains("using the snapshot time"))
        .hasSize(2);
  }

  @Test
  void anUndatedItemKeepsTheFirstSnapshotTimeWhateverTheReadOrder() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Files.writeString(snapshots.resolve("b.xml"), feed("2026-02-06T09:00:00Z", item("1", "Sans date", null, "<p>x</p>", "")));
    Files.writeString(snapshots.resolve("a.xml"), feed("2026-02-05T09:00:00Z", item("1", "Sans date", null, "<p>x</p>", "")));
    Path archive = dir.resolve("articles");

    new ArchiveImporter(new ImportOptions(snapshots, archive, ZoneOffset.UTC), problems::add).run();

    assertThat(texts(archive)).singleElement().asString().contains("date: 2026-02-05T09:00:00Z\n");
  }

  @Test
  void futureAnd1970DatesAreKeptAndFlagged() throws IOException {
    Path archive = importFeed(item("1", "Futur", "2099-01-01T00:00:00Z", "<p>x</p>", "")
        + item("2", "Epoch", "1970-01-01T00:00:00Z", "<p>y</p>", ""));

    assertThat(files(archive)).hasSize(2);
    assertThat(problems).filteredOn(p -> p.severity() == Problem.Severity.INFO)
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("\"Futur\"").contains("in the future"))
        .anySatisfy(m -> assertThat(m).contains("\"Epoch\"").contains("implausible date"));
  }

  @Test
  void itemsWithoutGuidAndLinkAreKeptApartByContent() throws IOException {
    String noId = "<item><title>A</title><pubDate>Thu, 05 Feb 2026 10:00:00 GMT</pubDate><description>un</description></item>"
        + "<item><title>B</title><pubDate>Thu, 05 Feb 2026 10:00:00 GMT</pubDate><description>deux</description></item>";

    Path archive = importFeed(noId);

    assertThat(texts(archive)).hasSize(2).allSatisfy(t -> assertThat(t).contains("id: sha256:"));
  }

  @Test
  void aDuplicateGuidInOneFileKeepsTheFirstAndReportsTheSecond() throws IOException {
    Path archive = importFeed(item("same", "Premier", "2026-02-05T10:00:00Z", "<p>un</p>", "")
        + item("same", "Second", "2026-02-05T11:00:00Z", "<p>deux</p>", ""));

    assertThat(texts(archive)).singleElement().asString().contains("title: Premier");
    assertThat(problems).extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("appears earlier in the same file"));
  }

  @Test
  void oneBadFileCostsNoOtherFile() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Files.writeString(snapshots.resolve("a-page.xml"), "<!DOCTYPE html><html><body>404</body></html>");
    Files.writeString(snapshots.resolve("b-json.xml"), "{\"items\":[]}");
    Files.writeString(snapshots.resolve("c-empty.xml"), "");
    Files.writeString(snapshots.resolve("d-feed.xml"), feed("2026-02-05T17:00:00Z", item("1", "Ok", "2026-02-05T10:00:00Z", "<p>x</p>", "")));
    Path archive = dir.resolve("articles");

    ImportReport report = new ArchiveImporter(new ImportOptions(snapshots, archive, ZoneOffset.UTC), problems::add).run();

    assertThat(report.created()).isEqualTo(1);
    assertThat(report.problems()).hasSize(3).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR));
    assertThat(FailOn.ERROR.failed(report)).isTrue();
    assertThat(FailOn.NEVER.failed(report)).isFalse();
    assertThat(report.report())
        .contains(snapshots.resolve("d-feed.xml") + ": 1 items, 1 new, 0 updated, 0 unchanged, 0 skipped\n")
        .contains("error: " + snapshots.resolve("b-json.xml") + ":1: not a feed: expected rss or atom xml, found json");
  }

  // --- helpers ---

  private Path importFeed(String items) throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Files.writeString(snapshots.resolve("feed.xml"), feed("2026-02-05T17:00:00Z", items), StandardCharsets.UTF_8);
    Path archive = dir.resolve("articles");
    new ArchiveImporter(new ImportOptions(snapshots, archive, ZoneOffset.UTC), problems::add).run();
    return archive;
  }

  /** An Atom feed of {@code entries} updated at {@code updated} (ISO); its self link comes after them. */
  static String atomFeed(String updated, String entries) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        + "<title>Atom</title><link href=\"https://atom.test/\"/><updated>" + updated + "</updated>\n"
        + entries + "<link rel=\"self\" href=\"https://atom.test/feed.atom\"/>\n</feed>\n";
  }

  static String feed(String lastBuild, String items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Hostile</title>"
        + "<link>https://hostile.test/</link><description>d</description><lastBuildDate>"
        + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.OffsetDateTime.parse(lastBuild))
        + "</lastBuildDate>\n" + items + "\n</channel></rss>\n";
  }

  /** An item; {@code date} is ISO (turned into RFC 822), free text (kept as is), or null (none). */
  static String item(String guid, String titleXml, String date, String html, String extra) {
    String pubDate = "";
    if (date != null) {
      String text = date;
      try {
        text = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(java.time.OffsetDateTime.parse(date));
      } catch (java.time.format.DateTimeParseException e) {
        // free text: an unparseable date on purpose
      }
      pubDate = "<pubDate>" + text + "</pubDate>";
    }
    return "<item><guid isPermaLink=\"false\">" + guid + "</guid><title>" + escapeTitle(titleXml) + "</title>"
        + pubDate + "<description><![CDATA[" + html + "]]></description>" + extra + "</item>\n";
  }

  private static String escapeTitle(String title) {
    // titles are given as raw text (markup included, on purpose) except character references
    return title.replace("&amp;", "\u0000").replace("&", "&amp;").replace("<", "&lt;").replace("\u0000", "&amp;amp;")
        .replace("&amp;#10;", "&#10;");
  }

  /** Every file under root but hidden ones (the archive's import record, the site's .nojekyll). */
  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static List<String> texts(Path root) throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path file : files(root)) {
      if (file.toString().endsWith(".md") || file.toString().endsWith(".html") || file.toString().endsWith(".xml")) {
        texts.add(Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return texts;
  }
}
