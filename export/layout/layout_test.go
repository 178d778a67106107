package layout_test

import (
	"fmt"
	"math"
	"testing"

	"parkgraph/export/exporttest"
	"parkgraph/export/layout"
)

// TestForceAtlas2 checks that the layout is finite, deterministic, spread
// out, changes with the seed, and pulls related nodes together: the mean
// length of an edge is well below the mean distance between two nodes.
func TestForceAtlas2(t *testing.T) {
	s := exporttest.Generate(400, 800, 3)
	a := layout.ForceAtlas2(s, layout.Options{})
	b := layout.ForceAtlas2(s, layout.Options{})
	c := layout.ForceAtlas2(s, layout.Options{Seed: 2})
	if len(a) != len(s.Nodes) {
		t.Fatalf("%d positions for %d nodes", len(a), len(s.Nodes))
	}
	distinct := map[layout.Point]bool{}
	for i := range a {
		if math.IsNaN(a[i].X) || math.IsInf(a[i].X, 0) || math.IsNaN(a[i].Y) || math.IsInf(a[i].Y, 0) {
			t.Fatalf("node %d at %v", i, a[i])
		}
		if a[i] != b[i] {
			t.Fatal("two runs with the same seed differ")
		}
		distinct[a[i]] = true
	}
	if len(distinct) < len(a)*9/10 {
		t.Errorf("only %d distinct positions for %d nodes", len(distinct), len(a))
	}
	same := 0
	for i := range a {
		if a[i] == c[i] {
			same++
		}
	}
	if same == len(a) {
		t.Error("another seed gave the same layout")
	}
	dist := func(p, q layout.Point) float64 { return math.Hypot(p.X-q.X, p.Y-q.Y) }
	edge := 0.0
	for _, e := range s.Edges {
		edge += dist(a[s.Index(e.Subject)], a[s.Index(e.Object)])
	}
	edge /= float64(len(s.Edges))
	all, pairs := 0.0, 0
	for i := 0; i < len(a); i += 7 {
		for j := i + 1; j < len(a); j += 11 {
			all += dist(a[i], a[j])
			pairs++
		}
	}
	all /= float64(pairs)
	if edge > all/2 {
		t.Errorf("mean edge length %.1f is not well below the mean distance %.1f", edge, all)
	}
}

func TestDefaultIterations(t *testing.T) {
	for n, want := range map[int]int{10: 500, 4000: 500, 100_000: 20, 10_000_000: 10} {
		if got := layout.DefaultIterations(n); got != want {
			t.Errorf("DefaultIterations(%d) = %d, want %d", n, got, want)
		}
	}
}

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
