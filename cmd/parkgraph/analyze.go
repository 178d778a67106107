package main

import (
	"context"
	"runtime/debug"

	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"parkgraph/export"
	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/graph/store"
)

func init() {
	register(command{name: "analyze", summary: "compute centrality and communities, print ranked tables and write the results into the store", run: runAnalyze})
}

const analyzeUsage = "usage: parkgraph analyze [--db DSN] [--measures LIST] [--resolution R] [--seed S] [--top N] [--pivots K] [--projection NAME [-o FILE]]"

// analyzeOptions are the settings of one analysis.
type analyzeOptions struct {
	DB         string
	Analysis   analysis.Options
	Top        int
	NoWrite    bool
	Projection string // "" for the main graph
	MaxShared  int
	Out        string // projection: file to write
	Format     string
}

func runAnalyze(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("analyze", stderr)
	o := analyzeOptions{Analysis: analysis.DefaultOptions()}
	measures := "all"
	fs.StringVar(&o.DB, "db", store.DefaultDSN, "store: bolt:PATH or memory:")
	fs.StringVar(&measures, "measures", measures, "measures to compute, comma-separated: all, degrees, centrality, communities or any of "+measureNames())
	fs.Float64Var(&o.Analysis.Resolution, "resolution", o.Analysis.Resolution, "modularity resolution: above 1 gives more, smaller communities")
	fs.Uint64Var(&o.Analysis.Seed, "seed", o.Analysis.Seed, "seed of community detection and betweenness sampling")
	fs.IntVar(&o.Top, "top", 10, "rows per ranked table")
	fs.IntVar(&o.Analysis.Pivots, "pivots", 0, fmt.Sprintf("sources to estimate betweenness, closeness and harmonic from (0: exact up to %d nodes, else %d; -1: always exact)", analysis.ExactPathsLimit, analysis.DefaultPivots))
	fs.Float64Var(&o.Analysis.Damping, "damping", o.Analysis.Damping, "PageRank damping factor")
	fs.Float64Var(&o.Analysis.Tolerance, "tolerance", o.Analysis.Tolerance, "PageRank and eigenvector convergence tolerance")
	fs.BoolVar(&o.NoWrite, "no-write", false, "print only; leave the store's analysis results as they are")
	fs.StringVar(&o.Projection, "projection", "", "analyse a projection instead of the graph: "+projectionNames())
	fs.IntVar(&o.MaxShared, "max-shared", analysis.DefaultMaxShared, "projection: skip shared neighbours linking more entities than this (-1: no limit)")
	fs.StringVar(&o.Out, "o", "", "projection: write it to FILE (format by extension, or --format)")
	fs.StringVar(&o.Format, "format", "", "projection: format of -o: "+formatNames())
	fs.Usage = func() {
		fmt.Fprintln(stderr, analyzeUsage)
		fmt.Fprintln(stderr, "\nProjections:")
		for _, p := range analysis.Projections {
			fmt.Fprintf(stderr, "  %-24s %s\n", p.Name, p.Doc)
		}
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q; %s", rest[0], analyzeUsage)
	}
	if o.Analysis.Measures, err = analysis.ParseMeasures(measures); err != nil {
		return usagef("--measures: %v", err)
	}
	switch {
	case !(o.Analysis.Resolution > 0) || math.IsInf(o.Analysis.Resolution, 0):
		return usagef("--resolution must be a positive number, got %v", o.Analysis.Resolution)
	case o.Top < 0:
		return usagef("--top must be 0 or more, got %d", o.Top)
	case !(o.Analysis.Damping > 0 && o.Analysis.Damping < 1):
		return usagef("--damping must be between 0 and 1, got %v", o.Analysis.Damping)
	case !(o.Analysis.Tolerance > 0):
		return usagef("--tolerance must be positive, got %v", o.Analysis.Tolerance)
	case o.Out != "" && o.Projection == "":
		return usagef("-o writes a projection; name one with --projection (the graph itself is written by parkgraph export)")
	}
	if o.Projection != "" {
		if _, err := analysis.ProjectionByName(o.Projection); err != nil {
			return usagef("--projection: %v", err)
		}
	}
	return analyze(ctx, o, stdout, stderr)
}

