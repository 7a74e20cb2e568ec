package io.github.sitegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository's GitHub Actions workflow parses and has the steps the README promises. */
class ArchiveWorkflowTest {
  private static Map<String, Object> workflow;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    try (Reader in =
        Files.newBufferedReader(
            Path.of("../.github/workflows/archive.yml"), StandardCharsets.UTF_8)) {
      workflow = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      current = ((Map<String, Object>) current).get(key);
    }
    return (T) current;
  }

  @Test
  void runsHourlyOnPushAndByHand() {
    // YAML 1.1 reads the key `on` as the boolean true
    Map<String, Object> on = at(workflow.get(Boolean.TRUE));
    assertThat(on).containsKeys("schedule", "push", "workflow_dispatch");
    List<Map<String, String>> schedule = at(on, "schedule");
    assertThat(schedule.get(0).get("cron")).matches("\\d+ \\* \\* \\* \\*");
  }

  @Test
  void mayWriteTheRepositoryAndDeployPages() {
    assertThat(at(workflow, "permissions").toString())
        .contains("contents=write", "pages=write", "id-token=write");
    assertThat(at(workflow, "concurrency", "group").toString()).isNotBlank();
  }

  @Test
  void buildsSnapshotsRendersCommitsAndUploadsInThatOrder() {
    List<Map<String, Object>> steps = at(workflow, "jobs", "build", "steps");
    List<String> described =
        steps.stream().map(s -> String.valueOf(s.getOrDefault("uses", s.get("run")))).toList();

    assertThat(described)
        .satisfiesExactly(
            s -> assertThat(s).startsWith("actions/checkout@"),
            s -> assertThat(s).startsWith("actions/setup-java@"),
            s -> assertThat(s).startsWith("actions/cache@"),
            s -> assertThat(s).isEqualTo("mvn -B install -DskipTests"),
            s -> assertThat(s).isEqualTo("mvn -B site-gen:snapshot"),
            s -> assertThat(s).isEqualTo("mvn -B site-gen"),
            s -> assertThat(s).contains("git add content/snapshots content/articles", "git push"),
            s -> assertThat(s).startsWith("actions/configure-pages@"),
            s -> assertThat(s).startsWith("actions/upload-pages-artifact@"));
    assertThat(steps.get(1).toString()).contains("java-version=17", "cache=maven");
    // the caches and the previous site come back before anything builds
    assertThat(steps.get(2).toString())
        .contains("content/target/site-gen-cache", "content/target/site", "restore-keys");
    assertThat(steps.get(8).toString()).contains("path=content/target/site");
  }

  /**
   * The workflow README.md gives for a user's own archive repository parses, keeps site-gen's
   * caches and the site between runs (else every hourly run is a first build), and renders with
   * {@code mvn site-gen}.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theReadmesWorkflowForAnotherRepositoryKeepsTheCaches() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int intro = readme.indexOf("add `.github/workflows/archive.yml`:");
    assertThat(intro).isPositive();
    int start = readme.indexOf("```yaml\n", intro) + "```yaml\n".length();
    String yaml = readme.substring(start, readme.indexOf("```", start));
    Map<String, Object> theirs =
        (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);

    List<Map<String, Object>> steps = at(theirs, "jobs", "build", "steps");
    List<String> described =
        steps.stream().map(s -> String.valueOf(s.getOrDefault("uses", s.get("run")))).toList();
    int cache =
        java.util.stream.IntStream.range(0, described.size())
            .filter(i -> described.get(i).startsWith("actions/cache@"))
            .findFirst()
            .orElse(-1);
    assertThat(cache).as("an actions/cache step in %s", described).isPositive();
    assertThat(steps.get(cache).toString()).contains("target/site-gen-cache", "target/site", "restore-keys");
    assertThat(described.indexOf("mvn -B site-gen")).isGreaterThan(cache);
  }

  @Test
  void deploysWithDeployPagesAfterTheBuild() {
    assertThat(at(workflow, "jobs", "deploy", "needs").toString()).isEqualTo("build");
    List<Map<String, Object>> steps = at(workflow, "jobs", "deploy", "steps");
    assertThat(steps.get(0).get("uses").toString()).startsWith("actions/deploy-pages@");
  }
}
