package io.github.sitegen.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memo forgets items no recent file had, and reading stays the same when they come back. */
class ItemMemoForgetTest {
  @TempDir Path work;

  @Test
  void itemsNoRecentFileHadAreForgottenAndReadAgainWhenTheyComeBack() throws IOException {
    ItemMemo memo = new ItemMemo(8);
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Path file = write("feed-" + i + ".xml", item("common") + item("only-" + i));
      files.add(file);
      assertThat(read(file, memo)).isEqualTo(read(file, null));
    }
    // the window (8 files, checked every 2) and the item every file has
    assertThat(memo.size()).isBetween(9, 11);

    int before = memo.size();
    assertThat(read(files.get(0), memo)).isEqualTo(read(files.get(0), null)); // 41st file: no forgetting
    assertThat(memo.size()).isEqualTo(before + 1); // only-0 was forgotten: parsed and remembered again

    before = memo.size();
    Path common = write("common.xml", item("common"));
    assertThat(read(common, memo)).isEqualTo(read(common, null));
    assertThat(memo.size()).isLessThanOrEqualTo(before); // still known: no new entry
  }

  private static String item(String guid) {
    return "<item><title>" + guid + "</title><guid>" + guid + "</guid>"
        + "<pubDate>Fri, 10 Jan 2020 10:00:00 +0000</pubDate></item>\n";
  }

  private Path write(String name, String items) throws IOException {
    return Files.writeString(
        work.resolve(name),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel><title>T</title>\n"
            + "<link>https://example.org/</link><lastBuildDate>Fri, 10 Jan 2020 12:19:00 +0000</lastBuildDate>\n"
            + items + "</channel>\n</rss>\n");
  }

  private static List<FeedItem> read(Path file, @org.jspecify.annotations.Nullable ItemMemo memo) throws IOException {
    List<Problem> problems = new ArrayList<>();
    Snapshot snapshot =
        memo == null ? new FeedReader().read(file, problems::add) : new FeedReader().read(file, problems::add, memo);
    assertThat(problems).isEmpty();
    return snapshot.items();
  }
}
