package io.github.sitegen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code site-gen} command line: {@code snapshot} saves a feed into the snapshots folder,
 * {@code import} merges feed snapshots into the Markdown archive, {@code build} renders the archive
 * into a static site, {@code serve} previews it with live reload.
 *
 * <pre>{@code
 * java -jar site-gen.jar import --snapshots snapshots --archive articles --time-zone Europe/Paris
 * java -jar site-gen.jar build --archive articles --out target/site --locale fr-FR
 * java -jar site-gen.jar snapshot --url https://next.ink/feed/ --name next --snapshots snapshots
 * java -jar site-gen.jar serve --archive articles --snapshots snapshots --port 8080
 * }</pre>
 *
 * <p>Exit codes: 0 on success (problems with single items are printed to standard error as {@code
 * file:line: message} and do not fail the run unless {@code import --fail-on error|warning} says
 * so), 1 when the run could not be done or failed that policy, 2 on a usage error.
 */
@Command(
    name = "site-gen",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Keeps feed snapshots as a Markdown archive and renders it to a static site.",
    subcommands = {
      ImportCommand.class,
      BuildCommand.class,
      ConvertCommand.class,
      SnapshotCommand.class,
      ServeCommand.class
    })
public final class Main {

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // the JDK's list of locales (what --locale is checked against) takes ~50 ms to gather: on
    // another thread while picocli builds its model (~0.1 s), so that it is ready when needed
    Thread locales = new Thread(java.util.Locale::getAvailableLocales, "site-gen-locales");
    locales.setDaemon(true);
    locales.start();
    int status = new CommandLine(new Main()).execute(args);
    if (status == 0) {
      ClassTraining.runIfAsked(); // a run the launcher records a class data sharing archive from
    }
    System.exit(status);
  }

  /** Reads the version Maven wrote into the jar; a build from classes says so. */
  static final class Version implements IVersionProvider {
    private static final String POM_PROPERTIES =
        "/META-INF/maven/io.github.sitegen/site-gen-generator/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
      try (InputStream in = Main.class.getResourceAsStream(POM_PROPERTIES)) {
        if (in == null) {
          return new String[] {"site-gen (development build)"};
        }
        var properties = new Properties();
        properties.load(in);
        return new String[] {"site-gen " + properties.getProperty("version", "(unknown version)")};
      }
    }
  }
}
