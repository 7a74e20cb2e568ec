package io.github.sitegen.feed;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.MediaGroup;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndPerson;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.located.Located;
import org.jspecify.annotations.Nullable;

/**
 * Turns one Rome entry (with the JDOM element it was parsed from, when known) into a {@link
 * FeedItem}. Rome's {@code SyndEntry} already unifies most of RSS and Atom; the wire entry gives
 * what it blurs (the guid, which Rome replaces with the link when missing).
 */
final class EntryConverter {

  private static final Namespace RDF =
      Namespace.getNamespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

  private EntryConverter() {}

  /**
   * @param element the {@code <item>}/{@code <entry>} element, for its line and {@code xml:base};
   *     null when it could not be matched with the entry
   * @param feedLink the feed's link, the last resort for the base URI
   */
  static FeedItem convert(SyndEntry entry, @Nullable Element element, String feedLink) {
    Object wire = entry.getWireEntry();

    @Nullable OffsetDateTime published = utc(entry.getPublishedDate());
    @Nullable OffsetDateTime updated = utc(entry.getUpdatedDate());
    if (published == null) {
      published = updated; // Atom: published is optional, updated is not
      updated = null;
    } else if (updated != null && updated.toInstant().equals(published.toInstant())) {
      updated = null;
    }

    String link = text(entry.getLink());
    String title;
    String summaryHtml;
    List<String> contents;
    if (wire instanceof Entry atom) {
      // the wire entry keeps Atom's content types, which SyndContent loses for Atom 0.3
      title = atomText(atom.getTitleEx());
      summaryHtml = html(atom.getSummary());
      contents = atom.getContents().stream().map(EntryConverter::html).toList();
    } else {
      title = PlainText.ofRssText(text(entry.getTitle()));
      summaryHtml = entry.getDescription() == null ? "" : text(entry.getDescription().getValue());
      contents = entry.getContents().stream().map(content -> text(content.getValue())).toList();
    }
    String contentHtml =
        contents.stream().filter(html -> !html.isEmpty()).findFirst().orElse(summaryHtml);

    return new FeedItem(
        guid(wire, element),
        link,
        title,
        published,
        updated,
        authors(entry),
        categories(entry),
        summaryHtml,
        contentHtml,
        baseUri(element, link, feedLink),
        image(entry),
        element instanceof Located located ? Math.max(located.getLine(), 0) : 0);
  }

  /**
   * RSS {@code guid} (RSS 0.90/1.0: {@code rdf:about}), Atom {@code id}; never the link, which is
   * what Rome's {@code SyndEntry.getUri()} falls back to.
   */
  private static String guid(Object wire, @Nullable Element element) {
    if (wire instanceof Entry entry) {
      return text(entry.getId());
    }
    if (wire instanceof Item item && item.getGuid() != null) {
      return text(item.getGuid().getValue());
    }
    return element == null ? "" : text(element.getAttributeValue("about", RDF));
  }

  /** An Atom text construct as plain text. */
  static String atomText(@Nullable Content text) {
    if (text == null || text.getValue() == null) {
      return "";
    }
    return isHtml(text.getType())
        ? PlainText.ofHtml(text.getValue())
        : PlainText.ofText(text.getValue());
  }

  /**
   * An Atom text construct or content as HTML: {@code text}/{@code text/plain} (the default) is
   * escaped, {@code html}/{@code xhtml} kept, anything else (a base64 image, {@code src}
   * content...) has no HTML form.
   */
  private static String html(@Nullable Content content) {
    if (content == null || content.getValue() == null) {
      return "";
    }
    String value = content.getValue().strip();
    String type = content.getType() == null ? "text" : content.getType().toLowerCase(Locale.ROOT);
    if (isHtml(type)) {
      return value;
    }
    return type.equals("text") || type.startsWith("text/") ? escape(value) : "";
  }

  private static boolean isHtml(@Nullable String type) {
    if (type == null) {
      return false;
    }
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "html", "xhtml", "text/html", "application/xhtml+xml" -> true;
      default -> false;
    };
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** Atom authors, {@code dc:creator}s and the RSS {@code author}, in that order, once each. */
  private static List<String> authors(SyndEntry entry) {
    Set<String> names = new LinkedHashSet<>();
    for (SyndPerson person : entry.getAuthors()) {
      names.add(text(person.getName()));
    }
    if (entry.getModule(DCModule.URI) instanceof DCModule dc) {
      dc.getCreators().forEach(creator -> names.add(text(creator)));
    }
    if (entry.getWireEntry() instanceof Item item) {
      names.add(text(item.getAuthor()));
    }
    names.remove("");
    return List.copyOf(names);
  }

