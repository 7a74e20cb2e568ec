package io.github.sitegen.site.model;

/**
 * A year, month or day that has articles.
 *
 * @param key {@code 2026}, {@code 2026-02} or {@code 2026-02-05}
 * @param label how pages name it ({@code 2026}, {@code février 2026}, {@code 5 février 2026})
 * @param path its page
 * @param count articles in it
 */
public record PeriodView(String key, String label, String path, int count) {}
