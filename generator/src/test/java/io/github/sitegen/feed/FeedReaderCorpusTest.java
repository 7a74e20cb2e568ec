package io.github.sitegen.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sitegen.Problem;
import io.github.sitegen.SiteGenException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code feed/peer-feeds/} (the test suites of Rome, feedparser and the W3C feed
 * validator, see its {@code SOURCES.md}) is read, with the number of items listed in {@code
 * feed/peer-feeds-items.txt}, or refused with a {@link SiteGenException} naming the file when it
 * is not a feed at all (empty, JSON, an unknown root): no other exception escapes. Where a file's
 * header states what a reader should find, a representative set of them is asserted.
 */
class FeedReaderCorpusTest {

  private static final Path CORPUS = resource("/feed/peer-feeds");

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("expectedItems")
  void yieldsItsItemsOrIsRefusedWithAProblem(String file, String expected) {
    Path path = CORPUS.resolve(file);
    List<Problem> problems = new ArrayList<>();
    List<Snapshot> read = new ArrayList<>();

    Throwable thrown = catchThrowable(() -> read.add(new FeedReader().read(path, problems::add)));

    if (expected.equals("refused")) {
      assertThat(thrown).isInstanceOf(SiteGenException.class);
      Problem problem = ((SiteGenException) thrown).problem();
      assertThat(problem.file()).isEqualTo(path.toString());
      assertThat(problem.message()).isNotBlank().doesNotEndWith(".");
    } else {
      assertThat(thrown).isNull();
      assertThat(read.get(0).items()).hasSize(Integer.parseInt(expected));
    }
    assertThat(problems)
        .allSatisfy(p -> assertThat(p.file()).isEqualTo(path.toString()))
        .allSatisfy(p -> assertThat(p.message()).doesNotEndWith("."));
  }

