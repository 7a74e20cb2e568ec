package io.github.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.images.ImageServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code import --archive-images [--allow-private-image-hosts]} on a loopback server. */
class ImportImagesCommandTest {

  @TempDir Path dir;

  private final ImageServer server;

  ImportImagesCommandTest() throws IOException {
    server = new ImageServer().serve("/photo", "image/png", "\u0089PNG".getBytes(StandardCharsets.ISO_8859_1));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void archivesImagesOnlyWhenAskedAndFromLoopbackOnlyWhenAllowed() throws IOException {
    Path snapshots = Files.createDirectories(dir.resolve("snapshots"));
    Files.writeString(
        snapshots.resolve("a.xml"),
        "<rss version=\"2.0\"><channel><title>t</title><item><guid>1</guid><title>Un</title>"
            + "<pubDate>Thu, 05 Feb 2026 10:00:00 GMT</pubDate><description>&lt;img src=\""
            + server.url("/photo") + "\" alt=\"p\"&gt;</description></item></channel></rss>");
    Path article = dir.resolve("articles/2026/02/05/un.md");

    assertThat(run(snapshots)).isZero();
    assertThat(server.requests()).isEmpty();

    assertThat(run(snapshots, "--archive-images")).isZero();
    assertThat(server.requests()).isEmpty(); // refused: loopback
    assertThat(Files.readString(article)).doesNotContain("images:");

    assertThat(run(snapshots, "--archive-images", "--allow-private-image-hosts")).isZero();
    assertThat(server.requests()).containsExactly("/photo");
    assertThat(Files.readString(article)).contains("images:\n- " + server.url("/photo") + " images/");
  }

  private int run(Path snapshots, String... options) {
    var commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(new StringWriter(), true));
    String[] args = new String[5 + options.length];
    args[0] = "import";
    args[1] = "--snapshots";
    args[2] = snapshots.toString();
    args[3] = "--archive";
    args[4] = dir.resolve("articles").toString();
    System.arraycopy(options, 0, args, 5, options.length);
    return commandLine.execute(args);
  }
}
