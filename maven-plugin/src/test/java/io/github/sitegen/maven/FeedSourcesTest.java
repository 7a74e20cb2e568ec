package io.github.sitegen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sitegen.snapshot.FeedSource;
import io.github.sitegen.snapshot.Secret;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

class FeedSourcesTest {
  private final Settings settings = new Settings();

  FeedSourcesTest() {
    var server = new Server();
    server.setId("next");
    server.setPassword("s3cr3t");
    settings.addServer(server);
  }

  @Test
  void readsTheSecretFromASettingsServerPassword() throws MojoFailureException {
    Feed feed = Feed.of("next", "https://next.ink/feed/full", null, "rsskey", null, "next");

    FeedSource source = new FeedSources(settings, null).source("feeds[1].", feed);

    assertThat(source.secret())
        .isEqualTo(new Secret(Secret.Kind.QUERY_PARAMETER, "rsskey", "s3cr3t"));
    assertThat(source.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void anUnknownServerFailsNamingTheParameterNotTheSecret() {
    Feed feed = Feed.of("next", "https://next.ink/feed/", "X-RSS-Key", null, null, "other");

    assertThatThrownBy(() -> new FeedSources(settings, null).source("feeds[2].", feed))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "parameter 'feeds[2].serverId': no <server> with id \"other\" and a password in"
                + " settings.xml");
  }

  @Test
  void aSecretNeedsExactlyOneWayToTravel() {
    Feed feed = Feed.of("next", "https://next.ink/feed/", null, null, null, "next");

    assertThatThrownBy(() -> new FeedSources(settings, null).source("", feed))
        .hasMessage(
            "parameter 'secretEnv' (sitegen.secretEnv): a secret needs secretEnv or serverId, and"
                + " exactly one of headerName and queryParameter");
  }

  @Test
  void aBadNameIsNamedWithItsValue() {
    Feed feed = Feed.of("../next", "https://next.ink/feed/", null, null, null, null);

    assertThatThrownBy(() -> new FeedSources(settings, null).source("", feed))
        .hasMessageStartingWith("parameter 'name' (sitegen.name): expected a feed name")
        .hasMessageContaining("found \"../next\"");
  }
}