  @Test
  void theTableListsEveryFileOfTheCorpus() throws IOException {
    assertThat(expectedItems().map(arguments -> (String) arguments[0]))
        .containsExactlyElementsOf(corpusFiles().toList());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          feedparser/illformed/always_strip_doctype.xml              | feed title | found
          feedparser/encoding/euc-kr.xml                             | feed title | \ub144
          feedparser/encoding/http_i18n.xml                          | feed title | Iñtërnâtiônàlizætiøn
          feedparser/wellformed/rss/channel_title_lt.xml             | feed title | 1 < 2
          feedparser/wellformed/xml/empty_xmlns_uri.xml              | feed title | empty
          feedparser/wellformed/rss/item_title.xml                   | title      | Item 1 title
          feedparser/wellformed/atom10/entry_title_type_empty-no-crash.xml | title | evil
          feedparser/wellformed/sanitize/entry_title_script.xml      | title      | safe description
          feedvalidator/rss/must/rss91n_entity.xml                   | title      | Und tschüss.
          feedparser/wellformed/rss/item_guid_conflict_link.xml      | link       | http://link.example.com/
          feedparser/illformed/rss_item_link_corrupted_ampersands.xml | link      | http://link/get?a=1&b=2
          feedparser/wellformed/rss/item_guid_not_permalink.xml      | link       | ''
          feedparser/wellformed/rdf/rdf_item_rdf_about.xml           | guid       | http://example.org/1
          feedparser/wellformed/node_precedence/atom10_id.xml        | guid       | Correct Value
          feedparser/wellformed/atom10/entry_id_no_normalization_1.xml | guid     | http://www.example.org/thing
          feedparser/wellformed/rss/item_pubDate.xml                 | published  | 2004-01-01T19:48:21Z
          feedparser/wellformed/rss/item_dc_date.xml                 | published  | 2003-12-31T10:14:55Z
          feedparser/wellformed/atom/entry_issued_parsed.xml         | published  | 2003-12-31T10:14:55Z
          feedparser/wellformed/atom10/entry_category_term_non_ascii.xml | categories | Freiräume
          feedparser/wellformed/rss/item_multiple_dc_creator.xml     | authors    | First Author, Second Author
          feedparser/encoding/demoronize-1.xml                       | content    | don’t
          feedparser/wellformed/rss/item_content_encoded.xml         | content    | <p>Example content</p>
          feedparser/wellformed/rss/item_description_escaped_markup.xml | content | <p>Example description</p>
          feedparser/wellformed/atom10/entry_content_escaped_markup.xml | content | Example <b>Atom</b>
          feedparser/wellformed/atom10/entry_content_text_plain_brackets.xml | content | History of the &lt;blink&gt; tag
          """)
  void findsWhatTheFileSaysAReaderShouldFind(String file, String field, String expected)
      throws IOException {
    Snapshot snapshot = new FeedReader().read(CORPUS.resolve(file), problem -> {});

    Function<FeedItem, String> value =
        switch (field) {
          case "title" -> FeedItem::title;
          case "link" -> FeedItem::link;
          case "guid" -> FeedItem::guid;
          case "published" -> item -> String.valueOf(item.published());
          case "categories" -> item -> String.join(", ", item.categories());
          case "authors" -> item -> String.join(", ", item.authors());
          case "content" -> FeedItem::contentHtml;
          default -> item -> snapshot.feedTitle();
        };
    String actual =
        field.equals("feed title") ? snapshot.feedTitle() : value.apply(snapshot.items().get(0));
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void leavesEntitiesADoctypeDeclaresUnexpanded() throws IOException {
    // feedparser expects "tag:example.com,2006-05-04:/blog/": it expands the DOCTYPE's entity.
    // site-gen never processes a DOCTYPE (no entity expansion at all), so the reference stays text.
    List<Problem> problems = new ArrayList<>();
    Path file = CORPUS.resolve("feedparser/wellformed/rss/entity_in_doctype.xml");

    Snapshot snapshot = new FeedReader().read(file, problems::add);

    assertThat(snapshot.items().get(0).guid()).isEqualTo("&id;2006-05-04:/blog/");
    assertThat(problems)
        .extracting(Problem::toString)
        .contains(file + ":6: doctype ignored: entities it declares are not expanded (&id; left as text)");
  }

  @Test
  void readsTheNetscapeDoctypeWithoutFetchingIt() throws IOException {
    List<Problem> problems = new ArrayList<>();
    Path file = CORPUS.resolve("rome/rss_0.91N.xml");

    Snapshot snapshot = new FeedReader().read(file, problems::add);

    assertThat(snapshot.items()).hasSize(2);
    assertThat(problems)
        .extracting(Problem::severity)
        .containsExactly(Problem.Severity.INFO);
  }

  @Test
  void takesWhatIsReadableFromATruncatedFile() throws IOException {
    List<Problem> problems = new ArrayList<>();
    Path file = CORPUS.resolve("feedparser/illformed/rss_incomplete_cdata.xml");

    Snapshot snapshot = new FeedReader().read(file, problems::add);

    assertThat(snapshot.feedTitle()).isEqualTo("can feedparser read this xml");
    assertThat(snapshot.items()).hasSize(1);
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            file
                + ":13: repaired: not well-formed xml (content of elements must consist of"
                + " well-formed character data or markup); read leniently, what was unreadable is"
                + " lost");
  }

  static Stream<Object[]> expectedItems() throws IOException {
    return Files.readAllLines(
            Path.of(resourceUri("/feed/peer-feeds-items.txt")), StandardCharsets.UTF_8)
        .stream()
        .filter(line -> !line.startsWith("#") && !line.isBlank())
        .map(line -> line.split("\\|"))
        .map(parts -> new Object[] {parts[0], parts[1]});
  }

  static Stream<String> corpusFiles() throws IOException {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> CORPUS.relativize(file).toString().replace('\\', '/'))
          .filter(file -> !file.endsWith("LICENSE") && !file.endsWith(".md"))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static Path resource(String name) {
    return Path.of(resourceUri(name));
  }

  private static java.net.URI resourceUri(String name) {
    try {
      return FeedReaderCorpusTest.class.getResource(name).toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
