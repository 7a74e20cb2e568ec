package io.github.sitegen.snapshot;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One feed to fetch.
 *
 * @param name the feed's name, the start of its snapshot file names ({@code next} gives {@code
 *     next-20260205T160000Z.xml}): letters, digits, {@code .}, {@code _} and {@code -}
 * @param url the feed's absolute http(s) or file URL
 * @param secret a credential sent with every request (subscriber feeds), or null
 */
public record FeedSource(String name, URI url, @Nullable Secret secret) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public FeedSource {
    requireNonNull(name, "name");
    requireNonNull(url, "url");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "expected a feed name of letters, digits, '.', '_' and '-' such as \"next\", found \""
              + name
              + "\"");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    boolean http = scheme.equals("http") || scheme.equals("https");
    if (!(http && url.getHost() != null) && !scheme.equals("file")) {
      throw new IllegalArgumentException(
          "expected an absolute http(s) or file URL such as \"https://example.org/feed/\", found \""
              + url
              + "\"");
    }
  }

  /** A feed without a secret. */
  public static FeedSource of(String name, URI url) {
    return new FeedSource(name, url, null);
  }

  /** The URL to request: {@link #url()} with the secret added when it travels as a query. */
  URI requestUrl() {
    if (secret == null || secret.kind() != Secret.Kind.QUERY_PARAMETER) {
      return url;
    }
    String s = url.toString();
    int hash = s.indexOf('#');
    String base = hash < 0 ? s : s.substring(0, hash);
    String sep = url.getRawQuery() == null ? "?" : "&";
    return URI.create(
        base
            + sep
            + URLEncoder.encode(secret.name(), StandardCharsets.UTF_8)
            + "="
            + URLEncoder.encode(secret.value(), StandardCharsets.UTF_8));
  }

  /** Replaces every trace of the secret in {@code text} (plain or URL-encoded) with {@code ***}. */
  String redact(String text) {
    if (secret == null || secret.value().isEmpty()) {
      return text;
    }
    String encoded = URLEncoder.encode(secret.value(), StandardCharsets.UTF_8);
    return text.replace(secret.value(), "***").replace(encoded, "***");
  }

  /** The URL as shown in messages: never with the secret. */
  String displayUrl() {
    return redact(url.toString());
  }
}
