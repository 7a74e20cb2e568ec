package io.github.sitegen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memo finds items by a cheap hash, which a feed can forge: a hit must still need the same
 * bytes in the same context, so a collision only costs a comparison.
 */
class ItemMemoCollisionTest {
  @TempDir Path work;

  @Test
  void aForgedHashCollisionIsNotAHit() throws IOException {
    String[] items = Crc32cCollisions.items("guid-a", "Alpha", "guid-z", "Omega");
    assertThat(items[0]).isNotEqualTo(items[1]);
    assertThat(Crc32cCollisions.crc(items[0].getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(Crc32cCollisions.crc(items[1].getBytes(StandardCharsets.UTF_8)));
    Path first = write("first.xml", feed("", items[0]));
    Path second = write("second.xml", feed("", items[1]));
    ItemMemo.Key a = onlyKey(first);
    ItemMemo.Key z = onlyKey(second);
    assertThat(a.hashCode()).isEqualTo(z.hashCode()); // the forged collision reaches the memo
    assertThat(a).isNotEqualTo(z);

    ItemMemo memo = new ItemMemo();
    read(first, memo);
    List<FeedItem> read = read(second, memo);

    assertThat(read).isEqualTo(read(second, null));
    assertThat(read).singleElement().satisfies(item -> {
      assertThat(item.guid()).isEqualTo("guid-z");
      assertThat(item.title()).startsWith("Omega ");
    });
    assertThat(memo.size()).isEqualTo(2);
  }

  @Test
  void theSameItemInAnotherContextIsReadAgain() throws IOException {
    String item = "<item><title>A</title><guid>a</guid><link>page.html</link><dc:creator>Ann</dc:creator>"
        + "<description>&lt;a href=\"x.html\"&gt;x&lt;/a&gt;</description></item>";
    Path dc = write("dc.xml", feed(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"", item));
    Path other = write("other.xml", feed(" xmlns:dc=\"urn:example:not-dublin-core\"", item));
    Path based = write("based.xml",
        feed(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xml:base=\"https://other.example/b/\"", item));
    ItemMemo memo = new ItemMemo();

    List<FeedItem> fromDc = read(dc, memo);
    List<FeedItem> fromOther = read(other, memo);
    List<FeedItem> fromBased = read(based, memo);

    assertThat(fromDc).isEqualTo(read(dc, null));
    assertThat(fromOther).isEqualTo(read(other, null)).isNotEqualTo(fromDc);
    assertThat(fromBased).isEqualTo(read(based, null)).isNotEqualTo(fromDc);
    assertThat(memo.size()).isEqualTo(3);
    assertThat(read(dc, memo)).isEqualTo(fromDc); // and the same context is a hit
    assertThat(memo.size()).isEqualTo(3);
  }

  @Test
  void contextsWithTheSameHashAreStillTold() throws IOException {
    String item = "<item><title>A</title><guid>a</guid><link>page.html</link></item>";
    // "Aa" and "BB" have the same Arrays.hashCode: so have the two contexts
    Path aa = write("aa.xml", feed(" xml:base=\"https://example.org/Aa/\"", item));
    Path bb = write("bb.xml", feed(" xml:base=\"https://example.org/BB/\"", item));
    assertThat(onlyKey(aa).hashCode()).isEqualTo(onlyKey(bb).hashCode());
    assertThat(onlyKey(aa)).isNotEqualTo(onlyKey(bb));
    ItemMemo memo = new ItemMemo();

    List<FeedItem> fromAa = read(aa, memo);
    List<FeedItem> fromBb = read(bb, memo);

    assertThat(fromBb).isEqualTo(read(bb, null)).isNotEqualTo(fromAa);
    assertThat(fromBb).singleElement().extracting(FeedItem::baseUri).asString().startsWith("https://example.org/BB/");
    assertThat(memo.size()).isEqualTo(2);
  }

  private static ItemMemo.Key onlyKey(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ItemSpans spans = ItemSpans.scan(bytes);
    assertThat(spans).isNotNull();
    ItemMemo.Key[] keys = ItemMemo.keys(bytes, spans);
    assertThat(keys).hasSize(1);
    return keys[0];
  }

  /** An RSS file whose {@code <rss>} start tag has {@code attributes} (namespaces, base). */
  private static String feed(String attributes, String items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"" + attributes + ">\n"
        + "<channel><title>T</title>\n<link>https://example.org/a/</link>"
        + "<lastBuildDate>Fri, 10 Jan 2020 12:19:00 +0000</lastBuildDate>\n" + items + "\n</channel>\n</rss>\n";
  }

  private Path write(String name, String xml) throws IOException {
    return Files.writeString(work.resolve(name), xml);
  }

  /** The items read, with or without the memo; a read must report no problem. */
  private static List<FeedItem> read(Path file, @org.jspecify.annotations.Nullable ItemMemo memo)
      throws IOException {
    List<Problem> problems = new ArrayList<>();
    Snapshot snapshot =
        memo == null ? new FeedReader().read(file, problems::add) : new FeedReader().read(file, problems::add, memo);
    assertThat(problems).isEmpty();
    return snapshot.items();
  }
}
