package io.github.sitegen.feed;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the dates feeds actually write, where Rome is wrong or gives up: ISO-8601 with fractions
 * of a second (Rome 2.1.0 reads {@code .5} as 5 ms), offsets without a colon, a space for the
 * {@code T}, no offset (UTC), a date alone (midnight UTC); RFC 822 with or without weekday or
 * seconds, one-digit days, two-digit years, full names, lowercase, and the US zone names.
 */
final class FeedDates {

  private static final Pattern RFC_822 =
      Pattern.compile(
          "(?:[a-z]+,?\\s*)?(\\d{1,2})\\s+([a-z]{3})[a-z]*\\.?\\s+(\\d{2}|\\d{4})\\s+"
              + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(.*)",
          Pattern.CASE_INSENSITIVE);

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private static final Map<String, Integer> ZONES =
      Map.ofEntries(
          Map.entry("", 0), Map.entry("gmt", 0), Map.entry("ut", 0), Map.entry("utc", 0),
          Map.entry("z", 0), Map.entry("est", -5), Map.entry("edt", -4), Map.entry("cst", -6),
          Map.entry("cdt", -5), Map.entry("mst", -7), Map.entry("mdt", -6), Map.entry("pst", -8),
          Map.entry("pdt", -7));

  private static final Pattern NUMERIC_ZONE = Pattern.compile("([+-])(\\d{2}):?(\\d{2})");

  private FeedDates() {}

  /**
   * {@code date} when its year in UTC is one the archive and the site can hold (1 to 9999: four
   * digits, as RFC 3339 and the site's date folders have them), else null: a year 0, a negative
   * one or one of five digits is no date to archive.
   */
  static @Nullable OffsetDateTime holdable(@Nullable OffsetDateTime date) {
    if (date == null) {
      return null;
    }
    int year = date.withOffsetSameInstant(ZoneOffset.UTC).getYear();
    return year >= 1 && year <= 9999 ? date : null;
  }

  /** The date, in UTC, or empty when the text is no date this reader knows. */
  static Optional<OffsetDateTime> parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          holdable(
              Character.isDigit(s.charAt(0)) && s.length() >= 10 && s.charAt(4) == '-'
                  ? iso(s)
                  : rfc822(s)));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty(); // 31 February, hour 25...: no date
    }
  }

  private static OffsetDateTime iso(String s) {
    String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
    t = t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2").replace(" ", "");
    try {
      return utc(OffsetDateTime.parse(t));
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        return LocalDate.parse(t).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
    }
  }

  private static OffsetDateTime rfc822(String s) {
    Matcher m = RFC_822.matcher(s);
    if (!m.matches()) {
      return null;
    }
    int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
    if (month == 0) {
      return null;
    }
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) {
      year += year < 50 ? 2000 : 1900;
    }
    ZoneOffset offset = offset(m.group(7).strip());
    if (offset == null) {
      return null;
    }
    LocalDateTime local =
        LocalDateTime.of(
            year,
            month,
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    return utc(local.atOffset(offset));
  }

  private static ZoneOffset offset(String zone) {
    Integer hours = ZONES.get(zone.toLowerCase(Locale.ROOT));
    if (hours != null) {
      return ZoneOffset.ofHours(hours);
    }
    Matcher m = NUMERIC_ZONE.matcher(zone);
    if (m.matches()) {
      int minutes = Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
      return ZoneOffset.ofTotalSeconds((m.group(1).equals("-") ? -1 : 1) * minutes * 60);
    }
    return null;
  }

  private static OffsetDateTime utc(OffsetDateTime date) {
    return date.withOffsetSameInstant(ZoneOffset.UTC);
  }
}
