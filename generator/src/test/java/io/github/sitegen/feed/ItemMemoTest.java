package io.github.sitegen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.SiteGenException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading with an {@link ItemMemo} gives exactly what reading whole gives (the same snapshot, the
 * same problems in the same order, the same refusal), whatever the memo already holds.
 */
class ItemMemoTest {
  @TempDir Path work;

  @ParameterizedTest(name = "reversed file order: {0}")
  @ValueSource(booleans = {false, true})
  void overlappingSnapshotsReadTheSameWithTheMemo(boolean reversed) throws IOException {
    List<Path> files = new ArrayList<>(SyntheticSnapshots.write(work, false));
    if (reversed) {
      java.util.Collections.reverse(files);
    }
    ItemMemo memo = new ItemMemo();
    int items = 0;
    for (Path file : files) {
      Outcome whole = read(file, null);
      assertThat(read(file, memo)).as(file.toString()).isEqualTo(whole);
      items += whole.snapshot() == null ? 0 : whole.snapshot().items().size();
    }
    assertThat(memo.size()).isPositive().isLessThan(items / 2); // the memo was used
  }

  @Test
  void everyPeerFeedReadsTheSameWithAMemoThatKnowsItsItems() throws IOException, URISyntaxException {
    List<Path> files = peerFeeds();
    ItemMemo memo = new ItemMemo();
    for (Path file : files) {
      Outcome whole = read(file, null);
      assertThat(read(file, memo)).as(file.toString()).isEqualTo(whole);
      assertThat(read(file, memo)).as(file.toString() + ", items known").isEqualTo(whole);
    }
    assertThat(memo.size()).isPositive();
  }

  @Test
  void itemsLeftOutAreTheOnlyDifferenceFromAWholeRead() throws IOException, URISyntaxException {
    List<Path> files = new ArrayList<>(peerFeeds());
    files.addAll(SyntheticSnapshots.write(work, false));
    int leftOut = 0;
    int atomFiles = 0;
    for (Path file : files) {
      Outcome whole = read(file, null);
      if (whole.snapshot() == null) {
        continue;
      }
      List<Problem> problems = new ArrayList<>();
      // about every other item left out, by its digest
      FeedReader.Sifted sifted =
          new FeedReader().read(file, problems::add, new ItemMemo(), key -> key.digest().charAt(0) < '8');
      Snapshot all = whole.snapshot();
      Snapshot part = sifted.snapshot();
      assertThat(List.of(part.time(), part.feedTitle(), part.feedLink()))
          .as(file.toString())
          .isEqualTo(List.of(all.time(), all.feedTitle(), all.feedLink()));
      assertThat(part.items().size() + sifted.left().size()).as(file.toString()).isEqualTo(all.items().size());
      if (!part.items().isEmpty()) { // (AssertJ: no list has the empty one as a subsequence)
        assertThat(all.items()).as(file.toString()).containsSubsequence(part.items());
      }
      if (sifted.left().isEmpty()) {
        assertThat(part).as(file.toString()).isEqualTo(all);
        assertThat(problems).as(file.toString()).isEqualTo(whole.problems());
      } else {
        assertThat(sifted.keys()).hasSameSizeAs(part.items());
        assertThat(problems).as(file.toString() + ": only files without problems leave items out").isEmpty();
      }
      leftOut += sifted.left().size();
      if (!sifted.left().isEmpty() && Files.readString(file, StandardCharsets.ISO_8859_1).contains("<feed")) {
        atomFiles++;
      }
    }
    assertThat(leftOut).isPositive();
    assertThat(atomFiles).as("Atom files that left entries out").isPositive();
  }

  @Test
  void aKnownItemInAFileThatNeedsRepairsIsReadWholeWithItsProblems() throws IOException {
    String clean = feed("<item><title>A</title><guid>a</guid></item>\n<item><title>B</title><guid>b</guid></item>");
    String broken = feed("<item><title>A</title><guid>a</guid></item>\n<item><title>B &amp C</title><guid>b</guid></item>");
    ItemMemo memo = new ItemMemo();
    read(write("clean.xml", clean), memo);
    Path file = write("broken.xml", broken);

    Outcome whole = read(file, null);
    assertThat(whole.problems()).isNotEmpty();
    assertThat(read(file, memo)).isEqualTo(whole);
  }

