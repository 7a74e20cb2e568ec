package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sitegen.Reporter;
import io.github.sitegen.archive.ArchiveReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with the build cache renders only what changed, and its output is always byte for byte
 * the output of a clean build of the same archive: after adding, editing, re-tagging, re-dating and
 * deleting articles, with a corrupt cache, a changed theme or an output file touched by hand.
 */
class IncrementalBuildTest {
  private static final URI BASE = URI.create("https://archive.example.org/next/");

  @TempDir Path dir;
  Path archive;
  Path site;
  Path cache;

  @BeforeEach
  void archive() throws IOException {
    archive = dir.resolve("articles");
    site = dir.resolve("site");
    cache = dir.resolve("cache");
    copy(Path.of("src/test/resources/site/articles"), archive);
    String[] tags = {"IA", "Droit", "Sécurité", "Société numérique", "Logiciel"};
    for (int i = 0; i < 40; i++) {
      int day = 1 + i % 9;
      write(
          "2026/01/0" + day + "/billet-" + i + ".md",
          "title: Billet n° "
              + i
              + "\ndate: 2026-01-0"
              + day
              + "T"
              + (10 + i % 12)
              + ":00:00+01:00\nauthors: [Auteur "
              + (i % 3)
              + "]\ntags: ["
              + tags[i % tags.length]
              + ", "
              + tags[(i * 7 + 1) % tags.length]
              + "]\nlink: https://next.ink/"
              + (1000 + i)
              + "/billet/\nsummary: Résumé du billet "
              + i,
          "Le corps du billet "
              + i
              + ", avec [un lien](https://next.ink/"
              + (1000 + (i + 1) % 40)
              + "/billet/) vers le suivant.\n\n## Partie\n\nEt une suite.\n");
    }
  }

  @Test
  void aSecondBuildWithNothingChangedRendersNothing() throws Exception {
    SiteReport first = incremental();
    Map<String, FileTime> times = times(site);
    SiteReport second = incremental();

    assertThat(first.pagesSkipped()).isZero();
    assertThat(second.pagesWritten()).isZero();
    assertThat(second.pagesSkipped()).isGreaterThan(100);
    assertThat(times(site)).isEqualTo(times);
    assertSameAsCleanBuild();
  }

  @Test
  void theArchiveGivenRelativeOrByAnotherSpellingOrMovedWithItsCacheIsNotRenderedAgain()
      throws Exception {
    incremental();
    SiteReport noChange = incremental();

    archive = Path.of("").toAbsolutePath().relativize(archive); // as `--archive ../x/articles`
    SiteReport relative = incremental();
    archive = dir.resolve("site/../articles");
    SiteReport spelled = incremental();
    Path moved = dir.resolve("moved");
    for (String folder : List.of("articles", "site", "cache")) {
      copyKeepingTimes(dir.resolve(folder), moved.resolve(folder));
    }
    archive = moved.resolve("articles");
    site = moved.resolve("site");
    cache = moved.resolve("cache");
    SiteReport afterMove = incremental();

    for (SiteReport again : List.of(relative, spelled, afterMove)) {
      assertThat(again.pagesWritten()).isZero();
      assertThat(again.pagesSkipped()).isEqualTo(noChange.pagesSkipped()).isGreaterThan(100);
    }
    assertSameAsCleanBuild();
  }

