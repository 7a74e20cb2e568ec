package io.github.sitegen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the elements of RSS and Atom items end up in a {@link FeedItem}, one rule per test. */
class FeedReaderMappingTest {

  private static final String MEDIA = "xmlns:media=\"http://search.yahoo.com/mrss/\"";
  private static final String DC = "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";
  private static final String CONTENT =
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"";

  @TempDir Path dir;

  private final List<Problem> problems = new ArrayList<>();

  @AfterEach
  void noProblemsReported() {
    assertThat(problems).isEmpty();
  }

  @Test
  void rssGuidIsNeverReplacedByTheLink() throws IOException {
    FeedItem item = rssItem("", "<title>t</title><link>https://example.org/a</link>");

    assertThat(item.guid()).isEmpty();
    assertThat(item.link()).isEqualTo("https://example.org/a");
  }

  @Test
  void rssGuidIsTrimmedAndItsEntitiesDecoded() throws IOException {
    FeedItem item =
        rssItem(
            "",
            "<guid isPermaLink=\"false\">\n"
                + "  https://next.ink/?post_type=brief_article&#038;p=1 \n"
                + "</guid>");

    assertThat(item.guid()).isEqualTo("https://next.ink/?post_type=brief_article&p=1");
  }

  @Test
  void rss10ItemIsIdentifiedByItsRdfAbout() throws IOException {
    Path feed =
        write(
            "rss10.xml",
            """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                     xmlns="http://purl.org/rss/1.0/">
              <channel rdf:about="https://example.org/"><title>t</title><link>https://example.org/</link></channel>
              <item rdf:about="https://example.org/1"><title>one</title><link>https://example.org/1</link></item>
            </rdf:RDF>
            """);

    FeedItem item = read(feed).items().get(0);

    assertThat(item.guid()).isEqualTo("https://example.org/1");
    assertThat(item.line()).isEqualTo(4);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          plain text                   | <title>L’ICE et l’IA</title>                          | L’ICE et l’IA
          numeric references           | <title>L&#8217;ICE et l&#8217;IA&#8230;</title>        | L’ICE et l’IA…
          escaped html                 | <title>L&amp;rsquo;&lt;b&gt;ICE&lt;/b&gt;</title>       | L’ICE
          no-break space kept          | <title>Vraiment&#160;?</title>                         | Vraiment\u00a0?
          whitespace collapsed         | `<title>\n  Deux\n  lignes \n</title>`                | Deux lignes
          a lone ampersand is text     | <title>AT&amp;T &amp; co</title>                       | AT&T & co
          script dropped from html     | <title>&lt;script&gt;alert(1)&lt;/script&gt;Ok</title> | Ok
          """)
  void rssTitleIsPlainText(String name, String element, String expected) throws IOException {
    FeedItem item = rssItem("", element.replace("\\n", "\n"));

    assertThat(item.title()).isEqualTo(expected.replace("\\u00a0", "\u00a0"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          html                  | <title type="html">L&amp;#8217;ICE &lt;em&gt;veut&lt;/em&gt;&amp;nbsp;?</title> | L’ICE veut\u00a0?
          html in cdata         | <title type="html"><![CDATA[L’ICE <em>veut</em>&nbsp;?]]></title>               | L’ICE veut\u00a0?
          text keeps markup     | <title type="text">a &lt;b&gt; tag</title>                                     | a <b> tag
          xhtml                 | <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">L’<b>ICE</b></div></title> | L’ICE
          """)
  void atomTitleIsPlainTextWhateverItsType(String name, String element, String expected)
      throws IOException {
    FeedItem item = atomEntry("", element);

    assertThat(item.title()).isEqualTo(expected.replace("\\u00a0", "\u00a0"));
  }

  @Test
  void contentEncodedIsPreferredToTheDescription() throws IOException {
    FeedItem item =
        rssItem(
            CONTENT,
            "<description>&lt;p&gt;short&lt;/p&gt;</description>"
                + "<content:encoded><![CDATA[<p>long</p>]]></content:encoded>");

    assertThat(item.summaryHtml()).isEqualTo("<p>short</p>");
    assertThat(item.contentHtml()).isEqualTo("<p>long</p>");
  }

  @Test
  void contentFallsBackToTheDescription() throws IOException {
    FeedItem item = rssItem("", "<description>&lt;p&gt;only&lt;/p&gt;</description>");

    assertThat(item.contentHtml()).isEqualTo("<p>only</p>");
  }

  @Test
  void atomTextContentIsEscapedIntoHtml() throws IOException {
    FeedItem item =
        atomEntry(
            "",
            "<summary type=\"text\">1 &lt; 2 &amp; 3</summary>"
                + "<content type=\"text\">History of the &lt;blink&gt; tag</content>");

    assertThat(item.summaryHtml()).isEqualTo("1 &lt; 2 &amp; 3");
    assertThat(item.contentHtml()).isEqualTo("History of the &lt;blink&gt; tag");
  }

