package io.github.sitegen.snapshot;

import io.github.sitegen.internal.AtomicWrites;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The validators ({@code ETag}, {@code Last-Modified}) of each feed's last response, kept in {@code
 * .site-gen-fetch.properties} in the snapshots folder. Written sorted, without a date line, so the
 * file only changes when a validator does (it is committed with the snapshots). It never holds a
 * secret: only validators the server sent.
 */
final class FetchState {
  static final String FILE_NAME = ".site-gen-fetch.properties";

  private final Path file;
  private final TreeMap<String, String> values = new TreeMap<>();

  private FetchState(Path file) {
    this.file = file;
  }

  static FetchState load(Path snapshots) throws IOException {
    var state = new FetchState(snapshots.resolve(FILE_NAME));
    if (Files.isRegularFile(state.file)) {
      var properties = new Properties();
      try (Reader in = Files.newBufferedReader(state.file, StandardCharsets.UTF_8)) {
        properties.load(in);
      }
      properties.stringPropertyNames().forEach(k -> state.values.put(k, properties.getProperty(k)));
    }
    return state;
  }

  Optional<String> get(String feed, String key) {
    return Optional.ofNullable(values.get(feed + "." + key));
  }

  /** Sets or, for null, removes a value; says whether anything changed. */
  boolean put(String feed, String key, @Nullable String value) {
    String k = feed + "." + key;
    String old = value == null ? values.remove(k) : values.put(k, value);
    return !Objects.equals(old, value);
  }

  void save() throws IOException {
    var text = new StringBuilder("# site-gen snapshot: validators of each feed's last response\n");
    for (Map.Entry<String, String> e : values.entrySet()) {
      text.append(escape(e.getKey(), true))
          .append('=')
          .append(escape(e.getValue(), false))
          .append('\n');
    }
    AtomicWrites.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The escaping {@link Properties#load(Reader)} undoes; non-ASCII as {@code \\uXXXX}. */
  private static String escape(String s, boolean key) {
    var out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '=', ':', '#', '!' -> out.append('\\').append(c);
        case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
