#!/usr/bin/env bash
# compare-igraph.sh — time parkgraph's graph kernels against igraph and
# networkx (Debian's python3-igraph and python3-networkx) on the same
# generated Barabási–Albert graphs (m = 3), one after the other, and print
# the ratios. Sizes: N nodes for PageRank, components and communities
# (default 1000000), BC_N for exact betweenness (10000) and SAMPLE_N for
# betweenness sampled from 256 sources (100000).
#
#   scripts/compare-igraph.sh [N] [BC_N] [SAMPLE_N]
#
# KERNELS (default pagerank,components,communities,betweenness,sampled)
# chooses what to time. Edge lists go to a temporary folder removed at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
BC_N=${2:-10000}
SAMPLE_N=${3:-100000}
KERNELS=${KERNELS:-pagerank,components,communities,betweenness,sampled}
if ! /usr/bin/python3 -c 'import igraph, networkx' 2>/dev/null; then
  echo "compare-igraph: needs python3-igraph and python3-networkx (scripts/test-deps.sh installs them)" >&2
  exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/compare" ./scripts/compare
echo "parkgraph kernels (N=$N, BC_N=$BC_N, SAMPLE_N=$SAMPLE_N):" >&2
"$dir/compare" -dir "$dir" -n "$N" -bc-n "$BC_N" -sample-n "$SAMPLE_N" -kernels "$KERNELS"
echo "igraph and networkx on the same graphs:" >&2
/usr/bin/python3 scripts/compare/compare.py "$dir"
