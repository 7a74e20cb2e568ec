package io.github.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training a recording run of the launcher ends with. */
class ClassTrainingTest {
  @TempDir Path tmp;

  /**
   * It goes through the whole pipeline (or it would load fewer classes than a real run), and
   * leaves nothing behind.
   */
  @Test
  void importsAndBuildsTheShippedSnapshotsInAFolderItDeletes() throws Exception {
    String before = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", tmp.toString());
    try {
      ClassTraining.run();
    } finally {
      System.setProperty("java.io.tmpdir", before);
    }

    assertThat(files(tmp)).isEmpty();
  }

  @Test
  void theShippedSnapshotsImportAndBuildWithoutAProblem() throws Exception {
    Path snapshots = Files.createDirectories(tmp.resolve("snapshots"));
    for (String name : List.of("rss.xml", "atom.xml")) {
      try (var in = ClassTraining.class.getResourceAsStream("training/" + name)) {
        Files.copy(in, snapshots.resolve("exemple-2026-02-05T" + (name.equals("rss.xml") ? "11" : "17") + "00Z.xml"));
      }
    }
    Path articles = tmp.resolve("articles");
    assertThat(cli("import", "--snapshots", snapshots.toString(), "--archive", articles.toString(),
        "--time-zone", "Europe/Paris", "--fail-on", "warning")).isZero();
    assertThat(cli("build", "--archive", articles.toString(), "--out", tmp.resolve("site").toString(),
        "--locale", "fr-FR", "--time-zone", "Europe/Paris", "--base-url", "https://exemple.invalid/")).isZero();
    assertThat(files(tmp.resolve("articles")))
        .filteredOn(p -> p.toString().endsWith(".md"))
        .hasSize(3);
    assertThat(tmp.resolve("site/2026/02/05")).isDirectory();
  }

  private static int cli(String... args) {
    var out = new java.io.StringWriter();
    int status =
        Main.commandLine(args)
            .setOut(new java.io.PrintWriter(out, true))
            .setErr(new java.io.PrintWriter(out, true))
            .execute(args);
    if (status != 0) {
      System.err.println(out);
    }
    return status;
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }
}
