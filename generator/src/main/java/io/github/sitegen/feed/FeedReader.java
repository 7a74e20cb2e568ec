package io.github.sitegen.feed;

import static java.util.Objects.requireNonNull;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.DateParser;
import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.located.Located;
import org.jspecify.annotations.Nullable;

/**
 * Reads one snapshot file (RSS 0.9x/1.0/2.0, Atom 0.3/1.0) with Rome like a forgiving feed reader:
 * broken XML, encodings and shapes Rome cannot read are repaired and reported (see {@code
 * XmlDocumentReader}), a DOCTYPE is never processed (no DTD fetch, no entity expansion: XXE and
 * entity bombs cannot happen), an item Rome chokes on costs only itself. Immutable and
 * thread-safe; every call uses its own parser.
 *
 * <pre>{@code
 * Snapshot snapshot = new FeedReader().read(Path.of("snapshots/next-2026-02-05T1700.rss.xml"), reporter);
 * }</pre>
 *
 * <p>The snapshot time is, in this order: the feed's own date (RSS {@code lastBuildDate}, else the
 * channel's {@code pubDate} or {@code dc:date}; Atom feed {@code updated}); else a timestamp in the
 * file name ({@code next-2026-02-05T1700.rss.xml}, {@code feed-20260205T160000Z.xml}, {@code
 * feed-2026-02-05T16:00:00Z.xml}; a name without a zone is read as UTC, the zone the snapshot goal
 * names its files in); else the newest item date; else the file's last-modified time.
 */
public final class FeedReader {

  /**
   * What the bytes of a response that is obviously no feed hold, from their start: {@code "an empty
   * file"}, {@code "json (json feed is not supported)"} or {@code "an html page"}; null when they
   * may be a feed. {@link #read} refuses such a file with the same words; a client fetching
   * snapshots should not save one (an error or a bot-check page sent with status 200).
   */
  public static @Nullable String obviouslyNoFeed(byte[] bytes) {
    return XmlDocumentReader.obviousNonXml(requireNonNull(bytes, "bytes"));
  }

  /**
   * The words {@link #read} refuses a file with when it finds {@code found} ({@link
   * #obviouslyNoFeed}'s answer, or what else stands where the feed's root element should) instead
   * of a feed.
   */
  public static String notAFeed(String found) {
    return "not a feed: expected rss or atom xml, found " + found;
  }

  /**
   * Reads a snapshot file. Repairs, refused DOCTYPEs and problems with single items are sent to
   * {@code reporter} ({@code file:line: message}); an unusable item is left out, the other items
   * still come back.
   *
   * @param file the snapshot file; messages name it as given (not made absolute)
   * @return the feed's items in file order; an empty list when the feed has no item
   * @throws io.github.sitegen.SiteGenException when the file is not a feed at all (empty, JSON, an
   *     HTML page, no element left after repairs, an unknown root element, or Rome gives up on the
   *     feed itself), as {@code file:line: message}
   * @throws IOException when the file cannot be read
   */
  public Snapshot read(Path file, Reporter reporter) throws IOException {
    requireNonNull(file, "file");
    requireNonNull(reporter, "reporter");
    return read(file, Files.readAllBytes(file), reporter).snapshot();
  }

  /**
   * Reads a snapshot file like {@link #read(Path, Reporter)}, with the same result and the same
   * problems, but parses only the items {@code memo} does not know yet: a cheap pre-scan splits a
   * plain RSS or Atom file into items and an item seen byte for byte in an earlier file of the run
   * (in the same context) is taken from the memo. Anything the pre-scan is not sure about (another
   * encoding, a DOCTYPE, a prefixed root, a file that needs repairs or reports any problem) is read
   * the ordinary way, whole.
   *
   * @param memo the items this run has read so far; the file's new items are added to it
   */
  public Snapshot read(Path file, Reporter reporter, ItemMemo memo) throws IOException {
    return read(file, reporter, memo, key -> false).snapshot();
  }

  /**
   * A snapshot read with the items its reader already has left out.
   *
   * @param snapshot the feed (its time, title and link as a whole read gives them) and the items
   *     read, in file order, without those left out
   * @param keys the key of each item of {@code snapshot}, in order; empty when the file was read
   *     whole without telling its items apart (then nothing was left out)
   * @param left the keys of the items left out, in file order
   */
  public record Sifted(Snapshot snapshot, List<ItemMemo.Key> keys, List<ItemMemo.Key> left) {
    public Sifted {
      requireNonNull(snapshot, "snapshot");
      keys = List.copyOf(keys);
      left = List.copyOf(left);
    }
  }

