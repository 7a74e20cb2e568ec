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
  void refusesAnExternalGeneralEntityWithoutReadingTheFile() throws IOException {
    Path secret = write("secret.txt", SECRET);
    Path feed =
        write(
            "xxe.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
            <rss version="2.0"><channel><title>&xxe;</title>
            <item><title>&xxe;</title><description>&xxe;</description></item>
            </channel></rss>
            """
                .formatted(secret.toUri()));

    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.problem().line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("doctype").doesNotContain(SECRET);
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

    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.getMessage()).contains("doctype").doesNotContain(SECRET);
  }

  @Test
  void refusesAnExternalDtd() throws IOException {
    // nothing listens on port 9 of the loopback: a fetch would fail, a refusal does not try
    Path feed =
        write(
            "remote-dtd.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd">
            <rss version="2.0"><channel><title>t</title></channel></rss>
            """);

    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.getMessage()).contains("not a safe feed: expected no doctype declaration");
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
                + "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>\n");

    // Refused at the DOCTYPE: no entity is ever declared, so none can be expanded.
    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.problem().line()).isEqualTo(2);
    assertThat(e.getMessage()).contains("doctype");
  }

  @Test
  void refusesQuadraticBlowup() throws IOException {
    String big = "x".repeat(50_000);
    Path feed =
        write(
            "quadratic.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \""
                + big
                + "\">]>\n<rss version=\"2.0\"><channel><title>"
                + "&a;".repeat(10_000)
                + "</title></channel></rss>\n");

    assertThat(readExpectingFailure(feed).getMessage()).contains("doctype");
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
  void reportsTheLineOfMalformedXml() throws IOException {
    Path feed =
        write(
            "broken.xml",
            """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>t</title>
            <item><title>one</title>
            </channel></rss>
            """);

    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.problem().file()).isEqualTo(feed.toString());
    assertThat(e.problem().line()).isEqualTo(4);
    assertThat(e.problem().severity()).isEqualTo(Problem.Severity.ERROR);
    assertThat(e.getMessage())
        .startsWith(
            feed
                + ":4: not a well-formed feed: element type \"item\" must be terminated by the"
                + " matching end-tag \"</item>\"");
  }

  @Test
  void namesTheFileAsGivenNotAbsolute() throws IOException {
    Path absolute = write("broken.xml", "<rss version=\"2.0\"><channel>\n");
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
  void refusesRssWithoutChannel() throws IOException {
    Path feed = write("no-channel.xml", "<rss version=\"2.0\"></rss>");

    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.getMessage())
        .isEqualTo(feed + ":1: not a feed: expected a <channel> in <rss>, found none");
  }

  @Test
  void refusesAnUnknownEncoding() throws IOException {
    Path feed =
        write(
            "bogus.xml",
            "<?xml version=\"1.0\" encoding=\"BOGUS\"?>\n<rss version=\"2.0\"><channel/></rss>");

    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.getMessage()).contains("unsupported encoding").contains("\"BOGUS\"");
  }

  @Test
  void wrapsWhatRomeThrowsWithTheFileName() throws IOException {
    // Rome 2.1.0 fails on this Atom 0.3 base64 content with an ArrayIndexOutOfBoundsException
    Path feed =
        write(
            "base64.xml",
            """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
            <entry>
              <content mode="base64">
                RXhhbXBsZSA8Yj5BdG9tPC9iPg==
              </content>
            </entry>
            </feed>
            """);

    SiteGenException e = readExpectingFailure(feed);

    assertThat(e.problem().file()).isEqualTo(feed.toString());
    assertThat(e.getMessage()).contains("not a readable feed: rome failed with");
    assertThat(e.getCause()).isInstanceOf(RuntimeException.class);
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
