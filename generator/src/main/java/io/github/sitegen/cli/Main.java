package io.github.sitegen.cli;

import io.github.sitegen.internal.CodeIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
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
    description = "Keeps feed snapshots as a Markdown archive and renders it to a static site.")
public final class Main {
  /**
   * The subcommands, in the order help lists them. Added by {@link #commandLine}, not declared in
   * {@code @Command}: picocli would build the model of all five (their options, mixins and
   * converters, by reflection) for every run, a third of a no-change build's time.
   */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("import", ImportCommand::new);
    all.put("build", BuildCommand::new);
    all.put("convert", ConvertCommand::new);
    all.put("snapshot", SnapshotCommand::new);
    all.put("serve", ServeCommand::new);
    return Collections.unmodifiableMap(all);
  }

  /** The whole command line: every subcommand. */
  static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for {@code args}: when they start with a subcommand's name, only that
   * subcommand is added (its own help, errors and suggestions are the same); else every one, for
   * the top-level help, version, and the "did you mean" of a mistyped name.
   */
  static CommandLine commandLine(String[] args) {
    var commandLine = new CommandLine(new Main());
    @Nullable Supplier<Object> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
    if (named != null) {
      commandLine.addSubcommand(args[0], named.get());
    } else {
      SUBCOMMANDS.forEach((name, command) -> commandLine.addSubcommand(name, command.get()));
    }
    return commandLine;
  }

  /** The commands whose caches are keyed by this code's identity. */
  private static final Set<String> CACHED = Set.of("build", "import", "serve");

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // on another thread while picocli builds its model (~0.1 s), so that they are ready when
    // needed: the JDK's list of locales (what --locale is checked against, ~50 ms to gather) and,
    // for the commands with caches, the identity of this jar (their key: a hash of its ~3,500
    // entries' names, sizes and CRC-32s)
    boolean cached = args.length > 0 && CACHED.contains(args[0]);
    Thread ahead =
        new Thread(
            () -> {
              java.util.Locale.getAvailableLocales();
              if (cached) {
                try {
                  CodeIdentity.of(Main.class);
                } catch (IOException | RuntimeException e) {
                  // asked again where it is needed, which reports it
                }
              }
            },
            "site-gen-ahead");
    ahead.setDaemon(true);
    ahead.start();
    int status = commandLine(args).execute(args);
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
