package io.github.sitegen.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Parameters every site-gen goal shares; no behaviour. */
public abstract class AbstractSiteGenMojo extends AbstractMojo {

  /** The Markdown archive: one {@code YYYY/MM/DD/<slug>.md} file per article. */
  @Parameter(property = "sitegen.archiveDirectory", defaultValue = "${project.basedir}/articles")
  protected File archiveDirectory;

  /**
   * Time zone of the site, such as {@code Europe/Paris} or {@code UTC}: it decides an article's
   * {@code YYYY/MM/DD} folder and the zone dates are shown in.
   */
  @Parameter(property = "sitegen.timeZone", defaultValue = "UTC")
  protected String timeZone;

  /**
   * Folder for site-gen's caches: an index of the archive's front matter (file sizes and times,
   * what each file says), so that {@code import} and {@code generate} read only the archive files
   * that changed since the last run; the snapshots' hashes and the items the last import merged,
   * so that {@code import} neither hashes nor parses again what it already had; and the build
   * cache, so that {@code generate} renders only what changed. Safe to delete at any time; a stale
   * or damaged cache is ignored and rebuilt, and the output is the same with or without it.
   */
  @Parameter(
      property = "sitegen.cacheDirectory",
      defaultValue = "${project.build.directory}/site-gen-cache")
  protected File cacheDirectory;

  /** Skips the goal. */
  @Parameter(property = "sitegen.skip", defaultValue = "false")
  protected boolean skip;
}
