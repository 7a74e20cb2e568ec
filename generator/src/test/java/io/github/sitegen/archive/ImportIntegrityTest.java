package io.github.sitegen.archive;

import static io.github.sitegen.archive.ImportHostileTest.feed;
import static io.github.sitegen.archive.ImportHostileTest.files;
import static io.github.sitegen.archive.ImportHostileTest.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing lost: hand edits, paywalled versions, read order and image changes, end to end. */
class ImportIntegrityTest {

  @TempDir Path dir;

  private final List<Problem> problems = new ArrayList<>();

  @Test
  void aHandEditIsKeptAndReportedWhenTheFeedBringsANewerVersion() throws IOException {
    snapshot("a.xml", "2026-02-05T10:00:00Z", "<p>Première version.</p>", "");
    Path file = files(run().archive()).get(0);
    Files.writeString(file, Files.readString(file).replace("Première version.", "Corrigé à la main."));
    snapshot("b.xml", "2026-02-05T12:00:00Z", "<p>Seconde version.</p>", "");

    ImportReport report = run().report();

    assertThat(Files.readString(file)).contains("Corrigé à la main.").doesNotContain("Seconde");
    assertThat(report.problems()).extracting(Problem::toString)
        .contains(file + ": edited by hand since it was imported; kept as it is although the feed has a newer version");
  }

  @Test
  void aHandEditWithNoUpstreamChangeIsLeftAloneSilently() throws IOException {
    Path file = importedThenChanged(text -> text.replace("Texte.", "Texte relu."));
    String edited = Files.readString(file);

    ImportReport report = run().report();

    assertThat(Files.readString(file)).isEqualTo(edited);
    assertThat(report.problems()).isEmpty();
    assertThat(report.updated()).isZero();
  }

  /**
   * A file without {@code feed} and {@code hash} is written by hand, whatever its {@code id}: one
   * that takes a feed item's id keeps its text, as a hand edit does, and the import says so when the
   * feed shows another text (it used to count it as unchanged, silently).
   */
  @Test
  void aHandWrittenArticleWithAFeedItemsIdIsKeptAndReportedWhenTheFeedDiffers() throws IOException {
    Path file = importedThenChanged(text -> handWritten(text).replace("Texte.", "Mon texte."));
    String written = Files.readString(file);
    snapshot("b.xml", "2026-02-05T12:00:00Z", "<p>Texte revu.</p>", "");

    ImportReport report = run().report();

    assertThat(Files.readString(file)).isEqualTo(written);
    assertThat(report.updated()).isZero();
    assertThat(report.problems())
        .extracting(Problem::toString)
        .containsExactly(
            file
                + ": written by hand with the id of a feed item; kept as it is, the feed's version is"
                + " not imported");
  }

