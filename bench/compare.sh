#!/usr/bin/env bash
# Side-by-side benchmark: site-gen's CLI build vs Hugo on the same synthetic news archive and the
# same page set (paginated home, article pages, year/month/day archives, tag pages).
#
#   bench/compare.sh [N ...]            default: 1000 10000
#   RUNS=5 WARMUP=1 bench/compare.sh 10000 50000
#
# Whole processes, JVM start included, clean output folder each run; median of RUNS after WARMUP
# runs (bench/timeit.py: wall, CPU, peak RSS). Needs python3, Java 17 and, for the comparison,
# Debian's hugo (apt-get install -y hugo). Corpora are made once in /tmp by bench/make-corpus.py
# (deterministic). Results: /tmp/bench-results/*.txt and a summary table on stdout.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
RES=${RESULTS:-/tmp/bench-results}
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
JAR=$ROOT/generator/target/site-gen.jar
mkdir -p "$RES"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -ntp package -DskipTests -pl generator -am)

field() { awk -v k="$2" '$1==k {print $4}' "$1"; }

printf '%-8s %-9s %10s %10s %12s %10s\n' N tool "wall s" "CPU s" "peak MiB" pages
for N in "${SIZES[@]}"; do
  C=/tmp/bench-corpus-$N
  [ -d "$C/content" ] || python3 "$HERE/make-corpus.py" "$N" "$C" >/dev/null 2>&1
  H=/tmp/bench-corpus-$N-hugo
  OUT=/tmp/bench-out-$N; rm -rf "$OUT"; mkdir -p "$OUT"

  python3 "$HERE/timeit.py" -n "$RUNS" -w "$WARMUP" -- sh -c \
    "exec java -jar '$JAR' build --archive '$C/content' --out \$(mktemp -d '$OUT/sg-XXXXXX') --locale fr-FR --time-zone Europe/Paris" \
    > "$RES/site-gen-$N.txt"
  sg_pages=$(find "$(ls -d "$OUT"/sg-* | head -1)" -name '*.html' | wc -l)
  printf '%-8s %-9s %10s %10s %12s %10s\n' "$N" site-gen "$(field "$RES/site-gen-$N.txt" wall)" \
    "$(field "$RES/site-gen-$N.txt" cpu)" "$(field "$RES/site-gen-$N.txt" peak)" "$sg_pages"

  if command -v hugo >/dev/null; then
    [ -d "$H/content" ] || python3 "$HERE/make-corpus.py" "$N" "$H" --hugo >/dev/null 2>&1
    python3 "$HERE/timeit.py" -n "$RUNS" -w "$WARMUP" -- sh -c \
      "exec hugo --quiet --source '$HERE/hugo-site' --contentDir '$H/content' --cacheDir /tmp/hugo-cache --destination \$(mktemp -d '$OUT/hugo-XXXXXX')" \
      > "$RES/hugo-$N.txt"
    hugo_pages=$(find "$(ls -d "$OUT"/hugo-* | head -1)" -name '*.html' | wc -l)
    printf '%-8s %-9s %10s %10s %12s %10s\n' "$N" hugo "$(field "$RES/hugo-$N.txt" wall)" \
      "$(field "$RES/hugo-$N.txt" cpu)" "$(field "$RES/hugo-$N.txt" peak)" "$hugo_pages"
    python3 - "$RES/site-gen-$N.txt" "$RES/hugo-$N.txt" <<'PY'
import sys
def med(path, key):
    for line in open(path):
        parts = line.split()
        if parts and parts[0] == key:
            return float(parts[3])
sg, hu = sys.argv[1], sys.argv[2]
print(f"         ratio site-gen/hugo: wall {med(sg,'wall')/med(hu,'wall'):.2f}x, peak memory {med(sg,'peak')/med(hu,'peak'):.2f}x")
PY
  fi
  rm -rf "$OUT"
done
