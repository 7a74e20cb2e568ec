package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      Hello, World!                                  | hello-world
      L'été indien à Paris                           | l-ete-indien-a-paris
      Apple M4 : le test                             | apple-m4-le-test
      Société numérique                              | societe-numerique
      Économie                                       | economie
      IA et algorithmes                              | ia-et-algorithmes
      autohébergement                                | autohebergement
      L’ICE veut multiplier ses sources de données   | l-ice-veut-multiplier-ses-sources-de-donnees
      ☕️ Mistral sort des modèles                     | mistral-sort-des-modeles
      [Test] Trois VPS à moins de 5 euros par mois : performances, latence, débits… | test-trois-vps-a-moins-de-5-euros-par-mois-performances-latence-debits
      Cœur d’œuvre, Straße, Łódź                     | coeur-d-oeuvre-strasse-lodz
      ../../etc/passwd                               | etc-passwd
      """)
  void slugKeepsWordsAndDropsAccents(String title, String expected) {
    assertThat(Slugs.of(title)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      ☕️🎉              | article
      ""                | article
      CON               | con-1
      page              | page-1
      ...               | article
      """)
  void slugIsNeverEmptyNorReserved(String title, String expected) {
    assertThat(Slugs.of(title, "")).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void longTitlesAreCutAtAWordBreak() {
    String slug = Slugs.of("mot ".repeat(100));

    assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).endsWith("mot").doesNotContain("--");
  }
}
