package io.github.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Runs {@code args} as {@link Main#main} does: only the subcommand named first is built. */
  private int run(String... args) {
    var commandLine = Main.commandLine(args);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  @Test
  void topLevelHelpListsTheCommands() {
    int exit = run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("import", "build", "--version");
  }

  @Test
  void topLevelHelpListsEveryCommandInOrder() {
    int exit = run("--help");

    assertThat(exit).isZero();
    String help = out.toString();
    assertThat(help.indexOf("Commands:")).isPositive();
    String commands = help.substring(help.indexOf("Commands:"));
    // a command's line: two spaces, its name, its description (wrapped lines are indented more)
    assertThat(
            commands
                .lines()
                .filter(l -> l.matches("  [a-z]+ .*"))
                .map(l -> l.strip().split(" ")[0]))
        .containsExactly("import", "build", "convert", "snapshot", "serve");
  }

  @Test
  void aCommandLineForOneCommandHasThatCommandOnly() {
    assertThat(Main.commandLine(new String[] {"build", "--archive", "a"}).getSubcommands())
        .containsOnlyKeys("build");
    assertThat(Main.commandLine(new String[] {"--version"}).getSubcommands())
        .containsOnlyKeys("import", "build", "convert", "snapshot", "serve");
  }

  @Test
  void aMistypedCommandIsAUsageErrorSuggestingTheRightOne() {
    int exit = run("biuld", "--archive", "a");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("biuld").contains("build");
  }

  @Test
  void importHelpListsItsOptions() {
    int exit = run("import", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("--snapshots", "--archive", "--time-zone", "default: UTC");
  }

  @Test
  void buildHelpListsItsOptions() {
    int exit = run("build", "--help");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains(
            "--archive",
            "--out",
            "--title",
            "--base-url",
            "--locale",
            "--time-zone",
            "--page-size",
            "--theme",
            "default: 20");
  }

  @Test
  void versionIsPrinted() {
    int exit = run("--version");

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("site-gen ");
  }

  @Test
  void missingCommandIsAUsageError() {
    int exit = run();

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required subcommand");
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    int exit = run("import", "--archive", "articles");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--snapshots");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          --page-size | 0            | found 0
          --page-size | ten          | found "ten"
          --locale    | xx-Bogus     | found "xx-Bogus"
          --locale    | fr_FR        | found "fr_FR"
          --time-zone | Mars/Olympus | found "Mars/Olympus"
          --base-url  | example.org  | found "example.org"
          --disable-kinds | reader,tags | found "tags"
          --title     | ' '          | found an empty one
          --max-snapshot-size | 0    | found 0
          --max-snapshot-size | 64MB | found "64MB"
          """)
  void badBuildValueIsAUsageErrorNamingTheOption(String option, String value, String found) {
    int exit = run("build", "--archive", "articles", "--out", "site", option, value);

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid value for option '" + option + "'", found);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"import", "serve"})
  void everyCommandThatImportsChecksTheSnapshotSizeLimit(String command) {
    int exit =
        run(command, "--snapshots", "s", "--archive", "a", "--max-snapshot-size", "-1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("Invalid value for option '--max-snapshot-size'", "found -1");
  }

  @Test
  void unknownZoneOnImportIsAUsageError() {
    int exit = run("import", "--snapshots", "s", "--archive", "a", "--time-zone", "Europe/Pariss");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "Invalid value for option '--time-zone'",
            "expected a time-zone id such as \"Europe/Paris\" or \"UTC\", found"
                + " \"Europe/Pariss\"");
  }
}