  @Test
  void cleanBuildsOfOneArchiveInTwoFoldersAreTheSame() throws Exception {
    // two articles claim one id: the feed tells the older by its place in the archive
    write("2026/02/01/un.md", "title: Un\nid: tag:next.ink,2026:1\ndate: 2026-02-01T08:00:00Z", "Un.\n");
    write("2026/02/02/deux.md", "title: Deux\nid: tag:next.ink,2026:1\ndate: 2026-02-02T08:00:00Z", "Deux.\n");
    // and one has none: the feed names it by its place in the archive
    write("2026/02/03/trois.md", "title: Trois\ndate: 2026-02-03T08:00:00Z", "Trois.\n");
    Path elsewhere = dir.resolve("elsewhere/deeper/articles");
    copyKeepingTimes(archive, elsewhere);

    new SiteGenerator(options(site, null), Reporter.silent()).generate();
    archive = elsewhere;
    Path other = dir.resolve("elsewhere/site");
    new SiteGenerator(options(other, null), Reporter.silent()).generate();

    assertThat(SiteFixture.read(site, "feed.xml"))
        .contains(
            "<id>tag:next.ink,2026:1</id>",
            "<id>urn:sha1:" + SitePlanner.sha1("tag:next.ink,2026:1\n2026/02/01/un.md") + "</id>",
            "<id>urn:sha1:" + SitePlanner.sha1("2026/02/03/trois.md") + "</id>");
    assertThat(SiteFixture.contents(other)).isEqualTo(SiteFixture.contents(site));
  }

  @Test
  void addingAnArticle() throws Exception {
    incremental();
    Map<String, FileTime> times = times(site);
    write(
        "2026/01/05/nouveau.md",
        "title: Un nouvel article\ndate: 2026-01-05T23:30:00+01:00\ntags: [IA]",
        "Nouveau, il cite [le billet 3](https://next.ink/1003/billet/).\n");

    SiteReport report = incremental();

    assertSameAsCleanBuild();
    assertThat(report.pagesSkipped()).isGreaterThan(20);
    // an article far from the new one, in time and tags, was not touched
    assertThat(times(site).get("2026/01/09/billet-8/index.html"))
        .isEqualTo(times.get("2026/01/09/billet-8/index.html"));
    assertThat(SiteFixture.read(site, "2026/01/05/nouveau/index.html"))
        .contains("../../04/billet-3/index.html");
  }

  @Test
  void anArticleFarAwayInTimeJoinsTheRelatedListsOfItsTags() throws Exception {
    // the only article of two tags: its related list can only grow through a new article of
    // those tags, however far away in time (none of the pages between changes)
    write("2026/01/02/seul.md", "title: Seul\ndate: 2026-01-02T08:00:00+01:00\ntags: [Rare, Unique]", "Seul.\n");
    incremental();
    Map<String, FileTime> times = times(site);

    write("2026/03/01/plus-tard.md", "title: Plus tard\ndate: 2026-03-01T08:00:00+01:00\ntags: [Rare]", "Tard.\n");
    SiteReport later = incremental();

    assertSameAsCleanBuild();
    assertThat(later.pagesSkipped()).isGreaterThan(20);
    assertThat(SiteFixture.read(site, "2026/01/02/seul/index.html")).contains("Plus tard");
    assertThat(times(site).get("2026/01/05/billet-4/index.html"))
        .isEqualTo(times.get("2026/01/05/billet-4/index.html"));

    write("2025/12/01/plus-tot.md", "title: Plus tôt\ndate: 2025-12-01T08:00:00+01:00\ntags: [Unique]", "Tôt.\n");
    incremental();

    assertSameAsCleanBuild();
    assertThat(SiteFixture.read(site, "2026/01/02/seul/index.html")).contains("Plus tôt");
  }

  @Test
  void newArticlesLeaveTheNumberedPagesOfAListAlone() throws Exception {
    incremental(); // 45 articles, 3 a page: the first page holds 3, page/1 to page/14 the rest
    Map<String, FileTime> before = times(site);
    for (int i = 0; i < 3; i++) {
      write(
          "2026/02/2" + i + "/tout-neuf-" + i + ".md",
          "title: Tout neuf " + i + "\ndate: 2026-02-2" + i + "T08:00:00+01:00\ntags: [IA]",
          "Le plus récent, n° " + i + ".\n");
    }

    incremental(); // 48: the first page hands its 3 oldest to a new page/15 and keeps the 3 newest
    Map<String, FileTime> after = times(site);

    assertSameAsCleanBuild();
    List<String> numbered =
        before.keySet().stream()
            .filter(p -> p.matches("(read/|tags/ia/)?page/\\d+/index[.]html"))
            // but the newest numbered page of a list that grew by a page: its link to newer
            // articles now leads to the new page (page 14 of the home; page 5 of tag IA, 17 -> 20)
            .filter(p -> !p.matches("(read/)?page/14/.*|tags/ia/page/5/.*"))
            .toList();
    assertThat(numbered).contains("page/1/index.html", "page/13/index.html", "read/page/13/index.html");
    assertThat(numbered).allSatisfy(p -> assertThat(after.get(p)).as(p).isEqualTo(before.get(p)));
    assertThat(after).doesNotContainKey("page/16/index.html");
    assertThat(SiteFixture.read(site, "page/14/index.html"))
        .contains("<a rel=\"prev\" href=\"../15/index.html\">");
    assertThat(SiteFixture.read(site, "page/15/index.html"))
        .contains("<a rel=\"prev\" href=\"../../index.html\">")
        .contains("<a rel=\"next\" href=\"../14/index.html\">");
    assertThat(SiteFixture.read(site, "index.html"))
        .contains("tout-neuf-2", "tout-neuf-0")
        .contains("<a rel=\"next\" href=\"page/15/index.html\">");
  }

