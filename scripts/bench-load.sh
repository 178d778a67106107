#!/usr/bin/env bash
# bench-load.sh — load speed of parkgraph against the official cayley CLI,
# both into bolt, on the same N-Quads file, in one run.
#
#   scripts/bench-load.sh [ARTICLES_PER_PART] [PARTS]
#
# RUNS (default 3) sets how many times the pair of loads is repeated; the
# figures printed are medians, since one load's time varies by a fifth from
# run to run on a shared machine.
#
# Makes a knowledge-graph-shaped N-Quads file: PARTS generated corpora of
# ARTICLES_PER_PART articles each (default 5000 × 2, about 1.1M quads) built
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
RUNS=${RUNS:-3}
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

# Each run loads the file with both loaders, one after the other, each into a
# new store; the runs alternate which goes first, so a slow spell of the
# machine is shared. The ratio reported is the median of the runs' ratios.
: >"$WORK/runs.txt"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/cayley.db" "$WORK/parkgraph.db"
  if [ $((run % 2)) -eq 1 ]; then
    read -r _ c_s c_cpu c_kb < <(measure cayley "$CAYLEY" load --init -d bolt -a "$WORK/cayley.db" -i "$NQ")
    read -r _ p_s p_cpu p_kb < <(measure parkgraph "$PG" load --db "bolt:$WORK/parkgraph.db" "$NQ")
  else
    read -r _ p_s p_cpu p_kb < <(measure parkgraph "$PG" load --db "bolt:$WORK/parkgraph.db" "$NQ")
    read -r _ c_s c_cpu c_kb < <(measure cayley "$CAYLEY" load --init -d bolt -a "$WORK/cayley.db" -i "$NQ")
  fi
  echo "$run $c_s $c_cpu $c_kb $p_s $p_cpu $p_kb" >>"$WORK/runs.txt"
  awk -v r="$run" -v cs="$c_s" -v ps="$p_s" -v cc="$c_cpu" -v pc="$p_cpu" 'BEGIN {
    printf "bench-load: run %d: cayley %.1f s, parkgraph %.1f s, ratio %.2fx (CPU %.2fx)\n", r, cs, ps, cs/ps, cc/pc }'
done

# cayley read every quad of the file (the stores of the last run)
"$CAYLEY" dump -d bolt -a "$WORK/cayley.db" -o "$WORK/cayley-dump.nq" >/dev/null 2>&1
CQ=$(wc -l <"$WORK/cayley-dump.nq")
PQ=$("$PG" dump --db "bolt:$WORK/parkgraph.db" | wc -l)

sort -n -k2 "$WORK/runs.txt" | awk -v q="$QUADS" -v cq="$CQ" -v pq="$PQ" '
function median(a, n,   i, j, t) {
  for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{ n++; cs[n] = $2; cc[n] = $3; ck[n] = $4; ps[n] = $5; pc[n] = $6; pk[n] = $7; r[n] = $2 / $5; rc[n] = $3 / $6 }
END {
  mcs = median(cs, n); mcc = median(cc, n); mck = median(ck, n)
  mps = median(ps, n); mpc = median(pc, n); mpk = median(pk, n)
  printf "%-16s %10s %12s %10s %12s %10s   (medians of %d runs)\n", "loader", "seconds", "quads/s", "cpu-s", "quads/cpu-s", "peak MB", n
  printf "%-16s %10.1f %12.0f %10.1f %12.0f %10.0f\n", "cayley load", mcs, q/mcs, mcc, q/mcc, mck/1024
  printf "%-16s %10.1f %12.0f %10.1f %12.0f %10.0f\n", "parkgraph load", mps, q/mps, mpc, q/mpc, mpk/1024
  lo = r[1]; hi = r[1]; for (i = 2; i <= n; i++) { if (r[i] < lo) lo = r[i]; if (r[i] > hi) hi = r[i] }
  printf "ratio (parkgraph/cayley): median %.2fx quads/s (runs %.2f-%.2f), %.2fx quads per CPU-second\n", median(r, n), lo, hi, median(rc, n)
  printf "quads stored: cayley %d, parkgraph %d, file %d\n", cq, pq, q
}'
if [ "$CQ" -ne "$QUADS" ] || [ "$PQ" -ne "$QUADS" ]; then
  echo "bench-load: a loader lost quads" >&2
  exit 1
fi
