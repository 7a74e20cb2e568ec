package io.github.sitegen.site;

import io.github.sitegen.archive.Article;
import io.github.sitegen.archive.Slugs;
import io.github.sitegen.site.model.ArticleView;
import io.github.sitegen.site.model.AuthorView;
import io.github.sitegen.site.model.CalendarMonth;
import io.github.sitegen.site.model.DateView;
import io.github.sitegen.site.model.FeedEntry;
import io.github.sitegen.site.model.LinkView;
import io.github.sitegen.site.model.NameLink;
import io.github.sitegen.site.model.Pager;
import io.github.sitegen.site.model.PeriodLink;
import io.github.sitegen.site.model.PeriodView;
import io.github.sitegen.site.model.SitemapUrl;
import io.github.sitegen.site.model.TagView;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The pure planning step: from the archive's front matter to the list of pages to render, each with
 * its output path, template and model. Touches no file; deterministic.
 */
final class SitePlanner {
  /** Entries in {@code feed.xml}. */
  static final int FEED_SIZE = 50;

  /** Entries in a tag's or author's feed. */
  static final int SMALL_FEED_SIZE = 20;

  /** Related articles on an article page. */
  static final int RELATED = 5;

  /** Neighbours in time looked at per shared tag when picking related articles. */
  private static final int RELATED_WINDOW = 40;

  /** The reading view of a day or of the home page, beside its list. */
  static final String READ = "read/";

  private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s/?#]+\\S*");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final SiteOptions options;
  private final Labels labels;
  private final DateTimeFormatter dateFormat;
  private final DateTimeFormatter dateTimeFormat;
  private final DateTimeFormatter monthFormat;

  /** The archive folder, absolute and normal: feed ids name files by their path inside it. */
  private final Path archiveRoot;

  /** Per-plan state: this planner is made for one build. */
  private final Map<String, Article> articlesByPath = new HashMap<>();

  /** Each article's last change ({@link #lastmod}), by path: pages take the newest of theirs. */
  private final Map<String, Stamp> lastmodByPath = new HashMap<>();

  /** A time with its instant, compared cheaply. */
  private record Stamp(Instant instant, OffsetDateTime time) {}

  SitePlanner(SiteOptions options, Labels labels) {
    this.options = options;
    this.labels = labels;
    // in the labels' language (the site's, unless the theme has no labels for it)
    this.dateFormat = dateFormat(labels, "format.date");
    this.dateTimeFormat = dateFormat(labels, "format.dateTime");
    this.monthFormat = dateFormat(labels, "format.month");
    this.archiveRoot = options.archive().toAbsolutePath().normalize();
  }

