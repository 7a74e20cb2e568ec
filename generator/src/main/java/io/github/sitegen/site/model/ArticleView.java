package io.github.sitegen.site.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An article as pages show it.
 *
 * @param id the archive id
 * @param path its page
 * @param title plain text
 * @param subtitle kicker, or {@code ""}
 * @param date publication date
 * @param updated last change, or null
 * @param authors author names
 * @param tags its tags, in source order (without counts: see {@link NameLink})
 * @param link the original URL, or {@code ""}
 * @param feed the feed it came from, or {@code ""}
 * @param summary plain-text summary, or {@code ""}
 * @param image lead image URL, or {@code ""}
 * @param truncated true when only the start of the text was archived
 * @param paywall percentage left behind the paywall, 0 when unknown
 * @param day the day page it is listed on (without count)
 * @param authorPages its authors with their pages, in source order (without counts)
 */
public record ArticleView(
    String id,
    String path,
    String title,
    String subtitle,
    DateView date,
    @Nullable DateView updated,
    List<String> authors,
    List<NameLink> tags,
    String link,
    String feed,
    String summary,
    String image,
    boolean truncated,
    int paywall,
    PeriodLink day,
    List<NameLink> authorPages) {}
