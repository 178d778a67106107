package nodelink_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"parkgraph/export"
	"parkgraph/export/exporttest"
	"parkgraph/export/nodelink"
	"parkgraph/internal/clients"
)

func TestMain(m *testing.M) { clients.Main(m) }

func TestConformance(t *testing.T) { exporttest.Conformance(t, "json") }

func encode(t *testing.T, opt export.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := nodelink.NewEncoder(&buf, opt).Encode(exporttest.Snapshot()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestParseBack reads the document with encoding/json and checks its shape
// and types: ids, numbers as numbers, lists as arrays, positions, links
// between declared nodes, and multigraph set because the fixture has two
// relations between one pair.
func TestParseBack(t *testing.T) {
	var d struct {
		Directed   bool             `json:"directed"`
		Multigraph bool             `json:"multigraph"`
		Graph      map[string]any   `json:"graph"`
		Nodes      []map[string]any `json:"nodes"`
		Links      []map[string]any `json:"links"`
	}
	if err := json.Unmarshal(encode(t, export.Options{}), &d); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	s := exporttest.Snapshot()
	if !d.Directed || !d.Multigraph || len(d.Nodes) != len(s.Nodes) || len(d.Links) != len(s.Edges) {
		t.Fatalf("directed %v multigraph %v, %d nodes, %d links", d.Directed, d.Multigraph, len(d.Nodes), len(d.Links))
	}
	ids := map[string]bool{}
	labels := map[string]bool{}
	for _, n := range d.Nodes {
		ids[n["id"].(string)] = true
		labels[n["label"].(string)] = true
		for _, k := range []string{"x", "y", "size", "pagerank", "degree"} {
			if _, ok := n[k].(float64); !ok {
				t.Errorf("node %v: %s = %#v, want a number", n["id"], k, n[k])
			}
		}
		if _, ok := n["documents"].([]any); !ok {
			t.Errorf("node %v: documents is not an array", n["id"])
		}
	}
	for _, want := range exporttest.AwkwardLabels {
		if !labels[want] {
			t.Errorf("label %q did not survive", want)
		}
	}
	for _, l := range d.Links {
		if !ids[l["source"].(string)] || !ids[l["target"].(string)] {
			t.Errorf("link %v joins undeclared nodes", l["id"])
		}
		if l["key"] != l["predicate"] || l["weight"].(float64) < 1 {
			t.Errorf("link %v: key %v predicate %v weight %v", l["id"], l["key"], l["predicate"], l["weight"])
		}
	}
}

func TestReaders(t *testing.T) {
	file := filepath.Join(t.TempDir(), "fixture.json")
	if err := os.WriteFile(file, encode(t, export.Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	s := exporttest.Snapshot()
	t.Run("networkx", func(t *testing.T) {
		got := clients.Python(t, "json-networkx", file)
		got.Counts(t, len(s.Nodes), len(s.Edges))
		got.HasLabels(t, exporttest.AwkwardLabels...)
		got.HasKeys(t, "x", "y", "type", "pagerank", "community")
	})
	t.Run("graphology", func(t *testing.T) {
		got := clients.Node(t, "json", file)
		got.Counts(t, len(s.Nodes), len(s.Edges))
		got.HasLabels(t, exporttest.AwkwardLabels...)
		if got.Positioned == nil || !*got.Positioned {
			t.Error("graphology: not every node has x and y")
		}
	})
}

func ExampleEncoder() {
	s := exporttest.Snapshot()
	var buf bytes.Buffer
	if err := nodelink.NewEncoder(&buf, export.Options{Layout: "none"}).Encode(s); err != nil {
		fmt.Println(err)
	}
	var d struct {
		Nodes []struct {
			ID    string `json:"id"`
			Label string `json:"label"`
			Type  string `json:"type"`
		} `json:"nodes"`
	}
	json.Unmarshal(buf.Bytes(), &d)
	fmt.Println(d.Nodes[len(d.Nodes)-1].ID, d.Nodes[len(d.Nodes)-1].Label, d.Nodes[len(d.Nodes)-1].Type)
	// Output: pg:project/年产5万吨正极材料项目 年产5万吨正极材料项目 Project
}
