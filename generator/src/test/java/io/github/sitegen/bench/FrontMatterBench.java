package io.github.sitegen.bench;

import io.github.sitegen.archive.Article;
import io.github.sitegen.archive.ArchiveReader;
import io.github.sitegen.archive.FrontMatterBenchAccess;
import io.github.sitegen.Reporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
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
  private List<String> texts;

  @Setup(Level.Trial)
  public void writeArchive() throws IOException {
    archive = Files.createTempDirectory("fm-bench");
    texts = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      Path file = archive.resolve(String.format("2026/02/%02d/article-%d.md", i % 28 + 1, i));
      Files.createDirectories(file.getParent());
      // as the importer writes them (the title's " : " needs quotes)
      Map<String, @Nullable Object> values = new LinkedHashMap<>();
      values.put("title", "Article numéro " + i + " : un titre assez long pour être réaliste");
      values.put("date", "2026-02-05T16:20:00+01:00");
      values.put("authors", List.of("Élodie Marchand"));
      values.put("tags", List.of("IA et algorithmes", "Société numérique"));
      values.put("link", "https://next.ink/" + i + "/");
      values.put("id", "https://next.ink/?p=" + i);
      values.put(
          "summary",
          "Un résumé de deux phrases. Avec des accents, des « guillemets » et des espaces.");
      values.put("slug", "article-numero-" + i);
      values.put("hash", "90038b2a3b5f49257e3e79251c51d4af");
      texts.add(FrontMatterBenchAccess.write(values, "Corps de l’article.\n".repeat(200)));
      Files.writeString(file, texts.get(i));
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

  /** Front matters per second parsed in memory on one thread (fast path, SnakeYAML fallback). */
  @Benchmark
  @OperationsPerInvocation(1000)
  public int parseInMemory() {
    int values = 0;
    for (String text : texts) {
      values += FrontMatterBenchAccess.parse(text);
    }
    return values;
  }

  /** The same with SnakeYAML only: the reference {@link #parseInMemory} is compared with. */
  @Benchmark
  @OperationsPerInvocation(1000)
  public int parseInMemoryWithSnakeYaml() {
    int values = 0;
    for (String text : texts) {
      values += FrontMatterBenchAccess.parseWithSnakeYaml(text);
    }
    return values;
  }
}
