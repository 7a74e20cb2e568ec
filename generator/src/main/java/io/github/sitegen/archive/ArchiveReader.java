package io.github.sitegen.archive;

import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import io.github.sitegen.internal.StrictText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Markdown archive: every {@code *.md} file under the archive folder whose front matter
 * has at least {@code title} and {@code date} is an article; files without front matter (a
 * README) are ignored, hidden files and folders too. Thread-safe.
 *
 * <pre>{@code
 * List<Article> articles = new ArchiveReader().read(Path.of("articles"), ZoneId.of("Europe/Paris"), reporter);
 * String markdown = new ArchiveReader().body(articles.get(0));
 * }</pre>
 */
public final class ArchiveReader {

  /** Same as {@link #read(Path, ZoneId, Reporter)} with dates lacking an offset taken as UTC. */
  public List<Article> read(Path archive, Reporter reporter) throws IOException {
    return read(archive, ZoneOffset.UTC, reporter);
  }

  /**
   * Reads the front matter of every article under {@code archive}, newest first (ties broken by
   * path). A file with bad front matter is reported as {@code file:line: message} and left out. A
   * missing folder is an empty archive.
   *
   * @param zone the zone for hand-written dates without an offset ({@code date: 2024-03-05})
   */
  public List<Article> read(Path archive, ZoneId zone, Reporter reporter) throws IOException {
    return readAll(archive, zone, reporter, false).stream()
        .map(ArchivedArticle::article)
        .sorted(Article.NEWEST_FIRST)
        .toList();
  }

  /**
   * The articles (as {@link #read(Path, ZoneId, Reporter)} gives them) and the images the import
   * archived for them.
   *
   * @param articles newest first
   * @param images path in the archive ({@code images/ab/ab12….webp}) by original image URL, for
   *     the files that exist; sorted by URL
   */
  public record Listing(List<Article> articles, Map<String, String> images) {
    public Listing {
      articles = List.copyOf(articles);
      images = Collections.unmodifiableMap(new TreeMap<>(images));
    }
  }

  /**
   * Same as {@link #read(Path, ZoneId, Reporter)}, with the archived images of every article
   * (front matter {@code images:}) whose file is in the archive.
   */
  public Listing list(Path archive, ZoneId zone, Reporter reporter) throws IOException {
    return listing(archive, readAll(archive, zone, reporter, false));
  }

  /**
   * Same as {@link #list(Path, ZoneId, Reporter)}, through the {@link ArchiveIndex} kept in {@code
   * cache}: only the files changed since the last run are read, and the index is brought up to
   * date. The result is the same with or without a cache.
   *
   * @param cache the cache folder (such as {@code target/site-gen-cache}), or null for none
   * @throws IOException when the archive cannot be read or the index not written
   */
  public Listing list(Path archive, ZoneId zone, Reporter reporter, @Nullable Path cache)
      throws IOException {
    return cache == null ? list(archive, zone, reporter) : new ArchiveIndex(cache).list(archive, zone, reporter);
  }

  /** The listing of {@code all} (path order): articles newest first, images whose file exists. */
  static Listing listing(Path archive, List<ArchivedArticle> all) {
    Map<String, String> images = new TreeMap<>();
    for (ArchivedArticle a : all) {
      a.imageMap()
          .forEach(
              (url, path) -> {
                if (!images.containsKey(url) && Files.isRegularFile(archive.resolve(path))) {
                  images.put(url, path);
                }
              });
    }
    return new Listing(
        all.stream().map(ArchivedArticle::article).sorted(Article.NEWEST_FIRST).toList(), images);
  }

  /**
   * The Markdown body of an article (what follows the front matter). The front matter is skipped,
   * not parsed again: it was read when the article was listed.
   */
  public String body(Article article) throws IOException {
    String label = article.file().toString();
    String body = body(Files.readAllBytes(article.file()), label);
    if (body == null) {
      throw new SiteGenException(Problem.error(label, 1, "front matter: expected '---' on the first line"));
    }
    return body;
  }

