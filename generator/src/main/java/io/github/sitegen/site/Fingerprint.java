package io.github.sitegen.site;

import io.github.sitegen.internal.Murmur3;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
  private static final Map<Class<?>, List<MethodHandle>> COMPONENTS = new ConcurrentHashMap<>();

  private final Murmur3 digest = new Murmur3();
  private final byte[] buffer = new byte[8];
  private final @Nullable Memo memo;

  /**
   * The digests of records already seen, by identity: the same article view shows on its page, the
   * home, date and tag pages and in related lists, and is digested once. Thread-safe.
   */
  static final class Memo {
    private final Map<Identity, byte[]> digests = new ConcurrentHashMap<>(1 << 16);
    private final @Nullable Path root;

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
      this.root = root == null ? null : root.toAbsolutePath().normalize();
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
    } else if (value instanceof Path path && memo != null && memo.root != null) {
      Path absolute = path.toAbsolutePath().normalize();
      if (absolute.startsWith(memo.root)) {
        tag('p');
        string(memo.root.relativize(absolute).toString().replace('\\', '/'));
      } else {
        tag('t');
        string(path.getClass().getName() + " " + absolute);
      }
    } else if (value instanceof TemporalAccessor || value instanceof Path) {
      tag('t');
      string(value.getClass().getName() + " " + value);
    } else if (value instanceof Record r && memo != null) {
      var key = new Memo.Identity(r);
      byte[] known = memo.digests.get(key);
      if (known == null) {
        known = new Fingerprint(memo).record(r).bytes();
        memo.digests.putIfAbsent(key, known);
      }
      tag('R');
      digest.update(known);
    } else if (value instanceof Record r) {
      record(r);
    } else if (value instanceof Map<?, ?> map) {

      tag('m');
      number(map.size());
      // a map's order is not part of it: entries are added sorted by key when every key is a
      // string (models, bodies by path: the common case), else by their key's fingerprint
      if (map.keySet().stream().allMatch(k -> k instanceof String)) {
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
      entries.forEach(digest::update);
    } else if (value instanceof Collection<?> list) {
      tag('l');
      number(list.size());
      for (Object item : list) {
        add(item);
      }
    } else if (value instanceof byte[] bytes) {
      tag('b');
      number(bytes.length);
      digest.update(bytes);
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

  private Fingerprint record(Record r) {
    tag('r');
    string(r.getClass().getName());
    for (MethodHandle accessor : components(r.getClass())) {
      try {
        add(accessor.invoke(r));
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read " + r.getClass().getName(), e);
      }
    }
    return this;
  }

  private void tag(char c) {
    digest.update((byte) c);
  }

  private void string(String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    number(bytes.length);
    digest.update(bytes);
  }

  private void number(long n) {
    for (int i = 0; i < 8; i++) {
      buffer[i] = (byte) (n >>> (8 * i));
    }
    digest.update(buffer);
  }

  private static List<MethodHandle> components(Class<?> type) {
    return COMPONENTS.computeIfAbsent(
        type,
        t -> {
          List<MethodHandle> accessors = new ArrayList<>();
          MethodHandles.Lookup lookup = MethodHandles.publicLookup();
          for (RecordComponent component : t.getRecordComponents()) {
            try {
              accessors.add(lookup.unreflect(component.getAccessor()));
            } catch (IllegalAccessException e) {
              try {
                component.getAccessor().setAccessible(true);
                accessors.add(MethodHandles.lookup().unreflect(component.getAccessor()));
              } catch (IllegalAccessException | RuntimeException again) {
                throw new IllegalStateException("cannot read record " + t.getName(), again);
              }
            }
          }
          return List.copyOf(accessors);
        });
  }
}
