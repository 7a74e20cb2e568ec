package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.feed.SyntheticSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Step 1 of the import reuses what earlier snapshots of the run gave (items parsed once, each
 * distinct version converted once): the archive, the report and the problems must be exactly those
 * of reading and converting every snapshot whole, which the package-private switch still does.
 */
class ImportReuseTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @TempDir Path work;

  @ParameterizedTest(name = "reversed file order: {0}")
  @ValueSource(booleans = {false, true})
  void reuseGivesTheSameArchiveReportAndProblems(boolean reversed) throws IOException {
    Path snapshots = work.resolve("snapshots");
    SyntheticSnapshots.write(snapshots, reversed);

    Outcome fast = importInto(snapshots, work.resolve("fast"), true);
    Outcome whole = importInto(snapshots, work.resolve("whole"), false);

    assertThat(fast.files()).hasSizeGreaterThan(60).isEqualTo(whole.files());
    assertThat(fast.report().snapshots()).isEqualTo(whole.report().snapshots());
    assertThat(counts(fast.report())).isEqualTo(counts(whole.report()));
    assertThat(fast.problems()).isNotEmpty().isEqualTo(whole.problems());
  }

  @Test
  void reuseGivesTheSameArchiveOverTwoRuns() throws IOException {
    List<Path> files = SyntheticSnapshots.write(work.resolve("all"), false);
    Path early = work.resolve("snapshots");
    Files.createDirectories(early);
    for (Path f : files.subList(0, files.size() / 2)) {
      Files.copy(f, early.resolve(f.getFileName()));
    }
    importInto(early, work.resolve("fast"), true);
    importInto(early, work.resolve("whole"), false);
    for (Path f : files.subList(files.size() / 2, files.size())) {
      Files.copy(f, early.resolve(f.getFileName()));
    }

    Outcome fast = importInto(early, work.resolve("fast"), true);
    Outcome whole = importInto(early, work.resolve("whole"), false);

    assertThat(fast.files()).isEqualTo(whole.files());
    assertThat(fast.report().snapshots()).isEqualTo(whole.report().snapshots());
    assertThat(fast.problems()).isEqualTo(whole.problems());
  }

  private record Outcome(Map<String, String> files, ImportReport report, List<String> problems) {}

  private static List<Integer> counts(ImportReport r) {
    return List.of(r.created(), r.updated(), r.unchanged(), r.alreadyImported());
  }

  private static Outcome importInto(Path snapshots, Path archive, boolean reuse) throws IOException {
    List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    ImportReport report =
        new ArchiveImporter(new ImportOptions(snapshots, archive, PARIS), problems::add, reuse).run();
    List<String> sorted =
        problems.stream()
            .sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparing(Problem::message))
            .map(p -> p.file() + ":" + p.line() + ": " + p.severity() + " " + p.message())
            .toList();
    return new Outcome(ArchiveFiles.all(archive), report, sorted);
  }

}
