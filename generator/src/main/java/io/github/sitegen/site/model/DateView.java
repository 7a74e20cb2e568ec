package io.github.sitegen.site.model;

/**
 * A date as pages show it, in the site's locale and time zone.
 *
 * @param iso ISO-8601 date-time with offset, for {@code <time datetime>} and feeds
 * @param date the day ({@code 5 février 2026})
 * @param dateTime the day and time ({@code 5 février 2026 à 16:20})
 */
public record DateView(String iso, String date, String dateTime) {}
