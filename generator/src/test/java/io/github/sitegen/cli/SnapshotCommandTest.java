package io.github.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SnapshotCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path dir;

  private int run(String... args) {
    var commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void savesAFileUrlOnceAndThenNothingWhileItIsUnchanged() throws IOException {
    Path feed = Files.writeString(dir.resolve("feed.xml"), "<rss version=\"2.0\"><channel/></rss>");
    Path snapshots = dir.resolve("snapshots");
    String[] args = {
      "snapshot",
      "--url",
      feed.toUri().toString(),
      "--name",
      "local",
      "--snapshots",
      snapshots.toString()
    };

    int first = run(args);
    int second = run(args);

    assertThat(first).isZero();
    assertThat(second).isZero();
    assertThat(out.toString())
        .contains("Fetched 1 feeds: 1 saved, 0 unchanged, 0 failed")
        .contains("Fetched 1 feeds: 0 saved, 1 unchanged, 0 failed");
    try (Stream<Path> files = Files.list(snapshots)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .singleElement()
          .satisfies(name -> assertThat(name).matches("local-\\d{8}T\\d{6}Z\\.xml"));
    }
  }

  @Test
  void aMalformedUrlIsAUsageErrorNamingTheOption() {
    int exit =
        run("snapshot", "--url", "next.ink/feed", "--name", "next", "--snapshots", dir.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "Invalid value for option '--url': expected an absolute http(s) or file URL such as"
                + " \"https://example.org/feed/\", found \"next.ink/feed\"");
  }

  @Test
  void aMissingFeedFileFailsWithExitCode1() {
    int exit =
        run(
            "snapshot",
            "--url",
            dir.resolve("none.xml").toUri().toString(),
            "--name",
            "next",
            "--snapshots",
            dir.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("none.xml: expected a feed file, found none");
  }

  @Test
  void serveHelpListsItsOptionsAndABadPortIsAUsageError() {
    assertThat(run("serve", "--help")).isZero();
    assertThat(out.toString()).contains("--archive", "--snapshots", "--port", "--base-url", "8080");

    assertThat(run("serve", "--archive", dir.toString(), "--port", "70000")).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "Invalid value for option '--port': expected a port number from 0 (any free port) to"
                + " 65535, found 70000");
  }
}
