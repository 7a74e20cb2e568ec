package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.sitegen.site.model.LinkView;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What makes two page inputs digest alike or apart. */
class FingerprintTest {
  private static String hex(Object value) {
    return new Fingerprint().add(value).hex();
  }

  private static String memoHex(Fingerprint.Memo memo, Object value) {
    return new Fingerprint(memo).add(value).hex();
  }

  @Test
  void aMapDigestsAlikeInAnyOrder() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("title", "Accueil");
    a.put("pager", List.of(1, 2));
    a.put("up", new LinkView("Tags", "tags/index.html"));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("up", new LinkView("Tags", "tags/index.html"));
    b.put("pager", List.of(1, 2));
    b.put("title", "Accueil");

    assertThat(hex(a)).isEqualTo(hex(b)).isEqualTo(hex(new TreeMap<>(a))).isEqualTo(hex(new HashMap<>(b)));
    Map<Object, Object> mixed = new LinkedHashMap<>(Map.of(1, "un", "deux", 2));
    Map<Object, Object> reversed = new LinkedHashMap<>();
    reversed.put("deux", 2);
    reversed.put(1, "un");
    assertThat(hex(mixed)).isEqualTo(hex(reversed));
  }

  @Test
  void differentInputsDigestApart() {
    List<Object> values =
        Arrays.asList(
            null,
            "",
            "0",
            0,
            false,
            List.of(),
            Map.of(),
            List.of(""),
            Map.of("a", "b"),
            Map.of("b", "a"),
            Map.of("ab", ""),
            Map.of("a", "b", "c", "d"),
            Map.of("a", "bc", "", "d"),
            List.of("a", "b"),
            List.of("ab"),
            new LinkView("a", "b"),
            new LinkView("ab", ""),
            new byte[] {0},
            // strings go four chars to a long, bytes eight: the lengths keep the padding apart
            "abc",
            "abc\0",
            "abcd",
            "abcd\0",
            "é",
            "\u00e9\0",
            List.of("abcd", ""),
            List.of("", "abcd"),
            new byte[7],
            new byte[8],
            new byte[9],
            // the same instant written with two offsets is two texts on a page
            OffsetDateTime.parse("2026-01-05T10:00:00+01:00"),
            OffsetDateTime.parse("2026-01-05T09:00:00Z"),
            OffsetDateTime.parse("2026-01-05T10:00:00.5+01:00"),
            Path.of("2026/01/05/a.md"));
    List<String> digests = values.stream().map(FingerprintTest::hex).toList();

    assertThat(digests).doesNotHaveDuplicates();
  }

  @Test
  void aMemoGivesTheSameDigestWhetherItKnowsTheRecordsOrNot() {
    // (digests with and without a memo differ: a build uses one or the other throughout)
    var memo = new Fingerprint.Memo();
    var view = new LinkView("Société", "tags/societe/index.html");
    Map<String, Object> model = Map.of("up", view, "links", List.of(view, view));
    String first = memoHex(memo, model);

    assertThat(memoHex(memo, model)).isEqualTo(first);
    assertThat(memoHex(new Fingerprint.Memo(), model)).isEqualTo(first);
    assertThat(memoHex(memo, Map.of("up", new LinkView("Société", "tags/societe/index.htm"))))
        .isNotEqualTo(memoHex(memo, Map.of("up", view)));
  }

  @Test
  void withAnArchiveFolderAPathInsideItDigestsAsItsPathThere() {
    Path inside = Path.of("2026/01/05/a.md");
    String relative = memoHex(new Fingerprint.Memo(Path.of("archive")), Path.of("archive").resolve(inside));

    assertThat(memoHex(new Fingerprint.Memo(Path.of("/elsewhere/archive")), Path.of("/elsewhere/archive").resolve(inside)))
        .isEqualTo(relative);
    assertThat(memoHex(new Fingerprint.Memo(Path.of("archive")), Path.of("archive/x/../").resolve(inside)))
        .isEqualTo(relative);
    assertThat(memoHex(new Fingerprint.Memo(Path.of("archive")), Path.of("archive/2026/01/05/b.md")))
        .isNotEqualTo(relative);
    assertThat(memoHex(new Fingerprint.Memo(Path.of("archive")), Path.of("other").resolve(inside)))
        .isNotEqualTo(relative);
  }

  @Test
  void anUnknownTypeIsRefused() {
    assertThatIllegalArgumentException().isThrownBy(() -> hex(new Object()));
  }

  /** A record holding a record and a map with a non-string key: its parts are digested apart. */
  record Outer(String before, LinkView inner, Map<Object, Object> entries, String after) {}

  @Test
  void longStringsInPartsDigestAsTheirCharacters() {
    String long1 = "é".repeat(70) + "x"; // longer than a fresh buffer, not Latin-1 alone
    String long2 = "a".repeat(500);
    Outer value =
        new Outer("court", new LinkView(long2, long1), new LinkedHashMap<>(Map.of(1, long2)), long1);
    // the same value twice in a list (the second time from the memo), and again from a fresh memo
    var memo = new Fingerprint.Memo();
    String first = memoHex(memo, List.of(value, value));
    assertThat(memoHex(new Fingerprint.Memo(), List.of(value, value))).isEqualTo(first);
    // one character changed deep in a part, or at the end of the last string, digests apart
    Outer inner = new Outer("court", new LinkView(long2, long1.replace('x', 'y')), value.entries(), long1);
    Outer entry = new Outer("court", value.inner(), new LinkedHashMap<>(Map.of(1, long2 + "b")), long1);
    Outer last = new Outer("court", value.inner(), value.entries(), long1.replace('x', 'y'));
    for (Outer other : List.of(inner, entry, last)) {
      assertThat(memoHex(new Fingerprint.Memo(), List.of(value, value)))
          .isNotEqualTo(memoHex(new Fingerprint.Memo(), List.of(value, other)));
    }
  }
}
