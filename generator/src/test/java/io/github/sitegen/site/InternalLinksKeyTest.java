package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link InternalLinks#key}'s reading of plain URLs gives what {@link java.net.URI} gives. */
class InternalLinksKeyTest {
  private static final String[] PIECES = {
    "http://", "https://", "HTTPS://", "ftp://", "http:/", "//", "/", "a", "Z", "0", "next.ink",
    "Next.INK", "www.example.org", "-", ".", "..", "_", "~", "!", "$", "&", "'", "(", ")", "*", "+",
    ",", ";", "=", ":", "@", ":8080", "user@", "%20", "%2F", "%zz", "%", "%4", "?", "?a=1&b=2", "#",
    "#frag", "##", "[", "]", "[::1]", " ", "\t", "é", "€", "\"", "<", "|", "\\", "^", "`", "{", "}",
    "/12345/un-titre/", "/?p=12", "index.html", "//double",
  };

  @Test
  void knownUrls() {
    assertThat(InternalLinks.key("https://Next.ink/12345/titre/?utm=1#commentaires"))
        .contains("next.ink/12345/titre?utm=1");
    assertThat(InternalLinks.key(" http://next.ink ")).contains("next.ink");
    assertThat(InternalLinks.key("http://next.ink/a?")).isEqualTo(InternalLinks.uriKey("http://next.ink/a?"));
    assertThat(InternalLinks.key("mailto:a@b.c")).isEmpty();
    assertThat(InternalLinks.key("https://next.ink/a b")).isEmpty();
    assertThat(InternalLinks.plainKey("https://user@next.ink:443/a")).isNull(); // left to URI
    assertThat(InternalLinks.key("https://user@next.ink:443/a")).contains("user@next.ink:443/a");
  }

  @Test
  void agreesWithUriOnRandomUrls() {
    Random random = new Random(11);
    List<String> urls = new ArrayList<>(List.of(PIECES));
    for (int n = 0; n < 50_000; n++) {
      StringBuilder url = new StringBuilder(random.nextInt(4) == 0 ? "" : random.nextBoolean() ? "http://" : "https://");
      int parts = 1 + random.nextInt(6);
      for (int p = 0; p < parts; p++) {
        url.append(PIECES[random.nextInt(PIECES.length)]);
      }
      urls.add(url.toString());
    }
    int plain = 0;
    for (String url : urls) {
      Optional<String> expected = InternalLinks.uriKey(url);
      assertThat(InternalLinks.key(url)).as(url).isEqualTo(expected);
      plain += InternalLinks.plainKey(url) != null ? 1 : 0;
    }
    assertThat(plain).as("URLs read without URI").isGreaterThan(urls.size() / 10);
  }
}