  /**
   * Reads a snapshot file like {@link #read(Path, Reporter, ItemMemo)}, leaving out, unparsed, the
   * items {@code leave} accepts (their keys in {@link Sifted#left}). Items are left out only where
   * the pre-scan is sure of them and the rest of the file reads without any problem, and the
   * snapshot's time does not come from its items; else the file is read whole, as always, and
   * nothing is left out.
   *
   * @param leave which items the caller already has (by their bytes in their context)
   */
  public Sifted read(Path file, Reporter reporter, ItemMemo memo, Predicate<ItemMemo.Key> leave)
      throws IOException {
    requireNonNull(file, "file");
    requireNonNull(reporter, "reporter");
    requireNonNull(memo, "memo");
    requireNonNull(leave, "leave");
    memo.fileRead();
    byte[] bytes = Files.readAllBytes(file);
    @Nullable ItemSpans spans = ItemSpans.scanWithoutLines(bytes);
    if (spans == null || spans.items().isEmpty()) {
      return whole(read(file, bytes, reporter).snapshot());
    }
    ItemMemo.Key[] keys = ItemMemo.keys(bytes, spans);
    ItemMemo.@Nullable Known[] known = new ItemMemo.Known[keys.length];
    boolean[] left = new boolean[keys.length];
    int[] knownLineBreaks = new int[keys.length];
    int hits = 0;
    for (int i = 0; i < keys.length; i++) {
      left[i] = leave.test(keys[i]);
      ItemMemo.@Nullable Known k = left[i] ? null : memo.get(keys[i]);
      known[i] = k;
      hits += k == null && !left[i] ? 0 : 1;
      knownLineBreaks[i] = k == null ? -1 : k.lineBreaks();
    }
    // the lines of known items are not counted again: their bytes are those counted before
    List<ItemSpans.Span> spanList = spans.withLines(bytes, knownLineBreaks).items();
    Read read;
    List<Problem> problems = new ArrayList<>();
    if (hits == 0) {
      // nothing to skip: this is the ordinary read; it only has to say whether it was clean
      read = read(file, bytes, p -> {
        problems.add(p);
        reporter.problem(p);
      });
      if (problems.isEmpty() && fits(read, spanList, known, left)) {
        rememberAll(memo, keys, known, left, spanList, read.snapshot());
        return new Sifted(read.snapshot(), List.of(keys), List.of());
      }
      return whole(read.snapshot());
    }
    try {
      read = read(file, withoutKnown(bytes, spanList, known, left), problems::add);
    } catch (SiteGenException e) {
      return whole(read(file, bytes, reporter).snapshot());
    }
    if (!problems.isEmpty() || read.timeFromItems() || !fits(read, spanList, known, left)) {
      return whole(read(file, bytes, reporter).snapshot()); // not sure: read it whole, as always
    }
    List<FeedItem> items = new ArrayList<>(keys.length);
    List<ItemMemo.Key> itemKeys = new ArrayList<>(keys.length);
    List<ItemMemo.Key> leftKeys = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < keys.length; i++) {
      ItemMemo.@Nullable Known k = known[i];
      if (left[i]) {
        leftKeys.add(keys[i]);
        continue;
      }
      items.add(k == null ? read.snapshot().items().get(next++) : atLine(k.item(), spanList.get(i).line() + k.lineOffset()));
      itemKeys.add(keys[i]);
    }
    rememberAll(memo, keys, known, left, spanList, read.snapshot());
    Snapshot parsed = read.snapshot();
    return new Sifted(
        new Snapshot(file, parsed.time(), parsed.feedTitle(), parsed.feedLink(), items), itemKeys, leftKeys);
  }

  /** A file read whole: every item, none told apart. */
  private static Sifted whole(Snapshot snapshot) {
    return new Sifted(snapshot, List.of(), List.of());
  }

  /**
   * Whether the items read are exactly the unknown spans, each on a line inside its span, read
   * plainly (not item by item), and the known items were read with the same feed link.
   */
  private static boolean fits(
      Read read, List<ItemSpans.Span> spans, ItemMemo.@Nullable Known[] known, boolean[] left) {
    if (!read.plain()) {
      return false;
    }
    List<FeedItem> items = read.snapshot().items();
    int next = 0;
    for (int i = 0; i < known.length; i++) {
      ItemMemo.@Nullable Known k = known[i];
      if (left[i]) {
        continue;
      }
      if (k != null) {
        if (!k.feedLink().equals(read.snapshot().feedLink())) {
          return false;
        }
        continue;
      }
      if (next >= items.size() || items.get(next).line() < spans.get(i).line()
          || i + 1 < spans.size() && items.get(next).line() > spans.get(i + 1).line()) {
        return false;
      }
      next++;
    }
    return next == items.size();
  }

  private static void rememberAll(
      ItemMemo memo,
      ItemMemo.Key[] keys,
      ItemMemo.@Nullable Known[] known,
      boolean[] left,
      List<ItemSpans.Span> spans,
      Snapshot read) {
    int next = 0;
    for (int i = 0; i < keys.length; i++) {
      if (known[i] == null && !left[i]) {
        FeedItem item = read.items().get(next++);
        ItemSpans.Span span = spans.get(i);
        memo.remember(
            keys[i], new ItemMemo.Known(atLine(item, 0), item.line() - span.line(), read.feedLink(), span.lineBreaks()));
      }
    }
  }

  /**
   * The bytes with each known item replaced by as many line feeds as it has line breaks, so that
   * the lines of everything else stay true.
   */
  private static byte[] withoutKnown(
      byte[] bytes, List<ItemSpans.Span> spans, ItemMemo.@Nullable Known[] known, boolean[] left) {
    int length = bytes.length;
    for (int i = 0; i < spans.size(); i++) {
      if (known[i] != null || left[i]) {
        ItemSpans.Span span = spans.get(i);
        length -= span.end() - span.start() - span.lineBreaks();
      }
    }
    byte[] out = new byte[length];
    int from = 0;
    int to = 0;
    for (int i = 0; i < spans.size(); i++) {
      if (known[i] == null && !left[i]) {
        continue;
      }
      ItemSpans.Span span = spans.get(i);
      System.arraycopy(bytes, from, out, to, span.start() - from);
      to += span.start() - from;
      java.util.Arrays.fill(out, to, to + span.lineBreaks(), (byte) '\n');
      to += span.lineBreaks();
      from = span.end();
    }
    System.arraycopy(bytes, from, out, to, bytes.length - from);
    return out;
  }

  private static FeedItem atLine(FeedItem item, int line) {
    return new FeedItem(
        item.guid(), item.link(), item.title(), item.published(), item.updated(), item.authors(),
        item.categories(), item.summaryHtml(), item.contentHtml(), item.baseUri(), item.image(), line);
  }

  /**
   * A file read.
   *
   * @param plain true when Rome read the feed whole and every entry was matched with its element
   * @param timeFromItems true when the snapshot time comes from the items (the feed and the file
   *     name give none)
   */
  private record Read(Snapshot snapshot, boolean plain, boolean timeFromItems) {}

  private Read read(Path file, byte[] bytes, Reporter reporter) throws IOException {
    String fileName = file.toString();
    try {
      return read(file, fileName, bytes, reporter);
    } catch (StackOverflowError e) {
      // a pathologically deep document: an Error, so turned into a problem here, per file
      throw new SiteGenException(
          Problem.error(fileName, 0, "not a readable feed: elements nested too deeply"));
    }
  }

  private Read read(Path file, String fileName, byte[] bytes, Reporter reporter)
      throws IOException {
    Document document = XmlDocumentReader.read(fileName, bytes, reporter);
    repairRoot(fileName, document, reporter);
    SyndFeed feed;
    List<SyndEntry> entries;
    List<@Nullable Element> elements;
    boolean plain;
    try {
      // the items' dates are read from their text below: Rome need not parse each with its
      // masks (5% of a first import), and is asked only for the dates FeedDates cannot read
      List<Detached> dates = detachItemDates(document.getRootElement());
      try {
        feed = toSyndFeed(fileName, document);
      } finally {
        reattach(dates);
      }
      entries = feed.getEntries();
      List<Element> itemElements = itemElements(document.getRootElement());
      plain = itemElements.size() == entries.size();
      elements = new ArrayList<>(itemElements.size());
      for (int i = 0; i < entries.size(); i++) {
        elements.add(itemElements.size() == entries.size() ? itemElements.get(i) : null);
      }
    } catch (SiteGenException | StackOverflowError e) {
      // Rome reads a feed whole: one bad item would cost every other. Read them one by one.
      @Nullable ItemByItem read = ItemByItem.read(fileName, document, reporter);
      if (read == null) {
        throw e;
      }
      feed = read.feed();
      entries = read.entries();
      elements = read.elements();
      plain = false;
    }

    String feedLink = feedLink(feed);
    List<FeedItem> items = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      @Nullable Element element = elements.get(i);
      try {
        items.add(withOwnDates(fileName, i, EntryConverter.convert(entries.get(i), element, feedLink), element, reporter));
      } catch (RuntimeException | StackOverflowError e) {
        int line = element instanceof Located located ? Math.max(located.getLine(), 0) : 0;
        reporter.problem(
            Problem.error(
                fileName, line, "item " + (i + 1) + " skipped: cannot read it (" + e + ")"));
      }
    }
    Optional<Instant> time = feedDate(feed);
    if (time.isEmpty()) {
      time =
          FileNameTimestamp.parse(String.valueOf(file.getFileName()))
              .filter(t -> FeedDates.holdable(t.atOffset(ZoneOffset.UTC)) != null);
    }
    boolean timeFromItems = time.isEmpty();
    Instant snapshotTime =
        time.isPresent() ? time.get() : timeFromItems(file, fileName, items, reporter);
    return new Read(new Snapshot(file, snapshotTime, title(feed), feedLink, items), plain, timeFromItems);
  }

  /**
   * The item with its dates read by {@link FeedDates} from the element's own text when it can
   * (Rome misreads fractions of a second and gives up on common forms), else Rome's; a date that
   * neither can read is reported and the item left undated.
   */
  private static FeedItem withOwnDates(
      String fileName, int index, FeedItem item, @Nullable Element element, Reporter reporter) {
    if (element == null) {
      return item;
    }
    String publishedText = childText(element, DATE_NAMES);
    String updatedText =
        element.getChild("published", element.getNamespace()) != null
                || element.getChild("issued", element.getNamespace()) != null
            ? childText(element, List.of("updated", "modified"))
            : "";
    @Nullable OffsetDateTime published = date(publishedText);
    if (published == null) {
      published = item.published(); // read by Rome (items read one by one)
    }
    if (published == null) {
      // as Rome's entry gave it: another of the item's dates (an Atom entry's updated)
      for (String name : DATE_NAMES) {
        published = date(childText(element, List.of(name)));
        if (published != null) {
          break;
        }
      }
    }
    @Nullable OffsetDateTime updated = date(updatedText);
    if (updated == null) {
      updated = item.updated();
    }
    if (published == null && !publishedText.isEmpty()) {
      reporter.problem(
          Problem.warning(
              fileName,
              item.line(),
              "item " + (index + 1) + ": expected a date, found \"" + publishedText + "\"; left undated"));
    }
    if (updated != null && published != null && updated.toInstant().equals(published.toInstant())) {
      updated = null;
    }
    if (java.util.Objects.equals(published, item.published())
        && java.util.Objects.equals(updated, item.updated())) {
      return item;
    }
    return new FeedItem(
        item.guid(), item.link(), item.title(), published, updated, item.authors(),
        item.categories(), item.summaryHtml(), item.contentHtml(), item.baseUri(), item.image(),
        item.line());
  }

  /** The names of the item elements that hold dates, in the order they are looked for. */
  private static final List<String> DATE_NAMES =
      List.of("pubDate", "published", "issued", "date", "updated", "modified", "created");

  /** A date element taken out of its item while Rome reads the feed, and where it was. */
  private record Detached(Element item, int index, Element date) {}

  /** Takes every item's date elements out of the document (last first), to {@link #reattach}. */
  private static List<Detached> detachItemDates(Element root) {
    List<Detached> detached = new ArrayList<>();
    for (Element item : itemElements(root)) {
      List<org.jdom2.Content> content = item.getContent();
      for (int i = content.size() - 1; i >= 0; i--) {
        if (content.get(i) instanceof Element child && DATE_NAMES.contains(child.getName())) {
          detached.add(new Detached(item, i, child));
        }
      }
    }
    for (Detached d : detached) {
      d.date().detach();
    }
    return detached;
  }

  /** Puts the date elements back where they were. */
  private static void reattach(List<Detached> detached) {
    for (int k = detached.size() - 1; k >= 0; k--) {
      Detached d = detached.get(k);
      d.item().addContent(d.index(), d.date());
    }
  }

  /** A date as {@link FeedDates} reads it, else as Rome does (as its parsers would have); null. */
  private static @Nullable OffsetDateTime date(String text) {
    if (text.isEmpty()) {
      return null;
    }
    Optional<OffsetDateTime> own = FeedDates.parse(text);
    if (own.isPresent()) {
      return own.get();
    }
    Date rome = DateParser.parseDate(text, Locale.US);
    return rome == null ? null : FeedDates.holdable(rome.toInstant().atOffset(ZoneOffset.UTC));
  }

  /** The text of the first child (any namespace) with one of the names, {@code ""} when none. */
  private static String childText(Element element, List<String> names) {
    for (String name : names) {
      for (Element child : element.getChildren()) {
        if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
          return child.getTextTrim();
        }
      }
    }
    return "";
  }

  /**
   * Shapes Rome cannot read but a forgiving reader can: an {@code <rss>} without {@code
   * <channel>} (its children are read as the channel), an RSS version Rome does not know (read as
   * 2.0), a bare {@code <channel>} root (read as RSS 2.0).
   */
  private static void repairRoot(String fileName, Document document, Reporter reporter) {
    Element root = document.getRootElement();
    int line = root instanceof Located located ? Math.max(located.getLine(), 0) : 0;
    if (root.getName().equals("channel") && root.getNamespace().equals(Namespace.NO_NAMESPACE)) {
      Element rss = new Element("rss").setAttribute("version", "2.0");
      document.setRootElement(rss);
      rss.addContent(root);
      reporter.problem(
          Problem.warning(
              fileName, line, "repaired: expected an <rss> root element, found <channel>; read as rss 2.0"));
      root = rss;
    }
    if (root.getName().equals("RDF") && root.getChild("channel", root.getNamespace("")) == null) {
      // RSS 0.90/1.0 without a channel: an empty feed
      root.addContent(0, new Element("channel", root.getNamespace("")));
      reporter.problem(
          Problem.info(fileName, line, "expected a <channel> in <rdf:RDF>, found none; no items"));
      return;
    }
    if (!root.getName().equals("rss")) {
      return;
    }
    if (root.getChild("channel", root.getNamespace()) == null && root.getChildren().isEmpty()) {
      root.addContent(new Element("channel", root.getNamespace()));
      reporter.problem(Problem.info(fileName, line, "empty <rss>: no channel, no items"));
    } else if (root.getChild("channel", root.getNamespace()) == null) {
      Element channel = new Element("channel", root.getNamespace());
      List<org.jdom2.Content> children = new ArrayList<>(root.getContent());
      children.forEach(org.jdom2.Content::detach);
      channel.addContent(children);
      root.addContent(channel);
      reporter.problem(
          Problem.warning(
              fileName,
              line,
              "repaired: expected a <channel> in <rss>, found none; its content read as the channel"));
    }
    String version = root.getAttributeValue("version");
    if (version != null && !KNOWN_RSS_VERSIONS.contains(version.strip())) {
      root.setAttribute("version", "2.0");
      reporter.problem(
          Problem.warning(
              fileName, line, "repaired: expected a known rss version, found \"" + version + "\"; read as 2.0"));
    }
  }

  private static final java.util.Set<String> KNOWN_RSS_VERSIONS =
      java.util.Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

  static SyndFeed toSyndFeed(String fileName, Document document) {
    Element root = document.getRootElement();
    int rootLine = root instanceof Located located ? Math.max(located.getLine(), 0) : 0;
    boolean rdf = root.getName().equals("RDF");
    if (rdf && root.getChildren().stream().noneMatch(child -> child.getName().equals("channel"))) {
      // Rome would fail with a NullPointerException reported as "Invalid XML"
      throw new SiteGenException(
          Problem.error(
              fileName,
              rootLine,
              "not a feed: expected a <channel> in <" + root.getQualifiedName() + ">, found none"));
    }
    try {
      WireFeed wireFeed = new WireFeedInput().build(document);
      return new SyndFeedImpl(wireFeed, true); // keeps the wire entries, for their guids
    } catch (FeedException | RuntimeException | StackOverflowError e) {
      if (e instanceof IllegalArgumentException && "Invalid document".equals(e.getMessage())) {
        // none of Rome's parsers knows this root element
        throw new SiteGenException(
            Problem.error(
                fileName,
                rootLine,
                "not a feed: expected an <rss>, <rdf:RDF> or <feed> root element that rome knows,"
                    + " found "
                    + describe(root)),
            e);
      }
      throw new SiteGenException(
          Problem.error(fileName, rootLine, "not a readable feed: rome failed with " + describe(e)),
          e);
    }
  }

  /**
   * The {@code <item>}/{@code <entry>} elements in the order Rome reads them: children of {@code
   * <channel>} (RSS 0.91-2.0) or of the root ({@code rdf:RDF}, Atom {@code feed}).
   */
  static List<Element> itemElements(Element root) {
    List<Element> elements = new ArrayList<>();
    Element channel = root.getChild("channel", root.getNamespace());
    if (root.getName().equals("rss") && channel != null) {
      channel.getChildren().stream().filter(e -> e.getName().equals("item")).forEach(elements::add);
    } else {
      root.getChildren().stream()
          .filter(e -> e.getName().equals("item") || e.getName().equals("entry"))
          .forEach(elements::add);
    }
    return elements;
  }

  /**
   * The newest item date, else the file's last-modified time, but never a time to come: a file
   * whose clock was wrong (or that was {@code touch}ed forward) would date its undated items in the
   * future, so the time of this run is taken instead, with a note.
   */
  private static Instant timeFromItems(
      Path file, String fileName, List<FeedItem> items, Reporter reporter) throws IOException {
    Optional<Instant> time =
        items.stream()
            .flatMap(item -> Stream.of(item.published(), item.updated()))
            .filter(Objects::nonNull)
            .map(OffsetDateTime::toInstant)
            .max(Instant::compareTo);
    if (time.isPresent()) {
      return time.get();
    }
    Instant modified = Files.getLastModifiedTime(file).toInstant();
    Instant now = Instant.now();
    if (!modified.isAfter(now)) {
      return modified;
    }
    reporter.problem(
        Problem.info(
            fileName,
            0,
            "no date in the feed, its items or the file's name, and the file's modification time ("
                + modified
                + ") is yet to come: the snapshot is taken as made now"));
    return now;
  }

  private static Optional<Instant> feedDate(SyndFeed feed) {
    WireFeed wire = feed.originalWireFeed();
    @Nullable Date date = null;
    if (wire instanceof Channel channel) {
      date = firstNonNull(channel.getLastBuildDate(), channel.getPubDate());
    } else if (wire instanceof Feed atom) {
      date = atom.getUpdated();
    }
    date = firstNonNull(date, feed.getPublishedDate()); // dc:date, Atom 0.3 modified
    // (a year the archive cannot hold, such as Rome's reading of "20260", is no snapshot time:
    // the items dated by it would be archived where no build reads them)
    return Optional.ofNullable(date)
        .map(d -> FeedDates.holdable(d.toInstant().atOffset(ZoneOffset.UTC)))
        .map(OffsetDateTime::toInstant);
  }

  private static @Nullable Date firstNonNull(@Nullable Date first, @Nullable Date second) {
    return first != null ? first : second;
  }

  /** The site's link: Rome's {@code SyndFeed.getLink()} prefers an Atom feed's self link. */
  private static String feedLink(SyndFeed feed) {
    if (feed.originalWireFeed() instanceof Feed atom) {
      return atom.getAlternateLinks().stream()
          .map(link -> link.getHrefResolved() != null ? link.getHrefResolved() : link.getHref())
          .map(EntryConverter::text)
          .findFirst()
          .orElse("");
    }
    return EntryConverter.text(feed.getLink());
  }

  private static String title(SyndFeed feed) {
    if (feed.originalWireFeed() instanceof Feed atom) {
      return EntryConverter.atomText(atom.getTitleEx());
    }
    return PlainText.ofRssText(EntryConverter.text(feed.getTitle()));
  }

  private static String describe(Element root) {
    String version = root.getAttributeValue("version");
    return "<"
        + root.getQualifiedName()
        + (version == null ? "" : " version=\"" + version + "\"")
        + ">";
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + XmlDocumentReader.sentence(message));
  }
}
