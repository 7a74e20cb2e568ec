package io.github.sitegen.site.model;

import org.jspecify.annotations.Nullable;

/**
 * One month of a year page's calendar, with or without articles.
 *
 * @param key {@code 2026-02}
 * @param label the month's name ({@code février})
 * @param count articles in it, 0 for none
 * @param path its page, or null when it has no articles
 */
public record CalendarMonth(String key, String label, int count, @Nullable String path) {}
