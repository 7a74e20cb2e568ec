#!/usr/bin/env bash
# Incremental scenario of issue #6: a 10k-article archive, built once (warm), then one new feed
# snapshot is imported and the site built again. Target: import + build <= 1 s wall.
#
#   bench/incremental.sh                 default: N=10000, RUNS=3
#   N=1000 RUNS=1 bench/incremental.sh
#
# Each run starts from a fresh copy of /tmp/bench-corpus-N/content (never changed in place) in
# $OUT_ROOT/bench-incremental-N (OUT_ROOT default /tmp; /dev/shm keeps the disk out) and times, as
# whole processes (bench/timeit.py, one run each):
#   1. clean build      into an empty output folder and an empty build cache
#   2. no-op rebuild    nothing changed
#   3. import           the last snapshot of `make-corpus.py N … --format rss` (its 50 newest
#                       articles; the Markdown archive has no ids, so they arrive as new articles)
#   4. build            after the import
# and counts the output files steps 2 and 4 rewrote (newer than a marker). Medians over RUNS.
#
# The commands are variables, so the script runs before the CLI has the options it needs
# ($archive, $snapshots, $out and $cache are set by the script):
#   BUILD_CMD   default: $SITE_GEN build --archive "$archive" --out "$out" --cache "$cache" \
#                        --locale fr-FR --time-zone Europe/Paris   (without --cache if build lacks it)
#   IMPORT_CMD  default: $SITE_GEN import --archive "$archive" --snapshots "$snapshots" \
#                        --time-zone Europe/Paris
#   SITE_GEN    default: generator/target/site-gen (the launcher)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
N=${N:-10000}
RUNS=${RUNS:-3}
SITE_GEN=${SITE_GEN:-$ROOT/generator/target/site-gen}
RES=${RESULTS:-/tmp/bench-results}
WORK=${OUT_ROOT:-/tmp}/bench-incremental-$N
mkdir -p "$RES"
[ -x "$SITE_GEN" ] || (cd "$ROOT" && mvn -B -q -ntp package -DskipTests -pl generator -am)

cache_opt='--cache "$cache"'
"$SITE_GEN" build --help 2>&1 | grep -q -- --cache || cache_opt=""
BUILD_CMD=${BUILD_CMD:-"'$SITE_GEN' build --archive \"\$archive\" --out \"\$out\" $cache_opt --locale fr-FR --time-zone Europe/Paris"}
IMPORT_CMD=${IMPORT_CMD:-"'$SITE_GEN' import --archive \"\$archive\" --snapshots \"\$snapshots\" --time-zone Europe/Paris"}

C=/tmp/bench-corpus-$N
[ -d "$C/content" ] || python3 "$HERE/make-corpus.py" "$N" "$C" >/dev/null
R=/tmp/bench-corpus-$N-rss
[ -d "$R/snapshots" ] || python3 "$HERE/make-corpus.py" "$N" "$R" --format rss >/dev/null
last=$(ls "$R"/snapshots/feed-*.xml | sort | tail -1)

export archive=$WORK/content snapshots=$WORK/snapshots out=$WORK/site cache=$WORK/cache

# step NAME CMD: runs CMD once as a whole process; appends "NAME wall cpu peak exit" to $WORK.times
step() {
  python3 "$HERE/timeit.py" -n 1 -w 0 -- sh -c "exec $2" > "$WORK.step"
  awk -v name="$1" '/^wall/ {w=$4} /^cpu/ {c=$4} /^peak/ {p=$4} /exit codes/ {sub(/.*exit codes: /, ""); e=$0}
    END {print name, w, c, p, e}' "$WORK.step" >> "$WORK.times"
}

rewritten() { [ -d "$out" ] && find "$out" -type f -newer "$WORK.marker" | wc -l || echo 0; }

rm -f "$WORK.times" "$WORK.counts"
for run in $(seq "$RUNS"); do
  echo "run $run of $RUNS: copying the archive…" >&2
  rm -rf "$WORK"; mkdir -p "$WORK" "$snapshots"
  cp -a "$C/content" "$archive"
  cp "$last" "$snapshots/"
  step "clean-build" "$BUILD_CMD"
  touch "$WORK.marker" # files newer than this were rewritten (ns mtimes)
  step "no-op-rebuild" "$BUILD_CMD"
  echo "no-op-rebuild $(rewritten)" >> "$WORK.counts"
  step "import" "$IMPORT_CMD"
  touch "$WORK.marker"
  step "build-after-import" "$BUILD_CMD"
  echo "build-after-import $(rewritten)" >> "$WORK.counts"
done
cp "$WORK.times" "$RES/incremental-$N.txt"

python3 - "$WORK.times" "$WORK.counts" "$N" "$RUNS" "$(basename "$last")" <<'PY'
import collections, statistics, sys
times, counts, n, runs, snap = sys.argv[1:]
rows = collections.defaultdict(list)
for line in open(times):
    name, wall, cpu, peak, code = line.strip().split(maxsplit=4)
    rows[name].append((float(wall), float(cpu), float(peak), code))
files = collections.defaultdict(list)
for line in open(counts):
    name, count = line.split()
    files[name].append(int(count))
med = lambda name, i: statistics.median(r[i] for r in rows[name])
total = med("import", 0) + med("build-after-import", 0)
print()
print(f"Incremental, {n} articles, snapshot {snap}; median of {runs} run(s).")
print(f"import + build after import: {total:.2f} s wall (target <= 1 s)")
print()
print("| step | wall s | CPU s | peak MiB | files rewritten | exit codes |")
print("|---|---:|---:|---:|---:|---|")
for name in ("clean-build", "no-op-rebuild", "import", "build-after-import"):
    f = files.get(name)
    print(f"| {name} | {med(name, 0):.2f} | {med(name, 1):.2f} | {med(name, 2):.0f} | "
          f"{statistics.median(f) if f else '-'} | {' '.join(sorted({r[3] for r in rows[name]}))} |")
PY