  /**
   * The body of a file's bytes, as {@link FrontMatter#body} gives it from the file's text; null
   * when the file has no closed front matter. A file in the shape the archive writes has only its
   * body decoded: the front matter and the copy of the text after it are skipped (~2 % of a build).
   * Its front matter's bytes are then not checked again (listing the article read and checked them).
   */
  static @Nullable String body(byte[] bytes, String label) {
    int start = plainBodyStart(bytes);
    if (start < 0) {
      return FrontMatter.body(decode(bytes, 0, bytes.length, label));
    }
    String body = decode(bytes, start, bytes.length - start, label);
    // a line break in the body: the text's own CRLFs made LF, as FrontMatter does (the cut follows
    // an LF, so no CRLF straddles it)
    return body.indexOf('\r') < 0 ? body : body.replace("\r\n", "\n");
  }

  /**
   * Where the body starts in a file that opens with {@code ---} and a line feed and whose first
   * later fence line ({@code ---}, spaces or tabs, then a line feed or the end) has only line feeds
   * before it, one blank line after it skipped; -1 for any other file (a byte-order mark, a CR, a
   * NEL or a Unicode line or paragraph separator, which the text's regular expression also takes
   * for line breaks; no closing fence; a CR right after it), which is read from its text instead.
   */
  static int plainBodyStart(byte[] b) {
    int n = b.length;
    if (n < 4 || b[0] != '-' || b[1] != '-' || b[2] != '-' || b[3] != '\n') {
      return -1;
    }
    for (int i = 3; i < n; i++) {
      byte c = b[i];
      if (c == '\r'
          || c == (byte) 0xC2 && i + 1 < n && b[i + 1] == (byte) 0x85
          || c == (byte) 0xE2
              && i + 2 < n
              && b[i + 1] == (byte) 0x80
              && (b[i + 2] == (byte) 0xA8 || b[i + 2] == (byte) 0xA9)) {
        return -1;
      }
      if (c == '\n' && i + 3 < n && b[i + 1] == '-' && b[i + 2] == '-' && b[i + 3] == '-') {
        int j = i + 4;
        while (j < n && (b[j] == ' ' || b[j] == '\t')) {
          j++;
        }
        if (j == n) {
          return n; // the fence ends the file: no body
        }
        if (b[j] == '\n') {
          int start = j + 1;
          if (start < n && b[start] == '\r') {
            return -1;
          }
          return start < n && b[start] == '\n' ? start + 1 : start;
        }
        // not a fence line; a line break this scan does not know after it is met as the loop goes on
      }
    }
    return -1;
  }

  /** Every archive file in full, in path order; bad files reported and left out. */
  List<ArchivedArticle> readAll(Path archive, ZoneId zone, Reporter reporter) throws IOException {
    return readAll(archive, zone, reporter, true);
  }

