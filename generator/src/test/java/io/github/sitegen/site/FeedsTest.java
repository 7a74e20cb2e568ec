package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every Atom feed (the site's, each tag's, each author's) parses back and holds what RFC 4287
 * requires: feed and entry id, title, updated; an author for every entry; ids unique; an alternate
 * link per entry; content.
 */
class FeedsTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";

  @TempDir static Path dir;
  static Path withBase;
  static Path withoutBase;

  @BeforeAll
  static void build() throws Exception {
    withBase = dir.resolve("with/site");
    withoutBase = dir.resolve("without/site");
    SiteFixture.buildNext(
        SiteFixture.french(withBase, URI.create("https://archive.example.org/next/"), 2));
    SiteFixture.buildNext(SiteFixture.french(withoutBase, null, 2));
  }

  static Stream<String> feeds() throws Exception {
    Path site = dir.resolve("with/site");
    if (!site.toFile().isDirectory()) {
      build();
    }
    return SiteFixture.files(site).stream().filter(p -> p.endsWith("feed.xml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("feeds")
  void everyFeedIsValidAtom(String feed) throws Exception {
    for (Path site : List.of(withBase, withoutBase)) {
      Element root = parse(site.resolve(feed)).getDocumentElement();

      assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
      assertThat(root.getLocalName()).isEqualTo("feed");
      assertThat(childText(root, "id")).as("feed id").matches("[a-z][a-z0-9+.-]*:.+");
      assertThat(childText(root, "title")).isNotBlank();
      assertThat(childText(root, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT.+");
      List<Element> entries = children(root, "entry");
      assertThat(entries).isNotEmpty();
      Set<String> ids = new HashSet<>();
      for (Element entry : entries) {
        String id = childText(entry, "id");
        assertThat(URI.create(id).isAbsolute()).as(id).isTrue();
        assertThat(ids.add(id)).as("unique id " + id).isTrue();
        assertThat(childText(entry, "title")).isNotBlank();
        assertThat(childText(entry, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT.+");
        assertThat(children(entry, "content")).hasSize(1);
        assertThat(children(entry, "link").stream().map(l -> l.getAttribute("rel")))
            .contains("alternate");
        assertThat(children(entry, "author").size() + children(root, "author").size()).isPositive();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tags/presse/feed.xml", "authors/mathilde-rochefort/feed.xml"})
  void tagAndAuthorFeedsPointAtTheirPage(String feed) throws Exception {
    Element root = parse(withBase.resolve(feed)).getDocumentElement();
    String page = "https://archive.example.org/next/" + feed.replace("feed.xml", "");

    assertThat(childText(root, "id")).isEqualTo(page);
    List<String> links = new ArrayList<>();
    for (Element link : children(root, "link")) {
      links.add(link.getAttribute("rel") + " " + link.getAttribute("href"));
    }
    assertThat(links)
        .contains("alternate " + page, "self https://archive.example.org/next/" + feed);
  }

  private static Document parse(Path file) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && ATOM.equals(e.getNamespaceURI())
          && name.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }

  private static String childText(Element parent, String name) {
    List<Element> found = children(parent, name);
    assertThat(found).as(name + " of " + parent.getLocalName()).hasSize(1);
    return found.get(0).getTextContent();
  }
}
