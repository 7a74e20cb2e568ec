package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {
  @TempDir Path archive;
  final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
  final Reporter reporter = problems::add;
  final ArchiveReader reader = new ArchiveReader();

  @Test
  void handWrittenArticlesNeedOnlyTitleAndDate() throws IOException {
    write("notes/ma-note.md", "---\ntitle: Ma note\ndate: 2024-03-05\nauthor: Moi\n---\n\nTexte *libre*.\n");

    List<Article> articles = reader.read(archive, ZoneId.of("Europe/Paris"), reporter);

    assertThat(problems).isEmpty();
    assertThat(articles).singleElement().satisfies(a -> {
      assertThat(a.title()).isEqualTo("Ma note");
      assertThat(a.date()).isEqualTo(OffsetDateTime.parse("2024-03-05T00:00+01:00"));
      assertThat(a.authors()).containsExactly("Moi");
      assertThat(a.slug()).isEqualTo("ma-note");
      assertThat(a.id()).isEqualTo("notes/ma-note.md");
    });
    assertThat(reader.body(articles.get(0))).isEqualTo("Texte *libre*.\n");
  }

  @Test
  void articlesComeNewestFirst() throws IOException {
    write("a.md", "---\ntitle: Old\ndate: 2024-01-01T10:00:00Z\n---\n");
    write("b.md", "---\ntitle: New\ndate: 2024-01-02T10:00:00+05:00\n---\n");
    write("c.md", "---\ntitle: Same instant as b\ndate: 2024-01-02T05:00:00Z\n---\n");
    write("d.md", "---\ntitle: Half a second after Old\ndate: 2024-01-01T11:00:00.5+01:00\n---\n");

    List<Article> articles = reader.read(archive, reporter);

    assertThat(articles)
        .extracting(Article::title)
        .containsExactly("New", "Same instant as b", "Half a second after Old", "Old");
  }

  @Test
  void badFilesAreReportedWithTheirLineAndTheOthersStillCount() throws IOException {
    write("good.md", "---\ntitle: Good\ndate: 2024-01-01T10:00:00Z\n---\n");
    write("bad-date.md", "---\ntitle: Bad\n\ndate: hier\n---\n");
    write("no-title.md", "---\ndate: 2024-01-01T10:00:00Z\n---\n");
    write("README.md", "# Not an article\n");
    write(".hidden/x.md", "---\ntitle: Hidden\ndate: 2024-01-01T10:00:00Z\n---\n");

    List<Article> articles = reader.read(archive, reporter);

    assertThat(articles).extracting(Article::title).containsExactly("Good");
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            archive.resolve("bad-date.md")
                + ":4: front matter 'date': expected an ISO-8601 date-time, found \"hier\"",
            archive.resolve("no-title.md") + ":1: front matter 'title': expected a non-empty text");
  }

  @Test
  void aKeyGivenTwiceOrAMappingWhereATextOrListGoesIsReported() throws IOException {
    write("twice.md", "---\ntitle: Neuf\ndate: 2024-01-01T10:00:00Z\ntitle: Dix\n---\n");
    write("lists.md", "---\ntags:\n- a\ntitle: T\ndate: 2024-01-01T10:00:00Z\ntags:\n- b\n---\n");
    write("tags.md", "---\ntitle: Tags\ndate: 2024-01-01T10:00:00Z\ntags:\n  nested: map\n---\n");
    write("title.md", "---\ntitle: {a: b}\ndate: 2024-01-01T10:00:00Z\n---\n");
    // another generator's parameters: a mapping under a key nothing here reads
    write("params.md", "---\ntitle: Params\ndate: 2024-01-01T10:00:00Z\nparams:\n  toc: true\n---\n");

    List<Article> articles = reader.read(archive, reporter);

    assertThat(articles).extracting(Article::title).containsExactly("Params");
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            archive.resolve("twice.md")
                + ":4: front matter: 'title' is given twice (first on line 2); keep one",
            archive.resolve("lists.md")
                + ":6: front matter: 'tags' is given twice (first on line 2); keep one",
            archive.resolve("tags.md")
                + ":5: front matter 'tags': expected a list of texts, found a mapping",
            archive.resolve("title.md") + ":2: front matter 'title': expected a text, found a mapping");
  }

  @Test
  void datesOutsideTheYears1To9999AreReportedAndTheirFilesLeftOut() throws IOException {
    write("good.md", "---\ntitle: Good\ndate: 0001-01-01T00:00:00Z\n---\n");
    write("last.md", "---\ntitle: Last\ndate: 9999-12-31T23:59:59Z\n---\n");
    write("negative.md", "---\ntitle: Negative\ndate: -0001-06-01T00:00:00Z\n---\n");
    write("zero.md", "---\ntitle: Zero\ndate: 0000-06-01T00:00:00Z\n---\n");
    write("big.md", "---\ntitle: Big\ndate: +10000-01-01T00:00:00Z\n---\n");
    write("updated.md", "---\ntitle: Updated\ndate: 2024-01-01T00:00:00Z\nupdated: +20000-01-01\n---\n");
    // in UTC, not in the zone it was written in
    write("shifted.md", "---\ntitle: Shifted\ndate: 9999-12-31T23:00:00-05:00\n---\n");

    List<Article> articles = reader.read(archive, reporter);

    assertThat(articles).extracting(Article::title).containsExactlyInAnyOrder("Good", "Last");
    String expected = "expected a date-time in the years 1 to 9999 (UTC), found ";
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            archive.resolve("negative.md")
                + ":3: front matter 'date': " + expected + "\"-0001-06-01T00:00:00Z\"",
            archive.resolve("zero.md")
                + ":3: front matter 'date': " + expected + "\"0000-06-01T00:00:00Z\"",
            archive.resolve("big.md")
                + ":3: front matter 'date': " + expected + "\"+10000-01-01T00:00:00Z\"",
            archive.resolve("updated.md")
                + ":4: front matter 'updated': " + expected + "\"+20000-01-01\"",
            archive.resolve("shifted.md")
                + ":3: front matter 'date': " + expected + "\"9999-12-31T23:00:00-05:00\"");
  }

  @Test
  void everyMarkdownFileOutsideHiddenFoldersIsRead(@TempDir Path outside, @TempDir Path cache)
      throws IOException {
    String article = "---\ntitle: %s\ndate: 2024-01-0%dT10:00:00Z\n---\n";
    write("top.md", article.formatted("Top", 1));
    write("2024/01/deep.md", article.formatted("Deep", 2));
    write("2024/02/other.md", article.formatted("Other", 3));
    write("2024/.drafts/draft.md", article.formatted("Draft in a hidden folder", 4));
    write("2024/.hidden.md", article.formatted("Hidden file", 5));
    write("2024/notes.txt", article.formatted("Not Markdown", 6));
    write("elsewhere/linked.md", article.formatted("Linked", 7));
    Files.writeString(outside.resolve("behind-a-folder-link.md"), article.formatted("Behind", 8));
    boolean links = true;
    try {
      Files.createSymbolicLink(archive.resolve("2024/link.md"), archive.resolve("elsewhere/linked.md"));
      Files.createSymbolicLink(archive.resolve("2024/folder-link"), outside);
    } catch (UnsupportedOperationException | IOException e) {
      links = false; // (a file system without links)
    }

    List<String> expected =
        new ArrayList<>(List.of("elsewhere/linked.md", "2024/02/other.md", "2024/01/deep.md", "top.md"));
    if (links) {
      expected.add(0, "2024/link.md"); // a link to a file is read, a link to a folder not walked
    }
    // without an index and through one (its walk), the same files
    assertThat(reader.read(archive, reporter)).extracting(Article::id).containsExactlyElementsOf(expected);
    assertThat(reader.list(archive, ZoneId.of("UTC"), reporter, cache).articles())
        .extracting(Article::id)
        .containsExactlyElementsOf(expected);
    assertThat(problems).isEmpty();
    Files.deleteIfExists(archive.resolve("2024/folder-link")); // (not followed by the clean-up either)
  }

  @Test
  void aFileOverTheSizeLimitIsReportedUnreadOnEveryRun(@TempDir Path cache) throws IOException {
    write("2024/01/small.md", "---\ntitle: Small\ndate: 2024-01-01T10:00:00Z\n---\nText.\n");
    write("2024/01/huge.md", "---\ntitle: Huge\ndate: 2024-01-02T10:00:00Z\n---\n");
    Path huge = archive.resolve("2024/01/huge.md");
    try (var file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(ArchiveReader.MAX_FILE_BYTES + 1); // sparse: no 64 MB written
    }
    String expected =
        huge + ": left out: " + (ArchiveReader.MAX_FILE_BYTES + 1) + " bytes, more than the "
            + ArchiveReader.MAX_FILE_BYTES + " an archive file may have (an imported article is at"
            + " most a few MB; split the text, or move the file out of the archive)";

    // read whole, it could take every other article down with an OutOfMemoryError
    assertThat(reader.read(archive, reporter)).extracting(Article::title).containsExactly("Small");
    assertThat(problems).extracting(Problem::toString).containsExactly(expected);
    for (int run = 0; run < 2; run++) { // through the index: not cached, so said again
      problems.clear();
      assertThat(reader.list(archive, ZoneId.of("UTC"), reporter, cache).articles())
          .extracting(Article::title)
          .containsExactly("Small");
      assertThat(problems).extracting(Problem::toString).containsExactly(expected);
    }
    problems.clear();
  }

  @Test
  void missingFolderIsAnEmptyArchive() throws IOException {
    assertThat(reader.read(archive.resolve("nope"), reporter)).isEmpty();
  }

  private void write(String relative, String text) throws IOException {
    Path file = archive.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