  @Test
  void aHandWrittenArticleShowingWhatTheFeedShowsIsLeftAloneSilently() throws IOException {
    Path file = importedThenChanged(ImportIntegrityTest::handWritten);
    String written = Files.readString(file);
    snapshot("b.xml", "2026-02-05T12:00:00Z", "<p>Texte.</p>", "");

    ImportReport report = run().report();

    assertThat(Files.readString(file)).isEqualTo(written);
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void aTruncatedVersionNeverReplacesTheFullText() throws IOException {
    snapshot("a.xml", "2026-02-05T10:00:00Z", "<p>Tout le texte, jusqu'au bout.</p>", "");
    snapshot("b.xml", "2026-02-05T12:00:00Z",
        "<p>Tout le texte</p><p class=\"next-paywall\">Il vous reste 80 % de l'article à lire.</p>", "");

    String text = Files.readString(files(run().archive()).get(0));

    assertThat(text).contains("jusqu'au bout.").doesNotContain("truncated: true");
  }

  @Test
  void theNewestSnapshotWinsWhateverTheFileNames() throws IOException {
    // "a" is the newest snapshot, "z" the oldest: names sort the other way round
    snapshot("a.xml", "2026-02-05T12:00:00Z", "<p>Nouvelle.</p>", "");
    snapshot("z.xml", "2026-02-05T10:00:00Z", "<p>Ancienne.</p>", "");

    String text = Files.readString(files(run().archive()).get(0));

    assertThat(text).contains("Nouvelle.").contains("updated: 2026-02-05T12:00:00Z");
  }

  @Test
  void anImageChangeAloneIsNotAnUpdate() throws IOException {
    snapshot("a.xml", "2026-02-05T10:00:00Z", "<p>Texte.</p>",
        "<enclosure url=\"https://img.test/1.png\" type=\"image/png\" length=\"1\"/>");
    snapshot("b.xml", "2026-02-05T12:00:00Z", "<p>Texte.</p>",
        "<enclosure url=\"https://img.test/2.png\" type=\"image/png\" length=\"1\"/>");

    String text = Files.readString(files(run().archive()).get(0));

    assertThat(text).contains("image: https://img.test/1.png").doesNotContain("updated:");
  }

  @Test
  void aCommentCountChangeAloneIsNotAnUpdate() throws IOException {
    String slash = "xmlns:slash=\"http://purl.org/rss/1.0/modules/slash/\"";
    snapshot("a.xml", "2026-02-05T10:00:00Z", "<p>Texte.</p>", "<slash:comments " + slash + ">3</slash:comments>");
    snapshot("b.xml", "2026-02-05T12:00:00Z", "<p>Texte.</p>", "<slash:comments " + slash + ">42</slash:comments>");

    ImportReport report = run().report();

    assertThat(report.updated()).isZero();
    assertThat(Files.readString(files(run().archive()).get(0))).doesNotContain("updated:");
  }

  @Test
  void aCorrectedTitleLeavesTheFileWhereTheFirstVersionPutIt() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Files.writeString(
        snapshots.resolve("a.xml"),
        feed("2026-02-05T10:00:00Z", item("1", "Titre provisoire", "2026-02-05T09:00:00Z", "<p>Texte.</p>", "")));
    Path oneByOne = dir.resolve("one-by-one");
    new ArchiveImporter(new ImportOptions(snapshots, oneByOne, ZoneOffset.UTC), problems::add).run();
    Files.writeString(
        snapshots.resolve("b.xml"),
        feed("2026-02-05T12:00:00Z", item("1", "Titre corrigé", "2026-02-05T09:00:00Z", "<p>Texte.</p>", "")));
    new ArchiveImporter(new ImportOptions(snapshots, oneByOne, ZoneOffset.UTC), problems::add).run();

    Path atOnce = run().archive(); // both snapshots in one import

    for (Path archive : List.of(oneByOne, atOnce)) {
      Path file = files(archive).get(0);
      assertThat(archive.relativize(file).toString().replace('\\', '/'))
          .isEqualTo("2026/02/05/titre-provisoire.md");
      assertThat(Files.readString(file)).contains("title: Titre corrigé").contains("slug: titre-provisoire");
    }
    assertThat(Files.readString(files(atOnce).get(0))).isEqualTo(Files.readString(files(oneByOne).get(0)));
  }

  @Test
  void anEditRevertedIsAnUpdateWhetherTheSnapshotsComeInOneRunOrThree() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Path runByRun = dir.resolve("run-by-run");
    String[][] versions = {
      {"a.xml", "2026-02-05T10:00:00Z", "<p>Première version.</p>"},
      {"b.xml", "2026-02-05T12:00:00Z", "<p>Version corrigée.</p>"},
      {"c.xml", "2026-02-05T14:00:00Z", "<p>Première version.</p>"},
    };
    for (String[] v : versions) {
      Files.writeString(snapshots.resolve(v[0]), feed(v[1], item("1", "Article", "2026-02-05T09:00:00Z", v[2], "")));
      new ArchiveImporter(new ImportOptions(snapshots, runByRun, ZoneOffset.UTC), problems::add).run();
    }

