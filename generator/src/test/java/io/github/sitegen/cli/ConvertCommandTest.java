package io.github.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConvertCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  @TempDir Path dir;

  private int run(String stdin, String... args) {
    var command =
        new ConvertCommand(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout);
    var commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void convertsStandardInputToStandardOutput() {
    int exit =
        run("<p><strong>Note&nbsp;:</strong> voir <a href=\"/a\">là</a></p><script>x</script>");

    assertThat(exit).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .isEqualTo("**Note\u00a0:** voir [là](/a)\n");
  }

  @Test
  void resolvesLinksAgainstTheBaseUrl() {
    int exit = run("<p><a href=\"../b\">b</a></p>", "--base-url", "https://next.ink/1/a");

    assertThat(exit).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("[b](https://next.ink/b)\n");
  }

  @Test
  void convertsEveryHtmlFileOfAFolder() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("un.html"), "<h1>Un</h1>");
    Files.writeString(in.resolve("deux.html"), "<p>Deux <img src=\"i.png\" alt=\"i\"></p>");
    Files.writeString(in.resolve("notes.txt"), "pas du HTML");
    Path outDir = dir.resolve("out/md");

    int exit = run("", in.toString(), outDir.toString(), "--base-url", "https://example.org/");

    assertThat(exit).isZero();
    assertThat(Files.readString(outDir.resolve("un.md"))).isEqualTo("# Un\n");
    assertThat(Files.readString(outDir.resolve("deux.md")))
        .isEqualTo("Deux ![i](https://example.org/i.png)\n");
    assertThat(outDir.resolve("notes.md")).doesNotExist();
    assertThat(out.toString()).contains("Converted 2 of 2 HTML files");
  }

  @Test
  void oneFolderAloneIsAUsageError() {
    int exit = run("", "in");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("expected both IN_DIR and OUT_DIR, found only \"in\"");
  }

  @Test
  void relativeBaseUrlIsAUsageError() {
    int exit = run("", "--base-url", "next.ink/a");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid value for option '--base-url'", "found \"next.ink/a\"");
  }

  @Test
  void helpDescribesBothModes() {
    var commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));

    int exit = commandLine.execute("convert", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("IN_DIR", "OUT_DIR", "--base-url", "standard input");
  }
}
