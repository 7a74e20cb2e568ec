package io.github.sitegen.site;

import io.github.sitegen.Reporter;
import io.github.sitegen.archive.Article;
import io.github.sitegen.markdown.MarkdownRenderer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The build's hot paths on a synthetic 500-article archive held in memory: Markdown to HTML, and
 * a whole rebuild (planning, templates, search index; pages already written, so the bytes are
 * compared, not written). Run with {@code bench/jmh.sh SiteBuildBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SiteBuildBench {
  private SyntheticArchive archive;
  private List<String> bodies;
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private SiteGenerator generator;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    archive = new SyntheticArchive(500);
    BodyLoader loader = archive.bodies();
    bodies = archive.articles().stream().map(a -> body(loader, a)).toList();
    Path output = Files.createTempDirectory("site-bench");
    generator = new SiteGenerator(SiteFixture.french(output, null, 20), Reporter.silent());
    generator.generate(archive.articles(), loader);
  }

  private static String body(BodyLoader loader, Article a) {
    try {
      return loader.body(a);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Bodies rendered per second (ops = one pass over the 500 bodies; divide by 500). */
  @Benchmark
  public int markdownToHtml() {
    int length = 0;
    for (String body : bodies) {
      length += markdown.toHtml(body, url -> url).length();
    }
    return length;
  }

  /** Whole rebuilds of the 500-article site per second. */
  @Benchmark
  public SiteReport rebuild() throws IOException {
    return generator.generate(archive.articles(), archive.bodies());
  }
}
