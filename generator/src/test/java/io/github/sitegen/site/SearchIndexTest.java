package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The static search index: folding, sharding, and how much a query downloads. */
class SearchIndexTest {
  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          L’Été à Paris                 | ete paris
          Cœur ÉLECTRIQUE, Æther        | coeur electrique aether
          the Washington Post and Amazon | washington post amazon
          l'ICE veut des données        | ice veut donnees
          GPT-4o et 2026                | gpt 4o 2026
          """)
  void foldsAccentsCaseAndDropsStopWords(String text, String expected) {
    assertThat(String.join(" ", SearchIndex.terms(text))).isEqualTo(expected);
  }

  @Test
  void aVocabularyGivesEachDocumentItsTermsInOrderAndOneCopyOfEachTermForAll() {
    var words = new SearchIndex.Vocabulary();
    Set<String> firstText = SearchIndex.terms("Le cœur de Paris, la Seine et Paris");
    Set<String> secondText = SearchIndex.terms("Paris : une Seine plus propre");

    SearchIndex.Terms first = words.terms(firstText);
    SearchIndex.Terms second = words.terms(secondText);

    assertThat(first.dictionary()).containsExactly("coeur", "paris", "seine");
    assertThat(first.ids()).containsExactly(0, 1, 2);
    assertThat(second.dictionary()).containsExactly("paris", "seine", "plus", "propre");
    // the second document's "paris" and "seine" are the first one's strings, not copies
    assertThat(second.dictionary()[0]).isSameAs(first.dictionary()[1]);
    assertThat(second.dictionary()[1]).isSameAs(first.dictionary()[2]);
    assertThat(second.shared()).isFalse();
  }

  @Test
  void anIndexMadeFromVocabularyTermsIsTheIndexMadeFromTexts() {
    var words = new SearchIndex.Vocabulary();
    var fromTexts = new SearchIndex();
    var fromVocabulary = new SearchIndex();
    for (int i = 0; i < 3000; i++) {
      String text = "Article " + i + " sur Paris, Lyon " + (i % 17) + " et l’été " + (i % 301);
      fromTexts.add("a/" + i + "/index.html", "Titre " + i, "1 juin", "…", text);
      fromVocabulary.add(
          "a/" + i + "/index.html", "Titre " + i, "1 juin", "…", words.terms(SearchIndex.terms(text)));
    }

    Map<String, byte[]> expected = fromTexts.files();
    Map<String, byte[]> actual = fromVocabulary.files();
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    expected.forEach(
        (path, bytes) ->
            assertThat(new String(actual.get(path), StandardCharsets.UTF_8))
                .as(path)
                .isEqualTo(new String(bytes, StandardCharsets.UTF_8)));
  }

  @Test
  void theTableOfCharsGivesTheTermsOfTheGeneralWay() {
    // every char of the table and some beyond it, alone and inside words
    for (int c = 0; c < 0x2400; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      String ch = String.valueOf((char) c);
      for (String text : List.of(ch, "ab" + ch + "cd", "É" + ch + "té" + ch, ch + ch + "x")) {
        assertThat(SearchIndex.terms(text)).as("U+%04X in \"%s\"", c, text).containsExactlyElementsOf(SearchIndex.generalTerms(text));
      }
    }
    // random texts over French, English and other scripts' letters, marks, spaces and punctuation
    String[] pieces = {
      "a", "e", "Z", "0", "7", "é", "É", "è", "ç", "Ç", "à", "ù", "ï", "ô", "ÿ", "Ÿ", "œ", "Œ", "æ", "Æ",
      "ß", "µ", "ª", "º", "½", "²", "ǅ", "İ", "ı", "ŉ", "\u0301", "\u0327", "\u0308", " ", " ", " ", "\u00a0",
      "\u202f", "\u2009", "’", "'", "«", "»", "…", "–", "—", "-", ".", ",", ":", "?", "€", "\n", "\t",
      "Σ", "σ", "ς", "Д", "д", "中", "😀", "Å", "K", "ﬁ", "Ⅻ", "ℌ", "le", "les", "de", "the", "été",
      "ÉTÉ", "Paris", "x".repeat(41), "y".repeat(40)
    };
    var random = new Random(6);
    for (int i = 0; i < 20_000; i++) {
      var text = new StringBuilder();
      int count = 1 + random.nextInt(30);
      for (int k = 0; k < count; k++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      assertThat(SearchIndex.terms(text.toString()))
          .as("\"%s\"", text)
          .containsExactlyElementsOf(SearchIndex.generalTerms(text.toString()));
    }
    // two words with the same String hash (IPA letters, which stay as they are) are both terms
    assertThat("xa\u0270".hashCode()).isEqualTo("xb\u0251".hashCode());
    assertThat(SearchIndex.terms("xa\u0270 xb\u0251 xa\u0270 xb\u0251"))
        .containsExactly("xa\u0270", "xb\u0251");
    // long texts: thousands of distinct words, each met several times
    String[] syllables = {"ba", "ké", "lo", "mi", "nu", "pré", "sé", "té", "vo", "zo", "œu", "ÇA"};
    for (int i = 0; i < 5; i++) {
      var text = new StringBuilder();
      for (int w = 0; w < 20_000; w++) {
        int syllableCount = 1 + random.nextInt(4);
        for (int k = 0; k < syllableCount; k++) {
          text.append(syllables[random.nextInt(syllables.length)]);
        }
        text.append(random.nextInt(10) == 0 ? "’ " : " ");
      }
      Set<String> general = SearchIndex.generalTerms(text.toString());
      assertThat(general).hasSizeGreaterThan(2_000);
      assertThat(SearchIndex.terms(text.toString())).containsExactlyElementsOf(general);
    }
  }

  @Test
  void postingListsAreEncodedAsAScanOfEveryValueWouldEncodeThem() {
    var random = new Random(36);
    for (int round = 0; round < 2_000; round++) {
      int last = random.nextInt(5_000);
      var list = new SearchIndex.IntList();
      List<Integer> values = new ArrayList<>();
      for (int v = 0; v <= last; v++) {
        if (random.nextInt(1 + random.nextInt(20)) == 0) {
          list.add(v);
          values.add(v);
        }
      }
      int from = random.nextInt(last + 2);
      int to = from + random.nextInt(last + 2 - from + 1);
      // what the index wrote before: every value scanned, newest last, each delta a String
      var expected = new StringBuilder();
      int previous = 0;
      for (int i = values.size() - 1; i >= 0; i--) {
        int value = last - values.get(i);
        if (value >= from && value < to) {
          expected.append(expected.length() > 0 ? "," : "").append(Integer.toString(value - previous, 36));
          previous = value;
        }
      }
      assertThat(list.encodeReversed(last, from, to)).as("%s, %d, [%d, %d)", values, last, from, to).isEqualTo(expected.toString());
    }
  }

  @Test
  void postingListsKeepLargeGapsAndRefuseValuesOutOfOrder() {
    var list = new SearchIndex.IntList();
    int[] values = {1, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456,
        Integer.MAX_VALUE};
    for (int v : values) {
      list.add(v);
    }
    int last = Integer.MAX_VALUE;
    var expected = new StringBuilder();
    int previous = 0;
    for (int i = values.length - 1; i >= 0; i--) {
      expected.append(i < values.length - 1 ? "," : "").append(Integer.toString(last - values[i] - previous, 36));
      previous = last - values[i];
    }
    assertThat(list.encodeReversed(last, 0, Integer.MAX_VALUE)).isEqualTo(expected.toString());
    assertThatThrownBy(() -> list.add(5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsADocumentByAnyOfItsWordsWithoutAccents() {
    var index = new SearchIndex();
    index.add("a/index.html", "Été", "5 février 2026", "…", "Un été à Montréal");
    index.add("b/index.html", "Hiver", "4 février 2026", "…", "Un hiver à Québec, été indien");
    Map<String, byte[]> files = index.files();

    // added newest first, numbered from the oldest, listed newest first
    assertThat(new Client(files).search("ETE")).containsExactly(1, 0);
    assertThat(new Client(files).search("quebec été")).containsExactly(0);
    assertThat(new Client(files).search("montreal quebec")).isEmpty();
    assertThat(new String(files.get("search/index/d/0.json"), StandardCharsets.UTF_8))
        .startsWith("[[\"b/index.html\",\"Hiver\",\"4 février 2026\",\"…\"],\n[\"a/index.html\"");
  }

  @Test
  void aNewerDocumentLeavesTheChunksOfOlderOnesAlone() {
    var before = new SearchIndex();
    var after = new SearchIndex();
    after.add("new/index.html", "Nouveau", "6 février 2026", "…", "Un tout nouvel article");
    for (int d = 2 * SearchIndex.CHUNK + 4; d >= 0; d--) {
      before.add("a" + d + "/index.html", "A" + d, "5 février 2026", "…", "Un article " + d);
      after.add("a" + d + "/index.html", "A" + d, "5 février 2026", "…", "Un article " + d);
    }
    Map<String, byte[]> old = before.files();
    Map<String, byte[]> files = after.files();

    assertThat(files.get("search/index/d/0.json")).isEqualTo(old.get("search/index/d/0.json"));
    assertThat(files.get("search/index/d/1.json")).isEqualTo(old.get("search/index/d/1.json"));
    assertThat(files.get("search/index/d/2.json")).isNotEqualTo(old.get("search/index/d/2.json"));
    assertThat(new Client(files).search("article")).hasSize(2 * SearchIndex.CHUNK + 6).startsWith(
        2 * SearchIndex.CHUNK + 5, 2 * SearchIndex.CHUNK + 4);
    assertThat(new Client(files).search("nouvel")).containsExactly(2 * SearchIndex.CHUNK + 5);
  }

  @Test
  void newDocumentsLeaveTheOlderBlocksOfTermShardsAlone() {
    // BLOCK + 5 documents, then one more: t/ (whole blocks of old documents) stays put, r/ changes
    int n = SearchIndex.BLOCK + 5;
    var before = new SearchIndex();
    var after = new SearchIndex();
    after.add("new/index.html", "Neuf", "d", "s", "Le billet tout neuf, sur Paris");
    for (int d = n - 1; d >= 0; d--) {
      String text = "Billet " + d + (d % 2 == 0 ? " sur Paris" : " sur Lyon") + " mot" + d % 300;
      before.add("b" + d + "/index.html", "B" + d, "d", "s", text);
      after.add("b" + d + "/index.html", "B" + d, "d", "s", text);
    }
    Map<String, byte[]> old = before.files();
    Map<String, byte[]> files = after.files();

    List<String> frozen = files.keySet().stream().filter(p -> p.contains("/t/")).toList();
    assertThat(frozen).isNotEmpty();
    assertThat(frozen).allSatisfy(p -> assertThat(files.get(p)).as(p).isEqualTo(old.get(p)));
    assertThat(files.keySet().stream().filter(p -> p.contains("/t/"))).containsExactlyElementsOf(
        old.keySet().stream().filter(p -> p.contains("/t/")).toList());
    assertThat(files.get("search/index/r/0.json")).isNotEqualTo(old.get("search/index/r/0.json"));
    // a query joins both tiers, newest first
    List<Integer> paris = new Client(files).search("paris");
    assertThat(paris).hasSize(n / 2 + 2).startsWith(n, n - 1).endsWith(2, 0);
    assertThat(new Client(files).search("neuf")).containsExactly(n);
    assertThat(new Client(files).search("mot7 lyon")).containsExactly(907, 607, 307, 7);
  }

  /**
   * An index told its number of documents tells the frozen ones (t/) apart as they come and makes
   * the files of an index that was not told; one made to carry the frozen shards needs no terms for
   * those documents and, given the first terms of t/ (a previous build's, from the same documents),
   * makes every file but t/, the same as before, and meta.json naming those shards.
   */
  @Test
  void anIndexToldItsSizeMakesTheSameFilesAndCanCarryTheFrozenShardsAndChunks() throws Exception {
    int n = SearchIndex.BLOCK + 37;
    var plain = new SearchIndex();
    var told = new SearchIndex(n, false);
    var carrying = new SearchIndex(n, true);
    List<String> paths = new ArrayList<>();
    List<byte[]> keys = new ArrayList<>();
    for (int d = n - 1; d >= 0; d--) {
      String text =
          "Billet " + d + (d % 3 == 0 ? " sur Paris" : " sur Lyon") + " mot" + d + " sujet" + d % 250;
      var terms = SearchIndex.Terms.of(SearchIndex.terms(text));
      String path = "b" + d + "/index.html";
      plain.add(path, "B" + d, "d", "s", terms);
      told.add(path, "B" + d, "d", "s", terms, key(d));
      carrying.add(path, "B" + d, "d", "s", d < SearchIndex.BLOCK ? null : terms, key(d));
      paths.add(path);
      keys.add(key(d));
    }
    Map<String, byte[]> expected = plain.files();
    Map<String, byte[]> made = new LinkedHashMap<>();
    List<String> shards = told.write(made::put, null);
    Map<String, byte[]> withoutFrozen = new LinkedHashMap<>();
    List<String> carried = carrying.write(withoutFrozen::put, shards);

    assertThat(made.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    made.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(expected.get(path)));
    assertThat(shards).hasSize((int) made.keySet().stream().filter(p -> p.contains("/t/")).count());
    assertThat(shards).hasSizeGreaterThan(1);
    assertThat(carried).isEqualTo(shards);
    // neither t/ nor the chunks of frozen documents only: d/0 to d/24 (1,024 = 25 × 40 + 24), the
    // chunk holding the last frozen and the first recent documents made
    int frozenChunks = SearchIndex.frozenChunks(n);
    assertThat(frozenChunks).isEqualTo(SearchIndex.BLOCK / SearchIndex.CHUNK);
    List<String> frozenFiles = new ArrayList<>();
    for (int c = 0; c < frozenChunks; c++) {
      frozenFiles.add(SearchIndex.chunkPath(c));
    }
    assertThat(expected.keySet()).containsAll(frozenFiles).contains(SearchIndex.chunkPath(frozenChunks));
    assertThat(withoutFrozen.keySet())
        .containsExactlyInAnyOrderElementsOf(
            expected.keySet().stream()
                .filter(p -> !p.contains("/t/") && !frozenFiles.contains(p))
                .toList());
    withoutFrozen.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(expected.get(path)));
    assertThat(told.frozenDigest())
        .isEqualTo(carrying.frozenDigest())
        .isEqualTo(SearchIndex.frozenDigest(paths, keys));
  }

  @Test
  void theFrozenDigestFollowsTheFrozenDocumentsOnly() {
    int n = SearchIndex.BLOCK + 3; // documents 0 to BLOCK - 1 (the last added) are frozen
    byte[] same = frozenDigest(n, -1, "");
    assertThat(frozenDigest(n, -1, "")).isEqualTo(same);
    assertThat(frozenDigest(n, n - 1, "")).as("the newest, recent").isEqualTo(same);
    assertThat(frozenDigest(n, n - 3, "")).as("the oldest recent").isEqualTo(same);
    assertThat(frozenDigest(n, n - 4, "")).as("the newest frozen").isNotEqualTo(same);
    assertThat(frozenDigest(n, 0, "")).as("the oldest").isNotEqualTo(same);
    assertThat(frozenDigest(n, -1, "x")).as("another path").isNotEqualTo(same);
    assertThat(frozenDigest(n + 1, -1, "")).as("a newer document").isEqualTo(same);
    assertThat(frozenDigest(2 * SearchIndex.BLOCK, -1, "")).as("a block more").isNotEqualTo(same);
  }

  @Test
  void anIndexToldItsSizeRefusesMoreOrFewerDocuments() {
    var index = new SearchIndex(2, true);
    index.add("a/index.html", "A", "d", "s", SearchIndex.Terms.NONE, key(1));
    assertThatThrownBy(index::frozenDigest).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> index.write((path, bytes) -> {}, List.of()))
        .isInstanceOf(IllegalStateException.class);
    index.add("b/index.html", "B", "d", "s", SearchIndex.Terms.NONE, key(0));
    assertThatThrownBy(() -> index.add("c/index.html", "C", "d", "s", SearchIndex.Terms.NONE, key(2)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SearchIndex().write((path, bytes) -> {}, List.of()))
        .isInstanceOf(IllegalStateException.class);
    var carrying = new SearchIndex(1, true); // fewer than a block: a recent document needs terms
    assertThatThrownBy(() -> carrying.add("a/index.html", "A", "d", "s", null, key(0)))
        .isInstanceOf(IllegalArgumentException.class);
    var toCarry = new SearchIndex(SearchIndex.BLOCK, true);
    for (int d = SearchIndex.BLOCK - 1; d >= 0; d--) {
      toCarry.add("b" + d + "/index.html", "B", "d", "s", null, key(d)); // all frozen
    }
    assertThatThrownBy(() -> toCarry.write((path, bytes) -> {}, null))
        .isInstanceOf(IllegalStateException.class);
  }

  /** The frozen digest of n documents, document {@code changed} with another key. */
  private static byte[] frozenDigest(int n, int changed, String pathSuffix) {
    var index = new SearchIndex(n, true);
    for (int d = n - 1; d >= 0; d--) {
      index.add("b" + d + "/index.html" + pathSuffix, "B" + d, "d", "s", SearchIndex.Terms.NONE, key(d == changed ? -d - 1 : d));
    }
    return index.frozenDigest();
  }

  private static byte[] key(int d) {
    return ("key " + d).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void termsAgainstASharedDictionaryIndexLikeSets() {
    // how a build cache hands back the terms of unchanged articles, mixed with fresh ones
    String[] dictionary = {"paris", "ete", "quebec", "hiver", "indien"};
    var shared = new SearchIndex();
    shared.add("a/index.html", "A", "d", "s", new SearchIndex.Terms(dictionary, new int[] {1, 0}, true));
    shared.add("b/index.html", "B", "d", "s", Set.of("hiver", "neige"));
    shared.add("c/index.html", "C", "d", "s", new SearchIndex.Terms(dictionary, new int[] {3, 2, 1, 4}, true));
    var sets = new SearchIndex();
    sets.add("a/index.html", "A", "d", "s", new LinkedHashSet<>(List.of("ete", "paris")));
    sets.add("b/index.html", "B", "d", "s", Set.of("hiver", "neige"));
    sets.add("c/index.html", "C", "d", "s", new LinkedHashSet<>(List.of("hiver", "quebec", "ete", "indien")));

    Map<String, byte[]> files = shared.files();
    Map<String, byte[]> expected = sets.files();
    assertThat(files.keySet()).isEqualTo(expected.keySet());
    files.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(expected.get(path)));
    assertThat(new Client(files).search("hiver")).containsExactly(1, 0); // b, then c (the oldest)
  }

  @Test
  void theFilesAreHandedOverOneAtATimeWithTheMetadataLast() throws Exception {
    // more terms than are encoded at once: shards are cut across those runs as if made in one
    int n = 3 * 4096 + 17;
    var index = new SearchIndex();
    for (int d = 0; d < n; d++) {
      index.add("a" + d + "/index.html", "A" + d, "d", "s", "commun " + word(d));
    }
    List<String> order = new ArrayList<>();
    Map<String, byte[]> handed = new HashMap<>();
    index.write(
        (path, bytes) -> {
          order.add(path);
          assertThat(handed.put(path, bytes)).as(path).isNull();
        });

    assertThat(order).last().isEqualTo("search/index/meta.json");
    Map<String, byte[]> files = index.files();
    assertThat(files.keySet()).first().isEqualTo("search/index/meta.json");
    assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(order);
    handed.forEach((path, bytes) -> assertThat(files.get(path)).as(path).isEqualTo(bytes));
    var client = new Client(files);
    for (int d = 0; d < n; d += 97) {
      assertThat(client.search(word(d))).as(word(d)).containsExactly(n - 1 - d);
    }
    assertThat(client.search("commun")).hasSize(n);
    for (String path : order) {
      String shard = new String(handed.get(path), StandardCharsets.UTF_8);
      if ((path.contains("/t/") || path.contains("/r/")) && shard.split("\":\"").length > 2) {
        // (a term with a longer list than that has a shard of its own)
        assertThat(shard.length()).as(path).isLessThanOrEqualTo(SearchIndex.SHARD_BYTES + 2);
      }
    }
  }

  @Test
  void escapesTextSoItCannotLeaveAScriptElement() {
    assertThat(SearchIndex.json("</script><b>\"\\\n\u2028"))
        .isEqualTo("\"\\u003c/script\\u003e\\u003cb\\u003e\\\"\\\\\\n\\u2028\"");
  }

  /**
   * The target: on a 100,000-article archive, a typical query of one or two words downloads
   * under 500 KB (the metadata, the shards of its terms and the chunks of the first page of
   * results). Bodies are 60 words drawn from a 30,000-word vocabulary with a Zipf-like law.
   */
  @Test
  void aQueryOnAHundredThousandArticlesDownloadsLessThan500Kb() {
    Random random = new Random(42);
    List<String> vocabulary = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      vocabulary.add(word(i));
    }
    var index = new SearchIndex();
    for (int d = 0; d < 100_000; d++) {
      Set<String> terms = new LinkedHashSet<>();
      for (int w = 0; w < 60; w++) {
        // Zipf-like: rank r drawn with probability ~ 1/r
        int rank = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(30_000))) - 1;
        terms.add(vocabulary.get(rank));
      }
      String title = "Article " + d + " sur " + vocabulary.get(d % 30_000);
      terms.addAll(SearchIndex.terms(title));
      index.add(
          "2026/01/01/article-" + d + "/index.html",
          title,
          "1 janvier 2026",
          "Un extrait de deux cents caractères au plus, pris au début du texte de l’article, "
              + "pour que le lecteur sache ce qu’il va trouver en ouvrant le lien. ".repeat(2),
          terms);
    }
    Map<String, byte[]> files = index.files();
    var client = new Client(files);

    Map<String, Long> bytes = new HashMap<>();
    for (String query :
        List.of(word(0), word(3), word(50), word(2000), word(20_000), word(1) + " " + word(40))) {
      client.search(query);
      bytes.put(query, client.downloaded);
    }

    assertThat(bytes.values()).allSatisfy(b -> assertThat(b).isLessThan(500_000L));
    assertThat(files.keySet()).hasSizeGreaterThan(1000); // really sharded
  }

  private static String word(int i) {
    String letters = "abcdefghijklmnopqrstuvwxyz";
    var w = new StringBuilder("m");
    for (int n = i; ; n /= 26) {
      w.append(letters.charAt(n % 26));
      if (n < 26) {
        break;
      }
    }
    return w.append("ent").toString();
  }

  /** What search.js does, counting the bytes it fetches. */
  static final class Client {
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]*)\":\"([^\"]*)\"");
    private final Map<String, byte[]> files;
    long downloaded;

    Client(Map<String, byte[]> files) {
      this.files = files;
    }

    List<Integer> search(String query) {
      downloaded = 0;
      String meta = fetch("search/index/meta.json");
      List<String> shards = strings(meta, "shards");
      List<String> recent = strings(meta, "recent");
      Set<String> fetched = new LinkedHashSet<>();
      List<Integer> result = null;
      for (String term : SearchIndex.terms(query)) {
        List<Integer> ids = new ArrayList<>();
        if (!shards.isEmpty()) {
          ids.addAll(postings(SearchIndex.shardPath(shardOf(term, shards)), term, fetched));
        }
        if (!recent.isEmpty()) {
          ids.addAll(postings(SearchIndex.recentShardPath(shardOf(term, recent)), term, fetched));
        }
        if (result == null) {
          result = ids;
        } else {
          result.retainAll(ids);
        }
      }
      List<Integer> hits = result == null ? new ArrayList<>() : new ArrayList<>(result);
      java.util.Collections.reverse(hits); // newest (highest number) first, as search.js does
      Set<Integer> chunks = new LinkedHashSet<>();
      hits.stream().limit(10).forEach(id -> chunks.add(id / SearchIndex.CHUNK));
      chunks.forEach(c -> fetch("search/index/d/" + c + ".json"));
      return hits;
    }

    private static List<String> strings(String meta, String name) {
      Matcher array = Pattern.compile("\"" + name + "\":\\[(.*?)]").matcher(meta);
      assertThat(array.find()).as(name).isTrue();
      List<String> values = new ArrayList<>();
      Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(array.group(1));
      while (quoted.find()) {
        values.add(quoted.group(1));
      }
      return values;
    }

    private static int shardOf(String term, List<String> firsts) {
      int shard = 0;
      for (int i = 0; i < firsts.size(); i++) {
        if (firsts.get(i).compareTo(term) <= 0) {
          shard = i;
        }
      }
      return shard;
    }

    private List<Integer> postings(String path, String term, Set<String> fetched) {
      String json = fetched.add(path) ? fetch(path) : read(path);
      List<Integer> ids = new ArrayList<>();
      Matcher m = ENTRY.matcher(json);
      while (m.find()) {
        if (m.group(1).equals(term)) {
          int previous = 0;
          for (String delta : m.group(2).split(",")) {
            previous += Integer.parseInt(delta, 36);
            ids.add(previous);
          }
        }
      }
      return ids;
    }

    private String fetch(String path) {
      downloaded += files.get(path).length;
      return read(path);
    }

    private String read(String path) {
      return new String(files.get(path), StandardCharsets.UTF_8);
    }
  }
}
