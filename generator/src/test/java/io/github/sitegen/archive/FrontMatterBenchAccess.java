package io.github.sitegen.archive;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Lets {@code FrontMatterBench} (another package) parse front matter both ways. */
public final class FrontMatterBenchAccess {
  private FrontMatterBenchAccess() {}

  /** A file as the importer writes it ({@link FrontMatter#write}). */
  public static String write(Map<String, @Nullable Object> values, String body) {
    return FrontMatter.write(values, body);
  }

  /** The number of values {@link FrontMatter#parse} reads (fast path first). */
  public static int parse(String text) {
    var parsed = FrontMatter.parse(text, "bench.md");
    return parsed == null ? 0 : parsed.values().size();
  }

  /** The number of values {@link FrontMatter#parseWithSnakeYaml} reads. */
  public static int parseWithSnakeYaml(String text) {
    var parsed = FrontMatter.parseWithSnakeYaml(text, "bench.md");
    return parsed == null ? 0 : parsed.values().size();
  }
}