  @Test
  void editingABody() throws Exception {
    incremental();
    edit("2026/01/03/billet-2.md", text -> text.replace("Et une suite.", "Et une autre suite."));

    SiteReport report = incremental();

    assertSameAsCleanBuild();
    assertThat(report.pagesWritten()).isPositive();
    assertThat(SiteFixture.read(site, "2026/01/03/billet-2/index.html"))
        .contains("Et une autre suite.");
  }

  @Test
  void editingABodyWithoutChangingItsSize() throws Exception {
    incremental();
    edit("2026/01/03/billet-2.md", text -> text.replace("Et une suite.", "Et une fuite."));

    incremental();

    assertSameAsCleanBuild();
    assertThat(SiteFixture.read(site, "2026/01/03/billet-2/index.html")).contains("une fuite");
  }

  @Test
  void aBuildWithoutTheArchiveIndexGivesTheSameSite() throws Exception {
    // bodies loaded from elsewhere (tests, other front ends) are told apart by their digest
    incremental();
    edit("2026/01/03/billet-2.md", text -> text.replace("Et une suite.", "Et une fuite."));
    var reader = new ArchiveReader();
    var listing = reader.list(archive, ZoneId.of("Europe/Paris"), Reporter.silent());

    new SiteGenerator(options(site, cache), Reporter.silent())
        .generate(listing.articles(), reader::body, listing.images());

    assertSameAsCleanBuild();
  }

  @Test
  void changingTags() throws Exception {
    incremental();
    edit("2026/01/04/billet-3.md", text -> text.replaceFirst("tags: \\[[^]]*]", "tags: [Nouveau]"));

    incremental();

    assertSameAsCleanBuild();
    assertThat(site.resolve("tags/nouveau/index.html")).exists();
  }

  @Test
  void changingADateMovesTheArticleAndTheLinksToIt() throws Exception {
    incremental();
    // billet-4 is linked from billet-3's body: that page must follow the move
    edit("2026/01/05/billet-4.md", text -> text.replace("date: 2026-01-05", "date: 2026-01-08"));

    incremental();

    assertSameAsCleanBuild();
    assertThat(site.resolve("2026/01/05/billet-4/index.html")).doesNotExist();
    assertThat(site.resolve("2026/01/08/billet-4/index.html")).exists();
    assertThat(SiteFixture.read(site, "2026/01/04/billet-3/index.html"))
        .contains("../../08/billet-4/index.html");
  }

  @Test
  void deletingAHandWrittenArticleRemovesItsPagesAndEmptyFolders() throws Exception {
    incremental();
    assertThat(site.resolve("2026/02/03/ma-note/index.html")).exists();
    Files.delete(archive.resolve("notes/ma-note.md"));

    SiteReport report = incremental();

    assertSameAsCleanBuild();
    assertThat(report.filesRemoved()).isPositive();
    assertThat(site.resolve("2026/02/03")).doesNotExist();
  }

