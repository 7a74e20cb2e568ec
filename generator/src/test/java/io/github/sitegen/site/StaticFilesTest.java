package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A theme's static files are copied a buffer at a time, never held in memory: a build in a JVM of
 * 32 MB copies one of 96 MB (a video, a PDF), and leaves it alone when it is already there.
 */
class StaticFilesTest {
  private static final long BIG = 96L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void aStaticFileLargerThanTheHeapIsCopied() throws Exception {
    Path archive = Files.createDirectories(dir.resolve("articles/2026/02/05"));
    Files.writeString(
        archive.resolve("bonjour.md"), "---\ntitle: Bonjour\ndate: 2026-02-05T10:00:00Z\n---\nTexte.\n");
    Path statics = Files.createDirectories(dir.resolve("theme/static/media"));
    try (var file = new RandomAccessFile(statics.resolve("film.mp4").toFile(), "rw")) {
      file.setLength(BIG); // sparse: quick to make, read as zeros
      file.seek(BIG - 4);
      file.write(new byte[] {1, 2, 3, 4});
    }
    Files.writeString(statics.resolve("note.txt"), "note");
    Path site = dir.resolve("site");

    // read whole, the file took the build down: OutOfMemoryError
    assertThat(build(site)).contains("Rendered 1 articles");
    Path copy = site.resolve("media/film.mp4");
    assertThat(Files.size(copy)).isEqualTo(BIG);
    assertThat(Files.mismatch(copy, statics.resolve("film.mp4"))).isEqualTo(-1);
    assertThat(site.resolve("media/note.txt")).hasContent("note");

    FileTime written = Files.getLastModifiedTime(copy);
    Files.setLastModifiedTime(copy, FileTime.fromMillis(written.toMillis() - 60_000));
    FileTime before = Files.getLastModifiedTime(copy);
    assertThat(build(site)).contains("Rendered 1 articles");
    assertThat(Files.getLastModifiedTime(copy)).as("left alone: same bytes").isEqualTo(before);
  }

  /** A build in a JVM whose heap is a third of the file; its output. */
  private String build(Path site) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx32m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "-Djava.io.tmpdir=" + dir,
                    "io.github.sitegen.cli.Main",
                    "build",
                    "--archive",
                    dir.resolve("articles").toString(),
                    "--theme",
                    dir.resolve("theme").toString(),
                    "--out",
                    site.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }
}
