package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Autolinks} gives exactly the HTML of commonmark's own autolink extension. */
class AutolinksTest {
  private static final UnaryOperator<String> KEEP = url -> url;
  private final MarkdownRenderer guarded = new MarkdownRenderer();
  private final MarkdownRenderer reference = new MarkdownRenderer(AutolinkExtension.create());
  private final MarkdownRenderer none = new MarkdownRenderer(new Extension() {});
  private final Parser plain = Parser.builder().build();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Visit www.commonmark.org/help for more information.",
        "Écrire à foo@bar.baz ou à redaction@next.ink.",
        "voir https://next.ink/ et http://exemple.fr/a?b=c#d.",
        "Voir (www.google.com/search?q=Markup+(business)) ici",
        "a *www.x.org* **b@c.de** ~~https://x.org~~",
        "| a | b |\n|---|---|\n| www.x.org/t | c@d.ef |",
        "# Titre www.x.org\n\n> citation https://x.org\n\n- item a@b.cd",
        "![une image www.x.org](https://x.org/i.png)",
        "entités &#64; &commat; a&#64;b.cd www&#46;x.org https&#58;//x.org",
        "échappés www\\.x\\.org https:\\/\\/x.org a\\@b.cd",
        "coupé ww\nw.x.org https:\n//x.org",
      })
  void linksWhereCommonmarkLinks(String markdown) {
    String html = guarded.toHtml(markdown, KEEP);
    assertThat(html).isEqualTo(reference.toHtml(markdown, KEEP));
  }

  @Test
  void theCasesAboveDoHoldAutolinks() {
    assertThat(guarded.toHtml("Visit www.commonmark.org/help now", KEEP))
        .contains("<a rel=\"nofollow\" href=\"http://www.commonmark.org/help\">");
    assertThat(guarded.toHtml("à foo@bar.baz.", KEEP)).contains("href=\"mailto:foo@bar.baz\"");
    assertThat(guarded.toHtml("entité a&#64;b.cd", KEEP)).contains("href=\"mailto:a@b.cd\"");
    assertThat(guarded.toHtml("![alt www.x.org](i.png)", KEEP)).contains("alt=\"alt www.x.org\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Un [texte](https://exemple.fr/a) suivi de texte : rien à lier.",
        "[www.x.org](https://x.org) et [a@b.cd](mailto:a@b.cd)",
        "`https://x.org` et\n\n    www.x.org\n",
        "<https://x.org> déjà un lien",
      })
  void documentsWithoutCandidatesAreLeftAsTheyAre(String markdown) {
    assertThat(Autolinks.mayHoldLinks(plain.parse(markdown))).isFalse();
    assertThat(guarded.toHtml(markdown, KEEP)).isEqualTo(reference.toHtml(markdown, KEEP));
  }

  @Test
  void generatedDocumentsRenderTheSame() {
    List<String> pieces =
        List.of(
            "w", "ww", "www.", "x.org", ".", "@", "b.cd", ":", "//", "https", "mailto:", "\\",
            "&#64;", "&#46;", "&#58;", "&commat;", "&amp;", "[", "](", ")", "![", "*", "_", "`",
            "~~", "|", "\n", "\n\n", " ", "  \n", "a", "é", "<", ">", "# ", "> ", "- ", "(", "?",
            "\u00a0", "'");
    var random = new Random(20261129);
    int linked = 0;
    int skipped = 0;
    for (int i = 0; i < 4000; i++) {
      var markdown = new StringBuilder();
      for (int n = 1 + random.nextInt(24); n > 0; n--) {
        markdown.append(pieces.get(random.nextInt(pieces.size())));
      }
      String source = markdown.toString();
      String expected = reference.toHtml(source, KEEP);
      assertThat(guarded.toHtml(source, KEEP)).as("%s", source).isEqualTo(expected);
      if (!Autolinks.mayHoldLinks(plain.parse(source))) {
        skipped++;
      } else if (!expected.equals(none.toHtml(source, KEEP))) {
        linked++;
      }
    }
    // the generator exercises both ways: documents with autolinks, and documents skipped
    assertThat(linked).isGreaterThan(200);
    assertThat(skipped).isGreaterThan(1000);
  }
}
