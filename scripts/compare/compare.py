#!/usr/bin/python3
"""Time igraph and networkx on the graphs scripts/compare/main.go wrote and
print, per kernel, parkgraph's time, theirs and the ratio (theirs / ours:
above 1 means parkgraph is faster), by wall-clock time and by CPU time
(all cores together: parkgraph's kernels use every core, igraph's one; on
a machine busy with other work the CPU ratio is the steadier one). Run it through scripts/compare-igraph.sh,
which runs both sides one after the other on the same machine.

Usage: compare.py DIR   (DIR holds results.json and the edge lists)
"""
import json
import os
import resource
import sys
import time


def main():
    d = sys.argv[1]
    with open(os.path.join(d, "results.json")) as f:
        ours = json.load(f)
    import igraph
    import networkx as nx

    graphs = {}

    def ig(name):
        if name not in graphs:
            t0 = time.perf_counter()
            g = igraph.Graph.Read_Edgelist(os.path.join(d, name), directed=False)
            graphs[name] = g
            print(f"  igraph read {name}: {time.perf_counter() - t0:.2f} s", file=sys.stderr)
        return graphs[name]

    def clock():
        return time.perf_counter(), time.process_time()

    def since(t):
        return time.perf_counter() - t[0], time.process_time() - t[1]

    rows = []
    for r in ours["results"]:
        k, name = r["kernel"], r["graph"]
        theirs = []
        if k == "pagerank":
            g = ig(name)
            t0 = clock()
            g.pagerank(damping=0.85)
            theirs.append(("igraph pagerank", since(t0), None))
        elif k == "components":
            g = ig(name)
            t0 = clock()
            cc = g.connected_components()
            theirs.append(("igraph connected_components", since(t0), len(cc)))
        elif k == "communities":
            g = ig(name)
            t0 = clock()
            part = g.community_leiden(objective_function="modularity", n_iterations=2)
            t = since(t0)
            theirs.append(("igraph community_leiden", t, g.modularity(part)))
        elif k == "betweenness":
            g = ig(name)
            t0 = clock()
            g.betweenness(directed=False)
            theirs.append(("igraph betweenness", since(t0), None))
        elif k == "sampled":
            h = nx.read_edgelist(os.path.join(d, name), nodetype=int)
            t0 = clock()
            nx.betweenness_centrality(h, k=256, seed=1)
            theirs.append(("networkx betweenness_centrality(k=256)", since(t0), None))
        for label, t, v in theirs:
            rows.append((k, r["nodes"], r["seconds"], r["cpu_seconds"], r.get("value"), label, t, v))
    print(f"{'kernel':<12} {'nodes':>8} {'ours s':>8} {'(CPU)':>8} {'value':>8}  {'other':<40} {'other s':>8} {'(CPU)':>8} {'value':>8} {'ratio':>6} {'(CPU)':>6}")
    for k, n, ts, tc, vs, label, t, v in rows:
        fv = lambda x: "" if x is None else (f"{x:.4f}" if isinstance(x, float) else str(x))
        print(f"{k:<12} {n:>8} {ts:>8.3f} {tc:>8.3f} {fv(vs):>8}  {label:<40} {t[0]:>8.3f} {t[1]:>8.3f} {fv(v):>8} {t[0] / ts:>5.1f}x {t[1] / max(tc, 1e-9):>5.1f}x")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: parkgraph {ours['peak_rss_mb']:.0f} MB, python {peak:.0f} MB; parkgraph used {ours['gomaxprocs']} cores")


if __name__ == "__main__":
    main()
