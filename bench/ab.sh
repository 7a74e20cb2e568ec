#!/usr/bin/env bash
# A/B: two site-gen builds timed in alternating runs on the same corpus, so that a VM whose speed
# drifts (by ±30 % within an hour on the 2-core bench machine) moves both sides alike. Use it to
# judge a change; use compare.sh / update.sh for the figures against Hugo.
#
#   bench/ab.sh OLD NEW [import|update|noop ...]     default: update noop
#   RUNS=4 bench/ab.sh /tmp/sg-old generator/target import
#
# OLD and NEW are folders holding a launcher and its jar (site-gen, site-gen.jar), e.g. a copy of
# generator/target/ made before the change. Scenarios (10k `--format rss` corpus of make-corpus.py):
#   import  first import of all 996 snapshots into an empty archive (page cache dropped first when
#           run as root)
#   update  the 2 newest snapshots added to an archive and site built from the others, then
#           `build --snapshots` (the hourly CI job; bench/update.sh's timed step)
#   noop    the same with nothing new
# FORMAT=atom runs each scenario on the same snapshots rewritten as Atom 1.0 (bench/rss-to-atom.py).
# Each side prepares its own starting state (caches are tied to the code that wrote them), again
# whenever its jar, FLAGS or FORMAT are not those that prepared it (or with FRESH=1): a state
# prepared by another jar would make every run a full rebuild. Prints
# every run and the medians of wall and user+system CPU. Work folder: $OUT_ROOT/bench-ab (OUT_ROOT
# default /tmp; /dev/shm keeps the disk out, see bench/compare.sh).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
OLD=$(cd "$1" && pwd); NEW=$(cd "$2" && pwd); shift 2
SCENARIOS=("$@"); [ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(update noop)
RUNS=${RUNS:-4}
N=10000
RSS=/tmp/bench-corpus-$N-rss
W=${OUT_ROOT:-/tmp}/bench-ab
FLAGS=${FLAGS-"--disable-kinds reader,search,feeds,authors,sitemap"}
ARGS="--locale fr-FR --time-zone Europe/Paris $FLAGS"
[ -d "$RSS/snapshots" ] || python3 "$HERE/make-corpus.py" "$N" "$RSS" --format rss >/dev/null
if [ "${FORMAT:-rss}" = atom ]; then
  # the same snapshots as Atom 1.0 feeds (bench/rss-to-atom.py)
  [ -d "/tmp/bench-corpus-$N-atom/snapshots" ] ||
    python3 "$HERE/rss-to-atom.py" "$RSS/snapshots" "/tmp/bench-corpus-$N-atom/snapshots"
  RSS=/tmp/bench-corpus-$N-atom
fi
mkdir -p "$W"
drop() { sync; [ "$(id -u)" = 0 ] && echo 3 > /proc/sys/vm/drop_caches || true; }
timed() { # label command... : prints "label wall cpu"
  local label=$1; shift
  python3 - "$label" "$@" <<'PY'
import os, subprocess, sys, time
t0 = time.monotonic()
p = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, ru = os.wait4(p.pid, 0)
print(sys.argv[1], f"{time.monotonic() - t0:.3f}", f"{ru.ru_utime + ru.ru_stime:.3f}", os.waitstatus_to_exitcode(status))
PY
}
# the state before the update: every snapshot but the last 2 imported and built, caches filled
prepare() { # side launcher-dir
  local side=$1 dir=$2 base=$W/base-$1
  rm -rf "$base" "$W/run"; mkdir -p "$W/run/snapshots"
  ls "$RSS/snapshots" | grep -E '[.](xml|rss|atom)$' | sort | head -n -2 |
    while read -r f; do cp "$RSS/snapshots/$f" "$W/run/snapshots/"; done
  local a="--snapshots $W/run/snapshots --archive $W/run/articles --out $W/run/site --cache $W/run/cache $ARGS"
  "$dir/site-gen" build $a >/dev/null 2>&1
  sleep 3 # caches do not trust files changed in the last 2 s
  "$dir/site-gen" build $a >/dev/null 2>&1
  mv "$W/run" "$base"
  stamp "$dir" >"$base.jar"
}
# what a prepared state depends on: the jar, the build's arguments and the snapshots' format
stamp() { # launcher-dir
  cksum <"$1/site-gen.jar"
  echo "$ARGS ${FORMAT:-rss}"
}
# whether a side's state is missing or was prepared by another jar
stale() { # side launcher-dir
  [ ! -d "$W/base-$1" ] || ! stamp "$2" | cmp -s - "$W/base-$1.jar"
}
run() { # scenario side launcher-dir
  local scenario=$1 side=$2 dir=$3
  case $scenario in
    import)
      rm -rf "$W/import"; drop
      timed "$side" "$dir/site-gen" import --snapshots "$RSS/snapshots" --archive "$W/import/articles" --time-zone Europe/Paris ;;
    update | noop)
      rm -rf "$W/run"; cp -a "$W/base-$side" "$W/run"
      if [ "$scenario" = update ]; then
        ls "$RSS/snapshots" | grep -E '[.](xml|rss|atom)$' | sort | tail -n 2 |
          while read -r f; do cp "$RSS/snapshots/$f" "$W/run/snapshots/"; done
      fi
      sync # (the page cache is kept: the state was just copied, as a CI job restores its cache)
      timed "$side" "$dir/site-gen" build --snapshots "$W/run/snapshots" --archive "$W/run/articles" \
        --out "$W/run/site" --cache "$W/run/cache" $ARGS ;;
    *) echo "unknown scenario: $scenario" >&2; exit 2 ;;
  esac
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for scenario in "${SCENARIOS[@]}"; do
  if [ "$scenario" != import ] && { stale old "$OLD" || stale new "$NEW" || [ -n "${FRESH:-}" ]; }; then
    echo "preparing the archive and site before the update (each side)…"
    prepare old "$OLD"; prepare new "$NEW"; FRESH=""
  fi
  # one untimed run each: the launcher records its class data sharing archive on a first run
  run "$scenario" old "$OLD" >/dev/null; run "$scenario" new "$NEW" >/dev/null
  : >"$W/$scenario.txt"
  for i in $(seq 1 "$RUNS"); do
    run "$scenario" old "$OLD" | tee -a "$W/$scenario.txt"
    run "$scenario" new "$NEW" | tee -a "$W/$scenario.txt"
  done
  for side in old new; do
    wall=$(awk -v s=$side '$1==s {print $2}' "$W/$scenario.txt" | median)
    cpu=$(awk -v s=$side '$1==s {print $3}' "$W/$scenario.txt" | median)
    echo "$scenario $side: median wall ${wall} s, CPU ${cpu} s ($RUNS runs)"
  done
done
