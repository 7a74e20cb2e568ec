package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One import of an archive at a time: a second one waits for the first, and says so. */
class ImportLockTest {
  @TempDir Path work;

  @Test
  void aSecondImportOfTheSameArchiveWaitsWhileTheFirstHoldsTheLock() throws Exception {
    Path snapshots = Files.createDirectories(work.resolve("snapshots"));
    Files.copy(
        ImportNextFixturesTest.fixture(ImportNextFixturesTest.EARLY),
        snapshots.resolve(ImportNextFixturesTest.EARLY));
    Path archive = Files.createDirectories(work.resolve("articles"));
    List<Problem> said = new CopyOnWriteArrayList<>();
    var waiting = new CountDownLatch(1);
    Reporter reporter =
        problem -> {
          said.add(problem);
          waiting.countDown();
        };
    var importer =
        new ArchiveImporter(
            new ImportOptions(snapshots, archive, ImportNextFixturesTest.PARIS), reporter);

    CompletableFuture<ImportReport> second;
    try (FileChannel channel =
            FileChannel.open(
                ArchiveImporter.lockFile(archive), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      second =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return importer.run();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      assertThat(waiting.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(said)
          .extracting(Problem::toString)
          .containsExactly(archive + ": " + ArchiveImporter.WAITING);
      assertThat(second).isNotDone();
      assertThat(archive.resolve(ImportedSnapshots.FILE)).doesNotExist(); // nothing merged yet
    }

    ImportReport report = second.get(60, TimeUnit.SECONDS); // once released, it goes through
    assertThat(report.created()).isPositive();
    assertThat(report.problems()).isEmpty(); // the note is not one of the import's problems
  }
}
