package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"parkgraph/diagram"
	"parkgraph/diagram/render"
	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/graph/store"
)

func init() {
	register(command{name: "diagram", summary: "draw an entity's relations, or how two entities connect, as SVG, PNG or DOT", run: runDiagram})
}

const diagramUsage = `usage: parkgraph diagram [--ego] NAME [--depth 1|2] [--types T,…] [--predicates P,…]
                         [--max-nodes 40] [--cluster type|community] [--title TEXT] -o FILE.svg|.png|.dot
       parkgraph diagram --path A B [--max-paths 3] [--types …] [--predicates …] -o FILE

NAME is a canonical name or alias, "类型:名称" (as 园区:新余高新区 or park:新余高新区)
or an IRI (pg:park/新余高新区). -o - writes to standard output (SVG unless --format).`

// diagramOptions are the settings of one diagram command.
type diagramOptions struct {
	DB      string
	Out     string
	Diagram diagram.Options
	Render  render.Options
}

func runDiagram(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("diagram", stderr)
	var o diagramOptions
	fs.StringVar(&o.DB, "db", store.DefaultDSN, "store: bolt:PATH or memory:")
	fs.StringVar(&o.Out, "o", "", "output file: .svg, .png or .dot (- for standard output)")
	fs.StringVar(&o.Diagram.Ego, "ego", "", "the entity at the centre")
	path := fs.Bool("path", false, "draw the shortest paths between the two entities named after the flags")
	fs.IntVar(&o.Diagram.Depth, "depth", 1, "ego network: relations away from the centre, 1 or 2")
	types := fs.String("types", "", "entity types to show, comma-separated (Park,Enterprise,… or 园区,企业,…)")
	preds := fs.String("predicates", "", "relations to show, comma-separated (located_in,awarded,… or 位于,获评,…)")
	fs.IntVar(&o.Diagram.MaxNodes, "max-nodes", diagram.DefaultMaxNodes, "ego network: most nodes to draw; the least central collapse into one node per type (0: no limit)")
	fs.IntVar(&o.Diagram.MaxPaths, "max-paths", diagram.DefaultMaxPaths, "paths: how many shortest paths")
	cluster := fs.String("cluster", "", "frame nodes by type or community")
	fs.StringVar(&o.Diagram.Title, "title", "", "title above the diagram (default: made from the names)")
	format := fs.String("format", "", "svg, png or dot (default: by the extension of -o)")
	fs.Float64Var(&o.Render.DPI, "dpi", render.DefaultDPI, "PNG resolution in dots per inch")
	fs.StringVar(&o.Render.Font, "font", "", "PNG: font file with Chinese glyphs (default: $"+render.FontEnv+" or a font found on the system)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, diagramUsage)
		fs.PrintDefaults()
	}
	names, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	switch {
	case *path:
		if o.Diagram.Ego != "" || len(names) != 2 {
			return usagef("--path needs exactly two names, as in --path A B")
		}
		o.Diagram.From, o.Diagram.To = names[0], names[1]
	case o.Diagram.Ego != "" && len(names) > 0, o.Diagram.Ego == "" && len(names) != 1:
		return usagef("name one entity (or use --path A B); usage: parkgraph diagram --ego NAME -o FILE")
	case o.Diagram.Ego == "":
		o.Diagram.Ego = names[0]
	}
	if o.Out == "" {
		return usagef("no output file; give -o FILE.svg, FILE.png or FILE.dot")
	}
	if o.Diagram.Types, err = diagram.ParseTypes(*types); err != nil {
		return usageError{err.Error()}
	}
	if o.Diagram.Predicates, err = diagram.ParsePredicates(*preds); err != nil {
		return usageError{err.Error()}
	}
	if o.Diagram.Cluster, err = diagram.ParseClusterBy(*cluster); err != nil {
		return usageError{err.Error()}
	}
	if o.Render.DPI < 10 || o.Render.DPI > 1200 {
		return usagef("--dpi %g: want 10 to 1200", o.Render.DPI)
	}
	if o.Diagram.Depth != 1 && o.Diagram.Depth != 2 {
		return usagef("--depth %d: want 1 or 2", o.Diagram.Depth)
	}
	switch {
	case *format != "":
		o.Render.Format = render.Format(strings.ToLower(*format))
		if o.Render.Format != render.SVG && o.Render.Format != render.PNG && o.Render.Format != render.DOT {
			return usagef("--format %q: want svg, png or dot", *format)
		}
	case o.Out == "-":
		o.Render.Format = render.SVG
	default:
		if o.Render.Format, err = render.FormatOf(o.Out); err != nil {
			return usageError{err.Error()}
		}
	}
	return drawDiagram(ctx, o, stdout)
}

func drawDiagram(ctx context.Context, o diagramOptions, stdout io.Writer) error {
	snap, err := readSnapshot(ctx, o.DB)
	if err != nil {
		return err
	}
	if !hasMeasure(snap, "pagerank") {
		analysis.Analyze(snap, analysis.DefaultOptions())
	}
	d, err := diagram.Build(snap, o.Diagram)
	if err != nil {
		return err
	}
	if o.Out == "-" {
		return render.Write(ctx, stdout, d, o.Render)
	}
	return render.WriteFile(ctx, o.Out, d, o.Render)
}

// hasMeasure reports whether analysis results are already in the snapshot
// (written back to the store by an earlier run).
func hasMeasure(s *graph.Snapshot, name string) bool {
	for i := range s.Nodes {
		if _, ok := s.Nodes[i].Metric(name); ok {
			return true
		}
	}
	return false
}