    Path atOnce = run().archive();

    String text = Files.readString(files(atOnce).get(0));
    assertThat(text).isEqualTo(Files.readString(files(runByRun).get(0)));
    // back to the first text at 14:00: a change since 12:00, seen first at 14:00
    assertThat(text).contains("updated: 2026-02-05T14:00:00Z").contains("snapshot: 2026-02-05T14:00:00Z");
  }

  @Test
  void versionsOfOneMomentJoinedEarlierCountAsTheirJoinLater() throws IOException {
    // 12:00 has two snapshots (two formats of the feed, say), one tagging the article more; from
    // 14:00 on the tag is gone: the joined 12:00 version was edited, in one run as in several
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Path runByRun = dir.resolve("run-by-run");
    Files.writeString(snapshots.resolve("a.xml"), feed("2026-02-05T12:00:00Z", item("1", "Article", "2026-02-05T09:00:00Z", "<p>Texte.</p>", "")));
    Files.writeString(
        snapshots.resolve("a-bis.xml"),
        feed("2026-02-05T12:00:00Z", item("1", "Article", "2026-02-05T09:00:00Z", "<p>Texte.</p>", "<category>Spécial</category>")));
    new ArchiveImporter(new ImportOptions(snapshots, runByRun, ZoneOffset.UTC), problems::add).run();
    assertThat(Files.readString(files(runByRun).get(0))).contains("- Spécial");
    Files.writeString(snapshots.resolve("b.xml"), feed("2026-02-05T14:00:00Z", item("1", "Article", "2026-02-05T09:00:00Z", "<p>Texte.</p>", "")));
    new ArchiveImporter(new ImportOptions(snapshots, runByRun, ZoneOffset.UTC), problems::add).run();

    Path atOnce = run().archive();

    String text = Files.readString(files(atOnce).get(0));
    assertThat(text).isEqualTo(Files.readString(files(runByRun).get(0)));
    assertThat(text).doesNotContain("Spécial").contains("updated: 2026-02-05T14:00:00Z");
  }

  @Test
  void aSnapshotLinkToNothingIsReportedAndTheOthersImported() throws IOException {
    snapshot("a.xml", "2026-02-05T10:00:00Z", "<p>Texte.</p>", "");
    Path link = Files.createSymbolicLink(dir.resolve("snapshots/b.xml"), dir.resolve("moved/b.xml"));

    ImportReport report = run().report();

    // an hourly job whose snapshot went missing behind a link is told so, on every run
    assertThat(report.created()).isEqualTo(1);
    assertThat(report.problems())
        .extracting(Problem::toString)
        .containsExactly(
            link + ": skipped: a link that leads to no file (its target is missing, or links loop)");
    assertThat(problems).isEqualTo(report.problems());
    assertThat(run().report().problems()).hasSize(1);
  }

  private record Run(Path archive, ImportReport report) {}

  private Run run() throws IOException {
    Path archive = dir.resolve("articles");
    ImportReport report =
        new ArchiveImporter(new ImportOptions(dir.resolve("snapshots"), archive, ZoneOffset.UTC), problems::add).run();
    return new Run(archive, report);
  }

  /** The article of a snapshot showing {@code <p>Texte.</p>}, imported, then its file changed. */
  private Path importedThenChanged(UnaryOperator<String> change) throws IOException {
    snapshot("a.xml", "2026-02-05T10:00:00Z", "<p>Texte.</p>", "");
    Path file = files(run().archive()).get(0);
    Files.writeString(file, change.apply(Files.readString(file)));
    return file;
  }

  /** An imported file's text as if written by hand: without {@code feed} and {@code hash}. */
  private static String handWritten(String imported) {
    return imported.replaceAll("(?m)^(feed|hash): .*\\n", "");
  }

  private void snapshot(String name, String time, String html, String extra) throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Files.writeString(snapshots.resolve(name), feed(time, item("1", "Article", "2026-02-05T09:00:00Z", html, extra)));
  }
}
