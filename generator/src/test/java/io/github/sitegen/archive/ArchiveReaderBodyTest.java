package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A body read from a file's bytes ({@link ArchiveReader#body(byte[], String)}, which decodes only
 * the body of a file in the archive's shape) is the body {@link FrontMatter#body} gives from the
 * file's whole text, whatever the bytes.
 */
class ArchiveReaderBodyTest {

  /** Each case: a file's text, and whether the byte scan reads it (else it is read from its text). */
  static Stream<Object[]> cases() {
    return Stream.of(
        new Object[] {"---\ntitle: A\n---\n\nBody.\n", true},
        new Object[] {"---\ntitle: A\n---\nBody right under the fence.\n", true},
        new Object[] {"---\ntitle: A\n---\n\n\nTwo blank lines: one stays.\n", true},
        new Object[] {"---\ntitle: A\n---   \t\n\nFence with trailing blanks.\n", true},
        new Object[] {"---\n---\n\nEmpty front matter.\n", true},
        new Object[] {"---\ntitle: A\n---", true},
        new Object[] {"---\ntitle: A\n---\n", true},
        new Object[] {"---\ntitle: A\n---\n\n", true},
        new Object[] {"---\ntitle: Été ’24 — « guillemets »\n---\n\nCorps é ’.\n", true},
        new Object[] {"---\ntitle: A\n----\nnot: a fence\n---\n\nBody.\n", true},
        new Object[] {"---\ntitle: A\n--- x\n---\n\nBody.\n", true},
        new Object[] {"---\ntitle: A\n---\n\nBody with CRLF\r\nlines\r\n", true},
        new Object[] {"---\ntitle: A\n---\n\n\r\nA CRLF blank line after the blank one.\n", true},
        new Object[] {"---\ntitle: A\n---\n\n---\n\nA thematic break: the fence was the first.\n", true},
        new Object[] {"---\ntitle: A\n---\n\nBody \u2028 with a line separator.\n", true},
        new Object[] {"---\r\ntitle: A\r\n---\r\n\r\nCRLF file.\r\n", false},
        new Object[] {"---\ntitle: A\r\n---\n\nA CR in the front matter.\n", false},
        new Object[] {"---\ntitle: A\n---\r\n\r\nCRLF after the fence.\n", false},
        new Object[] {"---\ntitle: A\n---\n\r\nCRLF blank line.\n", false},
        new Object[] {"---\ntitle: A\n---\rBody after a lone CR.\n", false},
        new Object[] {"---\ntitle: A\u2028---\n\nAfter a line separator.\n", false},
        new Object[] {"---\ntitle: A\n---\u2029Body.\n", false},
        new Object[] {"---\ntitle: A\u0085---\nNEL.\n", false},
        new Object[] {"\uFEFF---\ntitle: A\n---\n\nBOM.\n", false},
        new Object[] {"--- \ntitle: A\n---\n\nOpening fence with a blank.\n", false},
        new Object[] {"---", false},
        new Object[] {"---\ntitle: A\nno closing fence\n", false},
        new Object[] {"# No front matter\n", false},
        new Object[] {"", false});
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theBodyIsTheOneTheTextGives(String text, boolean scanned) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    assertThat(ArchiveReader.body(bytes, "a.md")).isEqualTo(FrontMatter.body(text));
    assertThat(ArchiveReader.plainBodyStart(bytes) >= 0).as("read by the byte scan").isEqualTo(scanned);
  }

  @Test
  void theExampleArchivesFilesAreScannedAndGiveTheirBodies() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("../content/articles"))) {
      files = walk.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(5);
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      String text = new String(bytes, StandardCharsets.UTF_8);

      assertThat(ArchiveReader.plainBodyStart(bytes)).as(file.toString()).isPositive();
      assertThat(ArchiveReader.body(bytes, file.toString())).as(file.toString()).isEqualTo(FrontMatter.body(text));
    }
  }

  @Test
  void randomTextsGiveTheSameBodyEitherWay() {
    // pieces that make fences, line breaks of every kind and multi-byte characters likely
    String[] pieces = {
      "---", "---", "\n", "\n", "\n", "\r", "\r\n", " ", "\t", "-", "a", "é", "’", "\u2028", "\u2029",
      "\u0085", "\uFEFF", "x: y"
    };
    var random = new Random(20261130);
    for (int n = 0; n < 20_000; n++) {
      var text = new StringBuilder(random.nextInt(4) == 0 ? "" : "---\n");
      int count = random.nextInt(16);
      for (int i = 0; i < count; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String s = text.toString();

      assertThat(ArchiveReader.body(s.getBytes(StandardCharsets.UTF_8), "a.md"))
          .as("%s", s.replace("\n", "\\n").replace("\r", "\\r"))
          .isEqualTo(FrontMatter.body(s));
    }
  }
}