  @Test
  void atomDatesInUtcWithUpdatedOnlyWhenItDiffers() throws IOException {
    FeedItem same =
        atomEntry(
            "",
            "<published>2026-02-05T16:20:00+01:00</published>"
                + "<updated>2026-02-05T15:20:00Z</updated>");
    FeedItem later =
        atomEntry(
            "",
            "<published>2026-02-05T10:45:00+01:00</published>"
                + "<updated>2026-02-05T12:02:00+01:00</updated>");

    assertThat(same.published()).hasToString("2026-02-05T15:20Z");
    assertThat(same.updated()).isNull();
    assertThat(later.updated()).hasToString("2026-02-05T11:02Z");
  }

  @Test
  void atomEntryWithoutPublishedIsPublishedWhenUpdated() throws IOException {
    FeedItem item = atomEntry("", "<updated>2026-02-05T12:02:00+01:00</updated>");

    assertThat(item.published()).hasToString("2026-02-05T11:02Z");
    assertThat(item.updated()).isNull();
  }

  @Test
  void authorsComeFromDcCreatorAndRssAuthorWithoutBlanksOrRepeats() throws IOException {
    FeedItem item =
        rssItem(
            DC,
            "<dc:creator>Élodie Marchand</dc:creator><dc:creator> </dc:creator>"
                + "<dc:creator>Hugo Bertin</dc:creator><dc:creator>Élodie Marchand</dc:creator>"
                + "<author>claire@example.org (Claire Dumas)</author>");

    assertThat(item.authors())
        .containsExactly("Élodie Marchand", "Hugo Bertin", "claire@example.org (Claire Dumas)");
  }

  @Test
  void atomAuthorsAreTheirNames() throws IOException {
    FeedItem item =
        atomEntry(
            "",
            "<author><name>Élodie Marchand</name></author><author><name>Léa"
                + " Fontaine</name></author>");

    assertThat(item.authors()).containsExactly("Élodie Marchand", "Léa Fontaine");
  }

  @Test
  void categoriesAreTrimmedDeduplicatedInFeedOrder() throws IOException {
    FeedItem rss =
        rssItem(
            "",
            "<category> VPS </category><category>autohébergement</category>"
                + "<category></category><category>VPS</category><category>Tech</category>");
    FeedItem atom =
        atomEntry(
            "",
            "<category term=\"VPS\"/><category term=\" autohébergement\" label=\"Auto\"/>"
                + "<category term=\"VPS\"/>");

    assertThat(rss.categories()).containsExactly("VPS", "autohébergement", "Tech");
    assertThat(atom.categories()).containsExactly("VPS", "autohébergement");
  }

  @Test
  void imageFromMediaContentOfImageMedium() throws IOException {
    FeedItem item =
        rssItem(
            MEDIA,
            "<media:content url=\"https://example.org/video.mp4\" medium=\"video\"/><media:content"
                + " url=\"https://example.org/a.webp\" medium=\"image\"/><enclosure"
                + " url=\"https://example.org/b.jpg\" type=\"image/jpeg\" length=\"1\"/>");

    assertThat(item.image()).isEqualTo("https://example.org/a.webp");
  }

  @Test
  void imageFromMediaContentOfImageType() throws IOException {
    FeedItem item =
        rssItem(MEDIA, "<media:content url=\"https://example.org/a.png\" type=\"image/png\"/>");

    assertThat(item.image()).isEqualTo("https://example.org/a.png");
  }

  @Test
  void imageFromMediaThumbnail() throws IOException {
    FeedItem item =
        rssItem(
            MEDIA,
            "<media:content url=\"https://example.org/video.mp4\" medium=\"video\"/>"
                + "<media:thumbnail url=\"https://example.org/thumb.jpg\"/>");

    assertThat(item.image()).isEqualTo("https://example.org/thumb.jpg");
  }

  @Test
  void imageFromAnRssEnclosureOfImageTypeOnly() throws IOException {
    FeedItem audio =
        rssItem(
            "", "<enclosure url=\"https://example.org/a.mp3\" type=\"audio/mpeg\" length=\"1\"/>");
    FeedItem image =
        rssItem(
            "", "<enclosure url=\"https://example.org/a.jpg\" type=\"image/jpeg\" length=\"1\"/>");

    assertThat(audio.image()).isEmpty();
    assertThat(image.image()).isEqualTo("https://example.org/a.jpg");
  }

  @Test
  void imageFromAnAtomEnclosureLink() throws IOException {
    FeedItem item =
        atomEntry(
            "",
            "<link rel=\"enclosure\" type=\"text/html\" href=\"https://example.org/page\"/><link"
                + " rel=\"enclosure\" type=\"image/webp\" href=\"https://example.org/a.webp\"/>");

    assertThat(item.image()).isEqualTo("https://example.org/a.webp");
  }