  @Test
  void filesTheBuildDidNotMakeAreNeverRemoved() throws Exception {
    incremental();
    Files.writeString(site.resolve("CNAME"), "archive.example.org\n");
    Files.delete(archive.resolve("notes/ma-note.md"));

    incremental();

    assertThat(site.resolve("CNAME")).hasContent("archive.example.org");
  }

  @Test
  void anOutputFileChangedByHandIsRenderedAgain() throws Exception {
    incremental();
    Path page = site.resolve("2026/01/02/billet-1/index.html");
    Files.writeString(page, "vandalised");

    incremental();

    assertSameAsCleanBuild();
  }

  /**
   * A git checkout gives every archive file a new time, and a site restored or copied by a tool
   * that does not keep times (an artifact, {@code cp}, {@code rsync} without {@code -t}) gives every
   * output file one: neither is an edit, and nothing is rendered again.
   */
  @Test
  void newTimesOnEveryArchiveAndSiteFileRenderNothing() throws Exception {
    incremental();
    SiteReport noChange = incremental();
    Path copied = dir.resolve("copied");
    copy(site, copied); // new times
    site = copied;
    try (Stream<Path> files = Files.walk(archive)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
      }
    }

    SiteReport afterCopy = incremental();
    SiteReport next = incremental();

    assertThat(afterCopy.pagesWritten()).isZero();
    assertThat(afterCopy.pagesSkipped()).isEqualTo(noChange.pagesSkipped()).isGreaterThan(100);
    assertThat(next.pagesSkipped()).isEqualTo(noChange.pagesSkipped());
    assertSameAsCleanBuild();

    // a page edited by hand to other bytes of the same size, under a new time: rendered again
    Path page = site.resolve("2026/01/02/billet-1/index.html");
    String text = Files.readString(page);
    Files.writeString(page, text.replace("Billet n° 1", "Billet n° X"));
    assertThat(Files.size(page)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    assertThat(incremental().pagesWritten()).isEqualTo(1);
    assertSameAsCleanBuild();
  }

  @Test
  void aCorruptOrForeignCacheIsIgnored() throws Exception {
    incremental();
    Path file = cache.resolve(BuildCache.FILE);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    edit("2026/01/03/billet-2.md", text -> text.replace("Et une suite.", "Et une autre suite."));

    incremental();
    assertSameAsCleanBuild();

    Files.writeString(file, "not a cache");
    Files.writeString(cache.resolve(SiteState.FILE), "not a state either");
    SiteReport report = incremental();
    assertThat(report.pagesSkipped()).isZero();
    assertSameAsCleanBuild();
  }

  @Test
  void aSiteStateClaimingBillionsOfFilesIsACacheMissNotAnError() throws Exception {
    incremental();
    Path file = cache.resolve(SiteState.FILE);
    java.nio.ByteBuffer state = java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
    state.position(state.position() + 4 + state.getInt()); // the magic
    state.getInt(); // the format
    state.position(state.position() + 4 + state.getInt(state.position())); // the key
    state.position(state.position() + 2 + (state.getShort(state.position()) & 0xffff)); // inputs
    state.putInt(state.position(), Integer.MAX_VALUE - 8); // the count of outputs
    Files.write(file, state.array());
    edit("2026/01/03/billet-2.md", text -> text.replace("Et une suite.", "Et une autre suite."));

    assertThat(incremental().pagesWritten()).isPositive(); // not an OutOfMemoryError
    assertSameAsCleanBuild();
  }

