package io.github.sitegen.site;

import io.github.sitegen.archive.ArchiveIndex;
import io.github.sitegen.internal.AtomicWrites;
import io.github.sitegen.internal.FileBytes;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the last complete build was made from and what it left, kept in the cache folder ({@code
 * site-state.bin}, next to {@link BuildCache}'s file): the digest of all its inputs (articles,
 * bodies, archived images, the JDK; the options, theme and code through {@link #key}) and the size
 * and time of every file it wrote. A build whose inputs have that digest, over an output folder whose
 * files are all as that build left them, would write nothing: it stops there, without planning or
 * fingerprinting a page. Small, so that this check reads little.
 *
 * <p>With {@link Sources} (when the build knew every archive file as its archive index holds it) an
 * unchanged archive is told by a walk of its folder alone, before its index is even read.
 *
 * @param key the build cache's key (code, theme, labels, options)
 * @param inputs the digest of everything else the site is made from
 * @param outputs every file the build wrote, in path order
 * @param sources the archive's files the build was made from, or null when not known
 */
record SiteState(String key, byte[] inputs, List<Output> outputs, @Nullable Sources sources) {
  static final String FILE = "site-state.bin";
  private static final String MAGIC = "site-gen site state";
  private static final int FORMAT = 2;
  /** How many of a state file's first bytes are read to tell its key and inputs. */
  private static final int HEAD = 4096;

  /** A file the build wrote: its path in the site, size, time (ms), and whether it is a page. */
  record Output(String path, long size, long modified, boolean page) {}

  /**
   * The files a build was made from besides the options, theme and code of the key.
   *
   * @param archive the archive folder's absolute path (elsewhere, no file is trusted by its time)
   * @param jdk the JDK's version and vendor (its locale and time-zone data shape dates)
   * @param files every Markdown file of the archive
   * @param articles how many of them are articles
   * @param images every file of the archive's images folder: its path, size and time (ms)
   */
  record Sources(
      String archive,
      String jdk,
      List<ArchiveIndex.FileStamp> files,
      int articles,
      List<Output> images) {
    Sources {
      files = List.copyOf(files);
      images = List.copyOf(images);
    }

    /** The running JDK as {@link #jdk} names it. */
    static String currentJdk() {
      return Runtime.version() + " " + System.getProperty("java.vendor");
    }
  }

  SiteState {
    inputs = inputs.clone();
    outputs = List.copyOf(outputs);
  }

  /** This state with other sources. */
  SiteState with(@Nullable Sources other) {
    return new SiteState(key, inputs, outputs, other);
  }

  /**
   * As {@link #load(Path, String)}, for a build whose inputs digest is {@code inputs}: when the
   * state was made from other inputs (a build after an import: the common case), it is told from
   * the file's first bytes and null is returned without reading the rest (at 50,000 articles the
   * file is ~10 MB, its outputs and sources ~0.4 s to read).
   */
  static @Nullable SiteState load(Path folder, String key, byte[] inputs) {
    try (FileChannel channel = FileChannel.open(folder.resolve(FILE))) {
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(channel.size(), HEAD));
      while (head.hasRemaining() && channel.read(head) >= 0) {
        // the first bytes, or the whole of a smaller file
      }
      var in = new BuildCache.Input(head.array());
      if (!isFor(in, key) || !Arrays.equals(in.bytes(), inputs)) {
        return null;
      }
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      // a head longer than HEAD (a key or digest of another size): read as a whole
    } catch (IOException | RuntimeException e) {
      return null; // missing or unreadable: a full build
    }
    return load(folder, key);
  }

  /** Whether a state file's start (read from {@code in}) is this format's, written for {@code key}. */
  private static boolean isFor(BuildCache.Input in, String key) {
    return in.string().equals(MAGIC) && in.buffer.getInt() == FORMAT && in.string().equals(key);
  }

  /** The state in {@code folder} written for {@code key}; null when there is none, for another key, or unreadable. */
  static @Nullable SiteState load(Path folder, String key) {
    try {
      var in = new BuildCache.Input(FileBytes.read(folder.resolve(FILE)));
      if (!isFor(in, key)) {
        return null;
      }
      byte[] inputs = in.bytes();
      int n = in.count(1);
      Output[] outputs = new Output[n];
      for (int i = 0; i < n; i++) {
        outputs[i] = output(in);
      }
      @Nullable Sources sources = null;
      if (in.buffer.get() == 1) {
        String archive = in.string();
        String jdk = in.string();
        var files = new ArchiveIndex.FileStamp[in.count(1)];
        for (int i = 0; i < files.length; i++) {
          files[i] =
              new ArchiveIndex.FileStamp(
                  in.string(), in.buffer.getLong(), in.buffer.getLong(), in.buffer.getLong());
        }
        int articles = in.buffer.getInt();
        var images = new Output[in.count(1)];
        for (int i = 0; i < images.length; i++) {
          images[i] = output(in);
        }
        sources = new Sources(archive, jdk, Arrays.asList(files), articles, Arrays.asList(images));
      }
      if (!in.string().equals(MAGIC)) {
        return null;
      }
      return new SiteState(key, inputs, Arrays.asList(outputs), sources);
    } catch (IOException | RuntimeException e) {
      return null; // missing, truncated or corrupt: a full build
    }
  }

  /**
   * The state of a build that has just made {@code pages} and the other files {@code cache} lists
   * in {@code output}: each file's size and time as the cache recorded it, else as it is now.
   */
  static SiteState of(
      String key,
      byte[] inputs,
      Path output,
      List<Page> pages,
      BuildCache cache,
      @Nullable Sources sources)
      throws IOException {
    Set<String> files = cache.outputs();
    List<Output> outputs = new ArrayList<>(files.size());
    Set<String> pagePaths = new HashSet<>();
    for (Page page : pages) {
      pagePaths.add(page.path());
      BuildCache.@Nullable PageEntry entry = cache.page(page.path());
      outputs.add(
          entry != null
              ? new Output(page.path(), entry.size(), entry.modified(), true)
              : output(output, page.path(), true));
    }
    for (String path : files) {
      if (!pagePaths.contains(path)) {
        outputs.add(output(output, path, false));
      }
    }
    outputs.sort(Comparator.comparing(Output::path));
    return new SiteState(key, inputs, outputs, sources);
  }

  private static Output output(BuildCache.Input in) {
    return new Output(in.string(), in.buffer.getLong(), in.buffer.getLong(), in.buffer.get() == 1);
  }

  private static void output(DataOutputStream out, Output o) throws IOException {
    BuildCache.utf(out, o.path());
    out.writeLong(o.size());
    out.writeLong(o.modified());
    out.writeByte(o.page() ? 1 : 0);
  }

  private static Output output(Path output, String path, boolean page) throws IOException {
    BasicFileAttributes a = Files.readAttributes(output.resolve(path), BasicFileAttributes.class);
    return new Output(path, a.size(), a.lastModifiedTime().toMillis(), page);
  }

  /**
   * Whether every file of this state is in {@code output} with its size and time; false as soon as
   * the thread is interrupted (its answer is no longer wanted).
   */
  boolean intact(Path output) {
    for (Output o : outputs) {
      if (Thread.currentThread().isInterrupted()) {
        return false;
      }
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(output.resolve(o.path()), BasicFileAttributes.class);
      } catch (IOException e) {
        return false;
      }
      if (!a.isRegularFile() || a.size() != o.size() || a.lastModifiedTime().toMillis() != o.modified()) {
        return false;
      }
    }
    return true;
  }

  /** How many of the outputs are pages. */
  int pages() {
    return (int) outputs.stream().filter(Output::page).count();
  }

  /** Writes this state into {@code folder}, atomically. */
  void save(Path folder) throws IOException {
    Files.createDirectories(folder);
    AtomicWrites.replace(
        folder.resolve(FILE),
        stream -> {
          var out = new DataOutputStream(stream);
          BuildCache.header(out, MAGIC, FORMAT, key);
          BuildCache.bytes(out, inputs);
          out.writeInt(outputs.size());
          for (Output o : outputs) {
            output(out, o);
          }
          out.writeByte(sources == null ? 0 : 1);
          if (sources != null) {
            BuildCache.utf(out, sources.archive());
            BuildCache.utf(out, sources.jdk());
            out.writeInt(sources.files().size());
            for (ArchiveIndex.FileStamp f : sources.files()) {
              BuildCache.utf(out, f.path());
              out.writeLong(f.size());
              out.writeLong(f.modified());
              out.writeLong(f.check());
            }
            out.writeInt(sources.articles());
            out.writeInt(sources.images().size());
            for (Output image : sources.images()) {
              output(out, image);
            }
          }
          BuildCache.utf(out, MAGIC);
          out.flush();
        });
  }

  /** Deletes the state in {@code folder}: a build that may change the site comes first. */
  static void forget(Path folder) throws IOException {
    Files.deleteIfExists(folder.resolve(FILE));
  }
}