  @Test
  void imageFromAtomMediaContent() throws IOException {
    FeedItem item =
        atomEntry(MEDIA, "<media:content url=\"https://example.org/a.webp\" medium=\"image\"/>");

    assertThat(item.image()).isEqualTo("https://example.org/a.webp");
  }

  @Test
  void baseIsTheXmlBaseOfTheAtomContent() throws IOException {
    FeedItem item =
        atomEntry(
            "",
            "<link rel=\"alternate\" href=\"https://example.org/post\"/>"
                + "<content type=\"html\" xml:base=\"https://cdn.example.org/post/\">x</content>");

    assertThat(item.baseUri()).isEqualTo("https://cdn.example.org/post/");
  }

  @Test
  void relativeXmlBaseIsResolvedAgainstItsParents() throws IOException {
    Path feed =
        write(
            "base.xml",
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/">
              <entry xml:base="2026/">
                <content type="html" xml:base="post/">x</content>
              </entry>
            </feed>
            """);

    assertThat(read(feed).items().get(0).baseUri())
        .isEqualTo("https://example.org/blog/2026/post/");
  }

  @Test
  void baseIgnoresNonWebSchemesAndFallsBackToTheLinkThenTheFeedLink() throws IOException {
    FeedItem withLink =
        atomEntry(
            "",
            "<link rel=\"alternate\" href=\"https://example.org/post\"/>"
                + "<content type=\"html\" xml:base=\"javascript:alert(1)\">x</content>");
    FeedItem withoutLink = atomEntry("", "<content type=\"html\">x</content>");

    assertThat(withLink.baseUri()).isEqualTo("https://example.org/post");
    assertThat(withoutLink.baseUri()).isEqualTo("https://example.org/");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          UTF-8 with BOM          | UTF-8      | true  | UTF-8
          UTF-16LE with BOM       | UTF-16LE   | true  | UTF-16
          UTF-16BE with BOM       | UTF-16BE   | true  | UTF-16
          ISO-8859-1 as declared  | ISO-8859-1 | false | ISO-8859-1
          windows-1252 as declared | windows-1252 | false | windows-1252
          """)
  void decodesBomOrDeclaredEncoding(String name, String charsetName, boolean bom, String declared)
      throws IOException {
    Charset charset = Charset.forName(charsetName);
    String xml =
        "<?xml version=\"1.0\" encoding=\""
            + declared
            + "\"?>\n<rss version=\"2.0\"><channel><title>Économie</title>"
            + "<item><title>Société numérique</title></item></channel></rss>\n";
    Path feed = dir.resolve("encoded.xml");
    Files.write(feed, ((bom ? "\uFEFF" : "") + xml).getBytes(charset));

    Snapshot snapshot = read(feed);

    assertThat(snapshot.feedTitle()).isEqualTo("Économie");
    assertThat(snapshot.items().get(0).title()).isEqualTo("Société numérique");
    assertThat(snapshot.items().get(0).line()).isEqualTo(2);
  }

  @Test
  void snapshotTimeIsTheFeedsOwnDateBeforeTheFileName() throws IOException {
    Path feed =
        write(
            "feed-20260205T160000Z.xml",
            rss("<lastBuildDate>Thu, 05 Feb 2026 16:20:00 +0100</lastBuildDate>", ""));

    assertThat(read(feed).time()).isEqualTo(Instant.parse("2026-02-05T15:20:00Z"));
  }

  @Test
  void aFeedDateOrFileNameOutsideTheYears1To9999IsNoSnapshotTime() throws IOException {
    // Rome reads "20260" as a year: the undated items would be archived where no build reads them
    Path feed =
        write(
            "feed-20260205T160000Z.xml",
            rss("<lastBuildDate>Thu, 05 Feb 20260 16:20:00 +0100</lastBuildDate>", ""));
    assertThat(read(feed).time()).isEqualTo(Instant.parse("2026-02-05T16:00:00Z"));

    Path year0 =
        write(
            "feed-00000205T160000Z.xml",
            rss("", "<item><pubDate>Thu, 05 Feb 2026 16:20:00 +0100</pubDate></item>"));
    assertThat(read(year0).time()).isEqualTo(Instant.parse("2026-02-05T15:20:00Z"));
  }

  @Test
  void snapshotTimeFallsBackToTheChannelPubDate() throws IOException {
    Path feed = write("feed.xml", rss("<pubDate>Thu, 05 Feb 2026 09:45:00 +0000</pubDate>", ""));

    assertThat(read(feed).time()).isEqualTo(Instant.parse("2026-02-05T09:45:00Z"));
  }

  @Test
  void snapshotTimeOfAnAtomFeedIsItsUpdated() throws IOException {
    Path feed =
        write(
            "feed-20990101T000000Z.xml",
            "<feed"
                + " xmlns=\"http://www.w3.org/2005/Atom\"><updated>2026-02-05T16:20:00+01:00</updated></feed>");

    assertThat(read(feed).time()).isEqualTo(Instant.parse("2026-02-05T15:20:00Z"));
  }

  @Test
  void snapshotTimeFallsBackToTheFileName() throws IOException {
    Path feed =
        write(
            "next-2026-02-05T1700.rss.xml",
            rss("", "<item><pubDate>Thu, 05 Feb 2026 16:20:00 +0100</pubDate></item>"));

    assertThat(read(feed).time()).isEqualTo(Instant.parse("2026-02-05T17:00:00Z"));
  }

  @Test
  void snapshotTimeFallsBackToTheNewestItemDate() throws IOException {
    Path feed =
        write(
            "next.rss.xml",
            rss(
                "",
                "<item><pubDate>Thu, 05 Feb 2026 08:03:00 +0100</pubDate></item>"
                    + "<item><pubDate>Thu, 05 Feb 2026 16:20:00 +0100</pubDate></item>"
                    + "<item><pubDate>Thu, 05 Feb 2026 10:45:00 +0100</pubDate></item>"));

    assertThat(read(feed).time()).isEqualTo(Instant.parse("2026-02-05T15:20:00Z"));
  }

  @Test
  void snapshotTimeFallsBackToTheFilesModificationTime() throws IOException {
    Path feed = write("next.rss.xml", rss("", "<item><title>undated</title></item>"));
    Instant modified = Instant.parse("2026-02-05T16:00:00Z");
    Files.setLastModifiedTime(feed, FileTime.from(modified));

    assertThat(read(feed).time()).isEqualTo(modified);
  }

  @Test
  void aModificationTimeYetToComeIsNoSnapshotTime() throws IOException {
    Path feed = write("next.rss.xml", rss("", "<item><title>undated</title></item>"));
    Instant modified = Instant.parse("2099-02-05T16:00:00Z");
    Files.setLastModifiedTime(feed, FileTime.from(modified));
    Instant before = Instant.now();

    Instant time = read(feed).time();

    // the undated item would be archived as published in 2099: the run's time is taken instead
    assertThat(time).isBetween(before, Instant.now());
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            feed
                + ": no date in the feed, its items or the file's name, and the file's"
                + " modification time (2099-02-05T16:00:00Z) is yet to come: the snapshot is"
                + " taken as made now");
    assertThat(problems).extracting(Problem::severity).containsOnly(Problem.Severity.INFO);
    problems.clear(); // (expected)
  }