func measureNames() string {
	var ns []string
	for _, m := range graph.Measures {
		ns = append(ns, m.Name)
	}
	return strings.Join(ns, ", ")
}

func projectionNames() string {
	var ns []string
	for _, p := range analysis.Projections {
		ns = append(ns, p.Name)
	}
	return strings.Join(ns, ", ")
}

func analyze(ctx context.Context, o analyzeOptions, stdout, stderr io.Writer) error {
	var format export.Format
	if o.Out != "" {
		var err error
		if o.Format != "" {
			format, err = export.Lookup(o.Format)
		} else {
			format, err = export.ForFile(o.Out)
		}
		if err != nil {
			return usageError{err.Error()}
		}
	}
	st, err := openExisting(o.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	// As build does: a soft limit on the heap, and the store's mapped pages
	// handed back as they are read.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(buildMemoryLimit))
	defer st.ReleasePagesEvery(releaseInterval)()
	snap, err := nonEmptySnapshot(ctx, st, o.DB)
	if err != nil {
		return err
	}

	if o.Projection != "" {
		p, _ := analysis.ProjectionByName(o.Projection)
		res := analysis.Project(snap, p, analysis.ProjectOptions{MaxShared: o.MaxShared})
		fmt.Fprintf(stdout, "projection %s (%s): %d entities, %d links, from %d entities\n", p.Name, p.Doc, len(res.Nodes), len(res.Edges), len(snap.Nodes))
		if len(res.Skipped) > 0 {
			fmt.Fprintf(stdout, "skipped %d shared neighbours linking more than %d entities each (--max-shared): %s\n", len(res.Skipped), o.MaxShared, iriList(res.Skipped, 5))
		}
		if len(res.Nodes) == 0 {
			return fmt.Errorf("projection %s links no entities in this store", p.Name)
		}
		if o.Analysis.Measures == nil {
			// A projection's links have no direction: in- and out-degree
			// would only reflect which end has the lower IRI.
			for _, m := range graph.Measures {
				if m.Name != "in_degree" && m.Name != "out_degree" {
					o.Analysis.Measures = append(o.Analysis.Measures, m.Name)
				}
			}
		}
		rep := analysis.Analyze(res.Snapshot, o.Analysis)
		printAnalysis(stdout, res.Snapshot, rep, o.Top)
		if o.Out != "" {
			paths, err := export.WriteFile(o.Out, format, res.Snapshot, export.Options{})
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %s\n", strings.Join(paths, ", "))
		}
		return nil
	}

	rep := analysis.Analyze(snap, o.Analysis)
	printAnalysis(stdout, snap, rep, o.Top)
	if o.NoWrite {
		return nil
	}
	res, err := st.WriteAnalysis(ctx, snap, store.AnalysisRun{Modularity: rep.Modularity, Resolution: o.Analysis.Resolution, Seed: o.Analysis.Seed})
	if err != nil {
		return err
	}
	if res.Unchanged {
		fmt.Fprintf(stdout, "the store already holds these results (analysis run %s)\n", string(res.Run))
		return nil
	}
	fmt.Fprintf(stdout, "stored as analysis run %s: %d quads written, %d of the previous run removed\n", string(res.Run), res.Added, res.Removed)
	return nil
}

func iriList(iris []quad.IRI, n int) string {
	var parts []string
	for i, x := range iris {
		if i == n {
			parts = append(parts, fmt.Sprintf("… (%d more)", len(iris)-n))
			break
		}
		parts = append(parts, string(x))
	}
	return strings.Join(parts, ", ")
}

// printAnalysis writes a ranked table per measure, the communities and the
// strongest links between them.
func printAnalysis(w io.Writer, s *graph.Snapshot, rep *analysis.Report, top int) {
	defer printTimes(w, rep)
	fmt.Fprintf(w, "graph: %d entities, %d relations", rep.Nodes, rep.Edges)
	if rep.Components > 0 {
		fmt.Fprintf(w, ", %d connected components", rep.Components)
	}
	fmt.Fprintln(w)
	for _, name := range rep.Measures {
		m, _ := graph.MeasureByName(name)
		switch name {
		case "community", "component":
			continue // summarised below
		}
		title := fmt.Sprintf("%s: %s", name, m.Doc)
		switch name {
		case "betweenness", "closeness", "harmonic":
			if !rep.Paths.Exact {
				title += fmt.Sprintf(" — estimated from %d sampled sources", rep.Paths.Pivots)
				if name == "betweenness" {
					title += fmt.Sprintf(", each value within ±%.3f of the exact one with 95%% confidence", rep.Paths.ErrorBound)
				}
			}
		case "pagerank":
			title += fmt.Sprintf(" (%d iterations)", rep.PageRankIterations)
		}
		fmt.Fprintln(w, "\n"+title)
		for rank, i := range analysis.Top(s, name, top) {
			n := &s.Nodes[i]
			v, _ := n.Metric(name)
			val := fmt.Sprintf("%.4f", v)
			if m.Int || v == math.Trunc(v) && name == "weighted_degree" {
				val = fmt.Sprintf("%d", int64(v))
			}
			fmt.Fprintf(w, "  %3d. %10s  %s (%s)\n", rank+1, val, n.Name, n.Type.Label())
		}
	}
	if rep.Components > 1 {
		sizes := map[int]int{}
		for i := range s.Nodes {
			if c, ok := s.Nodes[i].Metric("component"); ok {
				sizes[int(c)]++
			}
		}
		if len(sizes) > 0 {
			fmt.Fprintf(w, "\ncomponents: the largest holds %d of %d entities", sizes[0], rep.Nodes)
			if n := len(sizes); n > 1 {
				fmt.Fprintf(w, "; the next %d", min(n-1, 5))
				for c := 1; c < min(n, 6); c++ {
					fmt.Fprintf(w, " %d", sizes[c])
				}
			}
			fmt.Fprintln(w)
		}
	}
	if len(rep.Communities) == 0 {
		return
	}
	fmt.Fprintf(w, "\ncommunities: %d (modularity %.4f at resolution %g), each named after its highest-ranked member\n", len(rep.Communities), rep.Modularity, rep.Resolution)
	shown := rep.Communities
	if top < len(shown) {
		shown = shown[:top]
	}
	for _, c := range shown {
		fmt.Fprintf(w, "  %4d  %6d members  %s\n", c.ID, c.Size, c.Name)
	}
	if rest := len(rep.Communities) - len(shown); rest > 0 {
		fmt.Fprintf(w, "  … %d smaller communities\n", rest)
	}
	if len(rep.Links) == 0 {
		return
	}
	fmt.Fprintln(w, "\nlinks between communities (strongest first):")
	links := rep.Links
	if top < len(links) {
		links = links[:top]
	}
	for _, l := range links {
		var preds []string
		for _, p := range l.ByPredicate {
			preds = append(preds, fmt.Sprintf("%s %d", p.Predicate, p.Relations))
		}
		fmt.Fprintf(w, "  %d %s — %d %s: %s, weight %d (%s)\n", l.A, rep.Communities[l.A].Name, l.B, rep.Communities[l.B].Name, plural(l.Relations, "relation"), l.Weight, strings.Join(preds, ", "))
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// printTimes writes how long each group of measures took.
func printTimes(w io.Writer, rep *analysis.Report) {
	names := make([]string, 0, len(rep.Took))
	for name := range rep.Took {
		names = append(names, name)
	}
	if len(names) == 0 {
		return
	}
	sort.Strings(names)
	var parts []string
	for _, name := range names {
		parts = append(parts, fmt.Sprintf("%s %.2fs", name, rep.Took[name].Seconds()))
	}
	fmt.Fprintf(w, "\ntime: %s\n", strings.Join(parts, ", "))
}
