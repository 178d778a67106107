package analysis_test

import (
	"fmt"
	"testing"

	"parkgraph/graph"
	"parkgraph/graph/analysis"
)

// snapshotOf builds a snapshot of enterprises e0…e(n-1) with the given
// links (as located_in edges).
func snapshotOf(n int, links [][2]int) *graph.Snapshot {
	var nodes []graph.Node
	iri := func(i int) graph.EntityRef {
		return graph.EntityRef{Type: graph.Enterprise, Name: fmt.Sprintf("e%02d", i)}
	}
	for i := 0; i < n; i++ {
		nodes = append(nodes, graph.Node{IRI: iri(i).IRI(), Type: graph.Enterprise, Name: iri(i).Name})
	}
	var edges []graph.Edge
	for _, l := range links {
		edges = append(edges, graph.Edge{Subject: iri(l[0]).IRI(), Predicate: graph.PartnersWith, Object: iri(l[1]).IRI()})
	}
	return graph.NewSnapshot(nodes, edges, nil)
}

func TestStar(t *testing.T) {
	s := snapshotOf(6, [][2]int{{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}})
	analysis.Analyze(s, analysis.DefaultOptions())
	top := analysis.Top(s, "pagerank", 1)
	if s.Nodes[top[0]].Name != "e00" {
		t.Errorf("top PageRank = %s, want the hub e00", s.Nodes[top[0]].Name)
	}
	sum := 0.0
	for i := range s.Nodes {
		pr, _ := s.Nodes[i].Metric("pagerank")
		sum += pr
	}
	if sum < 0.999 || sum > 1.001 {
		t.Errorf("PageRank sums to %v, want 1", sum)
	}
	if d, _ := s.Nodes[0].Metric("degree"); d != 5 {
		t.Errorf("hub degree = %v, want 5", d)
	}
}

func TestTwoCliques(t *testing.T) {
	var links [][2]int
	for _, base := range []int{0, 5} {
		for i := 0; i < 5; i++ {
			for j := i + 1; j < 5; j++ {
				links = append(links, [2]int{base + i, base + j})
			}
		}
	}
	links = append(links, [2]int{4, 5}) // the bridge
	s := snapshotOf(10, links)
	rep := analysis.Analyze(s, analysis.DefaultOptions())
	if len(rep.Communities) != 2 || rep.Communities[0].Size != 5 || rep.Communities[1].Size != 5 {
		t.Fatalf("communities = %+v, want two of five", rep.Communities)
	}
	c0, _ := s.Nodes[0].Metric("community")
	c9, _ := s.Nodes[9].Metric("community")
	if c0 == c9 {
		t.Error("the two cliques share a community")
	}
	if rep.Modularity < 0.4 {
		t.Errorf("modularity = %.3f, want above 0.4", rep.Modularity)
	}
	// Same input, same seed: same result.
	s2 := snapshotOf(10, links)
	rep2 := analysis.Analyze(s2, analysis.DefaultOptions())
	for i := range s.Nodes {
		a, _ := s.Nodes[i].Metric("community")
		b, _ := s2.Nodes[i].Metric("community")
		if a != b {
			t.Fatalf("community of %s differs between runs", s.Nodes[i].Name)
		}
	}
	if rep.Modularity != rep2.Modularity {
		t.Error("modularity differs between runs")
	}
}

func TestEmpty(t *testing.T) {
	s := graph.NewSnapshot(nil, nil, nil)
	rep := analysis.Analyze(s, analysis.DefaultOptions())
	if rep.Nodes != 0 || len(rep.Communities) != 0 {
		t.Errorf("empty graph report = %+v", rep)
	}
}

func ExampleAnalyze() {
	s := snapshotOf(4, [][2]int{{0, 1}, {0, 2}, {0, 3}})
	rep := analysis.Analyze(s, analysis.DefaultOptions())
	top := s.Nodes[analysis.Top(s, "pagerank", 1)[0]]
	fmt.Println(top.Name, len(rep.Communities))
	// Output: e00 1
}
