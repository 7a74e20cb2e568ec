package io.github.sitegen.markdown;

import java.util.EnumSet;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.ext.autolink.internal.AutolinkPostProcessor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;

/**
 * GFM autolinks ({@code https://…}, {@code www.…}, e-mail addresses in plain text) as commonmark's
 * {@link AutolinkExtension} makes them, run only on documents whose text could hold one.
 *
 * <p>The extension looks at every character of every text node for a trigger ({@code :}, {@code
 * @}, {@code w}) through {@code CharSequence.charAt}. A link needs {@code ://}, {@code @} or {@code
 * www.} in a text node outside a link (its scanners' own preconditions), so a document without any
 * is returned as it is, and any other one goes through the extension's own post-processor,
 * unchanged: the HTML is the same either way ({@code AutolinksTest} compares them on generated
 * documents). Bodies with links but no bare URL, as most are, skip the scan: Markdown rendering
 * 5.7 % faster under the launcher's C1-only JIT (see bench/HISTORY.md, seventh round).
 */
final class Autolinks implements Extension, Parser.ParserExtension, PostProcessor {
  private final PostProcessor autolink =
      new AutolinkPostProcessor(EnumSet.allOf(AutolinkType.class));

  private Autolinks() {}

  /** The extension, to register in place of {@link AutolinkExtension#create()}. */
  static Extension create() {
    return new Autolinks();
  }

  @Override
  public void extend(Parser.Builder parserBuilder) {
    parserBuilder.postProcessor(this);
  }

  @Override
  public Node process(Node document) {
    return mayHoldLinks(document) ? autolink.process(document) : document;
  }

  /** Whether a text node under {@code node}, and not inside a link, could hold an autolink. */
  static boolean mayHoldLinks(Node node) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof Text text) {
        if (mayHoldLink(text.getLiteral())) {
          return true;
        }
      } else if (!(child instanceof Link) && mayHoldLinks(child)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mayHoldLink(String text) {
    return text.indexOf('@') >= 0 || text.contains("://") || text.contains("www.");
  }
}
