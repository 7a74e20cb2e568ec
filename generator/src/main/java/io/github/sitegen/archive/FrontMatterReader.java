package io.github.sitegen.archive;

import io.github.sitegen.archive.FrontMatter.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads front matter in the one shape {@link FrontMatter#write} gives it, without SnakeYAML: one
 * {@code key: scalar} per line from column 0, or {@code key:} followed by {@code - scalar} lines;
 * scalars plain, single-quoted or double-quoted on one line. It returns exactly what SnakeYAML
 * would (same texts, same lines) and gives up, returning null, at the first thing it was not
 * written for (comments, anchors, tags, flow or block styles, tabs, blank lines, indentation,
 * escapes it does not know, duplicate keys…), so the caller falls back to SnakeYAML, which also
 * gives the error messages. Listing an archive is dominated by front matter: this is several
 * times faster than composing a YAML node tree.
 */
final class FrontMatterReader {
  /** Plain scalars the YAML 1.1 resolver reads as null (the empty one never gets here). */
  private static final Set<String> NULL_WORDS = Set.of("~", "null", "Null", "NULL");

  /** Longer keys are not simple keys for SnakeYAML (limit 1024); ours are short words. */
  private static final int MAX_KEY = 128;

  /** Well under SnakeYAML's code point limit, so SnakeYAML reports documents near it. */
  private static final int MAX_CHARS = 256 * 1024;

  private FrontMatterReader() {}

  /**
   * The values of the YAML text between the fences (each line ending with {@code \n}), in file
   * order, with 1-based file lines (the opening fence is line 1); null when the text is not in the
   * shape this reader knows.
   */
  static @Nullable Map<String, Value> read(String yaml) {
    int n = yaml.length();
    if (n > MAX_CHARS) {
      return null;
    }
    Map<String, Value> values = new LinkedHashMap<>();
    int pos = 0;
    int line = 2;
    while (pos < n) {
      int eol = yaml.indexOf('\n', pos);
      int colon = keyEnd(yaml, pos, eol);
      if (colon < 0) {
        return null;
      }
      String key = yaml.substring(pos, colon);
      if (values.containsKey(key)) {
        return null; // SnakeYAML rejects duplicate keys
      }
      if (colon + 1 == eol) {
        // key alone on its line: a sequence of "- item" lines, indentless, must follow
        pos = eol + 1;
        line++;
        int first = line;
        List<String> items = new ArrayList<>();
        while (pos + 1 < n && yaml.charAt(pos) == '-' && yaml.charAt(pos + 1) == ' ') {
          eol = yaml.indexOf('\n', pos);
          if (eol < 0) {
            return null;
          }
          String item = scalar(yaml, pos + 2, eol);
          if (item == null) {
            return null;
          }
          if (!isNull(yaml, pos + 2, item)) {
            items.add(item);
          }
          pos = eol + 1;
          line++;
        }
        if (line == first) {
          return null; // a null value or a nested mapping: not ours
        }
        values.put(key, new Value(List.copyOf(items), first));
      } else if (yaml.charAt(colon + 1) == ' '
          && colon + 2 < eol
          && yaml.charAt(colon + 2) == '[') {
        List<String> items = flowSequence(yaml, colon + 2, eol);
        if (items == null) {
          return null;
        }
        values.put(key, new Value(items, line));
        pos = eol + 1;
        line++;
      } else if (yaml.charAt(colon + 1) == ' ') {
        String text = scalar(yaml, colon + 2, eol);
        if (text == null) {
          return null;
        }
        values.put(key, new Value(isNull(yaml, colon + 2, text) ? "" : text, line));
        pos = eol + 1;
        line++;
      } else {
        return null;
      }
    }
    return values;
  }

  /**
   * A one-line flow sequence filling {@code [start, end)}: {@code []} or {@code [a, "b", 'c']},
   * items separated by exactly {@code ", "} (the shape other generators and our benchmark corpus
   * write tags in); null for anything else (nesting, other spacing, trailing commas…).
   */
  private static @Nullable List<String> flowSequence(String yaml, int start, int end) {
    int close = end - 1;
    if (yaml.charAt(close) != ']') {
      return null;
    }
    List<String> items = new ArrayList<>();
    int i = start + 1;
    while (i < close) {
      char c = yaml.charAt(i);
      boolean quoted = c == '"' || c == '\'';
      int itemEnd = quoted ? quotedEnd(yaml, i, close) : flowPlainEnd(yaml, i, close);
      if (itemEnd < 0) {
        return null;
      }
      String item = quoted ? scalar(yaml, i, itemEnd) : flowPlain(yaml, i, itemEnd);
      if (item == null) {
        return null;
      }
      if (!isNull(yaml, i, item)) {
        items.add(item);
      }
      if (itemEnd == close) {
        break;
      }
      if (yaml.charAt(itemEnd) != ',' || itemEnd + 2 >= close || yaml.charAt(itemEnd + 1) != ' ') {
        return null;
      }
      i = itemEnd + 2;
    }
    return List.copyOf(items);
  }

  /** Just past the quote closing the quoted scalar at {@code start}, or -1. */
  private static int quotedEnd(String yaml, int start, int limit) {
    char quote = yaml.charAt(start);
    for (int i = start + 1; i < limit; i++) {
      char c = yaml.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < limit && yaml.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i + 1;
        }
      }
    }
    return -1;
  }

  /** Where a plain item in a flow sequence ends: the next ',' or the closing bracket. */
  private static int flowPlainEnd(String yaml, int start, int close) {
    int comma = yaml.indexOf(',', start);
    return comma < 0 || comma > close ? close : comma;
  }

  /**
   * A plain item of a flow sequence: a plain scalar without the flow indicators, quotes, ':' or
   * '?' (SnakeYAML ends a plain scalar at them in flow context).
   */
  private static @Nullable String flowPlain(String yaml, int start, int end) {
    if (start >= end) {
      return null;
    }
    for (int i = start; i < end; i++) {
      if ("[]{}:?'\"".indexOf(yaml.charAt(i)) >= 0) {
        return null;
      }
    }
    return plain(yaml, start, end);
  }

  /** Where the ':' after a plain word key starting at {@code start} is, or -1. */
  private static int keyEnd(String yaml, int start, int eol) {
    if (eol < 0 || start >= eol || !isKeyStart(yaml.charAt(start))) {
      return -1;
    }
    int end = Math.min(eol, start + MAX_KEY);
    for (int i = start + 1; i < end; i++) {
      char c = yaml.charAt(i);
      if (c == ':') {
        return i;
      }
      if (!isKeyStart(c) && !(c >= '0' && c <= '9') && c != '-') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isKeyStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }

  private static boolean isNull(String yaml, int start, String text) {
    char c = yaml.charAt(start);
    return c != '\'' && c != '"' && NULL_WORDS.contains(text);
  }

  /** The scalar filling {@code [start, end)} exactly, or null when it is not one we read. */
  private static @Nullable String scalar(String yaml, int start, int end) {
    if (start >= end) {
      return null;
    }
    return switch (yaml.charAt(start)) {
      case '\'' -> singleQuoted(yaml, start, end);
      case '"' -> doubleQuoted(yaml, start, end);
      default -> plain(yaml, start, end);
    };
  }

  /**
   * A plain scalar: no indicator first, no {@code ": "} or {@code " #"} inside (they would end it),
   * no trailing space or ':' (SnakeYAML would strip or misread them).
   */
  private static @Nullable String plain(String yaml, int start, int end) {
    if ("-?:,[]{}#&*!|>'\"%@` ".indexOf(yaml.charAt(start)) >= 0) {
      return null;
    }
    char last = yaml.charAt(end - 1);
    if (last == ' ' || last == ':') {
      return null;
    }
    for (int i = start; i < end; i++) {
      char c = yaml.charAt(i);
      if (c == ':' && yaml.charAt(i + 1) == ' ' || c == '#' && yaml.charAt(i - 1) == ' ') {
        return null;
      }
      if (!isPrintable(yaml, i, end)) {
        return null;
      }
    }
    return yaml.substring(start, end);
  }

  /** {@code 'text'} with {@code ''} for a quote, closing exactly at {@code end}. */
  private static @Nullable String singleQuoted(String yaml, int start, int end) {
    StringBuilder out = new StringBuilder(end - start);
    for (int i = start + 1; i < end; i++) {
      char c = yaml.charAt(i);
      if (c == '\'') {
        if (i + 1 < end && yaml.charAt(i + 1) == '\'') {
          out.append('\'');
          i++;
        } else {
          return i + 1 == end ? out.toString() : null;
        }
      } else if (isPrintable(yaml, i, end)) {
        out.append(c);
      } else {
        return null;
      }
    }
    return null;
  }

  /** {@code "text"} with the escapes SnakeYAML writes, closing exactly at {@code end}. */
  private static @Nullable String doubleQuoted(String yaml, int start, int end) {
    StringBuilder out = new StringBuilder(end - start);
    for (int i = start + 1; i < end; i++) {
      char c = yaml.charAt(i);
      if (c == '"') {
        return i + 1 == end ? out.toString() : null;
      } else if (c == '\\') {
        if (i + 1 >= end) {
          return null;
        }
        char e = yaml.charAt(++i);
        int digits =
            switch (e) {
              case 'x' -> 2;
              case 'u' -> 4;
              case 'U' -> 8;
              default -> 0;
            };
        if (digits > 0) {
          int code = hex(yaml, i + 1, digits, end);
          if (code < 0) {
            return null;
          }
          out.appendCodePoint(code);
          i += digits;
        } else {
          char decoded = escaped(e);
          if (decoded == 0 && e != '0') {
            return null;
          }
          out.append(decoded);
        }
      } else if (isPrintable(yaml, i, end)) {
        out.append(c);
      } else {
        return null;
      }
    }
    return null;
  }

  /** The character of a one-letter escape, or 0 when unknown (also the result of {@code \0}). */
  private static char escaped(char e) {
    return switch (e) {
      case '0' -> '\0';
      case 'a' -> '\u0007';
      case 'b' -> '\b';
      case 't' -> '\t';
      case 'n' -> '\n';
      case 'v' -> '\u000B';
      case 'f' -> '\f';
      case 'r' -> '\r';
      case 'e' -> '\u001B';
      case ' ' -> ' ';
      case '"' -> '"';
      case '\\' -> '\\';
      case 'N' -> '\u0085';
      case '_' -> '\u00A0';
      case 'L' -> '\u2028';
      case 'P' -> '\u2029';
      default -> 0;
    };
  }

  /** The code point of {@code digits} hex digits at {@code start}, or -1. */
  private static int hex(String yaml, int start, int digits, int end) {
    if (start + digits > end) {
      return -1;
    }
    int code = 0;
    for (int i = start; i < start + digits; i++) {
      int d = Character.digit(yaml.charAt(i), 16);
      if (d < 0) {
        return -1;
      }
      code = code * 16 + d;
    }
    // unpaired surrogates and code points past Unicode: leave them to SnakeYAML
    return code > Character.MAX_CODE_POINT || code >= 0xD800 && code <= 0xDFFF ? -1 : code;
  }

  /**
   * Whether the char at {@code i} may appear as is: SnakeYAML's printable set, less tab, the YAML
   * 1.1 line breaks (U+0085, U+2028, U+2029) and the byte order mark; a surrogate only as a pair.
   */
  private static boolean isPrintable(String yaml, int i, int end) {
    char c = yaml.charAt(i);
    if (c >= 0x20 && c < 0x7F) {
      return true;
    }
    if (c < 0xA0 || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c >= 0xFFFE) {
      return false;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < end && Character.isLowSurrogate(yaml.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i > 0 && Character.isHighSurrogate(yaml.charAt(i - 1));
    }
    return true;
  }
}
