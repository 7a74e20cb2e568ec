package io.github.sitegen.images;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;

/** The image URLs an article refers to. */
public final class ImageReferences {
  private static final Parser PARSER = Parser.builder().build();

  private ImageReferences() {}

  /**
   * The http(s) URLs of an article's lead image and of every image in its Markdown body, parsed
   * with CommonMark (so a URL in code or in plain text is not an image), in order of appearance,
   * each once. Relative and {@code data:} URLs are left out.
   */
  public static List<String> of(String leadImage, String markdown) {
    Set<String> urls = new LinkedHashSet<>();
    add(urls, leadImage);
    PARSER.parse(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Image image) {
                add(urls, image.getDestination());
                visitChildren(image);
              }
            });
    return new ArrayList<>(urls);
  }

  private static void add(Set<String> urls, String url) {
    String u = url.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      urls.add(u);
    }
  }
}
