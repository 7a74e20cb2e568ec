package io.github.sitegen.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** URL-safe tag names: lowercase ASCII, accents transliterated, never empty. */
final class TagSlugs {
  private static final int MAX_LENGTH = 80;

  private TagSlugs() {}

  // TODO(#2): replace with io.github.sitegen.archive.Slugs.of once it lands on main
  static String of(String tag) {
    String ascii =
        Normalizer.normalize(tag, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replace("œ", "oe")
            .replace("Œ", "oe")
            .replace("æ", "ae")
            .replace("Æ", "ae")
            .replace("ß", "ss")
            .replace("ø", "o")
            .replace("Ø", "o")
            .replace("ł", "l")
            .replace("Ł", "l")
            .replace("đ", "d")
            .replace("Đ", "d")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "tag-" + sha1(tag).substring(0, 8) : slug;
  }

  static String sha1(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
