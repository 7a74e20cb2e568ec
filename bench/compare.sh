#!/usr/bin/env bash
# Side-by-side benchmark: site-gen's CLI build vs Hugo on the same synthetic news archive.
#
#   bench/compare.sh [N ...]            default: 1000 10000
#   RUNS=5 WARMUP=1 bench/compare.sh 10000 50000
#
# Rows per N, ratios to Hugo first:
#   site-gen (Hugo's page set)  build with $SAME_SET_FLAGS: the pages bench/hugo-site renders
#                               (paginated home, article pages, year/month/day archives, tags)
#   site-gen (all pages)        build with the default page set (reader views, search, feeds…)
#   hugo                        bench/hugo-site
# site-gen runs through the launcher (generator/target/site-gen: JVM flags, class data sharing),
# each run with a new empty output folder and, with $CACHE_FLAG, a new empty build cache: clean
# builds. Whole processes, JVM start included; median of RUNS after WARMUP runs (bench/timeit.py:
# wall, CPU, peak RSS). The first warm-up run also writes the launcher's CDS archive.
#
# Environment:
#   SAME_SET_FLAGS  default "--disable-kinds reader,search,feeds,authors,sitemap"; used only if
#                   `build --help` lists its first option, else that row is skipped
#   CACHE_FLAG      default "--cache"; used only if `build --help` lists it
#   SITE_GEN        the command (default: generator/target/site-gen, built if missing)
#   SITE_GEN_OPTS   JVM options for the launcher (e.g. -Xmx1g)
#   OUT_ROOT        where both tools write their sites (default /tmp): /dev/shm takes the disk
#                   out of the comparison (on an ext4 mounted with discard, writes right after
#                   the previous run's deletion drift from 1 s to 13 s of system time)
# Needs python3, Java 17 and, for the comparison, Debian's hugo (apt-get install -y hugo). Corpora
# are made once in /tmp by bench/make-corpus.py (deterministic). Results: /tmp/bench-results/*.txt
# and a Markdown table on stdout.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
RES=${RESULTS:-/tmp/bench-results}
OUT_ROOT=${OUT_ROOT:-/tmp}
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
SITE_GEN=${SITE_GEN:-$ROOT/generator/target/site-gen}
SAME_SET_FLAGS=${SAME_SET_FLAGS-"--disable-kinds reader,search,feeds,authors,sitemap"}
CACHE_FLAG=${CACHE_FLAG-"--cache"}
BUILD_ARGS="--locale fr-FR --time-zone Europe/Paris"
mkdir -p "$RES"
[ -x "$SITE_GEN" ] || (cd "$ROOT" && mvn -B -q -ntp package -DskipTests -pl generator -am)

build_help=$("$SITE_GEN" build --help 2>&1 || true)
has_option() { [ -n "$1" ] && grep -q -- "${1%% *}" <<<"$build_help"; }
if [ -n "$CACHE_FLAG" ] && ! has_option "$CACHE_FLAG"; then
  echo "note: build has no '${CACHE_FLAG%% *}' option: running without a build cache" >&2
  CACHE_FLAG=""
fi
if [ -n "$SAME_SET_FLAGS" ] && ! has_option "$SAME_SET_FLAGS"; then
  echo "note: build has no '${SAME_SET_FLAGS%% *}' option: no same-page-set row" >&2
  SAME_SET_FLAGS=""
fi

# median of a timeit.py result: field FILE wall|cpu|peak
field() { awk -v k="$2" '$1==k {print $4}' "$1"; }
ratio() { python3 -c "import sys; a, b = map(float, sys.argv[1:]); print(f'{a / b:.2f}x')" "$1" "$2"; }

# time_site_gen N LABEL FLAGS: times one site-gen configuration into $RES/site-gen-LABEL-N.txt
time_site_gen() {
  local n=$1 label=$2 flags=$3 out=$OUT_ROOT/bench-out-$1
  local cache=""
  [ -z "$CACHE_FLAG" ] || cache="$CACHE_FLAG \"\$d/cache\""
  python3 "$HERE/timeit.py" -n "$RUNS" -w "$WARMUP" -- sh -c \
    "d=\$(mktemp -d '$out/sg-XXXXXX') && exec '$SITE_GEN' build --archive '/tmp/bench-corpus-$n/content' --out \"\$d/site\" $cache $BUILD_ARGS $flags" \
    > "$RES/site-gen-$label-$n.txt"
  pages=$(find "$(ls -d "$out"/sg-* | head -1)/site" -name '*.html' | wc -l)
  rm -rf "$out"/sg-*
}

rows=()
for N in "${SIZES[@]}"; do
  C=/tmp/bench-corpus-$N
  [ -d "$C/content" ] || python3 "$HERE/make-corpus.py" "$N" "$C" >/dev/null 2>&1
  H=/tmp/bench-corpus-$N-hugo
  OUT=$OUT_ROOT/bench-out-$N; rm -rf "$OUT"; mkdir -p "$OUT"

  hugo_txt=""
  if command -v hugo >/dev/null; then
    [ -d "$H/content" ] || python3 "$HERE/make-corpus.py" "$N" "$H" --hugo >/dev/null 2>&1
    python3 "$HERE/timeit.py" -n "$RUNS" -w "$WARMUP" -- sh -c \
      "exec hugo --quiet --source '$HERE/hugo-site' --contentDir '$H/content' --cacheDir /tmp/hugo-cache --destination \$(mktemp -d '$OUT/hugo-XXXXXX')" \
      > "$RES/hugo-$N.txt"
    hugo_pages=$(find "$(ls -d "$OUT"/hugo-* | head -1)" -name '*.html' | wc -l)
    rm -rf "$OUT"/hugo-*
    hugo_txt=$RES/hugo-$N.txt
  fi

  labels=()
  if [ -n "$SAME_SET_FLAGS" ]; then
    time_site_gen "$N" same-set "$SAME_SET_FLAGS"
    labels+=("same-set:site-gen (Hugo's page set):$pages")
  fi
  time_site_gen "$N" all "" 
  labels+=("all:site-gen (all pages):$pages")

  for entry in "${labels[@]}"; do
    IFS=: read -r label name count <<<"$entry"
    txt=$RES/site-gen-$label-$N.txt
    if [ -n "$hugo_txt" ]; then
      rw=$(ratio "$(field "$txt" wall)" "$(field "$hugo_txt" wall)")
      rm_=$(ratio "$(field "$txt" peak)" "$(field "$hugo_txt" peak)")
    else
      rw=-; rm_=-
    fi
    rows+=("| $N | $name | $rw | $rm_ | $(field "$txt" wall) | $(field "$txt" cpu) | $(field "$txt" peak) | $count |")
  done
  if [ -n "$hugo_txt" ]; then
    rows+=("| $N | hugo | 1.00x | 1.00x | $(field "$hugo_txt" wall) | $(field "$hugo_txt" cpu) | $(field "$hugo_txt" peak) | $hugo_pages |")
  fi
  rm -rf "$OUT"
done

echo
echo "Median of $RUNS runs after $WARMUP warm-up; ratios are site-gen / Hugo (target: wall <= 0.5x, memory <= 0.25x)."
echo
echo "| N | run | wall vs Hugo | peak memory vs Hugo | wall s | CPU s | peak MiB | HTML pages |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
