#!/usr/bin/env bash
# How site-gen's clean build scales with the archive: wall, CPU and peak RSS per 1,000 articles.
#
#   bench/scale.sh                      default: 1000 10000 50000 100000
#   RUNS=3 WARMUP=1 bench/scale.sh 1000 10000
#
# One timed run per size by default (RUNS=1, WARMUP=0: the 50k and 100k builds are long and the
# machine may be shared); the 100k build runs with -Xmx1g (HEAP_100K), the issue's target. Corpora
# are made in /tmp on demand by bench/make-corpus.py (deterministic; 100k takes ~16 s and 640 MB).
# Each run gets a new empty output folder and, if the build has CACHE_FLAG, a new empty cache.
# Prints a Markdown table; raw timeit.py results in /tmp/bench-results/scale-N.txt. Sites are
# written under OUT_ROOT (default /tmp; /dev/shm keeps the disk out, see bench/compare.sh).
#
# Environment: SITE_GEN (default generator/target/site-gen), SITE_GEN_OPTS (JVM options, e.g.
# -Xmx2g, for every size), FLAGS (extra build options, e.g. the page set of bench/compare.sh),
# CACHE_FLAG (default "--cache"), HEAP_100K (default -Xmx1g).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
RUNS=${RUNS:-1}
WARMUP=${WARMUP:-0}
RES=${RESULTS:-/tmp/bench-results}
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 50000 100000)
SITE_GEN=${SITE_GEN:-$ROOT/generator/target/site-gen}
FLAGS=${FLAGS-}
CACHE_FLAG=${CACHE_FLAG-"--cache"}
HEAP_100K=${HEAP_100K:--Xmx1g}
mkdir -p "$RES"
[ -x "$SITE_GEN" ] || (cd "$ROOT" && mvn -B -q -ntp package -DskipTests -pl generator -am)
if [ -n "$CACHE_FLAG" ] && ! "$SITE_GEN" build --help 2>&1 | grep -q -- "$CACHE_FLAG"; then
  CACHE_FLAG=""
fi

field() { awk -v k="$2" '$1==k {print $4}' "$1"; }

rows=()
for N in "${SIZES[@]}"; do
  C=/tmp/bench-corpus-$N
  if [ ! -d "$C/content" ]; then
    echo "making the $N-article corpus in $C…" >&2
    python3 "$HERE/make-corpus.py" "$N" "$C" >/dev/null
  fi
  opts=${SITE_GEN_OPTS:-}
  [ "$N" -lt 100000 ] || opts="${opts:+$opts }$HEAP_100K"
  OUT=${OUT_ROOT:-/tmp}/bench-out-scale-$N; rm -rf "$OUT"; mkdir -p "$OUT"
  cache=""
  [ -z "$CACHE_FLAG" ] || cache="$CACHE_FLAG \"\$d/cache\""
  echo "building $N articles (SITE_GEN_OPTS='$opts')…" >&2
  SITE_GEN_OPTS=$opts python3 "$HERE/timeit.py" -n "$RUNS" -w "$WARMUP" -- sh -c \
    "d=\$(mktemp -d '$OUT/sg-XXXXXX') && exec '$SITE_GEN' build --archive '$C/content' --out \"\$d/site\" $cache --locale fr-FR --time-zone Europe/Paris $FLAGS" \
    > "$RES/scale-$N.txt"
  codes=$(awk '/exit codes/ {sub(/.*exit codes: /, ""); print}' "$RES/scale-$N.txt")
  pages=$(find "$(ls -d "$OUT"/sg-* | head -1)/site" -name '*.html' | wc -l)
  rm -rf "$OUT"
  wall=$(field "$RES/scale-$N.txt" wall)
  cpu=$(field "$RES/scale-$N.txt" cpu)
  peak=$(field "$RES/scale-$N.txt" peak)
  per=$(python3 -c "import sys; n, w, c, p = map(float, sys.argv[1:]); k = n / 1000; print(f'{w / k:.3f} | {c / k:.3f} | {p / k:.1f}')" "$N" "$wall" "$cpu" "$peak")
  rows+=("| $N | ${opts:-default} | $wall | $cpu | $peak | $per | $pages | $codes |")
done

echo
echo "site-gen clean build, median of $RUNS run(s) after $WARMUP warm-up; per 1k = value / (N / 1000)."
echo
echo "| N | JVM options | wall s | CPU s | peak MiB | wall s per 1k | CPU s per 1k | MiB per 1k | HTML pages | exit |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"
printf '%s\n' "${rows[@]}"
