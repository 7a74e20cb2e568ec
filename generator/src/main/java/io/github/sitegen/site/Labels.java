package io.github.sitegen.site;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The theme's labels for one locale: {@code i18n/labels.properties} overlaid by {@code
 * labels_<language>.properties} and {@code labels_<language>_<COUNTRY>.properties}. Placeholders
 * are {@code {0}}, {@code {1}}…, replaced literally (no {@link java.text.MessageFormat}, whose
 * quoting rules trip over French apostrophes).
 *
 * @param values each label by key
 * @param locale what dates shown with the labels' patterns are formatted in (month and day names,
 *     AM/PM): the site's locale when the theme has labels for its language, else {@link
 *     #DEFAULT_LOCALE}, the default labels' language, so that a page is in one language
 */
record Labels(Map<String, String> values, Locale locale) {
  /** The language of the default labels ({@code labels.properties}). */
  static final Locale DEFAULT_LOCALE = Locale.ENGLISH;

  Labels {
    values = Map.copyOf(new TreeMap<>(values));
  }

  Optional<String> find(String key) {
    return Optional.ofNullable(values.get(key));
  }

  String expect(String key) {
    return find(key)
        .orElseThrow(() -> new IllegalArgumentException("no label \"" + key + "\" in the theme"));
  }

  String format(String key, Object... args) {
    String text = expect(key);
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  /**
   * {@code key.zero}, {@code key.one} or {@code key.other}, whichever fits, with the count as {0}.
   */
  String count(String key, int n) {
    String form = n == 0 && find(key + ".zero").isPresent() ? "zero" : n == 1 ? "one" : "other";
    return format(key + "." + form, n);
  }
}
