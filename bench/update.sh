#!/usr/bin/env bash
# The scheduled-CI scenario of issue #6, end to end: an archive imported from a feed's snapshots,
# built once with a cache folder, then ONE new snapshot arrives and `build --snapshots` imports it
# and rebuilds the site in one process. Target: <= 1 s wall for that last step at 10k articles.
#
#   bench/update.sh [N]                 default: 10000
#   FLAGS="--disable-kinds reader,search,feeds,authors,sitemap" bench/update.sh 10000
#   CHECKOUT=1 bench/update.sh 10000    every snapshot and article gets a new time first, as a
#                                       git checkout gives them on every CI run
#   FORMAT=atom bench/update.sh 10000   the same snapshots rewritten as Atom 1.0 feeds
#                                       (bench/rss-to-atom.py)
#   FROM_MARKDOWN=1 SITE_GEN_OPTS=-Xmx1g bench/update.sh 100000
#                                       a large archive without its first import (the RSS corpus
#                                       of 100k articles would be ~3.5 GB): make-corpus.py's N
#                                       Markdown articles, built with a cache; the update is then
#                                       the newest snapshot of the 10k RSS corpus (50 articles the
#                                       archive does not have)
#
# The snapshots are `make-corpus.py N --format rss` (996 files at 10k, each article in ~5 of them,
# some edited). All but the last KEEP_BACK (default 2) snapshots are imported and built first
# (timed too, as the first run of a new archive); then the held-back ones are added and
#   site-gen build --snapshots … --cache …
# runs RUNS times (default 3) on fresh copies of that state; medians printed. Whole processes
# through the launcher (generator/target/site-gen). Work folder: $OUT_ROOT/bench-update-N
# (OUT_ROOT default /tmp; /dev/shm keeps the disk out, see bench/compare.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
N=${1:-10000}
RUNS=${RUNS:-3}
KEEP_BACK=${KEEP_BACK:-2}
FLAGS=${FLAGS:-}
SITE_GEN=${SITE_GEN:-$ROOT/generator/target/site-gen}
ARGS="--locale fr-FR --time-zone Europe/Paris $FLAGS"
SNAPSHOTS_N=$N # the size of the RSS corpus the snapshots come from
W=${OUT_ROOT:-/tmp}/bench-update-$N
MARKDOWN="" # the Markdown corpus the archive starts from (FROM_MARKDOWN), else none
if [ -n "${FROM_MARKDOWN:-}" ]; then
  MARKDOWN=/tmp/bench-corpus-$N
  SNAPSHOTS_N=10000
  KEEP_BACK=1
  W=${OUT_ROOT:-/tmp}/bench-update-$N-md
  [ -d "$MARKDOWN/content" ] || python3 "$HERE/make-corpus.py" "$N" "$MARKDOWN" >/dev/null
fi
RSS=/tmp/bench-corpus-$SNAPSHOTS_N-rss
[ -x "$SITE_GEN" ] || (cd "$ROOT" && mvn -B -q -ntp package -DskipTests -pl generator -am)
[ -d "$RSS/snapshots" ] || python3 "$HERE/make-corpus.py" "$SNAPSHOTS_N" "$RSS" --format rss >/dev/null
if [ "${FORMAT:-rss}" = atom ]; then
  # the same snapshots as Atom 1.0 feeds (bench/rss-to-atom.py)
  ATOM=/tmp/bench-corpus-$SNAPSHOTS_N-atom
  [ -d "$ATOM/snapshots" ] || python3 "$HERE/rss-to-atom.py" "$RSS/snapshots" "$ATOM/snapshots"
  RSS=$ATOM
fi
# everything happens in $W/run (the caches know absolute paths); $W/base keeps the state before
# the update, restored into $W/run for each timed run
rm -rf "$W"; mkdir -p "$W/run/snapshots"
if [ -n "$MARKDOWN" ]; then
  cp -a "$MARKDOWN/content" "$W/run/articles"
else
  ls "$RSS/snapshots" | grep -E '[.](xml|rss|atom)$' | sort | head -n -"$KEEP_BACK" |
    while read -r f; do cp "$RSS/snapshots/$f" "$W/run/snapshots/"; done
fi
timed() { python3 "$HERE/timeit.py" -n 1 -w 0 -- "$@"; }
field() { awk -v k="$2" '$1==k {print $4}' "$1"; }

if [ -n "$MARKDOWN" ]; then
  echo "first: build $N Markdown articles (empty cache)"
else
  echo "first: import $(ls "$W/run/snapshots" | wc -l) snapshots and build (empty cache)"
fi
timed sh -c "exec $SITE_GEN build --snapshots '$W/run/snapshots' --archive '$W/run/articles' --out '$W/run/site' --cache '$W/run/cache' $ARGS" > "$W/first.txt"
echo "  wall $(field "$W/first.txt" wall) s, CPU $(field "$W/first.txt" cpu) s, peak $(field "$W/first.txt" peak) MiB"
# the caches never trust a file changed in the last 2 s (its time may not move when it is written
# again): wait, let one build fill them, as the previous CI run would have
sleep 3
"$SITE_GEN" build --snapshots "$W/run/snapshots" --archive "$W/run/articles" --out "$W/run/site" --cache "$W/run/cache" $ARGS >/dev/null
timed sh -c "exec $SITE_GEN build --snapshots '$W/run/snapshots' --archive '$W/run/articles' --out '$W/run/site' --cache '$W/run/cache' $ARGS" > "$W/noop.txt"
cp -a "$W/run" "$W/base"
echo "no-op (import finds nothing new, build renders nothing): wall $(field "$W/noop.txt" wall) s, CPU $(field "$W/noop.txt" cpu) s, peak $(field "$W/noop.txt" peak) MiB"

walls=(); cpus=(); peaks=()
for r in $(seq 1 "$RUNS"); do
  rm -rf "$W/run"; cp -a "$W/base" "$W/run"
  ls "$RSS/snapshots" | grep -E '[.](xml|rss|atom)$' | sort | tail -n "$KEEP_BACK" |
    while read -r f; do cp "$RSS/snapshots/$f" "$W/run/snapshots/"; done
  if [ -n "${CHECKOUT:-}" ]; then
    find "$W/run/snapshots" "$W/run/articles" -type f -exec touch -d '-10 seconds' {} +
  fi
  touch "$W/marker"
  timed sh -c "exec $SITE_GEN build --snapshots '$W/run/snapshots' --archive '$W/run/articles' --out '$W/run/site' --cache '$W/run/cache' $ARGS" > "$W/update-$r.txt"
  rewritten=$(find "$W/run/site" -type f -newer "$W/marker" | wc -l)
  echo "update run $r: wall $(field "$W/update-$r.txt" wall) s, CPU $(field "$W/update-$r.txt" cpu) s, peak $(field "$W/update-$r.txt" peak) MiB, $rewritten files rewritten"
  walls+=("$(field "$W/update-$r.txt" wall)")
  cpus+=("$(field "$W/update-$r.txt" cpu)")
  peaks+=("$(field "$W/update-$r.txt" peak)")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "update, median of $RUNS: wall $(median "${walls[@]}") s, CPU $(median "${cpus[@]}") s, peak $(median "${peaks[@]}") MiB"
