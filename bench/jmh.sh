#!/usr/bin/env bash
# Runs the JMH microbenchmarks of the generator (classes in
# generator/src/test/java/io/github/sitegen/bench/). Arguments go to JMH, e.g.
#   bench/jmh.sh HtmlToMarkdownBench -f 1 -wi 3 -i 5
#   bench/jmh.sh -l              # list benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -pl generator -am test-compile -DskipTests
cp_file=generator/target/bench.classpath
mvn -B -q -ntp -pl generator dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -cp "generator/target/test-classes:generator/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main "$@"
