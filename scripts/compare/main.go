// Command compare times parkgraph's graph kernels on generated
// Barabási–Albert graphs and writes the same graphs as edge lists, so that
// compare.py can time igraph and networkx on them and print the ratios.
// Run it through scripts/compare-igraph.sh.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"parkgraph/graph/analysis"
)

// result is one timed kernel.
type result struct {
	Kernel  string  `json:"kernel"`
	Graph   string  `json:"graph"` // edge list file, relative to the output folder
	Nodes   int     `json:"nodes"`
	Edges   int     `json:"edges"`
	Seconds float64 `json:"seconds"`
	CPU     float64 `json:"cpu_seconds"`     // process CPU time, all cores together
	Value   float64 `json:"value,omitempty"` // modularity, component count, …
}

func main() {
	n := flag.Int("n", 1000000, "nodes of the graph for PageRank, components and communities")
	bcN := flag.Int("bc-n", 10000, "nodes of the graph for exact betweenness")
	sampleN := flag.Int("sample-n", 100000, "nodes of the graph for sampled betweenness")
	pivots := flag.Int("pivots", 256, "sources of sampled betweenness")
	m := flag.Int("m", 3, "edges each new node brings")
	dir := flag.String("dir", "", "folder for the edge lists and results.json")
	kernels := flag.String("kernels", "pagerank,components,communities,betweenness,sampled", "kernels to time")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "compare: -dir is required")
		os.Exit(2)
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
	want := map[string]bool{}
	for _, k := range strings.Split(*kernels, ",") {
		want[strings.TrimSpace(k)] = true
	}
	var results []result
	graphs := map[int]*analysis.Graph{}
	load := func(size int) (*analysis.Graph, string) {
		name := fmt.Sprintf("ba_%d_%d.txt", size, *m)
		if g := graphs[size]; g != nil {
			return g, name
		}
		edges := analysis.BarabasiAlbert(size, *m, 1)
		f, err := os.Create(filepath.Join(*dir, name))
		if err == nil {
			err = analysis.WriteEdgeList(f, edges)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "compare:", err)
			os.Exit(1)
		}
		t0 := time.Now()
		g := analysis.NewGraph(size, edges)
		results = append(results, result{Kernel: "build", Graph: name, Nodes: size, Edges: g.Edges(), Seconds: time.Since(t0).Seconds()})
		graphs[size] = g
		runtime.GC()
		return g, name
	}
	timeit := func(kernel string, size int, fn func(g *analysis.Graph) float64) {
		if !want[kernel] {
			return
		}
		g, name := load(size)
		c0 := cpuSeconds()
		t0 := time.Now()
		v := fn(g)
		r := result{Kernel: kernel, Graph: name, Nodes: size, Edges: g.Edges(), Seconds: time.Since(t0).Seconds(), CPU: cpuSeconds() - c0, Value: v}
		fmt.Fprintf(os.Stderr, "%-12s n=%-8d %8.3f s (%.3f s CPU)  %v\n", kernel, size, r.Seconds, r.CPU, v)
		results = append(results, r)
	}
	timeit("pagerank", *n, func(g *analysis.Graph) float64 {
		opt := analysis.DefaultOptions()
		return float64(analysis.PageRank(g, opt.Damping, opt.Tolerance).Iterations)
	})
	timeit("components", *n, func(g *analysis.Graph) float64 {
		_, sizes := analysis.Components(g)
		return float64(len(sizes))
	})
	timeit("communities", *n, func(g *analysis.Graph) float64 {
		return analysis.Communities(g, 1, 1, 2).Q
	})
	timeit("betweenness", *bcN, func(g *analysis.Graph) float64 {
		comp, sizes := analysis.Components(g)
		pm := analysis.Paths(g, comp, sizes, -1, 1)
		return maxOf(pm.Betweenness)
	})
	timeit("sampled", *sampleN, func(g *analysis.Graph) float64 {
		comp, sizes := analysis.Components(g)
		pm := analysis.Paths(g, comp, sizes, *pivots, 1)
		return maxOf(pm.Betweenness)
	})
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	out := map[string]any{"results": results, "peak_rss_mb": float64(ru.Maxrss) / 1024, "gomaxprocs": runtime.GOMAXPROCS(0)}
	b, _ := json.MarshalIndent(out, "", "  ")
	if err := os.WriteFile(filepath.Join(*dir, "results.json"), b, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "peak RSS %.0f MB\n", float64(ru.Maxrss)/1024)
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