  @Test
  void withNothingChangedTheBuildStopsAtTheSiteStateButRepairsWhatWasTouched() throws Exception {
    incremental();
    SiteReport normal = incremental(); // nothing to render: the usual way
    Object state = stateFile();

    SiteReport quick = incremental(); // the same inputs, files as left: stops at the state
    assertThat(stateFile()).isEqualTo(state); // not even written again
    assertThat(quick.pagesWritten()).isZero();
    assertThat(quick.pagesUnchanged()).isEqualTo(normal.pagesUnchanged());
    assertThat(quick.pagesSkipped()).isEqualTo(normal.pagesSkipped()).isGreaterThan(100);

    // a page deleted, a theme file and the robots file edited by hand: all put back
    Files.delete(site.resolve("2026/01/09/billet-8/index.html"));
    Files.writeString(site.resolve("robots.txt"), "User-agent: *\nDisallow: /\n");
    SiteReport repaired = incremental();
    assertThat(repaired.pagesWritten()).isEqualTo(2);
    assertSameAsCleanBuild();
    assertThat(stateFile()).isNotEqualTo(state);

    // a file touched but not changed: checked, not rewritten, then trusted again
    Map<String, FileTime> times = times(site);
    Files.setLastModifiedTime(site.resolve("index.html"), FileTime.fromMillis(1_000_000));
    assertThat(incremental().pagesWritten()).isZero();
    Object touched = stateFile();
    assertThat(incremental().pagesWritten()).isZero();
    assertThat(stateFile()).isEqualTo(touched);
    assertThat(times(site).get("2026/01/09/billet-8/index.html")).isEqualTo(times.get("2026/01/09/billet-8/index.html"));

    // an archive edit: the inputs differ, the build goes the usual way
    edit("2026/01/03/billet-2.md", text -> text.replace("Et une suite.", "Et une autre suite."));
    assertThat(incremental().pagesWritten()).isPositive();
    assertSameAsCleanBuild();
  }

  @Test
  void anUnchangedArchiveIsToldByAWalkWithoutReadingItsIndex() throws Exception {
    ageArchive(); // as a previous run would have left it: no file written in the last seconds
    SiteReport first = incremental();
    Path index = cache.resolve(io.github.sitegen.archive.ArchiveIndex.FILE_NAME);
    Files.writeString(index, "not read"); // read, it would be rewritten

    SiteReport walked = incremental();
    assertThat(index).hasContent("not read");
    assertThat(walked.pagesWritten()).isZero();
    assertThat(walked.articles()).isEqualTo(first.articles()).isGreaterThan(40);
    assertThat(walked.pagesUnchanged()).isEqualTo(first.pagesWritten());
    assertThat(walked.pagesSkipped()).isGreaterThan(100);

    // a checkout: every file under a new time, the same bytes; read for their checks, and
    // remembered under their new times
    ageArchive();
    Object state = stateFile();
    assertThat(incremental().pagesWritten()).isZero();
    assertThat(index).hasContent("not read");
    Object remembered = stateFile();
    assertThat(remembered).isNotEqualTo(state);
    assertThat(incremental().pagesWritten()).isZero();
    assertThat(stateFile()).isEqualTo(remembered);

    // a file in the images folder (which an article may show): the usual way
    Path image = archive.resolve("images/ab/" + "ab".repeat(16) + ".webp");
    Files.createDirectories(image.getParent());
    Files.write(image, new byte[] {1, 2, 3});
    assertThat(incremental().pagesWritten()).isZero();
    assertThat(Files.readAllBytes(index)).isNotEqualTo("not read".getBytes(StandardCharsets.UTF_8));
    Files.writeString(index, "not read");
    assertThat(incremental().pagesWritten()).isZero();
    assertThat(index).hasContent("not read");

    // an edit: the usual way, which reads (and repairs) the index
    edit("2026/01/03/billet-2.md", text -> text.replace("Et une suite.", "Et une autre suite."));
    ageArchive();
    assertThat(incremental().pagesWritten()).isPositive();
    assertThat(Files.readAllBytes(index)).isNotEqualTo("not read".getBytes(StandardCharsets.UTF_8));
    assertSameAsCleanBuild();
  }

  @Test
  void anEditOfTheSameSizeUnderANewTimeIsNoticed() throws Exception {
    ageArchive();
    incremental();
    edit("2026/01/03/billet-2.md", text -> text.replace("Et une suite.", "Et une fuite."));
    ageArchive();

    assertThat(incremental().pagesWritten()).isPositive();
    assertThat(SiteFixture.read(site, "2026/01/03/billet-2/index.html")).contains("une fuite");
    assertSameAsCleanBuild();
  }

