package io.github.sitegen.maven;

import io.github.sitegen.site.OptionValues;
import io.github.sitegen.snapshot.FeedSource;
import io.github.sitegen.snapshot.Secret;
import java.net.URI;
import java.util.function.UnaryOperator;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.jspecify.annotations.Nullable;

/**
 * Turns the {@code snapshot} goal's feed parameters into checked {@link FeedSource}s, reading each
 * secret from its environment variable or from a settings.xml server password. Messages name the
 * parameter, never the secret.
 */
final class FeedSources {
  private final @Nullable Settings settings;
  private final @Nullable SettingsDecrypter decrypter;

  FeedSources(@Nullable Settings settings, @Nullable SettingsDecrypter decrypter) {
    this.settings = settings;
    this.decrypter = decrypter;
  }

  /** One checked feed; {@code prefix} names where its values came from ({@code feeds[2].}). */
  FeedSource source(String prefix, Feed feed) throws MojoFailureException {
    UnaryOperator<String> param =
        p -> prefix.isEmpty() ? "'" + p + "' (sitegen." + p + ")" : "'" + prefix + p + "'";
    if (feed.url == null || feed.url.isBlank()) {
      throw new MojoFailureException(
          "parameter " + param.apply("url") + ": expected a feed URL, found none");
    }
    if (feed.name == null || feed.name.isBlank()) {
      throw new MojoFailureException(
          "parameter "
              + param.apply("name")
              + ": expected a feed name such as"
              + " \"next\", found none");
    }
    var uri = parseUrl(param.apply("url"), feed.url);
    try {
      return new FeedSource(feed.name, uri, secret(param, feed));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("parameter " + param.apply("name") + ": " + e.getMessage(), e);
    }
  }

  private static URI parseUrl(String label, String value) throws MojoFailureException {
    try {
      return OptionValues.feedUrl(value);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("parameter " + label + ": " + e.getMessage(), e);
    }
  }

  private @Nullable Secret secret(UnaryOperator<String> param, Feed feed)
      throws MojoFailureException {
    boolean hasSource = feed.secretEnv != null || feed.serverId != null;
    boolean hasCarrier = feed.headerName != null || feed.queryParameter != null;
    if (!hasSource && !hasCarrier) {
      return null;
    }
    if (!hasSource || !hasCarrier || (feed.headerName != null && feed.queryParameter != null)) {
      throw new MojoFailureException(
          "parameter "
              + param.apply("secretEnv")
              + ": a secret needs secretEnv or serverId, and"
              + " exactly one of headerName and queryParameter");
    }
    String value = null;
    if (feed.secretEnv != null) {
      value = System.getenv(feed.secretEnv);
      if (value == null || value.isBlank()) {
        throw new MojoFailureException(
            "parameter "
                + param.apply("secretEnv")
                + ": environment variable "
                + feed.secretEnv
                + " is not set");
      }
    } else {
      value = serverPassword(param, feed.serverId);
    }
    return feed.headerName != null
        ? new Secret(Secret.Kind.HEADER, feed.headerName, value.strip())
        : new Secret(Secret.Kind.QUERY_PARAMETER, feed.queryParameter, value.strip());
  }

  private String serverPassword(UnaryOperator<String> param, @Nullable String id)
      throws MojoFailureException {
    Server server = settings == null ? null : settings.getServer(id);
    if (server == null || server.getPassword() == null) {
      throw new MojoFailureException(
          "parameter "
              + param.apply("serverId")
              + ": no <server> with id \""
              + id
              + "\" and a password in settings.xml");
    }
    if (decrypter != null) {
      var result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem problem : result.getProblems()) {
        if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new MojoFailureException(
              "parameter "
                  + param.apply("serverId")
                  + ": cannot decrypt the password of server \""
                  + id
                  + "\"");
        }
      }
      if (result.getServer() != null && result.getServer().getPassword() != null) {
        return result.getServer().getPassword();
      }
    }
    return server.getPassword();
  }
}
