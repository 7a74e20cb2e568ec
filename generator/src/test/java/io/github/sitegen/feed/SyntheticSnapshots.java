package io.github.sitegen.feed;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A small deterministic corpus of overlapping RSS snapshots, like a cron job collects (in the spirit
 * of {@code bench/make-corpus.py}, which is Python): 80 articles in 20 files, each article in ~5 of
 * them, some edited along the way, one undated, one without a link (its relative image resolves
 * against the channel link), some with a multi-line start tag and an {@code xml:base}. Most files are plain; some are made to leave the fast path of {@link
 * FeedReader#read(Path, io.github.sitegen.Reporter, ItemMemo)} or to test its edges: CRLF line
 * ends, a DOCTYPE, a byte order mark, Latin-1, a different channel
 * link or title or namespace set, no feed date (the time from the name, or from the items), a bare
 * {@code &}, a duplicated and an empty item, an item with {@code </item>} in its CDATA, a
 * truncated file and an Atom file.
 */
public final class SyntheticSnapshots {
  /** How many snapshot files {@link #write} makes. */
  public static final int FILES = 20;

  static final int ARTICLES = 80;
  private static final Instant START = Instant.parse("2026-01-01T06:00:00Z");
  private static final DateTimeFormatter RFC822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss xx", Locale.ENGLISH);
  private static final String[] WORDS = {
    "le", "la", "des", "une", "réseau", "éolienne", "conseil", "municipal", "l’école", "vélo",
    "marché", "santé", "projet", "« rapport »", "données", "Île-de-France", "ça", "où", "été", "budget"
  };

  private SyntheticSnapshots() {}

  /**
   * Writes the snapshots into {@code dir}.
   *
   * @param reversedNames names the files so that sorting them by name gives the reverse time order
   * @return the files, in time order
   */
  public static List<Path> write(Path dir, boolean reversedNames) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (int k = 0; k < FILES; k++) {
      int n = reversedNames ? FILES - 1 - k : k;
      Instant time = START.plusSeconds(k * 12 * 3600L);
      String name =
          switch (k) {
            case 5 -> String.format(Locale.ROOT, "snap-%02d-%s.xml", n, time.toString().replace(":", ""));
            case 11 -> String.format(Locale.ROOT, "snap-%02d.atom", n);
            default -> String.format(Locale.ROOT, "snap-%02d.xml", n);
          };
      Path file = dir.resolve(name);
      Files.write(file, k == 11 ? atom(k, time) : rss(k, time));
      files.add(file);
    }
    return files;
  }

  /** The articles the snapshot of moment {@code k} shows: the 20 latest published by then. */
  private static List<Integer> window(int k) {
    List<Integer> shown = new ArrayList<>();
    int last = Math.min(ARTICLES - 1, 4 * k + 3);
    for (int a = last; a >= Math.max(0, last - 19); a--) {
      shown.add(a);
    }
    return shown;
  }

  private static Instant published(int a) {
    return START.plusSeconds(a * 3 * 3600L - 3600);
  }

  private static byte[] rss(int k, Instant time) {
    String nl = k % 4 == 1 ? "\r\n" : "\n";
    StringBuilder x = new StringBuilder();
    Charset charset = k == 12 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    x.append("<?xml version=\"1.0\" encoding=\"").append(k == 12 ? "ISO-8859-1" : "UTF-8").append("\"?>").append(nl);
    if (k == 4) {
      x.append("<!DOCTYPE rss [ <!ENTITY site \"Exemple\"> ]>").append(nl);
    }
    x.append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"")
        .append(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
        .append(k == 14 ? " xmlns:atom=\"http://www.w3.org/2005/Atom\"" : "")
        .append(">").append(nl);
    x.append("<channel>").append(nl);
    x.append("\t<title>").append(k == 8 ? "Exemple (nouveau nom)" : "Exemple Actualités").append("</title>").append(nl);
    x.append("\t<link>").append(k == 18 ? "https://example.org/ailleurs/" : "https://example.org/").append("</link>").append(nl);
    x.append("\t<description>Synthétique</description>").append(nl);
    if (k != 5 && k != 6) {
      x.append("\t<lastBuildDate>").append(RFC822.format(time.atOffset(ZoneOffset.UTC))).append("</lastBuildDate>").append(nl);
    }
    if (k == 15) {
      x.append("\t<!-- <item> is not an item in a comment </item> -->").append(nl);
    }
    List<Integer> shown = window(k);
    for (int i = 0; i < shown.size(); i++) {
      int a = shown.get(i);
      x.append(item(k, a, nl));
      if (k == 13 && i == 3) {
        x.append(item(k, a, nl)); // the same item twice
      }
      if (k == 18 && i == 5) {
        x.append("\t<item/>").append(nl);
      }
    }
    x.append("</channel>").append(nl).append("</rss>").append(nl);
    String text = x.toString();
    if (k == 19) {
      text = text.substring(0, text.length() * 2 / 3); // cut mid-file, like a failed download
    }
    byte[] bytes = text.getBytes(charset);
    if (k == 16) {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] with = new byte[bytes.length + 3];
      System.arraycopy(bom, 0, with, 0, 3);
      System.arraycopy(bytes, 0, with, 3, bytes.length);
      return with;
    }
    return bytes;
  }

  private static String item(int k, int a, String nl) {
    boolean edited = a % 11 == 0 && k >= a / 4 + 2;
    StringBuilder x = new StringBuilder();
    x.append(a % 7 == 0 ? "\t<item" + nl + "\t\txml:base=\"https://example.org/base/\">" : "\t<item>").append(nl);
    x.append("\t\t<title>").append(title(a)).append(k == 9 && a % 4 == 0 ? " & co" : "").append("</title>").append(nl);
    if (a != 62) {
      x.append("\t\t<link>https://example.org/2026/article-").append(a).append("/</link>").append(nl);
    }
    x.append("\t\t<guid isPermaLink=\"false\">https://example.org/?p=").append(1000 + a).append("</guid>").append(nl);
    if (a != 63) {
      x.append("\t\t<pubDate>").append(RFC822.format(published(a).atOffset(ZoneOffset.ofHours(1)))).append("</pubDate>").append(nl);
    }
    x.append("\t\t<dc:creator>").append(a % 3 == 0 ? "Léa Leroy" : "Marc Dubois").append("</dc:creator>").append(nl);
    x.append("\t\t<category>").append(WORDS[a % WORDS.length]).append("</category>").append(nl);
    if (edited && a % 2 == 0) {
      x.append("\t\t<category>mise à jour</category>").append(nl);
    }
    x.append("\t\t<description><![CDATA[").append(sentence(a, 1, 12)).append("]]></description>").append(nl);
    x.append("\t\t<content:encoded><![CDATA[").append(body(a, edited)).append("]]></content:encoded>").append(nl);
    x.append("\t</item>").append(nl);
    return x.toString();
  }

  private static String title(int a) {
    return sentence(a, 7, 5).replace(".", "").replace("« ", "").replace(" »", "") + " n°" + a;
  }

  private static String body(int a, boolean edited) {
    Random random = new Random(a);
    StringBuilder html = new StringBuilder();
    int paragraphs = 2 + random.nextInt(4);
    for (int p = 0; p < paragraphs; p++) {
      html.append("<p>").append(sentence(a * 31 + p, 3, 10 + random.nextInt(30)));
      if (p == 1) {
        html.append(" <a href=\"https://exemple.fr/lien-").append(a).append("\">un lien</a> et &amp; <em>du texte</em>");
      }
      html.append("</p>\n");
      if (p == 0) {
        html.append("<figure><img alt=\"photo ").append(a).append("\" src=\"/images/").append(a)
            .append(".jpg\" /><figcaption>Photo ").append(a).append("</figcaption></figure>\n");
      }
    }
    if (a == 33) {
      html.append("<p>Un exemple de flux : <code>&lt;/item&gt;</code> et </item> en clair.</p>\n");
    }
    if (edited) {
      html.append("<p><strong>Mise à jour :</strong> ").append(sentence(a + 500, 2, 15)).append("</p>\n");
    }
    return html.toString();
  }

  private static String sentence(int seed, int salt, int words) {
    Random random = new Random(seed * 7919L + salt);
    StringBuilder s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
    }
    return s.append('.').toString();
  }

  private static byte[] atom(int k, Instant time) {
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    x.append("  <title>Exemple Actualités</title>\n");
    x.append("  <link rel=\"alternate\" href=\"https://example.org/\"/>\n");
    x.append("  <id>https://example.org/</id>\n");
    x.append("  <updated>").append(time).append("</updated>\n");
    for (int a : window(k).subList(0, 6)) {
      boolean edited = a % 11 == 0 && k >= a / 4 + 2;
      x.append("  <entry>\n");
      x.append("    <title>").append(title(a)).append("</title>\n");
      x.append("    <link rel=\"alternate\" href=\"https://example.org/2026/article-").append(a).append("/\"/>\n");
      x.append("    <id>https://example.org/?p=").append(1000 + a).append("</id>\n");
      x.append("    <published>").append(published(a)).append("</published>\n");
      x.append("    <updated>").append(published(a).plusSeconds(edited ? 7200 : 0)).append("</updated>\n");
      x.append("    <content type=\"html\"><![CDATA[").append(body(a, edited)).append("]]></content>\n");
      x.append("  </entry>\n");
    }
    x.append("</feed>\n");
    return x.toString().getBytes(StandardCharsets.UTF_8);
  }
}