  /**
   * Every archive file, in path order; bad files reported and left out. Without bodies only the
   * front matter is read from disk (the body comes back {@code ""}): listing an archive then costs
   * a few hundred bytes per article, not the whole text.
   */
  private List<ArchivedArticle> readAll(Path archive, ZoneId zone, Reporter reporter, boolean bodies)
      throws IOException {
    if (!Files.isDirectory(archive)) {
      return List.of();
    }
    // the index's walk: the same files in the same order, its top-level folders walked in parallel
    List<ArchiveIndex.Found> files = ArchiveIndex.markdownFiles(archive);
    try {
      return files.parallelStream()
          .map(f -> readOne(archive, f.file(), f.size(), zone, reporter, bodies))
          .filter(Objects::nonNull)
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The largest archive file read, in bytes (64 MiB): a larger one is reported and left out. A file
   * is read whole, at several times its size in memory, and one of hundreds of megabytes would stop
   * the build (or import) of every other article; the importer writes none over a few megabytes.
   */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  /** One file read in full or its front matter only; a problem is reported and gives null. */
  static @Nullable ArchivedArticle readOne(
      Path archive, Path file, ZoneId zone, Reporter reporter, boolean body) {
    try {
      return readOne(archive, file, Files.size(file), zone, reporter, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One file read as {@link #readOne(Path, Path, ZoneId, Reporter, boolean)} does, whose size a
   * walk of the archive has just given (one {@code stat} less per file).
   */
  static @Nullable ArchivedArticle readOne(
      Path archive, Path file, long size, ZoneId zone, Reporter reporter, boolean body) {
    String label = file.toString();
    try {
      if (size > MAX_FILE_BYTES) {
        reporter.problem(
            Problem.error(
                label,
                0,
                "left out: "
                    + size
                    + " bytes, more than the "
                    + MAX_FILE_BYTES
                    + " an archive file may have (an imported article is at most a few MB; split"
                    + " the text, or move the file out of the archive)"));
        return null;
      }
      String text = body ? readText(file, label) : readFrontMatter(file, label);
      FrontMatter.Parsed parsed = FrontMatter.parse(text, label);
      if (parsed == null) {
        return null;
      }
      String defaultId = ArchiveIndex.relativePath(archive, file);
      return ArchivedArticle.from(file, label, parsed, defaultId, zone);
    } catch (SiteGenException e) {
      reporter.problem(e.problem());
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The start of a file up to and including its front matter's closing fence line (or the whole
   * file when it has none), read in small blocks: the body is never read.
   */
  static String readFrontMatter(Path file, String label) throws IOException {
    byte[] head = new byte[4096];
    int length = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int searchFrom = 0;
      while (true) {
        if (length == head.length) {
          head = Arrays.copyOf(head, head.length * 2);
        }
        int n = in.read(head, length, head.length - length);
        if (n < 0) {
          break;
        }
        length += n;
        if (!startsWithFence(head, length)) {
          return ""; // no front matter: not an article
        }
        int end = closingFenceEnd(head, length, Math.max(searchFrom, 3));
        if (end >= 0) {
          length = end;
          break;
        }
        searchFrom = Math.max(3, length - 4); // a fence may straddle two blocks
      }
    }
    return decode(head, length, label);
  }

  private static boolean startsWithFence(byte[] b, int length) {
    int i = length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF ? 3 : 0;
    return length < i + 3 || b[i] == '-' && b[i + 1] == '-' && b[i + 2] == '-';
  }

  /** The end (after its line break) of the first later line that is exactly a fence, or -1. */
  private static int closingFenceEnd(byte[] b, int length, int from) {
    for (int i = from; i + 3 < length; i++) {
      if (b[i] == '\n' && b[i + 1] == '-' && b[i + 2] == '-' && b[i + 3] == '-') {
        int j = i + 4;
        while (j < length && (b[j] == ' ' || b[j] == '\t' || b[j] == '\r')) {
          j++;
        }
        if (j < length && b[j] == '\n') {
          return j + 1;
        }
      }
    }
    return -1;
  }

  static String readText(Path file, String label) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return decode(bytes, bytes.length, label);
  }

  static String decode(byte[] bytes, int length, String label) {
    return decode(bytes, 0, length, label);
  }

  /** The {@code length} bytes from {@code offset} as UTF-8; invalid bytes are an error. */
  static String decode(byte[] bytes, int offset, int length, String label) {
    // the JDK's own decoding is several times faster than a decoder, but replaces bad bytes with
    // U+FFFD: only a text holding one needs the strict decoder's verdict
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    @Nullable String strict = StrictText.decode(bytes, offset, length, StandardCharsets.UTF_8);
    if (strict == null) {
      throw new SiteGenException(Problem.error(label, 1, "expected UTF-8 text, found invalid bytes"));
    }
    return strict;
  }
}