  private static List<String> categories(SyndEntry entry) {
    return entry.getCategories().stream()
        .map(SyndCategory::getName)
        .map(EntryConverter::text)
        .filter(name -> !name.isEmpty())
        .distinct()
        .toList();
  }

  /**
   * The first absolute http(s) URI of: the {@code xml:base} in force on the Atom {@code content}
   * (else on the item), the item's link, the feed's link. Other schemes ({@code javascript:}...)
   * are never a base.
   */
  private static String baseUri(@Nullable Element element, String link, String feedLink) {
    List<String> candidates = new ArrayList<>();
    if (element != null) {
      Element content = element.getChild("content", element.getNamespace());
      candidates.add(xmlBase(content != null ? content : element));
    }
    candidates.add(link);
    candidates.add(feedLink);
    return candidates.stream().filter(EntryConverter::isWebUri).findFirst().orElse("");
  }

  private static String xmlBase(Element element) {
    try {
      URI base = element.getXMLBaseURI();
      return base == null ? "" : base.toString();
    } catch (URISyntaxException e) {
      return ""; // a malformed xml:base is ignored, the link is the next best base
    }
  }

  private static boolean isWebUri(String uri) {
    try {
      URI parsed = new URI(uri);
      String scheme = parsed.getScheme();
      return parsed.isAbsolute()
          && parsed.getHost() != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * The first of: a {@code media:content} image, a {@code media:thumbnail}, an enclosure (RSS
   * {@code enclosure}, Atom {@code link rel="enclosure"}) of an image type.
   */
  private static String image(SyndEntry entry) {
    List<MediaEntryModule> media =
        entry.getModules().stream()
            .filter(MediaEntryModule.class::isInstance)
            .map(MediaEntryModule.class::cast)
            .toList();
    Stream<String> contents =
        media.stream()
            .flatMap(EntryConverter::mediaContents)
            .filter(EntryConverter::isImage)
            .map(
                content ->
                    content.getReference() instanceof UrlReference url
                        ? String.valueOf(url.getUrl())
                        : "");
    Stream<String> thumbnails =
        media.stream()
            .flatMap(
                module ->
                    Stream.concat(
                        Stream.of(module.getMetadata()),
                        mediaContents(module).map(MediaContent::getMetadata)))
            .filter(Objects::nonNull)
            .flatMap(EntryConverter::thumbnails)
            .map(thumbnail -> String.valueOf(thumbnail.getUrl()));
    Stream<String> enclosures =
        entry.getEnclosures().stream()
            .filter(enclosure -> isImageType(enclosure.getType()))
            .map(SyndEnclosure::getUrl);
    return Stream.of(contents, thumbnails, enclosures)
        .flatMap(urls -> urls)
        .map(EntryConverter::text)
        .filter(url -> !url.isEmpty() && !url.equals("null"))
        .findFirst()
        .orElse("");
  }

  /** Top-level {@code media:content}s, then those inside {@code media:group}s. */
  private static Stream<MediaContent> mediaContents(MediaEntryModule module) {
    Stream<MediaContent> grouped =
        Stream.of(nonNull(module.getMediaGroups(), new MediaGroup[0]))
            .flatMap(group -> Stream.of(nonNull(group.getContents(), new MediaContent[0])));
    return Stream.concat(
        Stream.of(nonNull(module.getMediaContents(), new MediaContent[0])), grouped);
  }

  private static Stream<Thumbnail> thumbnails(Metadata metadata) {
    return Stream.of(nonNull(metadata.getThumbnail(), new Thumbnail[0]));
  }

  private static boolean isImage(MediaContent content) {
    return "image".equalsIgnoreCase(text(content.getMedium())) || isImageType(content.getType());
  }

  private static boolean isImageType(@Nullable String type) {
    return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("image/");
  }

  private static <T> T nonNull(@Nullable T value, T fallback) {
    return value != null ? value : fallback;
  }

  private static @Nullable OffsetDateTime utc(@Nullable Date date) {
    return date == null ? null : FeedDates.holdable(date.toInstant().atOffset(ZoneOffset.UTC));
  }

  static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }
}
