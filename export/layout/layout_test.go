package layout_test

import (
	"fmt"
	"math"
	"testing"

	"parkgraph/export/exporttest"
	"parkgraph/export/layout"
	"parkgraph/graph"
)

func BenchmarkForceAtlas2(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		s := exporttest.Generate(n, 3*n, 1)
		b.Run(fmt.Sprintf("nodes=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				layout.ForceAtlas2(s, layout.Options{Iterations: 50})
			}
		})
	}
}

var _ = math.Abs
var _ graph.Node
