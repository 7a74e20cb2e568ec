package io.github.sitegen.bench;

import io.github.sitegen.archive.Article;
import io.github.sitegen.archive.ArchiveReader;
import io.github.sitegen.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Reading the archive's front matter: what every build pays per article before rendering. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrontMatterBench {
  private Path archive;

  @Setup(Level.Trial)
  public void writeArchive() throws IOException {
    archive = Files.createTempDirectory("fm-bench");
    for (int i = 0; i < 1000; i++) {
      Path file = archive.resolve(String.format("2026/02/%02d/article-%d.md", i % 28 + 1, i));
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "---\ntitle: Article numéro " + i + " : un titre assez long pour être réaliste\n"
              + "date: 2026-02-05T16:20:00+01:00\nauthors:\n- Élodie Marchand\ntags:\n- IA et algorithmes\n"
              + "- Société numérique\nlink: https://next.ink/" + i + "/\nid: https://next.ink/?p=" + i + "\n"
              + "summary: Un résumé de deux phrases. Avec des accents, des « guillemets » et des espaces.\n---\n\n"
              + "Corps de l’article.\n".repeat(200));
    }
  }

  @TearDown(Level.Trial)
  public void deleteArchive() throws IOException {
    try (var walk = Files.walk(archive)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Articles per second, for 1,000 files read in parallel. */
  @Benchmark
  public List<Article> readThousandArticles() throws IOException {
    return new ArchiveReader().read(archive, Reporter.silent());
  }
}
