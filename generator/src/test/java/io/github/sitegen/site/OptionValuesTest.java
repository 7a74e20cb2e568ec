package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OptionValuesTest {

  @Test
  void parsesLanguageTags() {
    assertThat(OptionValues.locale("fr-FR")).isEqualTo(Locale.FRANCE);
    assertThat(OptionValues.locale("en")).isEqualTo(Locale.ENGLISH);
    assertThat(OptionValues.locale("de-AT")).isEqualTo(new Locale("de", "AT"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"xx-Bogus", "fr_FR", "", "zz", "fr-ZZ"})
  void rejectsUnknownOrMalformedLocales(String tag) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OptionValues.locale(tag))
        .withMessage(
            "expected an IETF BCP 47 language tag of a known locale such as \"fr-FR\""
                + " or \"en\", found \""
                + tag
                + "\"");
  }

  @Test
  void parsesZones() {
    assertThat(OptionValues.zone("Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(OptionValues.zone("UTC")).isEqualTo(ZoneId.of("UTC"));
    assertThat(OptionValues.zone("+01:00")).isEqualTo(ZoneOffset.ofHours(1));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"Mars/Olympus", "Paris", "", "+25:00"})
  void rejectsUnknownZones(String id) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OptionValues.zone(id))
        .withMessage(
            "expected a time-zone id such as \"Europe/Paris\" or \"UTC\", found \"" + id + "\"");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          https://example.github.io/site-gen/ | https://example.github.io/site-gen/
          https://example.github.io/site-gen  | https://example.github.io/site-gen/
          http://localhost:8000               | http://localhost:8000/
          https://example.org/archivé/next    | https://example.org/archiv%C3%A9/next/
          https://example.org/archiv%C3%A9/   | https://example.org/archiv%C3%A9/
          """)
  void parsesBaseUrlsWithATrailingSlash(String url, String expected) {
    assertThat(OptionValues.baseUrl(url)).isEqualTo(URI.create(expected));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "  "})
  void blankBaseUrlMeansNone(String url) {
    assertThat(OptionValues.baseUrl(url)).isNull();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "example.org",
        "/site-gen/",
        "ftp://example.org/",
        "https://",
        "http://a b/",
        "https://example.org/?q=1"
      })
  void rejectsBaseUrlsThatAreNotAbsoluteHttp(String url) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OptionValues.baseUrl(url))
        .withMessageEndingWith(", found \"" + url + "\"");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"https://user:s3cret@example.org/", "https://token@example.org/site/"})
  void rejectsBaseUrlsWithAUserOrPasswordWithoutRepeatingThem(String url) {
    // (accepted before, and published in every canonical link, the feeds and the sitemap)
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OptionValues.baseUrl(url))
        .withMessage(
            "expected an absolute http(s) URL such as \"https://example.org/archive/\" without a"
                + " user name or password, found one with them");
  }

  @Test
  void checksTitles() {
    assertThat(OptionValues.title(" Archives de Next ")).isEqualTo(" Archives de Next ");
    for (String blank : List.of("", " ", "\t\n")) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> OptionValues.title(blank))
          .withMessage("expected a site title, found an empty one");
    }
  }

  @Test
  void checksPageSizes() {
    assertThat(OptionValues.pageSize(1)).isEqualTo(1);
    assertThat(OptionValues.pageSize(" 20 ")).isEqualTo(20);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OptionValues.pageSize(0))
        .withMessage("expected a number of articles per page of at least 1, found 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OptionValues.pageSize("-3"))
        .withMessage("expected a number of articles per page of at least 1, found -3");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OptionValues.pageSize("ten"))
        .withMessage("expected a number of articles per page of at least 1, found \"ten\"");
  }

  @Test
  void acceptsHttpAndFileFeedUrls() {
    assertThat(OptionValues.feedUrl("https://next.ink/feed/")).hasHost("next.ink");
    assertThat(OptionValues.feedUrl("file:///tmp/feed.xml")).hasScheme("file");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"next.ink/feed", "ftp://x/feed", "https:///feed", "http://a b/"})
  void rejectsOtherFeedUrls(String url) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OptionValues.feedUrl(url))
        .withMessage(
            "expected an absolute http(s) or file URL such as \"https://example.org/feed/\","
                + " found \""
                + url
                + "\"");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -1    | expected a port number from 0 (any free port) to 65535, found -1
          65536 | expected a port number from 0 (any free port) to 65535, found 65536
          http  | expected a port number from 0 (any free port) to 65535, found "http"
          """)
  void rejectsBadPorts(String port, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OptionValues.port(port))
        .withMessage(message);
  }

  @Test
  void aFolderToBeCreatedUnderAWritableParentIsWritable(@TempDir Path dir) {
    assertThat(OptionValues.writableDirectory(dir.resolve("a/b"))).isEqualTo(dir.resolve("a/b"));
  }

  @Test
  void aFileInTheWayIsNotAWritableFolder(@TempDir Path dir) throws IOException {
    var file = Files.writeString(dir.resolve("site"), "");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> OptionValues.writableDirectory(file.resolve("out")))
        .withMessage(
            "expected a writable folder, found \""
                + file.resolve("out")
                + "\": \""
                + file
                + "\" is a file");
  }
}