  @Test
  void knownItemsKeepTheirLinesInAFileWithOtherLineBreaks() throws IOException {
    String item = "<item\n  xml:base=\"https://example.org/a/\"><title>A</title>\n<guid>a</guid></item>";
    ItemMemo memo = new ItemMemo();
    read(write("one.xml", feed(item)), memo);
    Path file = write("two.xml", feed("\r\n\r\n<item><title>B</title><guid>b</guid></item>\r\n\n" + item));

    Outcome whole = read(file, null);
    assertThat(whole.snapshot().items()).extracting(FeedItem::line).containsExactly(7, 10);
    assertThat(read(file, memo)).isEqualTo(whole);
  }

  @Test
  void anAtomEntryIsKnownOnlyUnderTheSameFeedLinks() throws IOException {
    // Rome can resolve an entry's relative links against the feed's rel="self" link, which may
    // come after the entries (Atom10Parser.setResolveURIs, off by default): the feed's links are
    // part of an entry's context, so that turning it on could never make a known entry wrong
    String entry = "<entry><id>urn:a</id><title>A</title><link href=\"a.html\"/>"
        + "<updated>2020-01-10T12:00:00Z</updated></entry>";
    ItemMemo memo = new ItemMemo();
    Path one = write("one.atom", atom("https://one.example/feeds/all.xml", "T", entry));
    Path two = write("two.atom", atom("https://two.example/feeds/all.xml", "T", entry));
    Path three = write("three.atom", atom("https://one.example/feeds/all.xml", "T, edited", entry));
    assertThat(read(one, memo)).isEqualTo(read(one, null));
    assertThat(memo.size()).isEqualTo(1);

    assertThat(read(two, memo)).isEqualTo(read(two, null));
    assertThat(memo.size()).as("another self link: another key").isEqualTo(2);

    // the same links, another feed title and time: the entry is known
    assertThat(read(three, memo)).isEqualTo(read(three, null));
    assertThat(memo.size()).isEqualTo(2);
  }

  @Test
  void anRss10ItemIsKnownAcrossSnapshotsWhoseChannelListsOtherItems() throws IOException {
    // RSS 1.0: the items are the root's children, beside a channel whose rdf:Seq lists them
    String a = "<item rdf:about=\"https://example.org/a\"><title>A</title><link>https://example.org/a</link>"
        + "<dc:date>2020-01-10T12:00:00Z</dc:date><content:encoded><![CDATA[<p>A.</p>]]></content:encoded></item>";
    String b = "<item rdf:about=\"https://example.org/b\"><title>B</title><link>https://example.org/b</link>"
        + "<dc:date>2020-01-10T13:00:00Z</dc:date></item>";
    ItemMemo memo = new ItemMemo();
    Path one = write("one.rdf.xml", rdf("2020-01-10T12:30:00Z", List.of("a"), a));
    Path two = write("two.rdf.xml", rdf("2020-01-10T13:30:00Z", List.of("b", "a"), b + "\n" + a));
    assertThat(read(one, memo)).isEqualTo(read(one, null));
    assertThat(memo.size()).isEqualTo(1);

    Outcome whole = read(two, null);
    assertThat(whole.snapshot().items()).extracting(FeedItem::guid)
        .containsExactly("https://example.org/b", "https://example.org/a");
    assertThat(read(two, memo)).isEqualTo(whole);
    assertThat(memo.size()).as("a known, b new").isEqualTo(2);
  }

  private static String rdf(String date, List<String> listed, String items) {
    StringBuilder seq = new StringBuilder();
    listed.forEach(id -> seq.append("<rdf:li rdf:resource=\"https://example.org/").append(id).append("\"/>"));
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
        + " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n"
        + "<channel rdf:about=\"https://example.org/\"><title>T</title><link>https://example.org/</link>"
        + "<dc:date>" + date + "</dc:date><items><rdf:Seq>" + seq + "</rdf:Seq></items></channel>\n"
        + items + "\n</rdf:RDF>\n";
  }