  @Test
  void anAddedOrDeletedArticleTakesTheUsualWay() throws Exception {
    ageArchive();
    incremental();
    write("2026/01/04/nouveau.md", "title: Nouveau\ndate: 2026-01-04T08:00:00+01:00", "Neuf.\n");
    ageArchive();

    assertThat(incremental().pagesWritten()).isPositive();
    assertThat(site.resolve("2026/01/04/nouveau/index.html")).exists();
    assertSameAsCleanBuild();

    Files.delete(archive.resolve("2026/01/04/nouveau.md"));
    assertThat(incremental().filesRemoved()).isPositive();
    assertThat(site.resolve("2026/01/04/nouveau/index.html")).doesNotExist();
    assertSameAsCleanBuild();
  }

  @Test
  void aFileWithAProblemIsReportedByEveryBuild() throws Exception {
    write("2026/01/05/casse.md", "title: Cassé\ndate: hier", "Rien.\n");
    ageArchive();
    List<io.github.sitegen.Problem> problems = new java.util.ArrayList<>();
    Reporter collecting = problems::add;

    new SiteGenerator(options(site, cache), collecting).generate();
    new SiteGenerator(options(site, cache), collecting).generate();

    assertThat(problems)
        .extracting(io.github.sitegen.Problem::file)
        .containsExactly(
            archive.resolve("2026/01/05/casse.md").toString(),
            archive.resolve("2026/01/05/casse.md").toString());
  }

