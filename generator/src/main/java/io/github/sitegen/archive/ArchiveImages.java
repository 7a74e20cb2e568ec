package io.github.sitegen.archive;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.images.ImageDownloader;
import io.github.sitegen.images.ImageOptions;
import io.github.sitegen.images.ImageReferences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The image step of an import: downloads the images archived articles refer to (lead image and
 * Markdown images) into {@code <archive>/images/} and records each in the article's front matter
 * ({@code images:}, sorted {@code "<original URL> <path>"} entries). A URL some article already
 * maps to an existing file is not fetched again, so a re-import with nothing new makes no request
 * and writes nothing. Files edited by hand (or written by hand) are never rewritten: their missing
 * images are reported instead. Runs under the import lock.
 */
final class ArchiveImages {
  private final Path archive;
  private final ZoneId zone;
  private final ImageDownloader downloader;

  ArchiveImages(Path archive, ZoneId zone, ImageOptions options) {
    this.archive = archive;
    this.zone = zone;
    this.downloader = new ImageDownloader(options);
  }

  /**
   * Runs the step.
   *
   * @param reporter gets the problems (an image that failed, a hand-edited file)
   * @param progress gets {@code progress("images", done, total)}
   */
  ImportReport.ImageCounts run(Reporter reporter, Reporter progress) throws IOException {
    List<ArchivedArticle> articles = new ArchiveReader().readAll(archive, zone, reporter);

    // what is archived already (any article's mapping whose file is there)
    Map<String, String> known = new TreeMap<>();
    for (ArchivedArticle a : articles) {
      a.imageMap()
          .forEach(
              (url, path) -> {
                if (Files.isRegularFile(archive.resolve(path))) {
                  known.putIfAbsent(url, path);
                }
              });
    }

    // what each article lacks; hand-edited files are reported, never rewritten
    record Wanted(ArchivedArticle article, List<String> urls) {}
    List<Wanted> wanted = new ArrayList<>();
    TreeSet<String> toFetch = new TreeSet<>();
    for (ArchivedArticle a : articles) {
      Map<String, String> own = a.imageMap();
      List<String> missing =
          ImageReferences.of(a.article().image(), a.body()).stream()
              .filter(url -> !own.containsKey(url) || !known.containsKey(url))
              .toList();
      if (missing.isEmpty()) {
        continue;
      }
      if (a.hash().isEmpty() || !a.fingerprint().equals(a.hash())) {
        List<String> unknown = missing.stream().filter(url -> !known.containsKey(url)).toList();
        if (!unknown.isEmpty()) {
          reporter.problem(
              Problem.warning(
                  a.article().file().toString(), 0,
                  "edited by hand since it was imported (or written by hand); its " + unknown.size()
                      + " image(s) not yet archived are left alone"));
        }
        continue;
      }
      wanted.add(new Wanted(a, missing));
      missing.stream().filter(url -> !known.containsKey(url)).forEach(toFetch::add);
    }

    Map<String, ImageDownloader.Result> results =
        downloader.downloadAll(
            List.copyOf(toFetch), archive, (done, total) -> progress.progress("images", done, total));
    int downloaded = 0;
    int failed = 0;
    for (ImageDownloader.Result r : results.values()) {
      if (r instanceof ImageDownloader.Saved) {
        downloaded++;
      } else {
        failed++;
      }
    }

    int updated = 0;
    for (Wanted w : wanted) {
      ArchivedArticle a = w.article();
      Map<String, String> mapping = new TreeMap<>(a.imageMap());
      for (String url : w.urls()) {
        String path = known.get(url);
        ImageDownloader.Result r = results.get(url);
        if (path == null && r instanceof ImageDownloader.Saved saved) {
          path = saved.path();
        }
        if (path != null) {
          mapping.put(url, path);
        } else if (r instanceof ImageDownloader.Failed failure) {
          reporter.problem(
              Problem.warning(
                  a.article().file().toString(), 0,
                  "image \"" + url + "\": " + failure.reason()));
        }
      }
      List<String> entries = new ArrayList<>();
      mapping.forEach((url, path) -> entries.add(url + " " + path));
      if (!entries.equals(a.images())) {
        AtomicFiles.write(a.article().file(), a.withImages(entries).toText());
        updated++;
      }
    }
    return new ImportReport.ImageCounts(downloaded, failed, updated);
  }
}
