package io.github.sitegen.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class UrlsTest {

  private static final List<String> BASES =
      List.of(
          "https://next.ink/222947/grok/",
          "http://Example.COM:8080/a/b?x=1#f",
          "https://news.example.com",
          "file:///tmp/a.html");
  private static final List<String> URLS =
      List.of(
          "/a",
          "/a/b.png?x=1&y=2#f",
          "/a/./b",
          "/a/../b",
          "https://x.org/a?b#c",
          "http://X.org",
          "https://x.org/a b",
          "/%41",
          "/é",
          "/a:b@c",
          "https://x.org",
          "/a;b,c!$*",
          "/?q",
          "/#f",
          "/a//b",
          "/a~b_c",
          "//cdn.example.com/x.js",
          "a/b",
          "../c",
          "?q",
          "#f",
          "/a/..");

  @Test
  void resolvesTheSimpleCasesExactlyAsJsoupDoes() {
    List<String> checked = new ArrayList<>();

    for (String base : BASES) {
      String origin = Urls.origin(base);
      for (String url : URLS) {
        String fast = Urls.resolveSimple(origin, url);
        if (fast != null) {
          Element a = Jsoup.parseBodyFragment("<a>", base).expectFirst("a").attr("href", url);
          assertThat(fast).as("%s against %s", url, base).isEqualTo(Urls.clean(a.absUrl("href")));
          checked.add(url);
        }
      }
    }

    assertThat(checked).contains("/a", "https://x.org/a?b#c").doesNotContain("/a/../b", "a/b");
  }
}