  @Test
  void thePreScanSplitsPlainAtom() {
    String xml = atom("https://example.org/feed.xml", "T",
        "<entry><id>a</id><content type=\"html\"><![CDATA[</entry><entry>]]></content></entry>\n"
            + "<entry/>");
    ItemSpans spans = ItemSpans.scan(xml.getBytes(StandardCharsets.UTF_8));
    assertThat(spans.items()).extracting(ItemSpans.Span::line).containsExactly(4, 5);
    String context = new String(spans.context(), StandardCharsets.UTF_8);
    assertThat(context)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">")
        .contains("<link href=\"https://example.org/\"/>", "<link rel=\"self\" href=\"https://example.org/feed.xml\"/>")
        .doesNotContain("<updated>", "<title>");
    // a prefixed link is a link too; an entry's own links are not the feed's
    assertThat(contextOf(xml.replace("<link rel=", "<atom:link xmlns:atom=\"http://www.w3.org/2005/Atom\" rel=")))
        .contains("<atom:link");
    assertThat(contextOf(atom("s", "T", "<entry><link href=\"x\"/></entry>"))).doesNotContain("\"x\"");
    assertThat(spans(atom("s", "T", "<entry>").replace("</feed>", ""))).isNull();
    assertThat(spans(atom("s", "T", "<entry/>").replace("<feed", "<a:feed").replace("</feed", "</a:feed"))).isNull();
  }

  @Test
  void thePreScanOnlyAcceptsPlainRssRdfAndAtom() {
    assertThat(spans(feed("<item><title><![CDATA[</item><item>]]></title></item><!-- <item> --><item/>")))
        .extracting(ItemSpans.Span::line).containsExactly(5, 5);
    assertThat(spans(feed("<item><title><![CDATA[a]]]></title><description><![CDATA[]]></description></item>\n"
            + "<item><title><![CDATA[]>]]]]></title></item>")))
        .extracting(ItemSpans.Span::line).containsExactly(5, 6);
    assertThat(spans(feed("<item><title>A</title></item>").replace("<rss", "<!DOCTYPE rss>\n<rss"))).isNull();
    assertThat(spans(feed("<item><title>A</title></item>").replace("UTF-8", "ISO-8859-1"))).isNull();
    assertThat(spans("\uFEFF" + feed("<item><title>A</title></item>"))).isNull();
    assertThat(spans(feed("<item><title>A</b></item>"))).isNull();
    assertThat(spans(feed("<item><title>A</title></item>").replace("</rss>", ""))).isNull();
    assertThat(spans("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry/></feed>")).hasSize(1);
    assertThat(spans("<rdf:RDF><channel/><item/></rdf:RDF>")).hasSize(1);
    assertThat(spans("<rdf:RDF><item/></rdf:RDF>")).as("no channel: repaired, read whole").isNull();
    assertThat(spans("<rdf:RDF><channel/><channel/><item/></rdf:RDF>")).isNull();
  }

  private static String contextOf(String xml) {
    return new String(ItemSpans.scan(xml.getBytes(StandardCharsets.UTF_8)).context(), StandardCharsets.UTF_8);
  }

  /** An Atom feed whose self link comes after its entries, as some feeds write it. */
  private static String atom(String self, String title, String entries) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        + "<title>" + title + "</title><link href=\"https://example.org/\"/><updated>2020-01-10T12:19:00Z</updated>\n"
        + entries + "\n<link rel=\"self\" href=\"" + self + "\"/>\n</feed>\n";
  }

  private static ItemSpans.@org.jspecify.annotations.Nullable Span[] spans(String xml) {
    ItemSpans spans = ItemSpans.scan(xml.getBytes(StandardCharsets.UTF_8));
    return spans == null ? null : spans.items().toArray(new ItemSpans.Span[0]);
  }

  /** The peer feeds of the test resources (173 real feed files), in path order. */
  private static List<Path> peerFeeds() throws IOException, URISyntaxException {
    Path corpus = Path.of(Objects.requireNonNull(ItemMemoTest.class.getResource("/feed/peer-feeds")).toURI());
    try (Stream<Path> walk = Files.walk(corpus)) {
      return walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).sorted().toList();
    }
  }

  private static String feed(String items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel><title>T</title>\n"
        + "<link>https://example.org/</link><lastBuildDate>Fri, 10 Jan 2020 12:19:00 +0000</lastBuildDate>\n"
        + items + "\n</channel>\n</rss>\n";
  }

  private Path write(String name, String xml) throws IOException {
    return Files.writeString(work.resolve(name), xml);
  }

  /** A read's snapshot, or the problem it was refused with, and the problems it reported. */
  private record Outcome(@org.jspecify.annotations.Nullable Snapshot snapshot, @org.jspecify.annotations.Nullable Problem refused, List<Problem> problems) {}

  private static Outcome read(Path file, @org.jspecify.annotations.Nullable ItemMemo memo) throws IOException {
    List<Problem> problems = new ArrayList<>();
    try {
      Snapshot snapshot = memo == null ? new FeedReader().read(file, problems::add) : new FeedReader().read(file, problems::add, memo);
      return new Outcome(snapshot, null, problems);
    } catch (SiteGenException e) {
      return new Outcome(null, e.problem(), problems);
    }
  }
}
