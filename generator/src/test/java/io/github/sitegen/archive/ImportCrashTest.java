package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real import ({@code kill -9} of a child JVM running the CLI) at seeded random points,
 * many times, and proves that the archive is always complete and parseable, and that a last run
 * converges to the same bytes as a clean import (and leaves no temporary file behind). The snapshots are added one per round, so every
 * round has files to write; the kill point is measured in work (files written in the round), not
 * in time.
 */
class ImportCrashTest {

  /**
   * Each round starts a JVM (a few seconds on a slow machine), so the suite runs 6 rounds; {@code
   * -Dsitegen.crashRounds=20} runs the full 20 kills.
   */
  private static final int ROUNDS = Integer.getInteger("sitegen.crashRounds", 6);
  private static final int NEW_ITEMS_PER_ROUND = 10;

  @TempDir Path dir;

  @Test
  void killedImportsNeverDamageTheArchiveAndARerunConverges() throws Exception {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Path crashed = dir.resolve("crashed");
    Random random = new Random(4);
    int kills = 0;

    for (int round = 0; round < ROUNDS; round++) {
      Files.writeString(snapshots.resolve("feed-%02d.xml".formatted(round)), snapshot(round));
      int target = random.nextInt((round + 1) * NEW_ITEMS_PER_ROUND + 1);
      FileTime roundStart = FileTime.fromMillis(System.currentTimeMillis() - 1);
      Process child = startImport(snapshots, crashed);
      while (child.isAlive() && written(crashed, roundStart) < target) {
        // polls the work done (the kill point is a number of files written, not a time); the wait
        // only leaves the CPU to the child between two looks
        child.waitFor(5, TimeUnit.MILLISECONDS);
      }
      if (child.isAlive()) {
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        kills++;
      }
      child.waitFor();

      assertCompleteAndParseable(crashed);

    }
    List<Problem> problems = new ArrayList<>();
    new ArchiveImporter(new ImportOptions(snapshots, crashed, ZoneOffset.UTC), problems::add).run();
    Path clean = dir.resolve("clean");
    new ArchiveImporter(new ImportOptions(snapshots, clean, ZoneOffset.UTC), problems::add).run();

    assertThat(kills).isGreaterThanOrEqualTo(ROUNDS / 2);
    assertThat(problems).isEmpty();
    assertThat(contents(crashed)).isEqualTo(contents(clean));
  }

  /** Snapshot {@code round}: new items, and every earlier item in a new version. */
  private static String snapshot(int round) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < (round + 1) * NEW_ITEMS_PER_ROUND; i++) {
      String text = "<p>Article " + i + ", version " + (round - i / NEW_ITEMS_PER_ROUND) + ".</p>";
      items.append(
          ImportHostileTest.item(
              "https://crash.test/" + i, "Article numéro " + i, "2026-02-0%dT10:00:00Z".formatted(1 + i % 9),
              text.repeat(3), ""));
    }
    return ImportHostileTest.feed("2026-03-%02dT10:00:00Z".formatted(round + 1), items.toString());
  }

  private Process startImport(Path snapshots, Path archive) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "-Djava.io.tmpdir=" + dir,
            "-XX:TieredStopAtLevel=1", // a short-lived JVM: start fast
            "io.github.sitegen.cli.Main",
            "import",
            "--snapshots",
            snapshots.toString(),
            "--archive",
            archive.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
  }

  private static int written(Path archive, FileTime since) {
    if (!Files.isDirectory(archive)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(archive)) {
      return (int)
          walk.filter(p -> p.toString().endsWith(".md"))
              .filter(p -> {
                try {
                  return Files.getLastModifiedTime(p).compareTo(since) > 0;
                } catch (IOException e) {
                  return false; // replaced while we looked: counted next time
                }
              })
              .count();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0; // a temporary file vanished during the walk: look again
    }
  }

  private static void assertCompleteAndParseable(Path archive) throws IOException {
    if (!Files.isDirectory(archive)) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    List<ArchivedArticle> read = new ArchiveReader().readAll(archive, ZoneOffset.UTC, problems::add);
    assertThat(problems).isEmpty();
    for (ArchivedArticle article : read) {
      assertThat(article.body()).startsWith("Article ").endsWith(".\n");
      assertThat(article.fingerprint()).isEqualTo(article.hash()); // whole, as written
    }
  }

  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (Path file : ImportHostileTest.files(root)) {
      files.put(root.relativize(file).toString(), Files.readString(file));
    }
    return files;
  }
}
