package render

import (
	"context"
	"fmt"
	"io"
	"testing"

	"parkgraph/diagram"
	"parkgraph/diagram/diagramtest"
	"parkgraph/graph/analysis"
)

// BenchmarkDiagram measures building and rendering a diagram in process
// (the command adds its start and reading the store; see
// cmd/parkgraph's BenchmarkDiagramCommand): each seed park, then generated
// hubs of growing size collapsed to 40 nodes. Every case also reports its
// time relative to the first seed park's SVG, measured in the same run.
func BenchmarkDiagram(b *testing.B) {
	ctx := context.Background()
	seed := seeds(b)
	var base float64
	first := fmt.Sprintf("seed/%s/park0", SVG)
	run := func(name string, build func() *diagram.Diagram, format Format) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				d := build()
				if err := Write(ctx, io.Discard, d, Options{Format: format}); err != nil {
					b.Fatal(err)
				}
			}
			per := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			if name == first {
				base = per // the last, longest run of the baseline
			}
			b.ReportMetric(per/base, "x-seed")
		})
	}
	for _, format := range []Format{SVG, PNG} {
		for i, park := range diagramtest.SeedParks {
			run(fmt.Sprintf("seed/%s/park%d", format, i), func() *diagram.Diagram {
				d, err := diagram.Build(seed, diagram.Options{Ego: park, MaxNodes: 40})
				if err != nil {
					b.Fatal(err)
				}
				return d
			}, format)
		}
	}
	for _, n := range []int{500, 2000, 8000} {
		hub := diagramtest.Hub(n)
		analysis.Analyze(hub, analysis.DefaultOptions())
		for _, format := range []Format{SVG, PNG} {
			run(fmt.Sprintf("hub/%s/n=%d", format, n), func() *diagram.Diagram {
				d, err := diagram.Build(hub, diagram.Options{Ego: diagramtest.HubName, MaxNodes: 40})
				if err != nil {
					b.Fatal(err)
				}
				return d
			}, format)
		}
	}
}
