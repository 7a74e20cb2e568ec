package io.github.sitegen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sitegen.Problem;
import io.github.sitegen.feed.Crc32cCollisions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two different items whose memo hashes were forged to collide still give two articles. */
class ImportMemoCollisionTest {
  @TempDir Path work;

  @Test
  void aForgedItemHashCollisionStillGivesBothArticles() throws IOException {
    String[] items = Crc32cCollisions.items("guid-a", "Alpha", "guid-z", "Omega");
    Path snapshots = work.resolve("snapshots");
    Files.createDirectories(snapshots);
    // the second snapshot has the first one's item too: a real hit next to the forged one
    Files.writeString(snapshots.resolve("feed-2020-01-10T1200Z.xml"), feed(items[0]));
    Files.writeString(snapshots.resolve("feed-2020-01-10T1300Z.xml"), feed(items[1] + "\n" + items[0]));
    List<Problem> problems = new ArrayList<>();

    new ArchiveImporter(new ImportOptions(snapshots, work.resolve("fast"), ZoneId.of("UTC")), problems::add).run();
    new ArchiveImporter(new ImportOptions(snapshots, work.resolve("whole"), ZoneId.of("UTC")), problems::add, false)
        .run();

    Map<String, String> fast = ArchiveFiles.all(work.resolve("fast"));
    assertThat(problems).isEmpty();
    assertThat(fast).isEqualTo(ArchiveFiles.all(work.resolve("whole")));
    assertThat(fast.keySet()).filteredOn(p -> p.endsWith(".md")).hasSize(2);
    assertThat(String.join("\n", fast.values())).contains("id: guid-a", "id: guid-z", "title: Alpha", "title: Omega");
  }

  private static String feed(String items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n<channel><title>T</title>\n"
        + "<link>https://example.org/</link><lastBuildDate>Fri, 10 Jan 2020 12:19:00 +0000</lastBuildDate>\n"
        + items + "\n</channel>\n</rss>\n";
  }

}