  /** Gives every archive file a time a minute ago (and so a new one, each call). */
  private void ageArchive() throws IOException {
    long now = System.currentTimeMillis() - 60_000 + (aged++ * 1_000L);
    try (Stream<Path> files = Files.walk(archive)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, FileTime.fromMillis(now));
      }
    }
  }

  private int aged;

  /** The site state file's identity on disk (a new file each time it is written). */
  private Object stateFile() throws IOException {
    var attributes = Files.readAttributes(cache.resolve(SiteState.FILE), java.nio.file.attribute.BasicFileAttributes.class);
    return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime());
  }

  /**
   * A build that fails half-way (a day page whose template fails, after the article pages were
   * written) leaves the site half-updated; the next build trusts nothing it left behind: the last
   * complete build's cache describes files some of which were rewritten since, among them pages
   * whose inputs are back to what they were then.
   */
  @Test
  void aBuildThatFailsHalfWayLeavesNothingTheNextOneTrusts() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("templates"));
    String day;
    try (var in = SiteGenerator.class.getResourceAsStream("/sitegen-theme/templates/day.ftlh")) {
      day = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.writeString(
        theme.resolve("templates/day.ftlh"),
        "<#list articles as a><#if a.title?contains(\"BOOM\")>${a.nope}</#if></#list>" + day);
    new SiteGenerator(options(site, cache, theme), Reporter.silent()).generate();

    // a title that makes its day page fail, once the article pages showing it are written
    edit("2026/01/05/billet-4.md", text -> text.replace("Billet n° 4", "Billet n° 4 BOOM"));
    edit("2026/01/03/billet-2.md", text -> text.replace("Et une suite.", "Et la suite."));
    String page = "2026/01/05/billet-4/index.html";
    Map<String, FileTime> before = times(site);
    assertThatThrownBy(() -> new SiteGenerator(options(site, cache, theme), Reporter.silent()).generate())
        .isInstanceOf(io.github.sitegen.SiteGenException.class)
        .hasMessageContaining("day.ftlh:1");
    assertThat(times(site).get(page)).as("the failed build wrote the page").isNotEqualTo(before.get(page));
    assertThat(SiteFixture.read(site, page)).contains("BOOM");

    // the title as it was: that page's inputs are the last complete build's again, its file not
    edit("2026/01/05/billet-4.md", text -> text.replace(" BOOM", ""));
    new SiteGenerator(options(site, cache, theme), Reporter.silent()).generate();

    Path clean = Files.createTempDirectory(dir, "clean");
    new SiteGenerator(options(clean, null, theme), Reporter.silent()).generate();
    assertThat(SiteFixture.contents(site)).isEqualTo(SiteFixture.contents(clean));
  }

  @Test
  void anotherThemeOrOptionRendersEverythingAgain() throws Exception {
    incremental();
    Path theme = dir.resolve("theme/i18n");
    Files.createDirectories(theme);
    Files.writeString(theme.resolve("labels_fr.properties"), "nav.home=Début\n");

    SiteReport report =
        new SiteGenerator(options(site, cache, dir.resolve("theme")), Reporter.silent()).generate();

    assertThat(report.pagesSkipped()).isZero();
    assertThat(SiteFixture.read(site, "index.html")).contains("Début");
  }

  @Test
  void aChangedStaticFileIsCopiedAndNoPageRenderedAgain() throws Exception {
    Path theme = dir.resolve("theme");
    Files.createDirectories(theme.resolve("static/css"));
    Files.writeString(theme.resolve("static/css/extra.css"), "body { color: black }\n");
    var options = options(site, cache, theme);
    new SiteGenerator(options, Reporter.silent()).generate();
    Map<String, FileTime> times = times(site);

    Files.writeString(theme.resolve("static/css/extra.css"), "body { color: navy }\n");
    SiteReport report = new SiteGenerator(options, Reporter.silent()).generate();

    // a style sheet is no input of any page: before, it was part of the build cache's key, and an
    // edit rendered every page again (5-8 s at 10k articles instead of about one)
    assertThat(report.pagesWritten()).isEqualTo(1);
    assertThat(report.pagesSkipped()).isGreaterThan(100);
    assertThat(SiteFixture.read(site, "css/extra.css")).isEqualTo("body { color: navy }\n");
    times.remove("css/extra.css");
    Map<String, FileTime> now = times(site);
    now.remove("css/extra.css");
    assertThat(now).isEqualTo(times);
    // then nothing changed: the build stops at the site state, which knows the new sheet
    Object state = stateFile();
    SiteReport again = new SiteGenerator(options, Reporter.silent()).generate();
    assertThat(again.pagesWritten()).isZero();
    assertThat(stateFile()).isEqualTo(state);
    Path clean = Files.createTempDirectory(dir, "clean");
    new SiteGenerator(options(clean, null, theme), Reporter.silent()).generate();
    assertThat(SiteFixture.contents(site)).isEqualTo(SiteFixture.contents(clean));
  }

  private SiteReport incremental() throws IOException {
    return new SiteGenerator(options(site, cache), Reporter.silent()).generate();
  }

  private SiteOptions options(Path output, @Nullable Path cacheFolder) {
    return options(output, cacheFolder, null);
  }

  private SiteOptions options(Path output, @Nullable Path cacheFolder, @Nullable Path theme) {
    return new SiteOptions(
            archive,
            output,
            "Archives de Next",
            BASE,
            Locale.FRANCE,
            ZoneId.of("Europe/Paris"),
            3,
            theme)
        .withCache(cacheFolder);
  }

  /** The incremental site is byte for byte what a clean build (no cache, empty folder) makes. */
  private void assertSameAsCleanBuild() throws IOException {
    Path clean = Files.createTempDirectory(dir, "clean");
    new SiteGenerator(options(clean, null), Reporter.silent()).generate();
    Map<String, String> expected = SiteFixture.contents(clean);
    Map<String, String> actual = SiteFixture.contents(site);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    assertThat(actual).isEqualTo(expected);
  }


  private static Map<String, FileTime> times(Path root) throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    for (String path : SiteFixture.files(root)) {
      times.put(path, Files.getLastModifiedTime(root.resolve(path)));
    }
    return times;
  }

  private void write(String path, String frontMatter, String body) throws IOException {
    Path file = archive.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "---\n" + frontMatter + "\n---\n" + body);
  }

  private void edit(String path, UnaryOperator<String> change) throws IOException {
    Path file = archive.resolve(path);
    Files.writeString(file, change.apply(Files.readString(file)));
  }

  private static void copyKeepingTimes(Path from, Path to) throws IOException {
    copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
  }

  private static void copy(Path from, Path to, java.nio.file.CopyOption... options) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        Files.createDirectories(target.getParent());
        Files.copy(source, target, options);
      }
    }
  }
}
