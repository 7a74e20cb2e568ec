package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frozen documents' terms and entries file: read back as written, and nothing from a foreign or
 * damaged one.
 */
class FrozenTermsTest {
  @TempDir Path dir;

  @Test
  void readsBackEachDocumentsTermsByPageAndKey() throws Exception {
    FrozenTerms.save(dir, "key", docs());

    Map<String, FrozenTerms.Doc> read = FrozenTerms.load(dir, "key");

    assertThat(read).containsOnlyKeys("a/index.html", "b/index.html", "c/index.html");
    assertThat(read.get("b/index.html").key()).isEqualTo(bytes("kb"));
    assertThat(words(read.get("a/index.html").terms())).containsExactly("paris", "ete");
    assertThat(words(read.get("b/index.html").terms())).containsExactly("ete", "hiver", "neige");
    assertThat(words(read.get("c/index.html").terms())).isEmpty();
    // and the title, date and snippet of each entry
    assertThat(read.get("b/index.html").title()).isEqualTo("Titre de b/index.html");
    assertThat(read.get("b/index.html").date()).isEqualTo("5 février 2026");
    assertThat(read.get("b/index.html").snippet()).isEqualTo("Un extrait : ete hiver neige…");
    assertThat(read.get("c/index.html").snippet()).isEmpty();
  }

  @Test
  void aFileForAnotherKeyMissingOrDamagedGivesNothing() throws Exception {
    assertThat(FrozenTerms.load(dir, "key")).isEmpty();
    FrozenTerms.save(dir, "key", docs());
    assertThat(FrozenTerms.load(dir, "other key")).isEmpty();

    Path file = dir.resolve(FrozenTerms.FILE);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 7));
    assertThat(FrozenTerms.load(dir, "key")).isEmpty();

    for (int at = 0; at < bytes.length; at++) {
      byte[] damaged = bytes.clone();
      damaged[at] ^= (byte) (1 << (at % 8));
      Files.write(file, damaged);
      // any changed byte is refused (a term or a title would otherwise reach the search index),
      // never an exception or a huge allocation
      assertThat(FrozenTerms.load(dir, "key")).as("byte %d", at).isEmpty();
    }
  }

  private static List<FrozenTerms.Doc> docs() {
    return List.of(
        doc("a/index.html", "ka", "paris", "ete"),
        doc("b/index.html", "kb", "ete", "hiver", "neige"),
        doc("c/index.html", "kc"));
  }

  private static FrozenTerms.Doc doc(String page, String key, String... words) {
    return new FrozenTerms.Doc(
        page,
        bytes(key),
        SearchIndex.Terms.of(new LinkedHashSet<>(List.of(words))),
        "Titre de " + page,
        "5 février 2026",
        words.length == 0 ? "" : "Un extrait : " + String.join(" ", words) + "…");
  }

  private static List<String> words(SearchIndex.Terms terms) {
    return Arrays.stream(terms.ids()).mapToObj(id -> terms.dictionary()[id]).toList();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
