package io.github.sitegen.bench;

import io.github.sitegen.markdown.HtmlToMarkdown;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HTML to Markdown throughput on article-sized documents. Each benchmark also counts the bytes of
 * HTML (UTF-8) it converted: JMH reports them as {@code bytes} per second, the MB/s figure. Run on
 * one core: {@code bench/jmh.sh HtmlToMarkdownBench -f 1 -wi 3 -i 5 -t 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HtmlToMarkdownBench {

  private static final String[] NEXT_FIXTURES = {
    "next-222801-breve-flux-rss.html",
    "next-222874-test-vps.html",
    "next-222889-breve-mistral.html",
    "next-222905-pape-ia.html",
    "next-222947-grok.html"
  };

  private final HtmlToMarkdown converter = new HtmlToMarkdown();
  private final List<String> nextArticles = new ArrayList<>();
  private long nextBytes;
  private String synthetic = "";
  private long syntheticBytes;

  /** Bytes of HTML converted, reported per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Bytes {
    public long bytes;
  }

  @Setup(Level.Trial)
  public void load() {
    for (String name : NEXT_FIXTURES) {
      String html = resource("/markdown/" + name);
      nextArticles.add(html);
      nextBytes += html.getBytes(StandardCharsets.UTF_8).length;
    }
    synthetic = syntheticArticle(50_000);
    syntheticBytes = synthetic.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The five Next articles of the test fixtures (18 KB of HTML), one document each. */
  @Benchmark
  public int nextArticles(Bytes counter) {
    int length = 0;
    for (String html : nextArticles) {
      length += converter.convert(html, "https://next.ink/").length();
    }
    counter.bytes += nextBytes;
    return length;
  }

  /** One synthetic ~50 KB article mixing everything a feed carries. */
  @Benchmark
  public String syntheticArticle(Bytes counter) {
    counter.bytes += syntheticBytes;
    return converter.convert(synthetic, "https://news.example.com/2026/02/05/article/");
  }

  /**
   * A WordPress-like article of at least {@code size} characters: paragraphs with links, emphasis
   * and French typography, headings, figures, lists, a table, a quote, code.
   */
  public static String syntheticArticle(int size) {
    StringBuilder sb = new StringBuilder(size + 4096);
    int i = 0;
    while (sb.length() < size) {
      sb.append("<h2 class=\"wp-block-heading\">Partie ").append(i).append(" : le contexte</h2>\n");
      sb.append("<p>Le gouvernement a présenté <strong>mardi</strong> son <a href=\"/projet-")
          .append(i)
          .append(
              "\">projet de décret</a>, qui entrera en vigueur le 1<sup>er</sup> janvier&nbsp;;")
          .append(" selon l’Arcom, «&nbsp;<em>rien ne change</em>&nbsp;» pour 81,4&nbsp;% des")
          .append(
              " utilisateurs. Les prix passent de 10 à 12&nbsp;€ (*hors taxes*), soit 20 %.</p>\n");
      sb.append(
              "<figure class=\"wp-block-image size-large\"><img decoding=\"async\" width=\"1024\"")
          .append(" height=\"576\" src=\"https://next.ink/wp-content/uploads/2026/02/image-")
          .append(i)
          .append(".webp\" alt=\"Une illustration\" class=\"wp-image-1\" loading=\"lazy\" />")
          .append("<figcaption class=\"wp-element-caption\">Crédits&nbsp;: Next</figcaption>")
          .append("</figure>\n");
      sb.append("<ul class=\"wp-block-list\"><li>Premier point&nbsp;;</li><li>deuxième point,")
          .append(" <code>avec_du_code</code>&nbsp;;</li><li>dernier point.<ul><li>Sous-point")
          .append("</li></ul></li></ul>\n");
      sb.append("<blockquote class=\"wp-block-quote\"><p>Nous ne commentons pas.</p>")
          .append("<cite>Un porte-parole</cite></blockquote>\n");
      sb.append("<table><thead><tr><th>Offre</th><th style=\"text-align:right\">Prix</th></tr>")
          .append("</thead><tbody><tr><td>VPS-1</td><td>5&nbsp;€</td></tr><tr><td>CX23 | IPv6")
          .append("</td><td>4,5&nbsp;€</td></tr></tbody></table>\n");
      sb.append("<pre class=\"wp-block-code\"><code class=\"language-bash\">sudo apt install")
          .append(" restic &amp;&amp; restic init\n</code></pre>\n");
      sb.append("<p><strong>Note :</strong>Texte collé, <span class=\"x\">un span</span> et un")
          .append(" pixel<img src=\"https://stats.example.com/p.gif\" width=\"1\" height=\"1\">.")
          .append("</p>\n");
      i++;
    }
    return sb.toString();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlToMarkdownBench.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }
}
