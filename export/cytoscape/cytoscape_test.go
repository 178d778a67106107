package cytoscape_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"parkgraph/export"
	"parkgraph/export/cytoscape"
	"parkgraph/export/exporttest"
	"parkgraph/internal/clients"
)

func TestMain(m *testing.M) { clients.Main(m) }

func TestConformance(t *testing.T) { exporttest.Conformance(t, "cyjs") }

func encode(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := cytoscape.NewEncoder(&buf, export.Options{}).Encode(exporttest.Snapshot()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type element struct {
	Data     map[string]any          `json:"data"`
	Position *struct{ X, Y float64 } `json:"position"`
}

// TestParseBack reads the document with encoding/json and checks the
// elements: node data with id, name and attributes, a position each, edges
// with source, target and interaction between declared nodes.
func TestParseBack(t *testing.T) {
	var d struct {
		Elements struct {
			Nodes []element `json:"nodes"`
			Edges []element `json:"edges"`
		} `json:"elements"`
	}
	if err := json.Unmarshal(encode(t), &d); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	s := exporttest.Snapshot()
	if len(d.Elements.Nodes) != len(s.Nodes) || len(d.Elements.Edges) != len(s.Edges) {
		t.Fatalf("%d nodes, %d edges", len(d.Elements.Nodes), len(d.Elements.Edges))
	}
	ids := map[string]bool{}
	names := map[string]bool{}
	for _, n := range d.Elements.Nodes {
		ids[n.Data["id"].(string)] = true
		names[n.Data["name"].(string)] = true
		if n.Position == nil {
			t.Errorf("node %v has no position", n.Data["id"])
		}
		if _, ok := n.Data["pagerank"].(float64); !ok {
			t.Errorf("node %v: pagerank %#v", n.Data["id"], n.Data["pagerank"])
		}
	}
	for _, want := range exporttest.AwkwardLabels {
		if !names[want] {
			t.Errorf("name %q did not survive", want)
		}
	}
	edgeIDs := map[string]bool{}
	for _, e := range d.Elements.Edges {
		if !ids[e.Data["source"].(string)] || !ids[e.Data["target"].(string)] || e.Data["interaction"] == "" {
			t.Errorf("edge %v: %v → %v (%v)", e.Data["id"], e.Data["source"], e.Data["target"], e.Data["interaction"])
		}
		id := e.Data["id"].(string)
		if edgeIDs[id] || ids[id] {
			t.Errorf("element id %q used twice", id)
		}
		edgeIDs[id] = true
	}
}

func TestReaders(t *testing.T) {
	file := filepath.Join(t.TempDir(), "fixture.cyjs")
	if err := os.WriteFile(file, encode(t), 0o644); err != nil {
		t.Fatal(err)
	}
	s := exporttest.Snapshot()
	t.Run("cytoscape.js", func(t *testing.T) {
		got := clients.Node(t, "cyjs", file)
		got.Counts(t, len(s.Nodes), len(s.Edges))
		got.HasLabels(t, exporttest.AwkwardLabels...)
		if got.Positioned == nil || !*got.Positioned {
			t.Error("cytoscape.js: not every node has a position")
		}
	})
	t.Run("networkx", func(t *testing.T) {
		got := clients.Python(t, "cyjs-networkx", file)
		got.Counts(t, len(s.Nodes), len(s.Edges))
		got.HasLabels(t, exporttest.AwkwardLabels...)
	})
}