  /**
   * The date pattern of label {@code key}, in the labels' language. A day of the month written
   * {@code d} takes its name from label {@code format.day.N} when the labels have one: French
   * writes the first of the month {@code 1er} ("1er février 2026").
   *
   * @throws IllegalArgumentException when it is missing, empty or not a pattern
   */
  private static DateTimeFormatter dateFormat(Labels labels, String key) {
    String pattern = labels.expect(key);
    if (pattern.isBlank()) {
      // (a valid pattern, which would print every date as nothing)
      throw new IllegalArgumentException(key + ": expected a date pattern, found none");
    }
    Map<Long, String> days = new HashMap<>();
    boolean named = false;
    for (long day = 1; day <= 31; day++) {
      Optional<String> name = labels.find("format.day." + day);
      named |= name.isPresent();
      days.put(day, name.orElse(Long.toString(day)));
    }
    if (!named) {
      return DateTimeFormatter.ofPattern(pattern, labels.locale());
    }
    // each lone d (not dd), unquoted and outside optional [sections], becomes the named day; the
    // rest stays pattern text
    var builder = new java.time.format.DateTimeFormatterBuilder();
    int from = 0;
    boolean quoted = false;
    int optional = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && (c == '[' || c == ']')) {
        optional += c == '[' ? 1 : -1;
      } else if (c == 'd' && !quoted) {
        int end = i;
        while (end < pattern.length() && pattern.charAt(end) == 'd') {
          end++;
        }
        if (end - i == 1 && optional == 0) {
          if (i > from) {
            builder.appendPattern(pattern.substring(from, i));
          }
          builder.appendText(java.time.temporal.ChronoField.DAY_OF_MONTH, days);
          from = end;
        }
        i = end - 1;
      }
    }
    if (from < pattern.length()) {
      builder.appendPattern(pattern.substring(from));
    }
    return builder.toFormatter(labels.locale());
  }

  /**
   * What to render.
   *
   * @param pages every page, in a fixed order
   * @param links where links to archived articles' original URLs lead
   * @param articles each article by the path of its page
   */
  record Plan(List<Page> pages, InternalLinks links, Map<String, Article> articles) {
    Plan {
      pages = List.copyOf(pages);
      Set<String> paths = new HashSet<>();
      for (Page page : pages) {
        if (!paths.add(page.path())) {
          throw new IllegalStateException("two pages would be written to " + page.path());
        }
      }
      articles = Map.copyOf(articles);
    }
  }

  /** One article, where it goes, and how pages show it. */
  private record Entry(Article article, ZonedDateTime local, String path, ArticleView view) {}

  /** One article and where it goes, before its view can be made. */
  private record Placed(Article article, ZonedDateTime local, String path, String day) {}

  Plan plan(List<Article> archive) {
    return plan(archive, Map.of());
  }

  /**
   * The plan of a site whose archived images are {@code images} (original URL to path in the
   * archive, which is also their path in the site).
   */
  Plan plan(List<Article> archive, Map<String, String> images) {
    ArchivedImages archivedImages = new ArchivedImages(images, options.baseUrl());
    articlesByPath.clear();
    lastmodByPath.clear();
    List<Article> sorted = archive.stream().sorted(Article.NEWEST_FIRST).toList();

    // tags and authors counted on another thread while the articles are placed below
    CompletableFuture<Map<String, TagView>> tagsCounted =
        CompletableFuture.supplyAsync(() -> tags(sorted));
    CompletableFuture<Map<String, AuthorView>> authorsCounted =
        CompletableFuture.supplyAsync(() -> authors(sorted));
    List<Placed> placed = new ArrayList<>();
    Set<String> usedPaths = new HashSet<>();
    Map<String, String> linkIndex = new HashMap<>();
    // link keys parse URIs: in parallel, used in order below
    List<Optional<String>> linkKeys =
        sorted.parallelStream()
            .map(a -> a.link().isEmpty() ? Optional.<String>empty() : InternalLinks.key(a.link()))
            .toList();
    // articles sharing a slug on a day get -2, -3… in the order they were published: the oldest
    // keeps the plain path, and a newer one, the usual new arrival, moves no published page
    ZonedDateTime[] localTimes = new ZonedDateTime[sorted.size()];
    String[] dayKeys = new String[sorted.size()];
    String[] paths = new String[sorted.size()];
    for (int i = sorted.size() - 1; i >= 0; i--) {
      localTimes[i] = sorted.get(i).date().atZoneSameInstant(options.zone());
      dayKeys[i] = dayKey(localTimes[i]);
      String folder = dayKeys[i].replace('-', '/');
      usedPaths.add(folder + "/" + READ + "index.html"); // the day's reading view
      paths[i] = uniquePath(folder + "/" + safeSlug(sorted.get(i).slug()), usedPaths);
    }
    for (int i = 0; i < sorted.size(); i++) {
      Article article = sorted.get(i);
      ZonedDateTime local = localTimes[i];
      String day = dayKeys[i];
      String path = paths[i];
      placed.add(new Placed(article, local, path, day));
      articlesByPath.put(path, article);
      OffsetDateTime lastmod = lastmod(List.of(article));
      lastmodByPath.put(path, new Stamp(lastmod.toInstant(), lastmod));
      // the newest article keeps a link shared by several (sorted newest first)
      linkKeys.get(i).ifPresent(key -> linkIndex.putIfAbsent(key, path));
    }
    Map<String, PeriodView> days = periods(placed, Placed::day, this::dayLabel);
    Map<String, PeriodView> months = periods(placed, p -> monthOfDay(p.day()), this::monthLabel);
    Map<String, PeriodView> years = periods(placed, p -> yearOfDay(p.day()), key -> key);
    Map<String, TagView> tags = joined(tagsCounted);
    Map<String, AuthorView> authors = joined(authorsCounted);

    // one link per tag, author and day, shared by the views of all their articles
    Map<String, NameLink> tagLinks = new HashMap<>();
    tags.forEach((slug, t) -> tagLinks.put(slug, new NameLink(t.name(), t.slug(), t.path())));
    Map<String, NameLink> authorLinks = new HashMap<>();
    authors.forEach(
        (slug, au) -> authorLinks.put(slug, new NameLink(au.name(), au.slug(), au.path())));
    Map<String, PeriodLink> dayLinks = new HashMap<>();
    days.forEach((key, day) -> dayLinks.put(key, link(day)));
    // views and article pages are independent of each other: made in parallel, kept in order
    List<Entry> viewed =
        placed.parallelStream()
            .map(
                p ->
                    new Entry(
                        p.article(),
                        p.local(),
                        p.path(),
                        view(p, tagLinks, authorLinks, dayLinks, archivedImages)))
            .toList();
    List<ArticleView> all = viewed.stream().map(Entry::view).toList();

    // each kind of page is made from the views alone: the kinds at the same time (the lists of a
    // kind are made one after another, the article pages in parallel), kept in this order
    List<Supplier<List<Page>>> kinds = new ArrayList<>();
    kinds.add(
        () ->
            list(
                "",
                "home.ftlh",
                all,
                labels.expect("home.title"),
                Map.of("years", newestFirst(years), "reader", READ + "index.html"),
                // the first page lists the years
                java.util.Collections.singletonMap("years", null)));
    if (options.makes(PageKind.READER)) {
      kinds.add(
          () ->
              reader(
                  READ,
                  all,
                  labels.expect("home.title"),
                  new LinkView(labels.expect("reader.toList"), "index.html")));
    }
    kinds.add(
        () -> {
          Related related = new Related(viewed);
          return java.util.stream.IntStream.range(0, viewed.size())
              .parallel()
              .mapToObj(i -> articlePage(viewed, i, related))
              .toList();
        });
    kinds.add(
        () ->
            List.of(
                page("archives/index.html", "archives.ftlh", labels.expect("archives.title"))
                    .with("years", newestFirst(years))
                    .build(lastmodOfViews(all))));
    kinds.add(() -> yearPages(years, months, all));
    kinds.add(() -> periodPages("month.ftlh", months, years, all, v -> monthKey(v), days));
    kinds.add(() -> periodPages("day.ftlh", days, months, all, v -> dayKey(v), null));
    if (options.makes(PageKind.READER)) {
      kinds.add(() -> dayReaders(days, all));
    }
    kinds.add(() -> tagPages(tags, all));
    if (options.makes(PageKind.AUTHORS)) {
      kinds.add(() -> authorPages(authors, all));
    }
    // the feeds too, though they come after the 404 and search pages
    int lists = kinds.size();
    if (options.makes(PageKind.FEEDS)) {
      kinds.add(() -> feeds(viewed, tags, authors));
    }
    List<List<Page>> made = kinds.parallelStream().map(Supplier::get).toList();
    List<Page> pages = new ArrayList<>();
    made.subList(0, lists).forEach(pages::addAll);
    pages.add(page("404.html", "404.ftlh", labels.expect("notFound.title")).build(null));
    if (options.makes(PageKind.SEARCH)) {
      pages.add(
          page("search/index.html", "search.ftlh", labels.expect("search.title"))
              .with("docs", all.size())
              .build(null));
    }
    made.subList(lists, made.size()).forEach(pages::addAll);
    if (options.baseUrl() != null && options.makes(PageKind.SITEMAP)) {
      pages.add(sitemap(pages));
    }
    return new Plan(pages, new InternalLinks(linkIndex, archivedImages), articlesByPath);
  }

  /** The result of {@code future}, or what it threw, as it was thrown. */
  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /**
   * The site's feed, then the feed of every tag and (when author pages are made) every author.
   */
  private List<Page> feeds(
      List<Entry> viewed, Map<String, TagView> tags, Map<String, AuthorView> authors) {
    // an article is in the site's feed and in its tags' and authors': its Atom id made once
    Map<String, String> atomIds = new HashMap<>();
    List<Page> pages = new ArrayList<>();
    pages.add(feed("feed.xml", viewed, FEED_SIZE, options.title(), "index.html", atomIds));
    Map<String, List<Entry>> byTag = new HashMap<>();
    Map<String, List<Entry>> byAuthor = new HashMap<>();
    for (Entry e : viewed) {
      e.view().tags().forEach(t -> byTag.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(e));
      e.view()
          .authorPages()
          .forEach(a -> byAuthor.computeIfAbsent(a.slug(), k -> new ArrayList<>()).add(e));
    }
    for (TagView tag : tags.values()) {
      pages.add(
          feed(
              tagFolder(tag) + "feed.xml",
              byTag.get(tag.slug()),
              SMALL_FEED_SIZE,
              options.title() + " – " + labels.format("tag.title", tag.name()),
              tag.path(),
              atomIds));
    }
    if (!options.makes(PageKind.AUTHORS)) {
      return pages;
    }
    for (AuthorView author : authors.values()) {
      pages.add(
          feed(
              authorFolder(author) + "feed.xml",
              byAuthor.get(author.slug()),
              SMALL_FEED_SIZE,
              options.title() + " – " + labels.format("author.title", author.name()),
              author.path(),
              atomIds));
    }
    return pages;
  }

  // ---- article views and groupings

  private ArticleView view(
      Placed e,
      Map<String, NameLink> tags,
      Map<String, NameLink> authors,
      Map<String, PeriodLink> days,
      ArchivedImages images) {
    Article a = e.article();
    List<NameLink> articleTags = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String tag : a.tags()) {
      String slug = tagSlug(tag);
      if (seen.add(slug)) {
        articleTags.add(tags.get(slug));
      }
    }
    List<NameLink> articleAuthors = new ArrayList<>();
    Set<String> seenAuthors = new HashSet<>();
    for (String author : a.authors()) {
      String slug = authorSlug(author);
      if (seenAuthors.add(slug)) {
        NameLink au = authors.get(slug);
        if (au != null) {
          articleAuthors.add(au);
        }
      }
    }
    OffsetDateTime updated = a.updated();
    return new ArticleView(
        a.id(),
        e.path(),
        a.title(),
        a.subtitle(),
        date(a.date()),
        updated == null ? null : date(updated),
        a.authors(),
        articleTags,
        webUrl(a.link()),
        a.feed(),
        a.summary(),
        images.lead(e.path(), a.image()),
        a.truncated(),
        a.paywall(),
        days.get(e.day()),
        articleAuthors);
  }

  DateView date(OffsetDateTime date) {
    ZonedDateTime local = date.atZoneSameInstant(options.zone());
    return new DateView(iso(local), dateFormat.format(local), dateTimeFormat.format(local));
  }

  /**
   * {@link #date}'s {@code iso} alone, for what shows no other form (a feed's and a sitemap's
   * times): the locale's date and date-time are two more formats, for each of ~17,000 sitemap
   * entries at 10k articles.
   */
  String iso(OffsetDateTime date) {
    return iso(date.atZoneSameInstant(options.zone()));
  }

  /** A time in the site's zone as ISO 8601, with its offset. */
  private static String iso(ZonedDateTime local) {
    return ISO.format(local.toOffsetDateTime());
  }

  private Map<String, TagView> tags(List<Article> articles) {
    Map<String, String> names = new HashMap<>(); // sorted by the tree map below
    Map<String, Integer> counts = new HashMap<>();
    for (Article a : articles) {
      Set<String> seen = new HashSet<>();
      for (String tag : a.tags()) {
        String slug = tagSlug(tag);
        if (seen.add(slug)) {
          names.putIfAbsent(slug, tag);
          counts.merge(slug, 1, Integer::sum);
        }
      }
    }
    Map<String, TagView> tags = new TreeMap<>();
    names.forEach(
        (slug, name) ->
            tags.put(
                slug, new TagView(name, slug, "tags/" + slug + "/index.html", counts.get(slug))));
    return tags;
  }

  private Map<String, AuthorView> authors(List<Article> articles) {
    Map<String, String> names = new HashMap<>(); // sorted by the tree map below
    Map<String, Integer> counts = new HashMap<>();
    for (Article a : articles) {
      Set<String> seen = new HashSet<>();
      for (String author : a.authors()) {
        String slug = authorSlug(author);
        if (!author.isBlank() && seen.add(slug)) {
          names.putIfAbsent(slug, author.strip());
          counts.merge(slug, 1, Integer::sum);
        }
      }
    }
    Map<String, AuthorView> authors = new TreeMap<>();
    names.forEach(
        (slug, name) ->
            authors.put(
                slug,
                new AuthorView(name, slug, "authors/" + slug + "/index.html", counts.get(slug))));
    return authors;
  }

  private Map<String, PeriodView> periods(
      List<Placed> entries, Function<Placed, String> key, Function<String, String> label) {
    Map<String, Integer> counts = new TreeMap<>();
    entries.forEach(e -> counts.merge(key.apply(e), 1, Integer::sum));
    Map<String, PeriodView> periods = new TreeMap<>();
    counts.forEach(
        (k, n) ->
            periods.put(
                k, new PeriodView(k, label.apply(k), k.replace('-', '/') + "/index.html", n)));
    return periods;
  }

  private static List<PeriodView> newestFirst(Map<String, PeriodView> periods) {
    List<PeriodView> list = new ArrayList<>(periods.values());
    Collections.reverse(list);
    return list;
  }

  private static String yearKey(ZonedDateTime t) {
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      return String.format(Locale.ROOT, "%04d", year);
    }
    return String.valueOf(10000 + year).substring(1); // %04d without a formatter: planning is hot
  }

  private static String monthKey(ZonedDateTime t) {
    return yearKey(t) + "-" + twoDigits(t.getMonthValue());
  }

  private static String dayKey(ZonedDateTime t) {
    return monthKey(t) + "-" + twoDigits(t.getDayOfMonth());
  }

  private static String twoDigits(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  /** {@code 2026-02} for {@code 2026-02-05} (the year possibly longer). */
  private static String monthOfDay(String day) {
    return day.substring(0, day.length() - 3);
  }

  /** {@code 2026} for {@code 2026-02-05}. */
  private static String yearOfDay(String day) {
    return day.substring(0, day.length() - 6);
  }

  private static String monthKey(ArticleView v) {
    return monthOfDay(v.day().key());
  }

  private static String yearKey(ArticleView v) {
    return yearOfDay(v.day().key());
  }

  private static String dayKey(ArticleView v) {
    return v.day().key();
  }

  private String dayLabel(String key) {
    return dateFormat.format(dayOf(key));
  }

  /**
   * The date of a {@link #dayKey}: its year (four digits, or as {@code %04d} writes one outside
   * 0–9999), then two-digit month and day. Read by position: {@code LocalDate.parse} is a
   * formatter's parse per day, and only takes four-digit years.
   */
  private static LocalDate dayOf(String key) {
    int n = key.length();
    return LocalDate.of(
        Integer.parseInt(key, 0, n - 6, 10),
        Integer.parseInt(key, n - 5, n - 3, 10),
        Integer.parseInt(key, n - 2, n, 10));
  }

  private String monthLabel(String key) {
    String label = monthFormat.format(dayOf(key + "-01"));
    return label.substring(0, 1).toUpperCase(labels.locale()) + label.substring(1);
  }

  /** The archive's slug, unless a hand-written file gave one that is not path-safe. */
  private static String safeSlug(String slug) {
    return isSafeSlug(slug) ? slug : Slugs.of(slug, "article");
  }

  /** {@code [a-z0-9][a-z0-9-]{0,119}}, without a regular expression: it runs for every article. */
  static boolean isSafeSlug(String slug) {
    if (slug.isEmpty() || slug.length() > 120 || slug.charAt(0) == '-') {
      return false;
    }
    for (int i = 0; i < slug.length(); i++) {
      char c = slug.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tags sharing a slug ({@code IA} and {@code ia}) share a page; a tag of only emoji gets a hash.
   * A {@code +} or {@code #} right after a letter, a digit or a {@code +} so spelled is spelled out,
   * so that C, C# and C++ get pages of their own ({@code c}, {@code c-sharp}, {@code
   * c-plus-plus}), as do Canal+ ({@code canal-plus}) and Canal.
   */
  static String tagSlug(String tag) {
    return TAG_SLUGS.of(tag, t -> slug(spelledSymbols(t), "tag-"));
  }

  /** {@code tag} with the {@code +} and {@code #} of names like C++, C# and Canal+ in words. */
  private static String spelledSymbols(String tag) {
    if (tag.indexOf('+') < 0 && tag.indexOf('#') < 0) {
      return tag;
    }
    StringBuilder spelled = new StringBuilder(tag.length() + 16);
    boolean afterName = false; // after a letter or digit, or a + spelled after one
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      if (c == '+' && afterName) {
        spelled.append(" plus ");
      } else if (c == '#' && afterName) {
        spelled.append(" sharp ");
        afterName = false;
      } else {
        spelled.append(c);
        afterName = Character.isLetterOrDigit(c);
      }
    }
    return spelled.toString();
  }

  static String authorSlug(String author) {
    return AUTHOR_SLUGS.of(author, a -> slug(a.strip(), "author-"));
  }

  /** The slug of a name; a name of only symbols gets a hash, computed only then (it is costly). */
  private static String slug(String name, String prefix) {
    String fallback = Slugs.of(name).isEmpty() ? prefix + sha1(name).substring(0, 8) : "";
    return Slugs.of(name, fallback);
  }

  private static final SlugCache TAG_SLUGS = new SlugCache();
  private static final SlugCache AUTHOR_SLUGS = new SlugCache();

  /**
   * Slugs already made, by name: an archive repeats a few hundred tags and authors thousands of
   * times. Bounded, so that the names of a hostile archive cannot fill the memory of a server.
   */
  private static final class SlugCache {
    private static final int MAX = 100_000;
    private final Map<String, String> slugs = new java.util.concurrent.ConcurrentHashMap<>();

    String of(String name, Function<String, String> make) {
      String slug = slugs.get(name);
      if (slug == null) {
        slug = make.apply(name);
        if (slugs.size() < MAX) {
          slugs.putIfAbsent(name, slug);
        }
      }
      return slug;
    }
  }

  private static String tagFolder(TagView tag) {
    return "tags/" + tag.slug() + "/";
  }

  private static String authorFolder(AuthorView author) {
    return "authors/" + author.slug() + "/";
  }

  static String sha1(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  private static String uniquePath(String base, Set<String> used) {
    String path = base + "/index.html";
    for (int n = 2; !used.add(path); n++) {
      path = base + "-" + n + "/index.html";
    }
    return path;
  }

  // ---- pages

  private Page articlePage(List<Entry> entries, int i, Related related) {
    Entry e = entries.get(i);
    ArticleView view = e.view();
    return page(e.path(), "article.ftlh", view.title())
        .with("article", view)
        .with("related", related.of(i))
        .with("previous", i + 1 < entries.size() ? entries.get(i + 1).view() : null)
        .with("next", i > 0 ? entries.get(i - 1).view() : null)
        .with("up", new LinkView(view.day().label(), view.day().path()))
        .bodies(List.of(e.path()))
        .build(lastmodByPath.get(e.path()).time());
  }

  private List<Page> yearPages(
      Map<String, PeriodView> years, Map<String, PeriodView> months, List<ArticleView> all) {
    List<Page> pages = new ArrayList<>();
    List<PeriodView> ordered = new ArrayList<>(years.values());
    Map<String, List<PeriodView>> monthsByYear = groupBy(newestFirst(months), SitePlanner::parentKey);
    Map<String, List<ArticleView>> articlesByYear = groupBy(all, v -> yearKey(v));
    for (int i = 0; i < ordered.size(); i++) {
      PeriodView year = ordered.get(i);
      List<PeriodView> itsMonths = monthsByYear.getOrDefault(year.key(), List.of());
      pages.add(
          page(year.path(), "year.ftlh", year.label())
              .with("period", year)
              .with("months", itsMonths)
              .with("calendar", calendar(year, months))
              .with("up", new LinkView(labels.expect("archives.title"), "archives/index.html"))
              .with("previous", i > 0 ? ordered.get(i - 1) : null)
              .with("next", i + 1 < ordered.size() ? ordered.get(i + 1) : null)
              .build(
                  lastmodOfViews(articlesByYear.getOrDefault(year.key(), List.of()))));
    }
    return pages;
  }

  /** Items grouped by key, each group in the items' order. */
  private static <T> Map<String, List<T>> groupBy(List<T> items, Function<T, String> keyOf) {
    Map<String, List<T>> groups = new HashMap<>();
    for (T item : items) {
      groups.computeIfAbsent(keyOf.apply(item), k -> new ArrayList<>()).add(item);
    }
    return groups;
  }

  /** {@code 2026-02} for {@code 2026-02-05}, {@code 2026} for {@code 2026-02}. */
  private static String parentKey(PeriodView period) {
    return period.key().substring(0, period.key().lastIndexOf('-'));
  }

  /** The twelve months of a year, January first, with their counts. */
  private List<CalendarMonth> calendar(PeriodView year, Map<String, PeriodView> months) {
    List<CalendarMonth> calendar = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      String key = year.key() + "-" + twoDigits(m);
      PeriodView month = months.get(key);
      String name =
          LocalDate.of(Integer.parseInt(year.key()), m, 1)
              .getMonth()
              .getDisplayName(TextStyle.FULL_STANDALONE, labels.locale());
      name = name.substring(0, 1).toUpperCase(labels.locale()) + name.substring(1);
      calendar.add(
          new CalendarMonth(
              key, name, month == null ? 0 : month.count(), month == null ? null : month.path()));
    }
    return calendar;
  }

  /** The reading views of every day: the day's articles in full, paginated like its list. */
  private List<Page> dayReaders(Map<String, PeriodView> days, List<ArticleView> all) {
    Map<String, List<ArticleView>> byDay = new HashMap<>();
    for (ArticleView v : all) {
      byDay.computeIfAbsent(v.day().key(), k -> new ArrayList<>()).add(v);
    }
    List<Page> pages = new ArrayList<>();
    for (PeriodView day : days.values()) {
      String base = day.path().substring(0, day.path().length() - "index.html".length());
      pages.addAll(
          reader(
              base + READ,
              byDay.get(day.key()),
              day.label(),
              new LinkView(labels.expect("reader.toList"), day.path())));
    }
    return pages;
  }

  /** A reading view: the articles in full, one after another, paginated. */
  private List<Page> reader(String base, List<ArticleView> articles, String title, LinkView list) {
    List<Page> pages = new ArrayList<>();
    for (Page p :
        list(
            base,
            "reader.ftlh",
            articles,
            labels.format("reader.title", title),
            Map.of("list", list, "heading", title),
            Map.of())) {
      @SuppressWarnings("unchecked")
      List<ArticleView> slice = (List<ArticleView>) p.model().get("articles");
      pages.add(
          new Page(
              p.path(),
              p.template(),
              p.model(),
              slice.stream().map(ArticleView::path).toList(),
              p.lastmod()));
    }
    return pages;
  }

  /** Month or day pages: the period's articles, paginated, with links up and across. */
  private List<Page> periodPages(
      String template,
      Map<String, PeriodView> periods,
      Map<String, PeriodView> parents,
      List<ArticleView> all,
      Function<ArticleView, String> keyOf,
      @Nullable Map<String, PeriodView> children) {
    List<Page> pages = new ArrayList<>();
    List<PeriodView> ordered = new ArrayList<>(periods.values());
    // one pass each: grouping per period by filtering made the plan O(periods × articles)
    Map<String, List<ArticleView>> articlesByPeriod = groupBy(all, keyOf);
    Map<String, List<PeriodView>> childrenByPeriod =
        children == null ? Map.of() : groupBy(newestFirst(children), SitePlanner::parentKey);
    for (int i = 0; i < ordered.size(); i++) {
      PeriodView period = ordered.get(i);
      PeriodView parent = parents.get(period.key().substring(0, period.key().lastIndexOf('-')));
      Map<String, @Nullable Object> extra = new HashMap<>();
      extra.put("period", period);
      extra.put("up", new LinkView(parent.label(), parent.path()));
      // links without counts: a page does not change when a neighbouring period gets an article
      extra.put("previous", i > 0 ? link(ordered.get(i - 1)) : null);
      extra.put("next", i + 1 < ordered.size() ? link(ordered.get(i + 1)) : null);
      Map<String, @Nullable Object> numbered = new HashMap<>();
      numbered.put("period", link(period));
      if (children == null) {
        extra.put("reader", period.path().replace("index.html", READ + "index.html"));
      } else {
        extra.put("days", childrenByPeriod.getOrDefault(period.key(), List.of()));
        numbered.put("days", null);
      }
      List<ArticleView> articles = articlesByPeriod.getOrDefault(period.key(), List.of());
      String base = period.path().substring(0, period.path().length() - "index.html".length());
      pages.addAll(list(base, template, articles, period.label(), extra, numbered));
    }
    return pages;
  }

  /**
   * Names (of tags, of authors) in the order of an index: the site language's collation, accents
   * and case counting last, numbers by value ({@link NaturalOrder}); one per sort.
   */
  private NaturalOrder nameOrder() {
    Collator collator = Collator.getInstance(options.locale());
    collator.setStrength(Collator.SECONDARY);
    return new NaturalOrder(collator);
  }

  private List<Page> tagPages(Map<String, TagView> tags, List<ArticleView> all) {
    List<TagView> byName =
        tags.values().stream()
            .sorted(Comparator.comparing(TagView::name, nameOrder()).thenComparing(TagView::slug))
            .toList();
    List<TagView> byCount =
        byName.stream().sorted(Comparator.comparing(TagView::count).reversed()).toList();
    List<Page> pages = new ArrayList<>();
    pages.add(
        page("tags/index.html", "tags.ftlh", labels.expect("tags.title"))
            .with("tags", byName)
            .with("sort", "name")
            .build(lastmodOfViews(all)));
    pages.add(
        page("tags/by-count.html", "tags.ftlh", labels.expect("tags.title"))
            .with("tags", byCount)
            .with("sort", "count")
            .build(lastmodOfViews(all)));
    Map<String, List<ArticleView>> byTag = new HashMap<>();
    for (ArticleView v : all) {
      v.tags().forEach(t -> byTag.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(v));
    }
    for (TagView tag : tags.values()) {
      pages.addAll(
          list(
              tagFolder(tag),
              "tag.ftlh",
              byTag.get(tag.slug()),
              labels.format("tag.title", tag.name()),
              Map.of(
                  "tag",
                  tag,
                  "feed",
                  tagFolder(tag) + "feed.xml",
                  "up",
                  new LinkView(labels.expect("tags.title"), "tags/index.html")),
              Map.of("tag", new NameLink(tag.name(), tag.slug(), tag.path()))));
    }
    return pages;
  }

  private List<Page> authorPages(Map<String, AuthorView> authors, List<ArticleView> all) {
    List<AuthorView> byName =
        authors.values().stream()
            .sorted(
                Comparator.comparing(AuthorView::name, nameOrder()).thenComparing(AuthorView::slug))
            .toList();
    List<Page> pages = new ArrayList<>();
    pages.add(
        page("authors/index.html", "authors.ftlh", labels.expect("authors.title"))
            .with("authors", byName)
            .build(lastmodOfViews(all)));
    Map<String, List<ArticleView>> byAuthor = new HashMap<>();
    for (ArticleView v : all) {
      v.authorPages()
          .forEach(a -> byAuthor.computeIfAbsent(a.slug(), k -> new ArrayList<>()).add(v));
    }
    for (AuthorView author : authors.values()) {
      pages.addAll(
          list(
              authorFolder(author),
              "author.ftlh",
              byAuthor.get(author.slug()),
              labels.format("author.title", author.name()),
              Map.of(
                  "author",
                  author,
                  "feed",
                  authorFolder(author) + "feed.xml",
                  "up",
                  new LinkView(labels.expect("authors.title"), "authors/index.html")),
              Map.of("author", new NameLink(author.name(), author.slug(), author.path()))));
    }
    return pages;
  }

  /**
   * A paginated list under {@code base}, newest first, in pages that stay put as the list grows.
   *
   * <p>Pages are numbered from the oldest: {@code base/page/1/index.html} holds the {@code
   * pageSize} oldest articles, {@code page/2/} the next ones, and so on. The first page, {@code
   * base/index.html}, holds the newest articles: {@code pageSize} plus the remainder, so between
   * one and two pages' worth (all of them when the list is shorter than two pages). A new article
   * therefore changes the first page only, and once every {@code pageSize} articles the first page
   * hands its oldest {@code pageSize} to a new numbered page: every other page keeps its URL, its
   * articles and its bytes, so incremental builds and deploys stay small. For the same reason the
   * numbered pages take {@code numbered} over {@code extra}: the same names without what changes as
   * the list grows, such as counts.
   */
  private List<Page> list(
      String base,
      String template,
      List<ArticleView> articles,
      String title,
      Map<String, ? extends @Nullable Object> extra,
      Map<String, ? extends @Nullable Object> numbered) {
    int size = options.pageSize();
    int count = Math.max(1, articles.size() / size);
    int firstSize = articles.size() - (count - 1) * size;
    List<Page> pages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int number = count - i; // 1 is the oldest page
      int from = i == 0 ? 0 : firstSize + (i - 1) * size;
      List<ArticleView> slice = articles.subList(from, i == 0 ? firstSize : from + size);
      var pager =
          new Pager(
              number,
              i == 0,
              i == 0 ? null : pagePath(base, number + 1, count),
              number > 1 ? pagePath(base, number - 1, count) : null);
      String pageTitle = i == 0 ? title : labels.format("pager.title", title, number);
      Builder builder = page(pagePath(base, number, count), template, pageTitle);
      extra.forEach(builder::with);
      if (i > 0) {
        numbered.forEach(builder::with);
      }
      pages.add(builder.with("articles", slice).with("pager", pager).build(lastmodOfViews(slice)));
    }
    return pages;
  }

  private static PeriodLink link(PeriodView period) {
    return new PeriodLink(period.key(), period.label(), period.path());
  }

  /** The path of page {@code number} (from the oldest) of a list of {@code count} pages. */
  private static String pagePath(String base, int number, int count) {
    return number == count ? base + "index.html" : base + "page/" + number + "/index.html";
  }

  /**
   * An Atom feed of the newest {@code size} entries, at {@code path}, for the page at {@code
   * alternatePath}; {@code atomIds} holds the entries' ids made so far, by page path.
   */
  private Page feed(
      String path,
      List<Entry> entries,
      int size,
      String title,
      String alternatePath,
      Map<String, String> atomIds) {
    List<Entry> newest = entries.subList(0, Math.min(size, entries.size()));
    List<FeedEntry> feedEntries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    OffsetDateTime feedUpdated = null;
    for (Entry e : newest) {
      Article a = e.article();
      OffsetDateTime updated = lastmodByPath.get(e.path()).time();
      if (feedUpdated == null || updated.isAfter(feedUpdated)) {
        feedUpdated = updated;
      }
      String id =
          atomIds.computeIfAbsent(
              e.path(), k -> atomId(a.id().isBlank() ? archivePath(a.file()) : a.id()));
      if (!ids.add(id)) {
        id = "urn:sha1:" + sha1(a.id() + "\n" + archivePath(a.file()));
        ids.add(id);
      }
      feedEntries.add(
          new FeedEntry(
              e.view(),
              id,
              e.view().date().iso(),
              iso(updated),
              absoluteOrRelative(path, e.path()),
              a.authors()));
    }
    String base = baseUrl();
    String alternate = base + RelativeUrls.pretty(alternatePath);
    Map<String, @Nullable Object> feed = new HashMap<>();
    feed.put(
        "id",
        base.isEmpty()
            ? "urn:sha1:"
                + sha1(path.equals("feed.xml") ? options.title() : options.title() + "\n" + path)
            : alternate);
    feed.put("updated", feedUpdated == null ? "1970-01-01T00:00:00Z" : iso(feedUpdated));
    feed.put("alternate", base.isEmpty() ? RelativeUrls.relative(path, alternatePath) : alternate);
    feed.put("self", base.isEmpty() ? null : base + path);
    feed.put("title", title);
    return page(path, "feed.ftlx", title)
        .with("feed", feed)
        .with("entries", feedEntries)
        .bodies(newest.stream().map(Entry::path).toList())
        .build(null);
  }

  private Page sitemap(List<Page> pages) {
    List<SitemapUrl> urls = new ArrayList<>();
    for (Page p : pages) {
      if (p.path().endsWith(".html") && !p.path().equals("404.html")) {
        OffsetDateTime lastmod = p.lastmod();
        urls.add(
            new SitemapUrl(
                baseUrl() + RelativeUrls.pretty(p.path()),
                lastmod == null ? "" : iso(lastmod)));
      }
    }
    urls.sort(Comparator.comparing(SitemapUrl::loc));
    return page("sitemap.xml", "sitemap.ftlx", options.title()).with("urls", urls).build(null);
  }

  /**
   * The URL if it is an absolute http(s) one, else {@code ""}: front matter is not trusted, and a
   * {@code javascript:} link must not reach a page even though the CSP would block it.
   */
  static String webUrl(String url) {
    String trimmed = url.strip();
    return WEB_URL.matcher(trimmed).matches() ? trimmed : "";
  }

  /**
   * A file's path inside the archive ({@code 2026/05/title.md}), the same wherever the project is
   * and however the archive folder was given; a file outside it (never from the archive reader) by
   * its name.
   */
  private String archivePath(Path file) {
    @Nullable String inside = ArchivePaths.inside(archiveRoot, file);
    if (inside != null) {
      return inside;
    }
    Path name = file.getFileName();
    return name == null ? "" : name.toString();
  }

  /**
   * An Atom id: {@code source} (an article's id, or for one without an id its file's path in the
   * archive) when it is an absolute IRI, else a {@code urn:sha1:} made from it.
   */
  static String atomId(String source) {
    try {
      URI uri = new URI(source);
      if (uri.isAbsolute() && !source.isBlank()) {
        return source;
      }
    } catch (URISyntaxException e) {
      // not a URI: hash it below
    }
    return "urn:sha1:" + sha1(source);
  }

  private String absoluteOrRelative(String from, String path) {
    return baseUrl().isEmpty()
        ? RelativeUrls.relative(from, path)
        : baseUrl() + RelativeUrls.pretty(path);
  }

  /** The base URL with a trailing slash, or {@code ""}. */
  private String baseUrl() {
    URI base = options.baseUrl();
    if (base == null) {
      return "";
    }
    String text = base.toString();
    return text.endsWith("/") ? text : text + "/";
  }

  private static OffsetDateTime lastmod(List<Article> articles) {
    OffsetDateTime newest = null;
    for (Article a : articles) {
      OffsetDateTime updated = a.updated();
      OffsetDateTime d = updated != null && updated.isAfter(a.date()) ? updated : a.date();
      if (newest == null || d.isAfter(newest)) {
        newest = d;
      }
    }
    if (newest == null) {
      throw new IllegalArgumentException("no articles");
    }
    return newest;
  }

  private @Nullable OffsetDateTime lastmodOfViews(List<ArticleView> views) {
    Stamp newest = null;
    for (ArticleView v : views) {
      Stamp s = lastmodByPath.get(v.path());
      if (newest == null || s.instant().isAfter(newest.instant())) {
        newest = s;
      }
    }
    return newest == null ? null : newest.time();
  }

  /**
   * Related articles: those sharing the most tags, then nearest in time, then by path. Only the
   * {@link #RELATED_WINDOW} neighbours in time within each shared tag are looked at, so a tag on
   * half of a 100,000-article archive costs no more than a small one.
   */
  static final class Related {
    private final List<Entry> entries;
    private final Map<String, int[]> byTag = new HashMap<>();

    Related(List<Entry> entries) {
      if (entries.size() >= 1 << 26) {
        throw new IllegalStateException("related articles are ranked for up to 2^26 articles");
      }
      this.entries = entries;
      Map<String, List<Integer>> lists = new HashMap<>();
      for (int i = 0; i < entries.size(); i++) {
        for (NameLink t : entries.get(i).view().tags()) {
          lists.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(i);
        }
      }
      lists.forEach(
          (slug, list) -> byTag.put(slug, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    List<ArticleView> of(int i) {
      List<NameLink> tags = entries.get(i).view().tags();
      int[][] lists = new int[tags.size()][];
      for (int t = 0; t < lists.length; t++) {
        lists[t] = byTag.get(tags.get(t).slug());
      }
      List<ArticleView> related = new ArrayList<>(RELATED);
      for (int other : rank(i, lists, RELATED_WINDOW, RELATED)) {
        related.add(entries.get(other).view());
      }
      return related;
    }

    /**
     * The {@code count} articles ranked first for article {@code i}: most tags shared, then nearest
     * in time (smallest index distance), then the lower index (newer). Only the {@code window}
     * neighbours of {@code i} in each of its tags' lists are candidates; an article counts once per
     * list it is a candidate in.
     *
     * @param lists for each tag of article {@code i}, the indexes of its articles, ascending (each
     *     holds {@code i})
     */
    static int[] rank(int i, int[][] lists, int window, int count) {
      // each list's window is ascending: merged, equal candidates come together (no sort), and
      // only the best `count` are kept (no second sort)
      int k = lists.length;
      int[] at = new int[k];
      int[] end = new int[k];
      for (int t = 0; t < k; t++) {
        int[] list = lists[t];
        int found = Arrays.binarySearch(list, i);
        at[t] = Math.max(0, found - window / 2);
        end[t] = Math.min(list.length, found + window / 2 + 1);
      }
      long[] best = new long[count];
      int kept = 0;
      while (true) {
        int other = Integer.MAX_VALUE;
        for (int t = 0; t < k; t++) {
          if (at[t] < end[t] && lists[t][at[t]] == i) {
            at[t]++; // the article itself
          }
          if (at[t] < end[t] && lists[t][at[t]] < other) {
            other = lists[t][at[t]];
          }
        }
        if (other == Integer.MAX_VALUE) {
          break;
        }
        int shared = 0;
        for (int t = 0; t < k; t++) {
          if (at[t] < end[t] && lists[t][at[t]] == other) {
            shared++;
            at[t]++;
          }
        }
        // most shared tags first, then nearest in time, then the lower index (newer)
        long distance = Math.abs((long) other - i);
        long key = ((long) (1024 - Math.min(shared, 1023)) << 52) | (distance << 26) | other;
        if (kept < count || key < best[kept - 1]) {
          int p = kept < count ? kept++ : count - 1;
          while (p > 0 && best[p - 1] > key) {
            best[p] = best[p - 1];
            p--;
          }
          best[p] = key;
        }
      }
      int[] ranked = new int[kept];
      for (int r = 0; r < kept; r++) {
        ranked[r] = (int) (best[r] & ((1L << 26) - 1));
      }
      return ranked;
    }
  }

  // ---- a small builder so page models read as a list of named values

  private Builder page(String path, String template, String title) {
    return new Builder(path, template).with("title", title);
  }

  private static final class Builder {
    private final String path;
    private final String template;
    private final Map<String, @Nullable Object> model = new HashMap<>();
    private List<String> bodies = List.of();

    Builder(String path, String template) {
      this.path = path;
      this.template = template;
    }

    Builder with(String key, @Nullable Object value) {
      model.put(key, value);
      return this;
    }

    Builder bodies(List<String> articlePaths) {
      this.bodies = articlePaths;
      return this;
    }

    Page build(@Nullable OffsetDateTime lastmod) {
      return new Page(path, template, model, bodies, lastmod);
    }
  }
}
