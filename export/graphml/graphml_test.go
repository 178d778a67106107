package graphml_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"parkgraph/export"
	"parkgraph/export/exporttest"
	"parkgraph/export/graphml"
	"parkgraph/internal/clients"
)

// parsed is a GraphML document read back with encoding/xml.
type parsed struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		Nodes []struct {
			ID   string  `xml:"id,attr"`
			Data []datum `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			Source string  `xml:"source,attr"`
			Target string  `xml:"target,attr"`
			Data   []datum `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type datum struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func encode(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := graphml.NewEncoder(&buf, export.Options{}).Encode(exporttest.Snapshot()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	out := encode(t)
	var g parsed
	if err := xml.Unmarshal(out, &g); err != nil {
		t.Fatalf("output is not XML: %v", err)
	}
	s := exporttest.Snapshot()
	if len(g.Graph.Nodes) != len(s.Nodes) || len(g.Graph.Edges) != len(s.Edges) {
		t.Fatalf("read back %d nodes, %d edges; want %d, %d", len(g.Graph.Nodes), len(g.Graph.Edges), len(s.Nodes), len(s.Edges))
	}
	ids := map[string]bool{}
	types := map[string]string{}
	for _, k := range g.Keys {
		if ids[k.ID] {
			t.Errorf("duplicate key id %q", k.ID)
		}
		ids[k.ID] = true
		if k.For != "node" && k.For != "edge" {
			t.Errorf("key %s: for=%q", k.ID, k.For)
		}
		if k.Name == "" || k.Type == "" {
			t.Errorf("key %s lacks attr.name or attr.type", k.ID)
		}
		if len(k.ID) >= 2 && k.ID[0] == 'd' && strings.Trim(k.ID[1:], "0123456789") == "" {
			t.Errorf("key id %q looks like yEd's numbering, which Gephi misreads", k.ID)
		}
		types[k.ID] = k.Type
	}
	for _, want := range []string{"label", "n_type", "n_pagerank", "n_community", "n_aliases", "n_documents", "weight", "e_evidence"} {
		if !ids[want] {
			t.Errorf("no key %q", want)
		}
	}
	if types["n_pagerank"] != "double" || types["n_community"] != "int" || types["weight"] != "double" {
		t.Errorf("key types: pagerank %s, community %s, weight %s", types["n_pagerank"], types["n_community"], types["weight"])
	}
	labels := map[string]bool{}
	nodeIDs := map[string]bool{}
	for _, n := range g.Graph.Nodes {
		if nodeIDs[n.ID] {
			t.Errorf("duplicate node id %q", n.ID)
		}
		nodeIDs[n.ID] = true
		for _, d := range n.Data {
			if d.Value == "" {
				t.Errorf("node %s: empty value for %s", n.ID, d.Key)
			}
			if d.Key == "label" {
				labels[d.Value] = true
			}
		}
	}
	for _, want := range []string{`青禾"智造"科技&<有限>公司`, "瞪羚企业🦌", "星澜（昆明）光学有限公司", "星澜(昆明)光学有限公司 ", strings.Repeat("滇中新材料产业技术研究院", 12)} {
		if !labels[want] {
			t.Errorf("label %q did not survive", want)
		}
	}
	for _, e := range g.Graph.Edges {
		if !nodeIDs[e.Source] || !nodeIDs[e.Target] {
			t.Errorf("edge %s → %s points at an undeclared node", e.Source, e.Target)
		}
	}
}

func TestMain(m *testing.M) { clients.Main(m) }

func TestConformance(t *testing.T) { exporttest.Conformance(t, "graphml") }

func TestNodeID(t *testing.T) {
	a := graphml.NodeID("pg:enterprise/星澜（昆明）光学有限公司")
	b := graphml.NodeID("pg:enterprise/星澜(昆明)光学有限公司")
	if a == b {
		t.Errorf("distinct IRIs share id %q", a)
	}
	if strings.ContainsAny(a+b, "/()（） ") {
		t.Errorf("ids hold characters NMTOKEN forbids: %q %q", a, b)
	}
}

// TestReaders hands the fixture to the official schema and to networkx,
// igraph and graphology (Gephi Lite's parser); every one must see the same
// nodes and edges and the awkward labels intact.
func TestReaders(t *testing.T) {
	file := filepath.Join(t.TempDir(), "fixture.graphml")
	if err := os.WriteFile(file, encode(t), 0o644); err != nil {
		t.Fatal(err)
	}
	s := exporttest.Snapshot()
	t.Run("xmllint XSD 1.0", func(t *testing.T) {
		clients.XMLLint(t, file, filepath.Join(clients.SchemaDir(t), "graphml", "1.0", "graphml.xsd"), false)
	})
	for _, r := range []struct {
		name string
		read func(t *testing.T) clients.Result
	}{
		{"networkx", func(t *testing.T) clients.Result { return clients.Python(t, "graphml-networkx", file) }},
		{"igraph", func(t *testing.T) clients.Result { return clients.Python(t, "graphml-igraph", file) }},
		{"graphology", func(t *testing.T) clients.Result { return clients.Node(t, "graphml", file) }},
	} {
		t.Run(r.name, func(t *testing.T) {
			got := r.read(t)
			got.Counts(t, len(s.Nodes), len(s.Edges))
			got.HasLabels(t, exporttest.AwkwardLabels...)
			got.HasKeys(t, "label", "type", "aliases", "documents", "degree", "pagerank", "community", "color", "size")
		})
	}
}

// TestParallelSameBytes encodes a graph large enough to be rendered on
// several CPUs and checks the bytes equal a one-CPU encoding, and that a
// write error part way still comes back.
func TestParallelSameBytes(t *testing.T) {
	s := exporttest.Generate(12_000, 30_000, 5)
	var par, seq bytes.Buffer
	if err := graphml.NewEncoder(&par, export.Options{}).Encode(s); err != nil {
		t.Fatal(err)
	}
	prev := runtime.GOMAXPROCS(1)
	err := graphml.NewEncoder(&seq, export.Options{}).Encode(s)
	runtime.GOMAXPROCS(prev)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(par.Bytes(), seq.Bytes()) {
		t.Fatal("the parallel encoding differs from the sequential one")
	}
	for _, n := range []int{1 << 20, par.Len() / 2, par.Len() - 10} {
		err := graphml.NewEncoder(&exporttest.FailingWriter{N: n}, export.Options{}).Encode(s)
		if !errors.Is(err, exporttest.ErrWrite) {
			t.Errorf("failing after %d bytes: %v", n, err)
		}
	}
}