  @Test
  void feedTitleAndLinkAreTheSitesNotTheFeedsUrl() throws IOException {
    Path feed =
        write(
            "atom.xml",
            """
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title type="html">Next &amp;amp; co</title>
              <link rel="self" href="https://next.ink/feed/atom/"/>
              <link rel="alternate" type="text/html" href="https://next.ink"/>
              <id>https://next.ink/feed/atom/</id>
            </feed>
            """);

    Snapshot snapshot = read(feed);

    assertThat(snapshot.feedTitle()).isEqualTo("Next & co");
    assertThat(snapshot.feedLink()).isEqualTo("https://next.ink");
    assertThat(snapshot.items()).isEmpty();
  }

  private FeedItem rssItem(String namespaces, String itemElements) throws IOException {
    Path feed =
        write(
            "item.rss.xml",
            "<rss version=\"2.0\" "
                + namespaces
                + "><channel><title>t</title><link>https://example.org/</link>\n"
                + "<item>"
                + itemElements
                + "</item></channel></rss>");
    Snapshot snapshot = read(feed);
    assertThat(snapshot.items()).hasSize(1);
    assertThat(snapshot.items().get(0).line()).isEqualTo(2);
    return snapshot.items().get(0);
  }

  private FeedItem atomEntry(String namespaces, String entryElements) throws IOException {
    Path feed =
        write(
            "entry.atom.xml",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" "
                + namespaces
                + "><title>t</title><link rel=\"alternate\" href=\"https://example.org/\"/>\n"
                + "<entry><id>urn:x</id>"
                + entryElements
                + "</entry></feed>");
    Snapshot snapshot = read(feed);
    assertThat(snapshot.items()).hasSize(1);
    assertThat(snapshot.items().get(0).line()).isEqualTo(2);
    return snapshot.items().get(0);
  }

  private static String rss(String channelElements, String items) {
    return "<rss version=\"2.0\"><channel><title>t</title>"
        + channelElements
        + items
        + "</channel></rss>";
  }

  private Snapshot read(Path feed) throws IOException {
    return new FeedReader().read(feed, problems::add);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
