package io.github.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code import --fail-on}: the exit code follows the documented policy, the report is printed. */
class ImportFailOnTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} with {1} -> exit {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          never   | an error   | 0
          error   | an error   | 1
          warning | an error   | 1
          error   | a warning  | 0
          warning | a warning  | 1
          WARNING | nothing    | 0
          """)
  void exitCodeFollowsThePolicy(String failOn, String problem, int exit) throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Files.writeString(
        snapshots.resolve("good.xml"),
        "<rss version=\"2.0\"><channel><title>t</title><lastBuildDate>Thu, 05 Feb 2026 17:00:00 GMT"
            + "</lastBuildDate><item><guid>1</guid><title>Un</title>"
            + (problem.equals("a warning") ? "" : "<pubDate>Thu, 05 Feb 2026 10:00:00 GMT</pubDate>")
            + "</item></channel></rss>");
    if (problem.equals("an error")) {
      Files.writeString(snapshots.resolve("bad.xml"), "{\"items\": []}");
    }
    var out = new StringWriter();
    var err = new StringWriter();
    var commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));

    int code =
        commandLine.execute(
            "import", "--snapshots", snapshots.toString(), "--archive",
            dir.resolve("articles").toString(), "--fail-on", failOn);

    assertThat(code).isEqualTo(exit);
    assertThat(out.toString())
        .contains(snapshots.resolve("good.xml") + ": 1 items, 1 new, 0 updated, 0 unchanged, 0 skipped")
        .contains("Imported ");
    assertThat(dir.resolve("articles/2026/02/05/un.md")).isRegularFile();
    if (exit == 1) {
      assertThat(err.toString()).contains("(--fail-on)");
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"sometimes", "''"})
  void aBadPolicyIsAUsageError(String failOn) {
    var err = new StringWriter();
    var commandLine = Main.commandLine();
    commandLine.setErr(new PrintWriter(err, true));

    int code =
        commandLine.execute(
            "import", "--snapshots", dir.toString(), "--archive", dir.toString(), "--fail-on", failOn);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("expected never, error or warning, found \"" + failOn + "\"");
  }
}
