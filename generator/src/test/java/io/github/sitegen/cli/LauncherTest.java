package io.github.sitegen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM flags the {@code site-gen} launcher script picks, run with a stand-in {@code java} that
 * only writes down its arguments.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {
  @TempDir Path work;

  @Test
  void importRunsTheJdkDigestsWithC2AndTheRestWithC1() throws Exception {
    List<String> args = run(Map.of(), "import", "--snapshots", "s");

    Path directives = work.resolve("cache/site-gen-jit-1.json");
    assertThat(args).contains("-XX:TieredStopAtLevel=4", "-XX:CompilerDirectivesFile=" + directives, "-XX:-DisplayVMOutput");
    assertThat(Files.readString(directives))
        .contains("match: [\"sun/security/provider/*.*\"], c2: { Exclude: false }")
        .contains("match: [\"*.*\"], c2: { Exclude: true }");
    assertThat(args.subList(args.indexOf("-jar"), args.size())).containsExactly("-jar", jar(), "import", "--snapshots", "s");
  }

  @Test
  void anImportWhoseCacheKnowsTheSnapshotHashesRunsWithC1Only() throws Exception {
    Path cache = Files.createDirectories(work.resolve("target/site-gen-cache"));
    assertThat(run(Map.of(), "import", "--cache", cache.toString())).contains("-XX:TieredStopAtLevel=4");

    Files.writeString(cache.resolve("snapshot-hashes.txt"), "site-gen snapshot hashes 1\n");

    for (List<String> args :
        List.of(run(Map.of(), "import", "--cache", cache.toString()), run(Map.of(), "import", "--cache=" + cache))) {
      assertThat(args).contains("-XX:TieredStopAtLevel=1").noneMatch(a -> a.contains("CompilerDirectivesFile"));
    }
  }

  @Test
  void otherCommandsRunWithC1Only() throws Exception {
    List<String> args = run(Map.of(), "build", "--archive", "a");

    assertThat(args).contains("-XX:TieredStopAtLevel=1").noneMatch(a -> a.contains("CompilerDirectivesFile"));
  }

  @Test
  void theUsersJitChoiceWins() throws Exception {
    List<String> args = run(Map.of("SITE_GEN_OPTS", "-XX:TieredStopAtLevel=4"), "import");

    assertThat(args).noneMatch(a -> a.contains("CompilerDirectivesFile"));
    assertThat(args.get(args.indexOf("-jar") - 1)).isEqualTo("-XX:TieredStopAtLevel=4");
  }

  @Test
  void withoutAWritableCacheImportRunsWithC1Only() throws Exception {
    Files.writeString(work.resolve("cache"), "a file where the folder should be");

    List<String> args = run(Map.of(), "import");

    assertThat(args).contains("-XX:TieredStopAtLevel=1").noneMatch(a -> a.contains("CompilerDirectivesFile"));
  }

  private String jar() {
    return work.resolve("bin/site-gen.jar").toString();
  }

  /** Runs the launcher (class data sharing off) with a fake JDK; the arguments its java got. */
  private List<String> run(Map<String, String> env, String... command) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(work.resolve("bin"));
    Files.copy(Path.of("src/main/sh/site-gen"), bin.resolve("site-gen"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.write(bin.resolve("site-gen.jar"), new byte[0]);
    Path javaHome = work.resolve("jdk");
    Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
    Path out = work.resolve("args.txt");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done >'" + out + "'\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add("sh");
    builder.command().add(bin.resolve("site-gen").toString());
    builder.command().addAll(List.of(command));
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("SITE_GEN_CACHE", work.resolve("cache").toString());
    builder.environment().put("SITE_GEN_CDS", "0");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("SITE_GEN_OPTS");
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return Files.readAllLines(out);
  }
}
