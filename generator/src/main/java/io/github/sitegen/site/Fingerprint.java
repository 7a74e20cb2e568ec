package io.github.sitegen.site;

import io.github.sitegen.internal.Murmur3;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A 128-bit digest ({@link Murmur3}) of everything a page is made from: strings, numbers, dates, lists, maps (whatever their
 * iteration order) and records (component by component), each tagged with its type so that
 * different values never feed the same bytes. Two equal inputs give the same fingerprint in any JVM
 * run; not thread-safe (one per page).
 */
final class Fingerprint {
  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private final Murmur3 digest = new Murmur3();
  /** Where a string's chars are copied to be read (grown as needed). */
  private char[] chars = new char[64];
  private final @Nullable Memo memo;

  /**
   * The digests of records already seen, by identity: the same article view shows on its page, the
   * home, date and tag pages and in related lists, and is digested once. Only records holding other
   * records, lists or maps are kept: a record of a few strings (a link, a date's texts) is digested
   * again more cheaply than it is looked up. Thread-safe.
   */
  static final class Memo {
    private final Map<Identity, long[]> digests;
    private final @Nullable Path root;
    /** The root as given, then a separator: the start of the paths the archive reader makes. */
    private final String rootPrefix;

    /** A memo whose fingerprints digest paths as they are given. */
    Memo() {
      this(null);
    }

    /**
     * A memo whose fingerprints digest a path inside {@code root} (an article's file in the
     * archive) relative to it: the same archive gives the same fingerprints from any working
     * folder, given by a relative or an absolute path, and after the project has moved.
     */
    Memo(@Nullable Path root) {
      this(root, 1 << 15);
    }

    /**
     * A memo as {@link #Memo(Path)} for about {@code expected} records (sized once: a site's
     * articles and their views, two records per article, would grow it many times).
     */
    Memo(@Nullable Path root, int expected) {
      this.digests = new ConcurrentHashMap<>(Math.max(16, expected));
      this.root = root == null ? null : root.toAbsolutePath().normalize();
      this.rootPrefix = root == null ? "" : root + root.getFileSystem().getSeparator();
    }

    /** The path relative to the root, {@code /}-separated; null when it is not inside it. */
    @Nullable String relative(Path path) {
      if (root == null) {
        return null;
      }
      String text = path.toString();
      if (!rootPrefix.isEmpty()
          && text.startsWith(rootPrefix)
          && !text.contains("..")
          && !text.contains("/./")
          && !text.contains("\\.\\")) {
        // a file of the archive as the reader gives it: the root as given, then its path
        return text.substring(rootPrefix.length()).replace('\\', '/');
      }
      return ArchivePaths.inside(root, path);
    }

    private record Identity(Object value) {
      @Override
      public boolean equals(Object other) {
        return other instanceof Identity i && i.value == value;
      }

      @Override
      public int hashCode() {
        return System.identityHashCode(value);
      }
    }
  }

  Fingerprint() {
    this(null);
  }

  /** A fingerprint that digests each record once per {@code memo}. */
  Fingerprint(@Nullable Memo memo) {
    this.memo = memo;
  }

  /** Adds a value; see the class comment for what may be given. */
  Fingerprint add(@Nullable Object value) {
    if (value == null) {
      tag('0');
    } else if (value instanceof String s) {
      tag('s');
      string(s);
    } else if (value instanceof Boolean b) {
      tag(b ? 'T' : 'F');
    } else if (value instanceof Integer || value instanceof Long) {
      tag('i');
      number(((Number) value).longValue());
    } else if (value instanceof Enum<?> e) {
      tag('e');
      string(e.getDeclaringClass().getName() + "." + e.name());
    } else if (value instanceof OffsetDateTime time) {
      // what its text says (local date-time and offset), without making the text
      tag('o');
      number(time.toEpochSecond());
      number(time.getNano());
      number(time.getOffset().getTotalSeconds());
    } else if (value instanceof Path path && memo != null && memo.root != null) {
      @Nullable String relative = memo.relative(path);
      if (relative != null) {
        tag('p');
        string(relative);
      } else {
        tag('t');
        string(path.getClass().getName() + " " + path.toAbsolutePath().normalize());
      }
    } else if (value instanceof TemporalAccessor || value instanceof Path) {
      tag('t');
      string(value.getClass().getName() + " " + value);
    } else if (value instanceof Record r) {
      Shape shape = shape(r.getClass());
      if (memo == null || !shape.composite()) {
        record(r, shape);
        return this;
      }
      var key = new Memo.Identity(r);
      long[] known = memo.digests.get(key);
      if (known == null) {
        known = new Fingerprint(memo).record(r, shape).digest.digestLongs();
        memo.digests.putIfAbsent(key, known);
      }
      tag('R');
      number(known[0]);
      number(known[1]);
    } else if (value instanceof Map<?, ?> map) {
      tag('m');
      number(map.size());
      // a map's order is not part of it: entries are added sorted by key when every key is a
      // string (models, bodies by path: the common case), else by their key's fingerprint
      boolean strings = true;
      for (Object key : map.keySet()) {
        strings &= key instanceof String;
      }
      if (strings) {
        tag('k');
        String[] keys = map.keySet().toArray(new String[0]);
        java.util.Arrays.sort(keys);
        for (String key : keys) {
          add(key).add(map.get(key));
        }
        return this;
      }
      List<byte[]> entries = new ArrayList<>(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        entries.add(new Fingerprint(memo).add(entry.getKey()).add(entry.getValue()).bytes());
      }
      entries.sort(java.util.Arrays::compare);
      entries.forEach(this::packed);
    } else if (value instanceof Collection<?> list) {
      tag('l');
      number(list.size());
      for (Object item : list) {
        add(item);
      }
    } else if (value instanceof byte[] bytes) {
      tag('b');
      number(bytes.length);
      packed(bytes);
    } else {
      throw new IllegalArgumentException(
          "cannot fingerprint a " + value.getClass().getName() + ": add it to Fingerprint");
    }
    return this;
  }

