package io.github.sitegen.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.sitegen.Problem;
import io.github.sitegen.SiteGenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not feeds, broken feeds, and feeds that try to reach outside themselves. */
class FeedReaderHostileTest {

  private static final String SECRET = "s3cr3t-Sh0uld-N3ver-Leak";

  @TempDir Path dir;

  private final List<Problem> problems = new ArrayList<>();

  @Test
  void refusesAnExternalGeneralEntityWithoutReadingTheFileAndKeepsTheOtherItems()
      throws IOException {
    Path secret = write("secret.txt", SECRET);
    Path feed =
        write(
            "xxe.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
            <rss version="2.0"><channel><title>&xxe;</title>
            <item><title>&xxe;</title><description>&xxe;</description></item>
            <item><title>Innocent</title><description>Still here</description></item>
            </channel></rss>
            """
                .formatted(secret.toUri()));

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).line()).isEqualTo(2);
    assertThat(problems.get(0).severity()).isEqualTo(Problem.Severity.ERROR);
    assertThat(problems.get(0).message())
        .startsWith("not a safe feed: expected no doctype declaration, found one declaring an external entity \"xxe\"");
    assertThat(snapshot.items()).extracting(FeedItem::title).containsExactly("&xxe;", "Innocent");
    assertNothingLeaks(snapshot);
  }

  @Test
  void refusesAnExternalParameterEntity() throws IOException {
    Path secret = write("secret.txt", SECRET);
    Path dtd =
        write(
            "evil.dtd",
            "<!ENTITY % file SYSTEM \""
                + secret.toUri()
                + "\"><!ENTITY % all \"<!ENTITY leak '%file;'>\"> %all;");
    Path feed =
        write(
            "xxe-parameter.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY %% remote SYSTEM "%s"> %%remote;]>
            <rss version="2.0"><channel><item><title>&leak;</title></item></channel></rss>
            """
                .formatted(dtd.toUri()));

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(problems.get(0).message()).contains("a parameter entity \"%remote\"");
    assertThat(snapshot.items()).extracting(FeedItem::title).containsExactly("&leak;");
    assertNothingLeaks(snapshot);
  }

