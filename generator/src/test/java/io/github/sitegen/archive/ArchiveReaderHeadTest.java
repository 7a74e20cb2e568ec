package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Reporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing the archive reads only front matter: the same articles as reading whole files. */
class ArchiveReaderHeadTest {
  @TempDir Path archive;

  @ParameterizedTest(name = "front matter of {0} bytes")
  @ValueSource(ints = {10, 4_000, 4_093, 4_094, 4_095, 4_096, 4_097, 9_000, 20_000})
  void frontMatterOfAnySizeIsReadWhole(int padding) throws IOException {
    String summary = "é".repeat(padding / 2);
    write("a.md", "---\ntitle: Titre\ndate: 2026-02-05T16:20:00+01:00\nsummary: " + summary + "\n---\n\n" + "Corps ".repeat(5000));

    Article article = new ArchiveReader().read(archive, Reporter.silent()).get(0);

    assertThat(article.summary()).isEqualTo(summary);
    assertThat(new ArchiveReader().body(article)).startsWith("Corps Corps");
  }

  @Test
  void crlfAndFenceAtEndOfFileWork() throws IOException {
    write("crlf.md", "---\r\ntitle: CRLF\r\ndate: 2026-02-05\r\n---\r\nCorps\r\n");
    write("eof.md", "---\ntitle: EOF\ndate: 2026-02-05\n---");

    assertThat(new ArchiveReader().read(archive, Reporter.silent()))
        .extracting(Article::title)
        .containsExactlyInAnyOrder("CRLF", "EOF");
  }

  @Test
  void filesWithoutFrontMatterAreSkippedWhateverTheirBytes() throws IOException {
    write("README.md", "# Lisez-moi\n" + "é".repeat(5000));

    assertThat(new ArchiveReader().read(archive, Reporter.silent())).isEmpty();
  }

  private void write(String name, String text) throws IOException {
    Files.write(archive.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }
}