  /** The digest of what was added; the fingerprint cannot be used afterwards. */
  byte[] bytes() {
    return digest.digest();
  }

  /** The digest as hex. */
  String hex() {
    return HexFormat.of().formatHex(bytes());
  }

  private Fingerprint record(Record r, Shape shape) {
    tag('r');
    number(shape.name());
    for (MethodHandle accessor : shape.accessors()) {
      try {
        add((Object) accessor.invokeExact((Object) r));
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read " + r.getClass().getName(), e);
      }
    }
    return this;
  }

  // Everything is added as whole longs (Murmur3's fast path); a value's tag and its lengths keep
  // any two different sequences of values apart.

  private void tag(char c) {
    digest.update((long) c);
  }

  /** A string's length, then its UTF-16 chars four to a long (the last one padded with zeros). */
  private void string(String s) {
    int length = s.length();
    number(length);
    if (chars.length < length) {
      chars = new char[Math.max(length, 2 * chars.length)];
    }
    s.getChars(0, length, chars, 0);
    int i = 0;
    for (; i + 4 <= length; i += 4) {
      digest.update(
          chars[i]
              | (long) chars[i + 1] << 16
              | (long) chars[i + 2] << 32
              | (long) chars[i + 3] << 48);
    }
    if (i < length) {
      long last = 0;
      for (int k = length - 1; k >= i; k--) {
        last = (last << 16) | chars[k];
      }
      digest.update(last);
    }
  }

  /** Bytes whose count is known from what came before, eight to a long. */
  private void packed(byte[] bytes) {
    for (int i = 0; i < bytes.length; i += 8) {
      long value = 0;
      for (int k = Math.min(bytes.length, i + 8) - 1; k >= i; k--) {
        value = (value << 8) | (bytes[k] & 0xff);
      }
      digest.update(value);
    }
  }

  private void number(long n) {
    digest.update(n);
  }

  /**
   * A record class: a digest of its name, its components' accessors as (Object)Object, and whether
   * a component may hold more than text, numbers and dates (then its digests are memoised).
   */
  private record Shape(long name, List<MethodHandle> accessors, boolean composite) {}

  /** Component types a record of only these is digested anew rather than memoised. */
  private static final java.util.Set<Class<?>> PLAIN =
      java.util.Set.of(
          String.class, boolean.class, int.class, long.class, Boolean.class, Integer.class,
          Long.class, OffsetDateTime.class);

  private static Shape shape(Class<?> type) {
    return SHAPES.computeIfAbsent(
        type,
        t -> {
          var name = new Murmur3();
          name.update(t.getName().getBytes(StandardCharsets.UTF_8));
          byte[] digest = name.digest();
          long id = 0;
          for (int k = 7; k >= 0; k--) {
            id = (id << 8) | (digest[k] & 0xff);
          }
          MethodType generic = MethodType.methodType(Object.class, Object.class);
          boolean composite = false;
          for (RecordComponent component : t.getRecordComponents()) {
            composite |= !PLAIN.contains(component.getType()) && !component.getType().isEnum();
          }
          return new Shape(
              id, components(t).stream().map(h -> h.asType(generic)).toList(), composite);
        });
  }

  /** A record class's component accessors, in order; usable from this package. */
  static List<MethodHandle> components(Class<?> type) {
    List<MethodHandle> accessors = new ArrayList<>();
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    for (RecordComponent component : type.getRecordComponents()) {
      try {
        accessors.add(lookup.unreflect(component.getAccessor()));
      } catch (IllegalAccessException e) {
        try {
          component.getAccessor().setAccessible(true);
          accessors.add(MethodHandles.lookup().unreflect(component.getAccessor()));
        } catch (IllegalAccessException | RuntimeException again) {
          throw new IllegalStateException("cannot read record " + type.getName(), again);
        }
      }
    }
    return accessors;
  }
}
