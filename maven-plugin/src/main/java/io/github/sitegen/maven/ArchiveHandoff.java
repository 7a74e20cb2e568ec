package io.github.sitegen.maven;

import io.github.sitegen.archive.ArchiveIndex;
import io.github.sitegen.site.SiteOptions;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The archive as {@code site-gen:import} left it, handed to the {@code site-gen:generate} that
 * follows in the same build of the same project (through the plugin context Maven shares between a
 * plugin's goals), so that {@code mvn site-gen} does not walk the archive and decode its index a
 * second time, as {@code site-gen build --snapshots} does not. Taken once; used only when the
 * generate goal reads the same archive folder, in the same zone, with the same cache folder.
 *
 * @param archive the archive folder, absolute and normalised
 * @param cache the cache folder, absolute and normalised
 */
record ArchiveHandoff(Path archive, ZoneId zone, Path cache, ArchiveIndex.Contents contents) {
  private static final String KEY = ArchiveHandoff.class.getName();

  /** Leaves {@code contents} (when there are any) for the next generate goal. */
  static void give(
      @Nullable Map<Object, Object> context,
      Path archive,
      ZoneId zone,
      @Nullable Path cache,
      ArchiveIndex.@Nullable Contents contents) {
    clear(context); // an older handoff no longer tells the archive as it is
    if (context != null && contents != null && cache != null) {
      context.put(KEY, new ArchiveHandoff(normal(archive), zone, normal(cache), contents));
    }
  }

  /** Drops what an earlier import goal left: the archive may change from now on. */
  static void clear(@Nullable Map<Object, Object> context) {
    if (context != null) {
      context.remove(KEY);
    }
  }

  /**
   * The contents left by the import goal, when it read the archive these options name (removed
   * either way: a later goal cannot tell what happened to the archive since).
   */
  static ArchiveIndex.@Nullable Contents take(
      @Nullable Map<Object, Object> context, SiteOptions options) {
    if (context == null || !(context.remove(KEY) instanceof ArchiveHandoff h)) {
      return null;
    }
    Path cache = options.cache();
    boolean same =
        h.archive().equals(normal(options.archive()))
            && h.zone().equals(options.zone())
            && cache != null
            && h.cache().equals(normal(cache));
    return same ? h.contents() : null;
  }

  private static Path normal(Path path) {
    return path.toAbsolutePath().normalize();
  }
}