  @Test
  void neverFetchesAnExternalDtd() throws IOException {
    // nothing listens on port 9 of the loopback: a fetch would fail, ignoring the DTD does not try
    Path feed =
        write(
            "remote-dtd.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd">
            <rss version="2.0"><channel><title>t</title><item><title>x</title></item></channel></rss>
            """);

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items()).hasSize(1);
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(feed + ":2: doctype ignored: no dtd is read (html entities are known anyway)");
  }

  @Test
  void refusesBillionLaughsBeforeExpandingAnything() throws IOException {
    StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      entities.append("<!ENTITY lol%d \"%s\">\n".formatted(i, ("&lol" + (i - 1) + ";").repeat(10)));
    }
    Path feed =
        write(
            "billion-laughs.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
                + entities
                + "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title>"
                + "<item><title>&lol9;</title></item><item><title>kept</title></item>"
                + "</channel></rss>\n");

    // The DOCTYPE is never processed: no entity is ever declared, so none can be expanded.
    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(problems.get(0).line()).isEqualTo(2);
    assertThat(problems.get(0).message())
        .startsWith("not a safe feed: expected no doctype declaration, found one declaring an entity built from other entities");
    assertThat(snapshot.items()).extracting(FeedItem::title).containsExactly("&lol9;", "kept");
  }

  @Test
  void refusesQuadraticBlowup() throws IOException {
    String big = "x".repeat(50_000);
    Path feed =
        write(
            "quadratic.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \""
                + big
                + "\">]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>"
                + "&a;".repeat(10_000)
                + "</title></item></channel></rss>\n");

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(problems.get(0).message()).contains("doctype");
    assertThat(snapshot.items().get(0).title()).hasSize("&a;".length() * 10_000);
  }

  @Test
  void refusesAnEmptyFile() throws IOException {
    Path feed = write("empty.xml", "");

    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.getMessage())
        .isEqualTo(feed + ": not a feed: expected rss or atom xml, found an empty file");
  }

  @Test
  void refusesAFileOfBlanks() throws IOException {
    Path feed = write("blank.xml", "\uFEFF \n\t\n");

    assertThat(readExpectingFailure(feed).getMessage()).endsWith("found an empty file");
  }

  @Test
  void refusesAnHtmlPage() throws IOException {
    Path feed =
        write(
            "page.xml",
            """

            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>Next</title></head>
            <body><p>Bienvenue<br></body></html>
            """);

    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.getMessage())
        .isEqualTo(feed + ":2: not a feed: expected rss or atom xml, found an html page");
  }

  @Test
  void refusesJson() throws IOException {
    Path feed =
        write(
            "feed.json.xml", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}");

    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.getMessage())
        .isEqualTo(
            feed
                + ":1: not a feed: expected rss or atom xml, found json (json feed is not"
                + " supported)");
  }

  @Test
  void repairsMalformedXmlAndReportsTheLine() throws IOException {
    Path feed =
        write(
            "broken.xml",
            """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>t</title>
            <item><title>one</title>
            </channel></rss>
            """);

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items()).extracting(FeedItem::title).containsExactly("one");
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            feed
                + ":4: repaired: not well-formed xml (element type \"item\" must be terminated by"
                + " the matching end-tag \"</item>\"); read leniently, what was unreadable is lost");
  }

  @Test
  void namesTheFileAsGivenNotAbsolute() throws IOException {
    Path absolute = write("broken.xml", "<!-- nothing -->\n");
    Path relative = Path.of("").toAbsolutePath().relativize(absolute);

    SiteGenException e = readExpectingFailure(relative);

    assertThat(e.problem().file()).isEqualTo(relative.toString());
    assertThat(e.getMessage()).startsWith(relative + ":");
  }

  @Test
  void refusesAnUnknownRootElement() throws IOException {
    Path feed =
        write("opml.xml", "<?xml version=\"1.0\"?>\n\n<opml version=\"2.0\"><body/></opml>\n");

    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.getMessage())
        .isEqualTo(
            feed
                + ":3: not a feed: expected an <rss>, <rdf:RDF> or <feed> root element that rome"
                + " knows, found <opml version=\"2.0\">");
  }

  @Test
  void readsItemsOfAnRssWithoutChannel() throws IOException {
    Path feed = write("no-channel.xml", "<rss version=\"2.0\"><item><title>a</title></item></rss>");

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items()).extracting(FeedItem::title).containsExactly("a");
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            feed
                + ":1: repaired: expected a <channel> in <rss>, found none; its content read as the"
                + " channel");
  }

  @Test
  void readsAnUnknownEncodingAsUtf8() throws IOException {
    Path feed =
        write(
            "bogus.xml",
            "<?xml version=\"1.0\" encoding=\"BOGUS\"?>\n<rss version=\"2.0\"><channel/></rss>");

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items()).isEmpty();
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            feed + ":1: repaired: expected a known encoding, found \"BOGUS\"; read as utf-8");
  }

  @Test
  void anItemRomeChokesOnCostsOnlyItself() throws IOException {
    // Rome 2.1.0 fails on this Atom 0.3 base64 content with an ArrayIndexOutOfBoundsException
    Path feed =
        write(
            "base64.xml",
            """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
            <entry><title>before</title><id>1</id></entry>
            <entry>
              <content mode="base64">
                RXhhbXBsZSA8Yj5BdG9tPC9iPg==
              </content>
            </entry>
            <entry><title>after</title><id>3</id></entry>
            </feed>
            """);

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items()).extracting(FeedItem::title).containsExactly("before", "after");
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            feed
                + ":3: item 2 skipped: not a readable feed: rome failed with"
                + " ArrayIndexOutOfBoundsException: index 19 out of bounds for length 19");
  }

  @Test
  void resolvesHtmlEntitiesOfRss091WithoutItsDtd() throws IOException {
    Path feed =
        write(
            "netscape.xml",
            """
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
              "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Caf&eacute; &amp; co</title><link>http://x.test/</link>
            <description>d</description><language>fr</language>
            <item><title>L&rsquo;&eacute;t&eacute;&nbsp;! &copy; &bogus; R&D</title><link>http://x.test/1</link></item>
            </channel></rss>
            """);

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.feedTitle()).isEqualTo("Café & co");
    assertThat(snapshot.items().get(0).title()).isEqualTo("L’été\u00a0! © &bogus; R&D");
  }

  @Test
  void dropsCharactersXmlForbids() throws IOException {
    Path feed =
        write(
            "controls.xml",
            "<rss version=\"2.0\"><channel>\n<item><title>a\u0001b\u000Bc\uFFFE</title></item></channel></rss>");

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items().get(0).title()).isEqualTo("abc");
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            feed + ":2: repaired: expected characters allowed in xml, found 3 control characters; dropped");
  }

  @Test
  void readsIso88591LabelledWindows1252() throws IOException {
    byte[] head =
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item><title>"
            .getBytes(StandardCharsets.US_ASCII);
    byte[] title = {'d', 'o', 'n', (byte) 0x92, 't', ' ', (byte) 0xE9, (byte) 0x85};
    byte[] tail = "</title></item></channel></rss>".getBytes(StandardCharsets.US_ASCII);
    Path feed = dir.resolve("latin1.xml");
    Files.write(feed, concat(head, title, tail));

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items().get(0).title()).isEqualTo("don’t é…");
    assertThat(problems).isEmpty();
  }

  @Test
  void readsUndeclaredWindows1252WhenTheBytesAreNotUtf8() throws IOException {
    byte[] head =
        "<rss version=\"2.0\"><channel><item><title>".getBytes(StandardCharsets.US_ASCII);
    byte[] title = {'c', 'a', 'f', (byte) 0xE9};
    byte[] tail = "</title></item></channel></rss>".getBytes(StandardCharsets.US_ASCII);
    Path feed = dir.resolve("undeclared.xml");
    Files.write(feed, concat(head, title, tail));

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items().get(0).title()).isEqualTo("café");
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly("repaired: expected utf-8, found invalid bytes; read as windows-1252");
  }

  @Test
  void readsUtf16WithABomAndACommentBeforeTheDeclaration() throws IOException {
    String text =
        "\uFEFF<!-- saved by hand -->\n<?xml version=\"1.0\" encoding=\"utf-16\"?>\n"
            + "<rss version=\"2.0\"><channel><item><title>ŭnicode</title></item></channel></rss>";
    Path feed = dir.resolve("utf16.xml");
    Files.write(feed, text.getBytes(StandardCharsets.UTF_16LE));

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items().get(0).title()).isEqualTo("ŭnicode");
    assertThat(problems).isEmpty();
  }

  @Test
  void survivesTenThousandNestedElements() throws IOException {
    String nested = "<div>".repeat(10_000) + "deep" + "</div>".repeat(10_000);
    Path feed =
        write(
            "nested.xml",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<entry><id>1</id><title>deep</title><content type=\"xhtml\">"
                + nested
                + "</content></entry>"
                + "<entry><id>2</id><title>shallow</title><content type=\"html\">ok</content></entry>"
                + "</feed>");

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items()).extracting(FeedItem::title).contains("shallow");
  }

  @Test
  void readsTruncatedFilesAsFarAsTheyGo() throws IOException {
    Path feed =
        write(
            "truncated.xml",
            "<rss version=\"2.0\"><channel><title>t</title>\n"
                + "<item><title>one</title><description>full</description></item>\n"
                + "<item><title>two</title><description>cut in the mid");

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items()).extracting(FeedItem::title).containsExactly("one", "two");
    assertThat(problems).singleElement().extracting(Problem::severity).isEqualTo(Problem.Severity.WARNING);
  }

  @Test
  void ignoresJunkAfterTheRootElement() throws IOException {
    Path feed =
        write(
            "junk.xml",
            "<rss version=\"2.0\"><channel><item><title>a</title></item></channel></rss>\n"
                + "<rss><channel><item><title>b</title></item></channel></rss> trailing text");

    Snapshot snapshot = new FeedReader().read(feed, problems::add);

    assertThat(snapshot.items()).extracting(FeedItem::title).containsExactly("a");
    assertThat(problems).singleElement().extracting(Problem::line).isEqualTo(2);
  }

  private static byte[] concat(byte[]... parts) {
    var out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private void assertNothingLeaks(Snapshot snapshot) {
    assertThat(snapshot.toString()).doesNotContain(SECRET);
    assertThat(problems).allSatisfy(p -> assertThat(p.toString()).doesNotContain(SECRET));
  }

  private SiteGenException readExpectingFailure(Path feed) {
    SiteGenException e =
        catchThrowableOfType(
            SiteGenException.class, () -> new FeedReader().read(feed, problems::add));
    assertThat(e).as("reading %s must fail with a SiteGenException", feed).isNotNull();
    assertThat(problems).isEmpty();
    return e;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
