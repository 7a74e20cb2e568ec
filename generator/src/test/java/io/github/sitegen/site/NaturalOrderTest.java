package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.archive.Article;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The order of the tag and author indexes: the locale's collation, with numbers by value. Each row
 * is two names in French order, the first before the second.
 */
class NaturalOrderTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "\"{0}\" < \"{1}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2 ans            | 10 ans
          Windows 7        | Windows 10
          Windows 10       | Windows 11
          iOS 9            | iOS 17.2
          iOS 17.2         | iOS 17.10
          4G               | 5G
          5G               | 10G
          1000             | 10000
          Windows          | Windows 7
          Apple            | Économie
          Économie         | Énergie
          economie 2       | Économie 10
          Élection 1       | Election 2
          ia               | IA 2
          0                | A
          A1B              | A1C
          """)
  void order(String first, String second) {
    var order = new NaturalOrder(french());

    assertThat(order.compare(first, second)).as("compare(first, second)").isNegative();
    assertThat(order.compare(second, first)).as("compare(second, first)").isPositive();
  }

  @ParameterizedTest(name = "\"{0}\" = \"{1}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Windows 07    | Windows 7
          007           | 7
          IA            | ia
          """)
  void equalNames(String a, String b) {
    // equal to the collator at secondary strength: the planner's slug tie-break orders them
    assertThat(new NaturalOrder(french()).compare(a, b)).isZero();
  }

  @Test
  void accentsStillSortAsInTheWholeName() {
    // secondary differences count only when nothing else differs
    var order = new NaturalOrder(french());

    assertThat(order.compare("Economie", "Économie")).isNegative();
    assertThat(order.compare("Économie", "Economie")).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"fr-FR", "ar", "th", "en"})
  void isAConsistentOrderEvenForOtherScriptsDigits(String language) {
    // a sort fails ("Comparison method violates its general contract") on an inconsistent order:
    // other scripts' digits are text here, and the Arabic and Thai collators put theirs among ours
    // ("10" < "٢" < "9"), where the number 9 comes before 10
    List<String> names =
        List.of(
            "9", "10", "٢", "١٠", "１０", "½", "²", "Ⅻ", "#MeToo", "5G", "Windows 7", "Windows 10",
            "Windows ٧", "", " ", "a1", "a01", "A1", "a 1", "a1b", "a1 b", "a-1", "Économie",
            "economie", "e", "É", "0", "00", "007", "7", "x9y", "x10y", "x٢y", "x２y", "ｘ9", "๒",
            "x๒y");
    Collator collator = Collator.getInstance(Locale.forLanguageTag(language));
    collator.setStrength(Collator.SECONDARY);
    var order = new NaturalOrder(collator);
    for (String a : names) {
      for (String b : names) {
        int ab = Integer.signum(order.compare(a, b));
        assertThat(Integer.signum(order.compare(b, a))).as("%s / %s", a, b).isEqualTo(-ab);
        for (String c : names) {
          if (ab <= 0 && order.compare(b, c) <= 0) {
            assertThat(order.compare(a, c)).as("%s <= %s <= %s", a, b, c).isNotPositive();
          }
        }
      }
    }
  }

  @Test
  void theTagIndexListsNumbersByValue() throws Exception {
    List<String> tags = List.of("Windows 11", "10 ans", "Windows 7", "Économie", "2 ans", "Windows 10", "Apple");
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      String id = "urn:t:" + i;
      articles.add(
          NextArchive.article(
              "2026/02/05/a" + i, id, id, "", "2026-02-05T0" + i + ":00:00+01:00", null,
              List.of(), List.of(tags.get(i)), "", "", "", false, 0));
    }
    Path site = dir.resolve("site");

    SiteFixture.build(SiteFixture.french(site, null, 20), articles, a -> "Texte.");

    String index = SiteFixture.read(site, "tags/index.html");
    List<Integer> at =
        List.of("2 ans", "10 ans", "Apple", "Économie", "Windows 7", "Windows 10", "Windows 11")
            .stream()
            .map(tag -> index.indexOf(">" + tag + "<"))
            .toList();
    assertThat(at).doesNotContain(-1).isSorted();
  }

  private static Collator french() {
    Collator collator = Collator.getInstance(Locale.FRANCE);
    collator.setStrength(Collator.SECONDARY);
    return collator;
  }
}
