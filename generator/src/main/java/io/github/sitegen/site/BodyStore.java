package io.github.sitegen.site;

import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.ContentCheck;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rendered article bodies kept between builds in the cache folder ({@code site-bodies.bin}), for
 * the bodies the feeds show. When an article arrives, every feed showing it (the home feed, its
 * tags' and authors') is made again with the 19 or so other bodies it shows, whose article pages
 * are unchanged and so were not rendered: without this file each of those bodies would be parsed
 * again (~480 of them for one hourly snapshot into a 10,000-article archive), with it each is read.
 *
 * <p>The file is a header (what it is, its format, the build cache key) and then records, appended
 * as builds render bodies; the build cache ({@link BuildCache.BodyEntry}) says where each body's
 * latest record is. A record holds its article page, the digest of the body's bytes, the digest of
 * where its site links led when it was rendered, the HTML (with site links as markers, see {@link
 * BodyHtml}) and a check of all of it: it is used only when all of these still hold, so a record
 * from another build, a damaged, truncated or replaced file is never shown, the body is rendered
 * again instead. Records no build cache entry names any more are dropped when they outweigh the
 * others ({@link #compact}). A store that cannot be read or written is ignored: it never fails a
 * build. Thread-safe.
 */
final class BodyStore implements AutoCloseable {
  static final String FILE = "site-bodies.bin";
  private static final String MAGIC = "site-gen rendered bodies";
  private static final int FORMAT = 1;
  /** Dead records are dropped once they are more than this, and more than the live ones. */
  private static final long SLACK = 1 << 20;

  /** Where a record is in the file: its offset and length, both in bytes. */
  record Location(long offset, int length) {}

  private final Path file;
  private final byte[] header;
  /** The open file, when it has a header for this key; null until then (or after a failure). */
  private @Nullable FileChannel channel;
  /** Where the next record goes. */
  private long end;
  /** Whether the store failed to write: nothing more is tried. */
  private boolean broken;

  private BodyStore(Path file, byte[] header) {
    this.file = file;
    this.header = header;
  }

  /**
   * The store in {@code folder} for the build cache key {@code key}: the file there, when it was
   * made for that key; else an empty store, whose file is made at the first {@link #append}.
   */
  static BodyStore open(Path folder, String key) {
    var header = new ByteArrayOutputStream();
    try {
      BuildCache.header(new DataOutputStream(header), MAGIC, FORMAT, key);
    } catch (IOException e) {
      throw new IllegalStateException(e); // a byte array stream does not fail
    }
    var store = new BodyStore(folder.resolve(FILE), header.toByteArray());
    store.channel = store.existing();
    return store;
  }

  /** The file opened for reading and appending, when it has this store's header; else null. */
  private @Nullable FileChannel existing() {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    FileChannel opened = null;
    try {
      opened = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      byte[] start = readAt(opened, 0, header.length);
      if (start == null || !Arrays.equals(start, header)) {
        opened.close();
        return null;
      }
      end = opened.size();
      return opened;
    } catch (IOException e) {
      close(opened);
      return null;
    }
  }

  /**
   * The HTML of the record at {@code at}, when it is the body of {@code page} whose bytes have
   * digest {@code identity}, rendered while its links led to {@code targets}, and intact; else null.
   */
  @Nullable String read(Location at, String page, byte[] identity, byte[] targets) {
    FileChannel open;
    synchronized (this) {
      open = channel;
      if (open == null || !holds(at)) {
        return null;
      }
    }
    try {
      byte[] record = readAt(open, at.offset(), at.length());
      if (record == null
          || ContentCheck.of(record, 0, record.length - 8)
              != ByteBuffer.wrap(record).getLong(record.length - 8)) {
        return null;
      }
      var in = new BuildCache.Input(record);
      if (!in.string().equals(page)
          || !Arrays.equals(in.bytes(), identity)
          || !Arrays.equals(in.bytes(), targets)) {
        return null;
      }
      return in.string();
    } catch (IOException | RuntimeException e) {
      return null; // unreadable or damaged: the body is rendered again
    }
  }

  /**
   * Appends the HTML of {@code page}'s body, whose bytes have digest {@code identity} and whose
   * links led to {@code targets}; null when the store cannot be written.
   */
  @Nullable Location append(String page, byte[] identity, byte[] targets, String html) {
    byte[] record;
    try {
      var bytes = new ByteArrayOutputStream(html.length() + 256);
      var out = new DataOutputStream(bytes);
      BuildCache.utf(out, page);
      BuildCache.bytes(out, identity);
      BuildCache.bytes(out, targets);
      BuildCache.utf(out, html);
      out.writeLong(0); // the check, filled below
      record = bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e); // a byte array stream does not fail
    }
    ByteBuffer.wrap(record).putLong(record.length - 8, ContentCheck.of(record, 0, record.length - 8));
    synchronized (this) {
      if (broken) {
        return null;
      }
      try {
        if (channel == null) {
          channel = create();
        }
        long at = end;
        ByteBuffer buffer = ByteBuffer.wrap(record);
        while (buffer.hasRemaining()) {
          channel.write(buffer, at + buffer.position());
        }
        end = at + record.length;
        return new Location(at, record.length);
      } catch (IOException e) {
        broken = true;
        return null;
      }
    }
  }

  /**
   * A new file with only the header, replacing any file there (one made for another key, or
   * unreadable): the build caches that named its records no longer hold anyway.
   */
  private FileChannel create() throws IOException {
    AtomicWrites.replace(file, header);
    end = header.length;
    return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /**
   * Drops the records not in {@code live} (by article page) when they take more room than the
   * live ones (and more than a megabyte), by writing the live ones to a new file that replaces
   * this one; the file is deleted when none is live. Returns where each live record is now (the
   * same map when nothing was dropped); a record that could not be copied is left out. When the
   * file cannot be replaced it is left as it was, and so are the locations.
   */
  synchronized Map<String, Location> compact(Map<String, Location> live) {
    try {
      return compactOrFail(live);
    } catch (IOException e) {
      return live; // (the file is replaced atomically: still the one these locations are in)
    }
  }

  private Map<String, Location> compactOrFail(Map<String, Location> live) throws IOException {
    FileChannel open = channel;
    if (open == null) {
      if (live.isEmpty()) {
        Files.deleteIfExists(file); // one made for another key, that nothing names
      }
      return live;
    }
    long used = 0;
    for (Location at : live.values()) {
      used += at.length();
    }
    long dead = end - header.length - used;
    if (!live.isEmpty() && (dead <= SLACK || dead <= used)) {
      return live;
    }
    if (live.isEmpty()) {
      close();
      Files.deleteIfExists(file);
      return live;
    }
    // the live records read first, the file closed, then replaced: a file still open cannot be
    // replaced everywhere (Windows). They are the feeds' bodies: ~20 MB at any archive size
    Map<String, Location> moved = new LinkedHashMap<>();
    List<byte[]> records = new ArrayList<>();
    long at = header.length;
    for (Map.Entry<String, Location> e : live.entrySet()) {
      Location from = e.getValue();
      byte[] record = holds(from) ? readAt(open, from.offset(), from.length()) : null;
      if (record == null) {
        continue; // not a record of this file: left out
      }
      records.add(record);
      moved.put(e.getKey(), new Location(at, from.length()));
      at += from.length();
    }
    close();
    AtomicWrites.replace(
        file,
        out -> {
          out.write(header);
          for (byte[] record : records) {
            out.write(record);
          }
        });
    channel = existing();
    return moved;
  }

  /**
   * Whether {@code at} can be a record of this file (a location from another file may not): after
   * the header, within the file, long enough for its check.
   */
  private boolean holds(Location at) {
    return at.offset() >= header.length && at.length() >= 8 && at.length() <= end - at.offset();
  }

  /** {@code length} bytes of {@code channel} from {@code at}; null when the file ends first. */
  private static byte @Nullable [] readAt(FileChannel channel, long at, int length)
      throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(length);
    while (bytes.hasRemaining()) {
      if (channel.read(bytes, at + bytes.position()) < 0) {
        return null;
      }
    }
    return bytes.array();
  }

  /** Closes the file (the store reads and appends nothing more until compacted). */
  @Override
  public synchronized void close() {
    close(channel);
    channel = null;
  }

  private static void close(@Nullable FileChannel open) {
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        // nothing was lost: records are written as they come
      }
    }
  }
}
