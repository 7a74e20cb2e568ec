package io.github.sitegen.maven;

import org.jspecify.annotations.Nullable;

/**
 * One feed of the {@code snapshot} goal's {@code <feeds>}:
 *
 * <pre>{@code
 * <feed>
 *   <name>next</name>
 *   <url>https://next.ink/feed/full</url>
 *   <queryParameter>rsskey</queryParameter>   <!-- or <headerName>X-RSS-Key</headerName> -->
 *   <secretEnv>NEXT_RSS_KEY</secretEnv>        <!-- or <serverId>next</serverId> in settings.xml -->
 * </feed>
 * }</pre>
 */
public class Feed {
  /** The feed's name, the start of its snapshot file names ({@code next-20260205T160000Z.xml}). */
  @Nullable String name;

  /** The feed's absolute http(s) or file URL. */
  @Nullable String url;

  /** Request header carrying the secret, such as {@code X-RSS-Key}. */
  @Nullable String headerName;

  /** Query parameter carrying the secret, such as {@code rsskey}. */
  @Nullable String queryParameter;

  /** Environment variable holding the secret. */
  @Nullable String secretEnv;

  /** Id of a {@code <server>} in Maven's settings.xml whose password is the secret. */
  @Nullable String serverId;

  /** A feed for {@code -Dsitegen.url} and friends. */
  static Feed of(
      @Nullable String name,
      @Nullable String url,
      @Nullable String headerName,
      @Nullable String queryParameter,
      @Nullable String secretEnv,
      @Nullable String serverId) {
    var feed = new Feed();
    feed.name = name;
    feed.url = url;
    feed.headerName = headerName;
    feed.queryParameter = queryParameter;
    feed.secretEnv = secretEnv;
    feed.serverId = serverId;
    return feed;
  }
}
