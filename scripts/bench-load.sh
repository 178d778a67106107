#!/usr/bin/env bash
# bench-load.sh — load speed of parkgraph against the official cayley CLI,
# both into bolt, on the same N-Quads file, in one run.
#
#   scripts/bench-load.sh [ARTICLES_PER_PART] [PARTS]
#
# Makes a knowledge-graph-shaped N-Quads file: PARTS generated corpora of
# ARTICLES_PER_PART articles each (default 5000 × 2, about 870k quads) built
# with parkgraph build and written with parkgraph dump. Then times
# "cayley load" (built from scripts/cayley-cli, a module of its own outside
# parkgraph's module graph) and "parkgraph load" on that file, each into a
# new bolt store, and prints quads per second, CPU seconds, peak memory and
# the ratio. Finally "cayley dump" of parkgraph's file checks that cayley
# read every quad. Work files go to $BENCH_DIR (default a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PER=${1:-5000}
PARTS=${2:-2}
WORK=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$WORK"
echo "bench-load: work folder $WORK"

CAYLEY=$WORK/cayley
if [ ! -x "$CAYLEY" ]; then
  echo "bench-load: building the cayley CLI (a few minutes the first time)"
  (cd scripts/cayley-cli && go build -o "$CAYLEY" github.com/cayleygraph/cayley/cmd/cayley)
fi
PG=$WORK/parkgraph
go build -o "$PG" ./cmd/parkgraph

NQ=$WORK/graph.nq
if [ ! -s "$NQ" ]; then
  rm -rf "$WORK/articles" "$WORK/src.db"
  mkdir -p "$WORK/articles"
  for part in $(seq 1 "$PARTS"); do
    "$PG" gen --articles "$PER" --seed "$part" "$WORK/gen$part" >/dev/null
    for f in "$WORK/gen$part/articles/"*.txt; do
      mv "$f" "$WORK/articles/p${part}_$(basename "$f")"
    done
    rm -rf "$WORK/gen$part"
  done
  "$PG" build --db "bolt:$WORK/src.db" --formats "" "$WORK/articles" >/dev/null
  "$PG" dump --db "bolt:$WORK/src.db" -o "$NQ"
fi
QUADS=$(wc -l <"$NQ")
echo "bench-load: $QUADS quads, $(du -h "$NQ" | cut -f1) of N-Quads"

# measure NAME COMMAND… prints "NAME seconds cpu-seconds peak-KB"
measure() {
  local name=$1
  shift
  /usr/bin/time -f "$name %e %U %S %M" -o "$WORK/$name.time" "$@" >"$WORK/$name.log" 2>&1
  awk '{printf "%s %.2f %.2f %d\n", $1, $2, $3 + $4, $5}' "$WORK/$name.time"
}
rm -rf "$WORK/cayley.db" "$WORK/parkgraph.db"
read -r _ c_s c_cpu c_kb < <(measure cayley "$CAYLEY" load --init -d bolt -a "$WORK/cayley.db" -i "$NQ")
read -r _ p_s p_cpu p_kb < <(measure parkgraph "$PG" load --db "bolt:$WORK/parkgraph.db" "$NQ")

# cayley read every quad of the file
"$CAYLEY" dump -d bolt -a "$WORK/cayley.db" -o "$WORK/cayley-dump.nq" >/dev/null 2>&1
CQ=$(wc -l <"$WORK/cayley-dump.nq")
PQ=$("$PG" dump --db "bolt:$WORK/parkgraph.db" | wc -l)

awk -v q="$QUADS" -v cs="$c_s" -v cc="$c_cpu" -v ck="$c_kb" -v ps="$p_s" -v pc="$p_cpu" -v pk="$p_kb" -v cq="$CQ" -v pq="$PQ" 'BEGIN {
  printf "%-16s %10s %12s %10s %12s %10s\n", "loader", "seconds", "quads/s", "cpu-s", "quads/cpu-s", "peak MB"
  printf "%-16s %10.1f %12.0f %10.1f %12.0f %10.0f\n", "cayley load", cs, q/cs, cc, q/cc, ck/1024
  printf "%-16s %10.1f %12.0f %10.1f %12.0f %10.0f\n", "parkgraph load", ps, q/ps, pc, q/pc, pk/1024
  printf "ratio (parkgraph/cayley): %.2fx quads/s, %.2fx quads per CPU-second\n", cs/ps, cc/pc
  printf "quads stored: cayley %d, parkgraph %d, file %d\n", cq, pq, q
}'
if [ "$CQ" -ne "$QUADS" ] || [ "$PQ" -ne "$QUADS" ]; then
  echo "bench-load: a loader lost quads" >&2
  exit 1
fi
