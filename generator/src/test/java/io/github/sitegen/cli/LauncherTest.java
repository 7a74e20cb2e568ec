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
  void importRunsTheJdkDigestsAndTheByteLoopsWithC2AndTheRestWithC1() throws Exception {
    List<String> args = run(Map.of(), "import", "--snapshots", "s");

    Path directives = work.resolve("cache/site-gen-jit-2.json");
    assertThat(args).contains("-XX:TieredStopAtLevel=4", "-XX:CompilerDirectivesFile=" + directives, "-XX:-DisplayVMOutput");
    assertThat(Files.readString(directives))
        .contains("match: [\"sun/security/provider/*.*\"], c2: { Exclude: false }")
        .contains("\"io/github/sitegen/feed/ItemSpans*.*\"", "\"sun/nio/cs/UTF_8*.*\"")
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
  void aCleanBuildOfALargeArchiveGetsTheFullJit() throws Exception {
    Path archive = Files.createDirectories(work.resolve("articles/2026/01"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(archive.resolve("billet-" + i + ".md"), "---\ntitle: B\n---\n");
    }
    Files.writeString(archive.resolve("notes.txt"), "not an article");
    Map<String, String> threeIsLarge = Map.of("SITE_GEN_LARGE", "3");
    String dir = work.resolve("articles").toString();

    for (List<String> args :
        List.of(
            run(threeIsLarge, "build", "--archive", dir, "--out", "site"),
            run(threeIsLarge, "build", "--out", "site", "--archive=" + dir),
            run(threeIsLarge, "build", "--snapshots", "s", "--archive", dir),
            // an archive folder given through a symbolic link is counted too
            run(threeIsLarge, "build", "--archive", Files.createSymbolicLink(work.resolve("link"), work.resolve("articles")).toString()))) {
      assertThat(args).noneMatch(a -> a.startsWith("-XX:TieredStopAtLevel")).contains("-XX:+UseSerialGC");
    }
    // fewer Markdown files than that, the default threshold (40,000), an incremental build, or the
    // user's choice: C1 only, or what the user said
    assertThat(run(Map.of("SITE_GEN_LARGE", "4"), "build", "--archive", dir)).contains("-XX:TieredStopAtLevel=1");
    assertThat(run(Map.of(), "build", "--archive", dir)).contains("-XX:TieredStopAtLevel=1");
    Path cache = Files.createDirectories(work.resolve("target/site-gen-cache"));
    Files.write(cache.resolve("site-pages.bin"), new byte[] {1});
    assertThat(run(threeIsLarge, "build", "--archive", dir, "--cache", cache.toString()))
        .contains("-XX:TieredStopAtLevel=1");
    List<String> own = run(Map.of("SITE_GEN_LARGE", "3", "SITE_GEN_OPTS", "-XX:TieredStopAtLevel=2"), "build", "--archive", dir);
    assertThat(own.get(own.indexOf("-jar") - 1)).isEqualTo("-XX:TieredStopAtLevel=2"); // the last one wins
  }

  @Test
  void aCleanBuildOfALargeArchiveGetsALargerYoungGeneration() throws Exception {
    Path archive = Files.createDirectories(work.resolve("articles"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(archive.resolve("billet-" + i + ".md"), "---\ntitle: B\n---\n");
    }
    Map<String, String> threeIsLarge = Map.of("SITE_GEN_LARGE", "3");
    assertThat(run(threeIsLarge, "build", "--archive", archive.toString()))
        .contains("-Xms400m", "-Xmn160m")
        .doesNotContain("-Xmn32m");
    // a smaller archive keeps the small heap
    assertThat(run(Map.of("SITE_GEN_LARGE", "4"), "build", "--archive", archive.toString()))
        .contains("-Xms64m", "-Xmn32m")
        .doesNotContain("-Xmn160m");
    // a maximum heap below the start heap: the small one; the user's own young generation wins
    assertThat(run(Map.of("SITE_GEN_LARGE", "3", "SITE_GEN_OPTS", "-Xmx300m"), "build", "--archive", archive.toString()))
        .contains("-Xms64m", "-Xmn32m")
        .doesNotContain("-Xms400m");
    assertThat(run(Map.of("SITE_GEN_LARGE", "3", "SITE_GEN_OPTS", "-Xmn80m"), "build", "--archive", archive.toString()))
        .contains("-Xmn80m")
        .doesNotContain("-Xmn160m", "-Xms400m");
  }

  @Test
  void anIncrementalBuildGetsALargerYoungGenerationThanACleanOne() throws Exception {
    Path cache = Files.createDirectories(work.resolve("target/site-gen-cache"));
    // a clean build, with or without a cache folder, and a build whose cache holds no build cache
    for (List<String> args :
        List.of(
            run(Map.of(), "build", "--archive", "a"),
            run(Map.of(), "build", "--cache", cache.toString()),
            run(Map.of(), "import", "--cache", cache.toString()))) {
      assertThat(args).contains("-Xms64m", "-Xmn32m").doesNotContain("-Xmn64m");
    }

    Files.write(cache.resolve("site-pages.bin"), new byte[] {1});

    for (List<String> args :
        List.of(
            run(Map.of(), "build", "--snapshots", "s", "--cache", cache.toString()),
            run(Map.of(), "build", "--cache=" + cache))) {
      assertThat(args).contains("-Xms256m", "-Xmn64m").doesNotContain("-Xmn32m");
    }
    // an import with that cache is not a build; the user's heap wins
    assertThat(run(Map.of(), "import", "--cache", cache.toString())).contains("-Xmn32m");
    assertThat(run(Map.of("SITE_GEN_OPTS", "-Xmn200m"), "build", "--cache", cache.toString()))
        .contains("-Xmn200m")
        .noneMatch(a -> a.equals("-Xmn64m") || a.equals("-Xms256m"));
  }

  @Test
  void anIncrementalBuildGetsTheParallelCollectorEverythingElseTheSerialOne() throws Exception {
    Path cache = Files.createDirectories(work.resolve("target/site-gen-cache"));
    Files.write(cache.resolve("site-pages.bin"), new byte[] {1});

    assertThat(run(Map.of(), "build", "--cache", cache.toString(), "--snapshots", "s"))
        .contains("-XX:+UseParallelGC")
        .doesNotContain("-XX:+UseSerialGC");
    assertThat(run(Map.of(), "build", "--cache", work.resolve("empty").toString()))
        .contains("-XX:+UseSerialGC")
        .doesNotContain("-XX:+UseParallelGC");
    assertThat(run(Map.of(), "import", "--cache", cache.toString())).contains("-XX:+UseSerialGC");
    // the user's collector, whatever the build
    assertThat(run(Map.of("SITE_GEN_OPTS", "-XX:+UseG1GC"), "build", "--cache", cache.toString()))
        .noneMatch(a -> a.equals("-XX:+UseParallelGC") || a.equals("-XX:+UseSerialGC"));
  }

  @Test
  void aFirstImportGetsTheParallelCollectorAndALargerYoungGeneration() throws Exception {
    String empty = Files.createDirectories(work.resolve("empty")).toString();
    String[] flags = {"-XX:+UseParallelGC", "-Xms256m", "-Xmn128m", "-XX:MaxTenuringThreshold=1"};
    // an archive folder not made yet, or one that has imported no snapshot
    assertThat(run(Map.of(), "import", "--snapshots", "s", "--archive=" + work.resolve("new")))
        .contains(flags)
        .doesNotContain("-XX:+UseSerialGC", "-Xmn32m");
    assertThat(run(Map.of(), "import", "--snapshots", "s", "--archive", empty))
        .contains(flags)
        .doesNotContain("-XX:+UseSerialGC", "-Xmn32m");
    // a build that imports first, without a build cache
    assertThat(run(Map.of(), "build", "--snapshots", "s", "--archive", empty))
        .contains(flags)
        .doesNotContain("-XX:+UseSerialGC", "-Xmn32m");

    // an archive that has imported snapshots, or a cache that knows their hashes (the hourly
    // import), a build that does not import
    Path archive = Files.createDirectories(work.resolve("articles"));
    Files.writeString(archive.resolve(".site-gen-imported"), "0123abcd feed.xml\n");
    Path cache = Files.createDirectories(work.resolve("target/site-gen-cache"));
    Files.writeString(cache.resolve("snapshot-hashes.txt"), "site-gen snapshot hashes 1\n");
    for (List<String> args :
        List.of(
            run(Map.of(), "import", "--snapshots", "s", "--archive", archive.toString()),
            run(Map.of(), "build", "--snapshots", "s", "--archive", archive.toString()),
            run(Map.of(), "import", "--archive", empty, "--cache", cache.toString()),
            run(Map.of(), "build", "--snapshots", "s", "--archive", empty, "--cache=" + cache),
            run(Map.of(), "build", "--archive", empty))) {
      assertThat(args).contains("-XX:+UseSerialGC", "-Xms64m", "-Xmn32m").doesNotContain(flags);
    }
    // a build with a build cache is an update
    Files.write(cache.resolve("site-pages.bin"), new byte[] {1});
    Files.delete(cache.resolve("snapshot-hashes.txt"));
    assertThat(run(Map.of(), "build", "--snapshots", "s", "--archive", empty, "--cache", cache.toString()))
        .contains("-XX:+UseParallelGC", "-Xms256m", "-Xmn64m")
        .doesNotContain("-Xmn128m", "-XX:MaxTenuringThreshold=1");

    // the user's collector and heap win; a start heap never above the user's maximum
    assertThat(run(Map.of("SITE_GEN_OPTS", "-XX:+UseG1GC -Xmn200m"), "import", "--archive", empty))
        .noneMatch(a -> a.equals("-XX:+UseParallelGC") || a.equals("-XX:+UseSerialGC"))
        .doesNotContain("-Xms256m", "-Xmn128m", "-XX:MaxTenuringThreshold=1");
    assertThat(run(Map.of("SITE_GEN_OPTS", "-Xmx200m"), "import", "--archive", empty))
        .contains("-XX:+UseParallelGC", "-Xms64m", "-Xmn32m")
        .doesNotContain("-Xms256m", "-Xmn128m");
  }

  @Test
  void theStartHeapNeverExceedsTheUsersMaximumHeap() throws Exception {
    Path cache = Files.createDirectories(work.resolve("target/site-gen-cache"));
    Files.write(cache.resolve("site-pages.bin"), new byte[] {1});
    String[] incremental = {"build", "--cache", cache.toString()};
    // what fits is taken: the incremental heap, else the small one, else none
    assertThat(run(Map.of("SITE_GEN_OPTS", "-Xmx1g"), incremental)).contains("-Xms256m", "-Xmn64m");
    assertThat(run(Map.of("SITE_GEN_OPTS", "-Xmx256m"), incremental)).contains("-Xms256m");
    List<String> small = run(Map.of("SITE_GEN_OPTS", "-Xmx200m"), incremental);
    assertThat(small).contains("-Xms64m", "-Xmn32m").doesNotContain("-Xms256m");
    assertThat(run(Map.of("SITE_GEN_OPTS", "-XX:MaxHeapSize=134217728"), incremental))
        .contains("-Xms64m")
        .doesNotContain("-Xms256m");
    // the last maximum wins, as in the JVM
    assertThat(run(Map.of("JAVA_OPTS", "-Xmx2g", "SITE_GEN_OPTS", "-Xmx100M"), incremental))
        .contains("-Xms64m")
        .doesNotContain("-Xms256m");
    List<String> tiny = run(Map.of("SITE_GEN_OPTS", "-Xmx48m"), "build", "--archive", "a");
    assertThat(tiny).noneMatch(a -> a.startsWith("-Xms") || a.startsWith("-Xmn"));
    // and a real JVM starts with them (it refuses a start heap above the maximum)
    for (List<String> args : List.of(small, tiny)) {
      List<String> heap =
          args.stream().filter(a -> a.startsWith("-Xms") || a.startsWith("-Xmn") || a.startsWith("-Xmx")).toList();
      var command = new java.util.ArrayList<String>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(heap);
      command.add("-version");
      Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(java.waitFor()).as(heap + ": " + output).isZero();
    }
  }

  @Test
  void everyCommandGetsTransparentHugePagesWhereTheKernelGivesThemOnRequest() throws Exception {
    Path mode = work.resolve("transparent_hugepage-enabled");
    Map<String, String> kernel = Map.of("SITE_GEN_THP_FILE", mode.toString());
    for (String given : List.of("always [madvise] never", "[always] madvise never")) {
      Files.writeString(mode, given + "\n");
      for (String command : List.of("build", "import", "serve", "snapshot")) {
        assertThat(run(kernel, command, "--archive", "a"))
            .as(given + ", " + command)
            .containsOnlyOnce("-XX:+UseTransparentHugePages");
      }
    }
    // not under "never", nor without the file (another OS, a kernel without them)
    Files.writeString(mode, "always madvise [never]\n");
    assertThat(run(kernel, "build", "--archive", "a")).noneMatch(a -> a.contains("TransparentHugePages"));
    assertThat(run(Map.of("SITE_GEN_THP_FILE", work.resolve("none").toString()), "build", "--archive", "a"))
        .noneMatch(a -> a.contains("TransparentHugePages"));
    // the user's own choice about large pages wins
    Files.writeString(mode, "always [madvise] never\n");
    for (String own : List.of("-XX:-UseTransparentHugePages", "-XX:+UseLargePages")) {
      assertThat(run(Map.of("SITE_GEN_THP_FILE", mode.toString(), "SITE_GEN_OPTS", own), "build", "--archive", "a"))
          .contains(own)
          .doesNotContain("-XX:+UseTransparentHugePages");
    }
  }

  @Test
  void withHugePagesACleanBuildOfFiveThousandArticlesGetsALargerYoungGeneration() throws Exception {
    Path archive = Files.createDirectories(work.resolve("articles/2026/01"));
    for (int i = 0; i < 4999; i++) {
      Files.createFile(archive.resolve("billet-" + i + ".md"));
    }
    Path mode = work.resolve("transparent_hugepage-enabled");
    Files.writeString(mode, "always [madvise] never\n");
    Map<String, String> kernel = Map.of("SITE_GEN_THP_FILE", mode.toString());
    String dir = work.resolve("articles").toString();

    assertThat(run(kernel, "build", "--archive", dir)).contains("-Xms64m", "-Xmn32m");
    Files.createFile(archive.resolve("billet-4999.md"));
    assertThat(run(kernel, "build", "--archive", dir))
        .contains("-XX:+UseTransparentHugePages", "-Xms128m", "-Xmn64m")
        .doesNotContain("-Xmn32m");
    // not without huge pages, nor under a smaller maximum heap, nor for an incremental build or
    // another command
    Files.writeString(mode, "always madvise [never]\n");
    assertThat(run(kernel, "build", "--archive", dir)).contains("-Xms64m", "-Xmn32m");
    Files.writeString(mode, "always [madvise] never\n");
    assertThat(run(Map.of("SITE_GEN_THP_FILE", mode.toString(), "SITE_GEN_OPTS", "-Xmx100m"), "build", "--archive", dir))
        .contains("-Xms64m", "-Xmn32m");
    Path cache = Files.createDirectories(work.resolve("target/site-gen-cache"));
    Files.write(cache.resolve("site-pages.bin"), new byte[] {1});
    assertThat(run(kernel, "build", "--archive", dir, "--cache", cache.toString())).contains("-Xms256m", "-Xmn64m");
    // (a first import has a sizing of its own, see aFirstImportGetsTheParallelCollector…)
    assertThat(run(kernel, "import", "--archive", dir)).doesNotContain("-Xms128m", "-Xmn64m");
  }

  @Test
  void theUsersJitChoiceWins() throws Exception {
    List<String> args = run(Map.of("SITE_GEN_OPTS", "-XX:TieredStopAtLevel=4"), "import");

    assertThat(args).noneMatch(a -> a.contains("CompilerDirectivesFile"));
    assertThat(args.get(args.indexOf("-jar") - 1)).isEqualTo("-XX:TieredStopAtLevel=4");
  }

  @Test
  void theUsersOptionsReachTheJvmAsWrittenWhateverFilesMatchThem() throws Exception {
    // a shell that expanded the unquoted options as file names would pass the file's name instead
    Path folder = Files.createDirectories(work.resolve("site"));
    Files.writeString(folder.resolve("-Xlog:gc.txt"), "");
    Files.writeString(folder.resolve("-Dsitegen.x=1"), "");
    workingFolder = folder;

    List<String> args =
        run(Map.of("JAVA_OPTS", "-Dsitegen.?=1", "SITE_GEN_OPTS", "-Xlog:gc*"), "build");

    assertThat(args).contains("-Dsitegen.?=1", "-Xlog:gc*");
    assertThat(args).doesNotContain("-Xlog:gc.txt", "-Dsitegen.x=1");
  }

  @Test
  void withoutAWritableCacheImportRunsWithC1Only() throws Exception {
    Files.writeString(work.resolve("cache"), "a file where the folder should be");

    List<String> args = run(Map.of(), "import");

    assertThat(args).contains("-XX:TieredStopAtLevel=1").noneMatch(a -> a.contains("CompilerDirectivesFile"));
  }

  @Test
  void eachCommandRecordsItsOwnClassDataSharingArchiveOnItsFirstRunAndMapsItAfterwards() throws Exception {
    Map<String, String> cds = Map.of("SITE_GEN_CDS", "1");

    List<String> first = run(cds, "build", "--archive", "a");
    List<String> second = run(cds, "build", "--archive", "a");
    List<String> anImport = run(cds, "import", "--snapshots", "s");

    String recorded = option(first, "-XX:ArchiveClassesAtExit=");
    assertThat(recorded).matches(".*/cache/site-gen-[0-9]+-build[.]jsa[.][0-9]+[.]tmp");
    String archive = recorded.substring(0, recorded.lastIndexOf(".jsa") + 4);
    assertThat(Path.of(archive)).hasContent("classes");
    assertThat(Path.of(recorded)).doesNotExist();
    assertThat(option(second, "-XX:SharedArchiveFile=")).isEqualTo(archive);
    assertThat(second).noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
    // the recording run loads the import's and the build's classes after its command; later ones not
    assertThat(first).contains("-Dsitegen.cds.training=true");
    assertThat(second).doesNotContain("-Dsitegen.cds.training=true");
    assertThat(anImport).contains("-Dsitegen.cds.training=true");
    assertThat(run(cds, "snapshot", "--url", "u")).doesNotContain("-Dsitegen.cds.training=true");
    // an import loads other classes: its own archive; so does a build that imports first
    assertThat(option(anImport, "-XX:ArchiveClassesAtExit=")).contains("-import.jsa.");
    assertThat(option(run(cds, "build", "--snapshots", "s", "--archive", "a"), "-XX:ArchiveClassesAtExit="))
        .contains("-build-snapshots.jsa.");
    assertThat(option(run(cds, "build", "--archive", "a", "--snapshots=s"), "-XX:SharedArchiveFile="))
        .endsWith("-build-snapshots.jsa");
  }

  /**
   * The JVM ignores an archive, silently, when the jar it was recorded with has another time or
   * path: a jar newer than its archive with the same bytes (written again: a copy that does not
   * keep its time, a checkout) records it again, and a copy of the jar elsewhere has its own.
   */
  @Test
  void aJarNewerThanItsArchiveRecordsItAgainAndACopyElsewhereHasItsOwn() throws Exception {
    Map<String, String> cds = Map.of("SITE_GEN_CDS", "1");
    String archive = option(run(cds, "build", "--archive", "a"), "-XX:ArchiveClassesAtExit=");
    archive = archive.substring(0, archive.lastIndexOf(".jsa") + 4);
    assertThat(option(run(cds, "build", "--archive", "a"), "-XX:SharedArchiveFile=")).isEqualTo(archive);

    Path jar = Path.of(jar());
    Files.setLastModifiedTime(
        jar,
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(Path.of(archive)).toMillis() + 3_600_000));
    List<String> rebuilt = run(cds, "build", "--archive", "a");
    assertThat(option(rebuilt, "-XX:ArchiveClassesAtExit=")).startsWith(archive + ".");
    assertThat(rebuilt).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
    // (the stand-in JVM wrote it now, an hour before the jar's time: made newer, as a real run's)
    Files.setLastModifiedTime(
        Path.of(archive),
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(jar).toMillis() + 1_000));
    assertThat(option(run(cds, "build", "--archive", "a"), "-XX:SharedArchiveFile=")).isEqualTo(archive);

    Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
    Files.copy(Path.of("src/main/sh/site-gen"), elsewhere.resolve("site-gen"));
    Files.copy(jar, elsewhere.resolve("site-gen.jar"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    List<String> copy = runLauncher(elsewhere.resolve("site-gen"), cds, "build", "--archive", "a");
    assertThat(option(copy, "-XX:ArchiveClassesAtExit=")).doesNotStartWith(archive);
  }

  /**
   * Some JVM options change the object layout an archive was made for, and the JVM then refuses it
   * without a word (the launcher turns its logging off): such options are part of the archive's
   * name, so that they record their own archive once, rather than run without one for good. Other
   * options, which may differ on every run (a GC log's file), keep the archive they have.
   */
  @Test
  void optionsThatChangeTheObjectLayoutGetAnArchiveOfTheirOwn() throws Exception {
    javaVersion = "25.0.3";
    Map<String, String> plain = Map.of("SITE_GEN_CDS", "1");
    Map<String, String> compact = Map.of("SITE_GEN_CDS", "1", "SITE_GEN_OPTS", "-XX:+UseCompactObjectHeaders");

    String cache = aotCache(option(run(plain, "build", "--archive", "a"), "-XX:AOTConfiguration="));
    assertThat(option(run(plain, "build", "--archive", "a"), "-XX:AOTCache=")).isEqualTo(cache);
    for (String logged : List.of("-Xlog:gc:file=gc-1.txt", "-Xlog:gc:file=gc-2.txt -Xmx1g -XX:+UseSerialGC")) {
      assertThat(option(run(Map.of("SITE_GEN_CDS", "1", "SITE_GEN_OPTS", logged), "build", "--archive", "a"), "-XX:AOTCache="))
          .as(logged)
          .isEqualTo(cache);
    }

    List<String> withFlag = run(compact, "build", "--archive", "a");
    assertThat(withFlag).contains("-XX:AOTMode=record", "-XX:+UseCompactObjectHeaders");
    String other = aotCache(option(withFlag, "-XX:AOTConfiguration="));
    assertThat(other).isNotEqualTo(cache);
    assertThat(option(run(compact, "build", "--archive", "a"), "-XX:AOTCache=")).isEqualTo(other);
    assertThat(option(run(Map.of("SITE_GEN_CDS", "1", "JAVA_OPTS", "-XX:+UseCompactObjectHeaders -Xlog:gc"), "build", "--archive", "a"), "-XX:AOTCache="))
        .isEqualTo(other);
    assertThat(option(run(plain, "build", "--archive", "a"), "-XX:AOTCache=")).isEqualTo(cache);
    // a heap of 32 GB or more has no compressed pointers (nor has ZGC, below): another layout;
    // 31 GB has them; another collector that keeps them (G1) shares the archive
    assertThat(run(Map.of("SITE_GEN_CDS", "1", "SITE_GEN_OPTS", "-Xmx32g"), "build", "--archive", "a"))
        .contains("-XX:AOTMode=record");
    assertThat(option(run(Map.of("SITE_GEN_CDS", "1", "SITE_GEN_OPTS", "-Xmx31g"), "build", "--archive", "a"), "-XX:AOTCache="))
        .isEqualTo(cache);
    assertThat(option(run(Map.of("SITE_GEN_CDS", "1", "SITE_GEN_OPTS", "-XX:+UseG1GC"), "build", "--archive", "a"), "-XX:AOTCache="))
        .isEqualTo(cache);
    for (String layout :
        List.of("-XX:-UseCompressedOops", "-XX:-UseCompressedClassPointers", "-XX:ObjectAlignmentInBytes=16", "-XX:+UseZGC")) {
      assertThat(run(Map.of("SITE_GEN_CDS", "1", "SITE_GEN_OPTS", layout), "build", "--archive", "a"))
          .as(layout)
          .contains("-XX:AOTMode=record");
    }
  }

  /** The AOT cache a configuration ({@code <cache>.<pid>.conf.tmp}) is recorded for. */
  private static String aotCache(String configuration) {
    return configuration.substring(0, configuration.lastIndexOf(".aot") + 4);
  }

  /**
   * On Java 25 and later: an AOT cache, its configuration recorded by the first run (silently),
   * the cache made from it by the launcher right after, and used by later runs.
   */
  @Test
  void onJava25TheArchiveIsAnAotCacheCreatedAfterTheFirstRun() throws Exception {
    javaVersion = "25.0.3";
    Map<String, String> cds = Map.of("SITE_GEN_CDS", "1");

    List<String> first = run(cds, "build", "--archive", "a");
    List<String> create = Files.readAllLines(work.resolve("create.txt"));
    List<String> second = run(cds, "build", "--archive", "a");

    String configuration = option(first, "-XX:AOTConfiguration=");
    assertThat(first)
        .contains("-XX:AOTMode=record", "-XX:-DisplayVMOutput", "-Dsitegen.cds.training=true")
        .noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
    assertThat(option(create, "-XX:AOTConfiguration=")).isEqualTo(configuration);
    String made = option(create, "-XX:AOTCache=");
    assertThat(made).matches(".*/cache/site-gen-[0-9]+-build[.]aot[.][0-9]+[.]tmp");
    assertThat(create).contains("-XX:AOTMode=create", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    String cache = made.substring(0, made.lastIndexOf(".aot") + 4);
    assertThat(Path.of(cache)).hasContent("aot");
    assertThat(Path.of(made)).doesNotExist();
    assertThat(Path.of(configuration)).doesNotExist();
    assertThat(option(second, "-XX:AOTCache=")).isEqualTo(cache);
    assertThat(second).noneMatch(a -> a.startsWith("-XX:AOTMode=") || a.startsWith("-XX:SharedArchiveFile="));
  }

  /** A JDK 25 that cannot make the AOT cache here gets the dynamic archive, not a retry per run. */
  @Test
  void onJava25AFailedAotCacheFallsBackToTheDynamicArchive() throws Exception {
    javaVersion = "25.0.3";
    Map<String, String> cds = Map.of("SITE_GEN_CDS", "1");
    aotCreateFails = true;

    List<String> first = run(cds, "build", "--archive", "a");
    List<String> second = run(cds, "build", "--archive", "a");
    List<String> third = run(cds, "build", "--archive", "a");

    assertThat(first).contains("-XX:AOTMode=record");
    assertThat(option(second, "-XX:ArchiveClassesAtExit=")).contains("-build.jsa.");
    assertThat(option(third, "-XX:SharedArchiveFile=")).endsWith("-build.jsa");
  }

  @Test
  void aRunForHelpOrTheVersionNeitherRecordsNorMapsAnArchive() throws Exception {
    Map<String, String> cds = Map.of("SITE_GEN_CDS", "1");
    for (List<String> command :
        List.<List<String>>of(
            List.of("build", "--help"), List.of("import", "-h"), List.of("--version"), List.of("help", "build"), List.of())) {
      List<String> args = run(cds, command.toArray(String[]::new));

      assertThat(args).as("%s", command).noneMatch(a -> a.contains("ArchiveClassesAtExit") || a.contains("SharedArchiveFile"));
    }
    run(cds, "build");
    assertThat(run(cds, "build", "--help")).noneMatch(a -> a.contains("SharedArchiveFile"));
  }

  @Test
  void recordingANewArchiveDeletesTheArchivesNotWrittenFor30Days() throws Exception {
    Path cache = Files.createDirectories(work.resolve("cache"));
    Path old = Files.writeString(cache.resolve("site-gen-123-build.jsa"), "an older jar's");
    Path recent = Files.writeString(cache.resolve("site-gen-456-build.jsa"), "another JDK's");
    Path other = Files.writeString(cache.resolve("notes.jsa"), "not ours");
    long day = 24L * 3600 * 1000;
    Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 31 * day));
    Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 31 * day));
    Files.setLastModifiedTime(recent, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 29 * day));

    run(Map.of("SITE_GEN_CDS", "1"), "build");

    assertThat(old).doesNotExist();
    assertThat(recent).exists();
    assertThat(other).exists();
    try (var files = Files.list(cache)) {
      assertThat(files.map(f -> f.getFileName().toString())).anyMatch(f -> f.matches("site-gen-[0-9]+-build[.]jsa"));
    }
  }

  /** The value of the one argument starting with {@code prefix}. */
  private static String option(List<String> args, String prefix) {
    assertThat(args).filteredOn(a -> a.startsWith(prefix)).hasSize(1);
    return args.stream().filter(a -> a.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
  }

  private String jar() {
    return work.resolve("bin/site-gen.jar").toString();
  }

  /** The {@code JAVA_VERSION} of the stand-in JDK's release file. */
  private String javaVersion = "17.0.15";

  /** The folder the launcher runs in (null: this test's own). */
  private Path workingFolder;

  /** Whether the stand-in fails a create step, as a JDK that cannot make the AOT cache would. */
  private boolean aotCreateFails;

  /** Runs the launcher in {@code bin/}, next to its jar (made once); see {@link #runLauncher}. */
  private List<String> run(Map<String, String> env, String... command) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(work.resolve("bin"));
    Files.copy(Path.of("src/main/sh/site-gen"), bin.resolve("site-gen"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    if (!Files.exists(bin.resolve("site-gen.jar"))) {
      Files.write(bin.resolve("site-gen.jar"), new byte[0]); // (kept: one jar, run again and again)
    }
    return runLauncher(bin.resolve("site-gen"), env, command);
  }

  /**
   * Runs {@code launcher} (class data sharing off unless {@code env} says otherwise) with a fake JDK
   * whose java writes down its arguments and, asked to record a class data sharing archive, writes
   * one; the arguments it got.
   */
  private List<String> runLauncher(Path launcher, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    Path javaHome = work.resolve("jdk");
    Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
    Path out = work.resolve("args.txt");
    // the stand-in writes what a JVM would: the archive or AOT configuration a run records, the AOT
    // cache a create step makes; a create step's arguments go to create.txt, not args.txt
    // written only when it changes: the launcher keys its archives by the JDK's files, times
    // included (ls -l, to the minute), so a rewrite could change the key between two runs
    String script =
        "#!/bin/sh\n"
            + (aotCreateFails ? "case \" $* \" in *' -XX:AOTMode=create '*) exit 1 ;; esac\n" : "")
            + "case \" $* \" in *' -XX:AOTMode=create '*) to='" + work.resolve("create.txt") + "' ;; *) to='" + out + "' ;; esac\n"
            + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done >\"$to\"\n"
            + "for a in \"$@\"; do case $a in\n"
            + "  -XX:ArchiveClassesAtExit=*) printf classes >\"${a#*=}\" ;;\n"
            + "  -XX:AOTConfiguration=*) case \" $* \" in *' -XX:AOTMode=record '*) printf configuration >\"${a#*=}\" ;; esac ;;\n"
            + "  -XX:AOTCache=*) case \" $* \" in *' -XX:AOTMode=create '*) printf aot >\"${a#*=}\" ;; esac ;;\n"
            + "esac; done\n";
    if (!Files.exists(java) || !Files.readString(java).equals(script)) {
      Files.writeString(java, script);
    }
    Files.writeString(javaHome.resolve("release"), "JAVA_VERSION=\"" + javaVersion + "\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add("sh");
    builder.command().add(launcher.toString());
    builder.command().addAll(List.of(command));
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("SITE_GEN_CACHE", work.resolve("cache").toString());
    builder.environment().put("SITE_GEN_CDS", "0");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("SITE_GEN_OPTS");
    builder.environment().remove("SITE_GEN_LARGE");
    builder.environment().remove("SITE_GEN_THP_FILE");
    builder.environment().putAll(env);
    if (workingFolder != null) {
      builder.directory(workingFolder.toFile());
    }
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return Files.readAllLines(out);
  }
}
