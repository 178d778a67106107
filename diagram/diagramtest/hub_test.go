package diagramtest

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

func TestHub(t *testing.T) {
	s := Hub(500)
	hub := s.Node(graph.EntityIRI(graph.Park, HubName))
	if hub == nil {
		t.Fatal("no hub park")
	}
	ego, _ := s.Ego([]quad.IRI{hub.IRI}, 1, nil)
	if len(ego)-1 < 500 {
		t.Errorf("the hub has %d neighbours, want at least 500", len(ego)-1)
	}
	if fmt.Sprint(Hub(500).Edges) != fmt.Sprint(s.Edges) {
		t.Error("Hub(500) differs between calls")
	}
}

func TestHubDocuments(t *testing.T) {
	want := Hub(300)
	var b graph.Builder
	for _, d := range HubDocuments(300) {
		for _, q := range d.Quads(time.Unix(0, 0)) {
			b.Add(q)
		}
	}
	got := b.Snapshot()
	if len(got.Nodes) != len(want.Nodes) || len(got.Edges) != len(want.Edges) {
		t.Fatalf("documents hold %d nodes and %d edges, the hub %d and %d", len(got.Nodes), len(got.Edges), len(want.Nodes), len(want.Edges))
	}
	var x, y bytes.Buffer
	for i := range got.Edges {
		fmt.Fprintln(&x, got.Edges[i].Subject, got.Edges[i].Predicate, got.Edges[i].Object, got.Edges[i].Evidence[0].Text)
		fmt.Fprintln(&y, want.Edges[i].Subject, want.Edges[i].Predicate, want.Edges[i].Object, want.Edges[i].Evidence[0].Text)
	}
	if x.String() != y.String() {
		t.Error("the documents state other relations than the hub")
	}
}
