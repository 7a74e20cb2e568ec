package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Golden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Next fixtures through {@link ArticleExtractor}; whole outputs as golden files. */
class ArticleExtractorTest {

  private static final String BASE = "https://next.ink/";

  private final ArticleExtractor extractor = new ArticleExtractor();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          next-222947-grok           | Elon Musk avait personnellement supervisé la dérive sexuelle de Grok
          next-222801-breve-flux-rss | ☕️ Vos flux RSS, un outil d’archivage sous-estimé
          """)
  void convertsNextArticlesAsTheGoldenFilesSay(String name, String title) throws IOException {
    ArticleContent content = extractor.extract(resource(name + ".html"), BASE, title);

    Golden.assertMatches(content.markdown(), "markdown/" + name + ".md");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          next-222947-grok           | Elon Musk avait personnellement supervisé la dérive sexuelle de Grok
          next-222801-breve-flux-rss | ☕️ Vos flux RSS, un outil d’archivage sous-estimé
          next-222905-pape-ia        | Le Pape peut-il susciter un véritable sursaut mondial face à l’IA ?
          next-222874-test-vps       | [Test] Trois VPS à moins de 5 euros par mois : performances, latence, débits…
          next-222889-breve-mistral  | ☕️ Mistral sort des modèles pour de la traduction vocale vers le texte instantanée
          """)
  void keepsTheTextOfNextArticles(String name, String title) {
    String html = resource(name + ".html");

    ArticleContent content = extractor.extract(html, BASE, title);

    Element body = Jsoup.parseBodyFragment(html).body();
    body.select(".next-subtitle, .next-title, .next-paywall").remove();
    assertThat(RoundTrip.textOfMarkdown(content.markdown())).isEqualTo(body.text());
  }

  @Test
  void liftsTheKickerAndDropsTheRepeatedTitle() {
    ArticleContent content =
        extractor.extract(
            resource("next-222947-grok.html"),
            BASE,
            "Elon Musk avait personnellement supervisé la dérive sexuelle de Grok");

    assertThat(content.subtitle()).isEqualTo("Qui c'est qu'a la plus Grok ?");
    assertThat(content.markdown())
        .startsWith("**En 2025, le nombre de signalements par X de contenus")
        .doesNotContain("Qui c'est qu'a la plus Grok", "# Elon Musk");
    assertThat(content.truncated()).isFalse();
    assertThat(content.paywallPercent()).isZero();
  }

  @ParameterizedTest(name = "{0}: {2} % left")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          next-222905-pape-ia   | Le Pape peut-il susciter un véritable sursaut mondial face à l&#8217;IA ? | 80 | Omnia vanitas
          next-222874-test-vps  | [Test] Trois VPS à moins de 5 euros par mois : performances, latence, débits&#8230; | 72 | Vos données valent bien quelques euros
          """)
  void marksPaywalledArticlesAsTruncated(
      String name, String title, int percent, String subtitle) {
    ArticleContent content = extractor.extract(resource(name + ".html"), BASE, title);

    assertThat(content.truncated()).isTrue();
    assertThat(content.paywallPercent()).isEqualTo(percent);
    assertThat(content.subtitle()).isEqualTo(subtitle);
    assertThat(content.markdown())
        .startsWith("**")
        .doesNotContain("Il reste", "abonné", "Générez une clé RSS", "\n# ");
  }

  @Test
  void leavesBrevesAsTheyAre() {
    String html = resource("next-222889-breve-mistral.html");

    ArticleContent content =
        extractor.extract(
            html,
            BASE,
            "☕️ Mistral sort des modèles pour de la traduction vocale vers le texte instantanée");

    assertThat(content.subtitle()).isEmpty();
    assertThat(content.truncated()).isFalse();
    assertThat(content.markdown()).isEqualTo(new HtmlToMarkdown().convert(html, BASE));
    assertThat(content.markdown())
        .startsWith("La startup française d’IA générative")
        .contains("\n\n- l’un en open source", "\n- l’autre, Voxtral Transcribe 2");
  }

  @Test
  void keepsAFirstHeadingThatIsNotTheTitle() {
    String html = "<h1 class=\"next-title\">Autre chose</h1><p>Texte</p>";

    ArticleContent content = extractor.extract(html, "", "Le titre");

    assertThat(content.markdown()).isEqualTo("# Autre chose\n\nTexte\n");
  }

  @Test
  void recognisesTheTitleDespiteEntitiesSpacesAndApostrophes() {
    String html = "<h1>L’ICE veut  multiplier\u00a0ses sources</h1><p>Texte</p>";

    ArticleContent content =
        extractor.extract(html, "", "L&#8217;ICE veut multiplier ses sources");

    assertThat(content.markdown()).isEqualTo("Texte\n");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Il reste 80% de l'article à découvrir.        | 80
          80 % remaining                                 | 80
          Il reste 65\u00a0% de l'article               | 65
          Réservé aux abonnés                            | 0
          """)
  void readsThePercentageLeftBehindThePaywall(String notice, int percent) {
    String html = "<p>Début</p><p class=\"paywall-notice\">" + notice + "</p>";

    ArticleContent content = extractor.extract(html, "", "Titre");

    assertThat(content.paywallPercent()).isEqualTo(percent);
    assertThat(content.truncated()).isTrue();
    assertThat(content.markdown()).isEqualTo("Début\n");
  }

  private static String resource(String name) {
    try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/markdown/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /markdown/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }

}
