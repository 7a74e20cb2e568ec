package io.github.sitegen.site;

import io.github.sitegen.archive.Article;
import io.github.sitegen.archive.Slugs;
import io.github.sitegen.site.model.ArticleView;
import io.github.sitegen.site.model.DateView;
import io.github.sitegen.site.model.FeedEntry;
import io.github.sitegen.site.model.LinkView;
import io.github.sitegen.site.model.Pager;
import io.github.sitegen.site.model.PeriodView;
import io.github.sitegen.site.model.SitemapUrl;
import io.github.sitegen.site.model.TagView;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Collator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The pure planning step: from the archive's front matter to the list of pages to render, each with
 * its output path, template and model. Touches no file; deterministic.
 */
final class SitePlanner {
  /** Entries in {@code feed.xml}. */
  static final int FEED_SIZE = 50;

  private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s/?#]+\\S*");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private final SiteOptions options;
  private final Labels labels;
  private final DateTimeFormatter dateFormat;
  private final DateTimeFormatter dateTimeFormat;
  private final DateTimeFormatter monthFormat;

  /** Per-plan state: this planner is made for one build. */
  private final Map<String, Article> articlesByPath = new HashMap<>();

  SitePlanner(SiteOptions options, Labels labels) {
    this.options = options;
    this.labels = labels;
    this.dateFormat = DateTimeFormatter.ofPattern(labels.expect("format.date"), options.locale());
    this.dateTimeFormat =
        DateTimeFormatter.ofPattern(labels.expect("format.dateTime"), options.locale());
    this.monthFormat = DateTimeFormatter.ofPattern(labels.expect("format.month"), options.locale());
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
  private record Placed(Article article, ZonedDateTime local, String path) {}

  Plan plan(List<Article> archive) {
    articlesByPath.clear();
    List<Article> sorted =
        archive.stream()
            .sorted(
                Comparator.comparing((Article a) -> a.date().toInstant())
                    .reversed()
                    .thenComparing(a -> a.file().toString()))
            .toList();

    Map<String, TagView> tags = tags(sorted);
    List<Placed> placed = new ArrayList<>();
    Set<String> usedPaths = new HashSet<>();
    Map<String, String> linkIndex = new HashMap<>();
    for (Article article : sorted) {
      ZonedDateTime local = article.date().atZoneSameInstant(options.zone());
      String folder = dayKey(local).replace('-', '/');
      String path = uniquePath(folder + "/" + safeSlug(article.slug()), usedPaths);
      placed.add(new Placed(article, local, path));
      articlesByPath.put(path, article);
      if (!article.link().isEmpty()) {
        // the newest article keeps a link shared by several (sorted newest first)
        InternalLinks.key(article.link()).ifPresent(key -> linkIndex.putIfAbsent(key, path));
      }
    }
    Map<String, PeriodView> days = periods(placed, p -> dayKey(p.local()), this::dayLabel);
    Map<String, PeriodView> months = periods(placed, p -> monthKey(p.local()), this::monthLabel);
    Map<String, PeriodView> years = periods(placed, p -> yearKey(p.local()), key -> key);

    List<Entry> viewed = new ArrayList<>();
    for (Placed p : placed) {
      viewed.add(new Entry(p.article(), p.local(), p.path(), view(p, tags, days)));
    }
    List<ArticleView> all = viewed.stream().map(Entry::view).toList();

    List<Page> pages = new ArrayList<>();
    pages.addAll(
        list(
            "",
            "home.ftlh",
            all,
            labels.expect("home.title"),
            Map.of("years", newestFirst(years))));
    for (int i = 0; i < viewed.size(); i++) {
      pages.add(articlePage(viewed, i));
    }
    pages.add(
        page("archives/index.html", "archives.ftlh", labels.expect("archives.title"))
            .with("years", newestFirst(years))
            .build(lastmodOfViews(all)));
    pages.addAll(yearPages(years, months, all));
    pages.addAll(periodPages("month.ftlh", months, years, all, v -> monthKey(v), days));
    pages.addAll(periodPages("day.ftlh", days, months, all, v -> dayKey(v), null));
    pages.addAll(tagPages(tags, all));
    pages.add(page("404.html", "404.ftlh", labels.expect("notFound.title")).build(null));
    pages.add(feed(viewed));
    if (options.baseUrl() != null) {
      pages.add(sitemap(pages));
    }
    return new Plan(pages, new InternalLinks(linkIndex), articlesByPath);
  }

  // ---- article views and groupings

  private ArticleView view(Placed e, Map<String, TagView> tags, Map<String, PeriodView> days) {
    Article a = e.article();
    List<TagView> articleTags = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String tag : a.tags()) {
      String slug = tagSlug(tag);
      if (seen.add(slug)) {
        articleTags.add(tags.get(slug));
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
        webUrl(a.image()),
        a.truncated(),
        a.paywall(),
        days.get(dayKey(e.local())));
  }

  DateView date(OffsetDateTime date) {
    ZonedDateTime local = date.atZoneSameInstant(options.zone());
    return new DateView(
        ISO.format(local.toOffsetDateTime()),
        dateFormat.format(local),
        dateTimeFormat.format(local));
  }

  private Map<String, TagView> tags(List<Article> articles) {
    Map<String, String> names = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
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
    return String.format(Locale.ROOT, "%04d", t.getYear());
  }

  private static String monthKey(ZonedDateTime t) {
    return yearKey(t) + String.format(Locale.ROOT, "-%02d", t.getMonthValue());
  }

  private static String dayKey(ZonedDateTime t) {
    return monthKey(t) + String.format(Locale.ROOT, "-%02d", t.getDayOfMonth());
  }

  private static String monthKey(ArticleView v) {
    return v.day().key().substring(0, 7);
  }

  private static String dayKey(ArticleView v) {
    return v.day().key();
  }

  private String dayLabel(String key) {
    return dateFormat.format(LocalDate.parse(key));
  }

  private String monthLabel(String key) {
    String label = monthFormat.format(LocalDate.parse(key + "-01"));
    return label.substring(0, 1).toUpperCase(options.locale()) + label.substring(1);
  }

  /** The archive's slug, unless a hand-written file gave one that is not path-safe. */
  private static String safeSlug(String slug) {
    return slug.matches("[a-z0-9][a-z0-9-]{0,119}") ? slug : Slugs.of(slug, "article");
  }

  /**
   * Tags sharing a slug ({@code IA} and {@code ia}) share a page; a tag of only emoji gets a hash.
   */
  static String tagSlug(String tag) {
    return Slugs.of(tag, "tag-" + sha1(tag).substring(0, 8));
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

  private Page articlePage(List<Entry> entries, int i) {
    Entry e = entries.get(i);
    ArticleView view = e.view();
    return page(e.path(), "article.ftlh", view.title())
        .with("article", view)
        .with("previous", i + 1 < entries.size() ? entries.get(i + 1).view() : null)
        .with("next", i > 0 ? entries.get(i - 1).view() : null)
        .with("up", new LinkView(view.day().label(), view.day().path()))
        .bodies(List.of(e.path()))
        .build(lastmod(List.of(e.article())));
  }

  private List<Page> yearPages(
      Map<String, PeriodView> years, Map<String, PeriodView> months, List<ArticleView> all) {
    List<Page> pages = new ArrayList<>();
    List<PeriodView> ordered = new ArrayList<>(years.values());
    for (int i = 0; i < ordered.size(); i++) {
      PeriodView year = ordered.get(i);
      List<PeriodView> itsMonths =
          newestFirst(months).stream().filter(m -> m.key().startsWith(year.key() + "-")).toList();
      pages.add(
          page(year.path(), "year.ftlh", year.label())
              .with("period", year)
              .with("months", itsMonths)
              .with("up", new LinkView(labels.expect("archives.title"), "archives/index.html"))
              .with("previous", i > 0 ? ordered.get(i - 1) : null)
              .with("next", i + 1 < ordered.size() ? ordered.get(i + 1) : null)
              .build(
                  lastmodOfViews(
                      all.stream().filter(v -> v.day().key().startsWith(year.key())).toList())));
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
    for (int i = 0; i < ordered.size(); i++) {
      PeriodView period = ordered.get(i);
      PeriodView parent = parents.get(period.key().substring(0, period.key().lastIndexOf('-')));
      Map<String, @Nullable Object> extra = new HashMap<>();
      extra.put("period", period);
      extra.put("up", new LinkView(parent.label(), parent.path()));
      extra.put("previous", i > 0 ? ordered.get(i - 1) : null);
      extra.put("next", i + 1 < ordered.size() ? ordered.get(i + 1) : null);
      if (children != null) {
        extra.put(
            "days",
            newestFirst(children).stream()
                .filter(d -> d.key().startsWith(period.key() + "-"))
                .toList());
      }
      List<ArticleView> articles =
          all.stream().filter(v -> keyOf.apply(v).equals(period.key())).toList();
      String base = period.path().substring(0, period.path().length() - "index.html".length());
      pages.addAll(list(base, template, articles, period.label(), extra));
    }
    return pages;
  }

  private List<Page> tagPages(Map<String, TagView> tags, List<ArticleView> all) {
    Collator collator = Collator.getInstance(options.locale());
    collator.setStrength(Collator.SECONDARY);
    List<TagView> byName =
        tags.values().stream()
            .sorted(Comparator.comparing(TagView::name, collator).thenComparing(TagView::slug))
            .toList();
    List<Page> pages = new ArrayList<>();
    pages.add(
        page("tags/index.html", "tags.ftlh", labels.expect("tags.title"))
            .with("tags", byName)
            .build(lastmodOfViews(all)));
    for (TagView tag : tags.values()) {
      List<ArticleView> articles =
          all.stream()
              .filter(v -> v.tags().stream().anyMatch(t -> t.slug().equals(tag.slug())))
              .toList();
      pages.addAll(
          list(
              "tags/" + tag.slug() + "/",
              "tag.ftlh",
              articles,
              labels.format("tag.title", tag.name()),
              Map.of(
                  "tag", tag, "up", new LinkView(labels.expect("tags.title"), "tags/index.html"))));
    }
    return pages;
  }

  /**
   * A paginated list under {@code base}: {@code base/index.html}, {@code base/page/2/index.html}…
   */
  private List<Page> list(
      String base,
      String template,
      List<ArticleView> articles,
      String title,
      Map<String, ? extends @Nullable Object> extra) {
    int size = options.pageSize();
    int count = Math.max(1, (articles.size() + size - 1) / size);
    List<Page> pages = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      List<ArticleView> slice =
          articles.subList((n - 1) * size, Math.min(articles.size(), n * size));
      var pager =
          new Pager(
              n,
              count,
              n > 1 ? pagePath(base, n - 1) : null,
              n < count ? pagePath(base, n + 1) : null);
      String pageTitle = n == 1 ? title : labels.format("pager.title", title, n, count);
      Builder builder = page(pagePath(base, n), template, pageTitle);
      extra.forEach(builder::with);
      pages.add(builder.with("articles", slice).with("pager", pager).build(lastmodOfViews(slice)));
    }
    return pages;
  }

  private static String pagePath(String base, int n) {
    return n == 1 ? base + "index.html" : base + "page/" + n + "/index.html";
  }

  private Page feed(List<Entry> entries) {
    List<Entry> newest = entries.subList(0, Math.min(FEED_SIZE, entries.size()));
    List<FeedEntry> feedEntries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    OffsetDateTime feedUpdated = null;
    for (Entry e : newest) {
      Article a = e.article();
      OffsetDateTime updated = lastmod(List.of(a));
      if (feedUpdated == null || updated.isAfter(feedUpdated)) {
        feedUpdated = updated;
      }
      String id = atomId(a.id(), a.file().toString());
      if (!ids.add(id)) {
        id = "urn:sha1:" + sha1(a.id() + "\n" + a.file());
        ids.add(id);
      }
      feedEntries.add(
          new FeedEntry(
              e.view(),
              id,
              e.view().date().iso(),
              date(updated).iso(),
              absoluteOrRelative(e.path()),
              a.authors()));
    }
    String base = baseUrl();
    Map<String, @Nullable Object> feed = new HashMap<>();
    feed.put("id", base.isEmpty() ? "urn:sha1:" + sha1(options.title()) : base);
    feed.put("updated", feedUpdated == null ? "1970-01-01T00:00:00Z" : date(feedUpdated).iso());
    feed.put("alternate", base.isEmpty() ? "index.html" : base);
    feed.put("self", base.isEmpty() ? null : base + "feed.xml");
    return page("feed.xml", "feed.ftlx", options.title())
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
                lastmod == null ? "" : date(lastmod).iso()));
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
   * An Atom id: the article id when it is an absolute IRI, else a {@code urn:sha1:} made from it.
   */
  static String atomId(String id, String fallback) {
    String source = id.isBlank() ? fallback : id;
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

  private String absoluteOrRelative(String path) {
    return baseUrl().isEmpty() ? path : baseUrl() + RelativeUrls.pretty(path);
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
    List<Article> articles = views.stream().map(v -> articlesByPath.get(v.path())).toList();
    return articles.isEmpty() ? null : lastmod(articles);
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
