package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"parkgraph/export"
	_ "parkgraph/export/all"
	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/graph/store"
)

func init() {
	register(command{name: "export", summary: "write the stored graph, or part of it, as GraphML, GEXF, DOT, JSON, CSV or N-Quads", run: runExport})
}

// exportOptions are the settings of one export.
type exportOptions struct {
	DB     string
	Out    string // file to write; "-" for standard output
	Format string // format name; "" picks it by Out's extension
	Filter export.Filter
	Export export.Options
}

const exportUsage = "usage: parkgraph export -o FILE [--format F] [--db DSN] [filters] [--color type|community] [--cluster community|park] [--font NAME] [--layout forceatlas2|none]"

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", stderr)
	var o exportOptions
	fs.StringVar(&o.DB, "db", store.DefaultDSN, "store: bolt:PATH or memory:")
	fs.StringVar(&o.Out, "o", "", "file to write (its extension picks the format; - for standard output)")
	fs.StringVar(&o.Format, "format", "", "format: "+formatNames()+" (default: by the file's extension)")
	fs.StringVar(&o.Export.Color, "color", "", "colour nodes by type (default) or community")
	fs.StringVar(&o.Export.Cluster, "cluster", "", "DOT: group nodes by community or park")
	fs.StringVar(&o.Export.Font, "font", "", "DOT: font family (default \""+export.DefaultFont+"\")")
	fs.StringVar(&o.Export.Layout, "layout", "", "GEXF, JSON, Cytoscape: node positions by forceatlas2 (default) or none")
	fs.Uint64Var(&o.Export.Seed, "seed", 1, "seed of the layout")
	// Filter values are checked after parsing, so that a bad one gets a
	// one-line error rather than the flag package's usage text.
	var settings [][2]string
	for _, p := range export.FilterParams {
		name := p.Name
		fs.Func(name, p.Usage, func(v string) error {
			settings = append(settings, [2]string{name, v})
			return nil
		})
	}
	fs.Usage = func() {
		fmt.Fprintln(stderr, exportUsage)
		fmt.Fprintln(stderr, "\nFormats (-o FILE.csv writes FILE.nodes.csv and FILE.edges.csv):")
		for _, f := range export.Formats() {
			fmt.Fprintf(stderr, "  %-8s %-16s %s\n", f.Name, strings.Join(f.Exts, " "), f.Doc)
		}
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q; %s", rest[0], exportUsage)
	}
	if o.Out == "" {
		return usagef("no output file; %s", exportUsage)
	}
	for _, kv := range settings {
		if err := o.Filter.Set(kv[0], kv[1]); err != nil {
			return usagef("--%s: %v", kv[0], err)
		}
	}
	if err := o.Export.Check(); err != nil {
		return usageError{err.Error()}
	}
	return exportGraph(ctx, o, stdout, stderr)
}

func formatNames() string {
	var ns []string
	for _, f := range export.Formats() {
		ns = append(ns, f.Name)
	}
	return strings.Join(ns, ", ")
}

// exportGraph reads the store, runs the analysis when the store holds none,
// applies the filter and writes the file.
func exportGraph(ctx context.Context, o exportOptions, stdout, stderr io.Writer) error {
	var f export.Format
	var err error
	switch {
	case o.Format != "":
		f, err = export.Lookup(o.Format)
	case o.Out == "-":
		err = fmt.Errorf("writing to standard output needs --format (%s)", formatNames())
	default:
		f, err = export.ForFile(o.Out)
	}
	if err != nil {
		return usageError{err.Error()}
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(buildMemoryLimit)) // as build does
	snap, err := readSnapshot(ctx, o.DB)
	if err != nil {
		return err
	}
	if !analysed(snap) {
		analysis.Analyze(snap, analysis.DefaultOptions())
	}
	part, err := o.Filter.Apply(snap)
	if err != nil {
		return err
	}
	if len(part.Nodes) == 0 {
		return fmt.Errorf("the filters leave no entities (of %d); nothing written", len(snap.Nodes))
	}
	summary := fmt.Sprintf("%d entities, %d relations", len(part.Nodes), len(part.Edges))
	if !o.Filter.IsZero() {
		summary += fmt.Sprintf(" of %d and %d", len(snap.Nodes), len(snap.Edges))
	}
	if o.Out == "-" {
		if err := f.New(stdout, o.Export).Encode(part); err != nil {
			return fmt.Errorf("write %s: %w", f.Name, err)
		}
		fmt.Fprintf(stderr, "wrote %s to standard output: %s\n", f.Name, summary)
		return nil
	}
	if dir := filepath.Dir(o.Out); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", dir, err)
		}
	}
	paths, err := export.WriteFile(o.Out, f, part, o.Export)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%s): %s\n", strings.Join(paths, ", "), f.Name, summary)
	return nil
}

// analysed reports whether the snapshot carries analysis results.
func analysed(s *graph.Snapshot) bool {
	for i := range s.Nodes {
		if _, ok := s.Nodes[i].Metric("pagerank"); ok {
			return true
		}
	}
	return false
}
