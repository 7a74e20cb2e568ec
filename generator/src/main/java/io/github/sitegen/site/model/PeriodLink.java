package io.github.sitegen.site.model;

/**
 * The day an article is listed on: like {@link PeriodView} without the count, so that a page
 * showing the article does not change when another article lands on the same day.
 *
 * @param key {@code 2026-02-05}
 * @param label how pages name it ({@code 5 février 2026})
 * @param path its page
 */
public record PeriodLink(String key, String label, String path) {}
