package io.github.sitegen.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.located.Located;
import org.jspecify.annotations.Nullable;

/**
 * Reads a feed that Rome cannot read whole one item at a time, so that an item Rome chokes on
 * (Rome 2.1.0 throws {@code ArrayIndexOutOfBoundsException} on some Atom 0.3 base64 content)
 * costs only itself. Linear: each item is attached alone to the otherwise empty feed.
 *
 * @param feed the feed read without its items
 * @param entries the entries Rome could read, in file order
 * @param elements the element each entry was read from
 */
record ItemByItem(SyndFeed feed, List<SyndEntry> entries, List<@Nullable Element> elements) {

  /** The readable items, or null when the failure is not in the items (the feed itself). */
  static @Nullable ItemByItem read(String fileName, Document document, Reporter reporter) {
    Element root = document.getRootElement();
    List<Element> items = FeedReader.itemElements(root);
    if (items.isEmpty()) {
      return null;
    }
    List<Element> parents = items.stream().map(Element::getParentElement).toList();
    List<Integer> positions = new ArrayList<>();
    for (int i = items.size() - 1; i >= 0; i--) {
      positions.add(0, parents.get(i).indexOf(items.get(i)));
      items.get(i).detach();
    }
    try {
      SyndFeed feed;
      try {
        feed = FeedReader.toSyndFeed(fileName, document);
      } catch (SiteGenException | StackOverflowError e) {
        return null;
      }
      List<SyndEntry> entries = new ArrayList<>();
      List<@Nullable Element> elements = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        Element item = items.get(i);
        parents.get(i).addContent(item);
        try {
          List<SyndEntry> one = FeedReader.toSyndFeed(fileName, document).getEntries();
          if (one.size() == 1) {
            entries.add(one.get(0));
            elements.add(item);
          }
        } catch (SiteGenException | StackOverflowError e) {
          String why =
              e instanceof SiteGenException s ? s.problem().message() : "nested too deeply";
          reporter.problem(
              Problem.error(
                  fileName,
                  item instanceof Located located ? Math.max(located.getLine(), 0) : 0,
                  "item " + (i + 1) + " skipped: " + why));
        } finally {
          item.detach();
        }
      }
      return new ItemByItem(feed, entries, elements);
    } finally {
      // put the items back where they were: xml:base and namespaces are inherited from there
      for (int i = 0; i < items.size(); i++) {
        parents.get(i).addContent(Math.min(positions.get(i), parents.get(i).getContentSize()), items.get(i));
      }
    }
  }
}
