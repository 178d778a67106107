package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"parkgraph/export"
	_ "parkgraph/export/all"
	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/graph/store"
	"parkgraph/loader"
	"parkgraph/loader/extract"
)

func init() {
	register(command{name: "build", summary: "read articles into the store, analyse the graph and write exports", run: runBuild})
}

// buildOptions are the settings of one build.
type buildOptions struct {
	DB      string
	Out     string
	Formats []string
	Paths   []string
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("build", stderr)
	var o buildOptions
	fs.StringVar(&o.DB, "db", store.DefaultDSN, "store: bolt:PATH or memory:")
	fs.StringVar(&o.Out, "out", "out", "folder for the exports")
	formats := fs.String("formats", "graphml,gexf,dot", "exports to write, comma-separated")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parkgraph build [--db DSN] [--out DIR] PATH...")
		fs.PrintDefaults()
	}
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("no articles given; usage: parkgraph build [--db DSN] [--out DIR] PATH...")
	}
	o.Paths = paths
	for _, f := range strings.Split(*formats, ",") {
		if f = strings.TrimSpace(f); f != "" {
			o.Formats = append(o.Formats, f)
		}
	}
	return build(ctx, o, stdout, stderr)
}

func build(ctx context.Context, o buildOptions, stdout, stderr io.Writer) error {
	for _, f := range o.Formats {
		if _, err := export.Lookup(f); err != nil {
			return usageError{err.Error()}
		}
	}
	files, err := loader.Files(o.Paths...)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no article files (%s) under %s", strings.Join(loader.Extensions, ", "), strings.Join(o.Paths, ", "))
	}
	x, err := extract.Default()
	if err != nil {
		return err
	}
	st, err := store.Open(o.DB)
	if err != nil {
		return err
	}
	defer st.Close()

	var added, changed, unchanged, failed int
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := loader.Load(f)
		if err != nil {
			fmt.Fprintf(stderr, "parkgraph build: skipped: %s\n", oneLine(err.Error()))
			failed++
			continue
		}
		x.Extract(d)
		res, err := st.Put(ctx, d)
		if err != nil {
			return err
		}
		switch {
		case res.Unchanged:
			unchanged++
		case res.Removed > 0:
			changed++
		default:
			added++
		}
	}
	snap, err := st.Snapshot(ctx)
	if err != nil {
		return err
	}
	opt := analysis.DefaultOptions()
	rep := analysis.Analyze(snap, opt)
	if _, err := st.WriteAnalysis(ctx, snap, store.AnalysisRun{Modularity: rep.Modularity, Resolution: opt.Resolution, Seed: opt.Seed}); err != nil {
		return err
	}
	quads, _ := st.Stats(ctx)

	fmt.Fprintf(stdout, "read %d files: %d new, %d changed, %d unchanged, %d skipped\n", len(files), added, changed, unchanged, failed)
	fmt.Fprintf(stdout, "store %s: %d quads, %d documents\n", o.DB, quads, len(snap.Documents))
	printSummary(stdout, snap, rep)

	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", o.Out, err)
	}
	var wrote []string
	for _, name := range o.Formats {
		f, _ := export.Lookup(name)
		paths, err := export.WriteFile(filepath.Join(o.Out, "graph"+f.Exts[0]), f, snap, export.Options{})
		if err != nil {
			return err
		}
		wrote = append(wrote, paths...)
	}
	fmt.Fprintf(stdout, "wrote %s\n", strings.Join(wrote, ", "))
	if failed > 0 {
		return fmt.Errorf("%d of %d files were skipped (see above)", failed, len(files))
	}
	return nil
}

func printSummary(w io.Writer, s *graph.Snapshot, rep *analysis.Report) {
	byType := s.CountByType()
	var parts []string
	for _, t := range graph.EntityTypes {
		parts = append(parts, fmt.Sprintf("%s %d", t, byType[t]))
	}
	fmt.Fprintf(w, "entities: %d (%s)\n", len(s.Nodes), strings.Join(parts, ", "))
	byPred := s.CountByPredicate()
	parts = parts[:0]
	for _, p := range graph.Predicates {
		parts = append(parts, fmt.Sprintf("%s %d", p, byPred[p]))
	}
	fmt.Fprintf(w, "relations: %d (%s)\n", len(s.Edges), strings.Join(parts, ", "))
	fmt.Fprintln(w, "top 10 by PageRank:")
	for rank, i := range analysis.Top(s, "pagerank", 10) {
		n := &s.Nodes[i]
		pr, _ := n.Metric("pagerank")
		fmt.Fprintf(w, "  %2d. %-6.4f %s (%s)\n", rank+1, pr, n.Name, n.Type.Label())
	}
	fmt.Fprintf(w, "communities: %d (modularity %.3f)\n", len(rep.Communities), rep.Modularity)
}
