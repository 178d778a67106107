package gexf_test

import (
	"bytes"
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"parkgraph/export"
	"parkgraph/export/exporttest"
	"parkgraph/export/gexf"
	"parkgraph/internal/clients"
)

func TestMain(m *testing.M) { clients.Main(m) }

func TestConformance(t *testing.T) { exporttest.Conformance(t, "gexf") }

func encode(t *testing.T, opt export.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gexf.NewEncoder(&buf, opt).Encode(exporttest.Snapshot()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// doc is a GEXF document as encoding/xml reads it, by namespace.
type doc struct {
	XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
	Version string   `xml:"version,attr"`
	Graph   struct {
		Mode       string `xml:"mode,attr"`
		TimeFormat string `xml:"timeformat,attr"`
		Attributes []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"http://gexf.net/1.3 attribute"`
		} `xml:"http://gexf.net/1.3 attributes"`
		Nodes []struct {
			ID     string     `xml:"id,attr"`
			Label  string     `xml:"label,attr"`
			Values []attvalue `xml:"http://gexf.net/1.3 attvalues>attvalue"`
			Spells []struct {
				Start string `xml:"start,attr"`
			} `xml:"http://gexf.net/1.3 spells>spell"`
			Color *struct {
				R int `xml:"r,attr"`
				G int `xml:"g,attr"`
				B int `xml:"b,attr"`
			} `xml:"http://gexf.net/1.3/viz color"`
			Size *struct {
				Value float64 `xml:"value,attr"`
			} `xml:"http://gexf.net/1.3/viz size"`
			Position *struct {
				X float64 `xml:"x,attr"`
				Y float64 `xml:"y,attr"`
			} `xml:"http://gexf.net/1.3/viz position"`
		} `xml:"http://gexf.net/1.3 nodes>node"`
		Edges []struct {
			Source string     `xml:"source,attr"`
			Target string     `xml:"target,attr"`
			Label  string     `xml:"label,attr"`
			Weight float64    `xml:"weight,attr"`
			Values []attvalue `xml:"http://gexf.net/1.3 attvalues>attvalue"`
		} `xml:"http://gexf.net/1.3 edges>edge"`
	} `xml:"http://gexf.net/1.3 graph"`
}

type attvalue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// TestParseBack reads the GEXF with encoding/xml by namespace and checks
// what Gephi relies on: declared, typed attributes; labels intact; viz
// colour, size and a spread-out position on every node; spells; weights.
func TestParseBack(t *testing.T) {
	var d doc
	if err := xml.Unmarshal(encode(t, export.Options{}), &d); err != nil {
		t.Fatalf("not GEXF 1.3 XML: %v", err)
	}
	s := exporttest.Snapshot()
	if d.Version != "1.3" || len(d.Graph.Nodes) != len(s.Nodes) || len(d.Graph.Edges) != len(s.Edges) {
		t.Fatalf("version %q, %d nodes, %d edges; want 1.3, %d, %d", d.Version, len(d.Graph.Nodes), len(d.Graph.Edges), len(s.Nodes), len(s.Edges))
	}
	if d.Graph.Mode != "dynamic" || d.Graph.TimeFormat != "date" {
		t.Errorf("mode %q timeformat %q; want a dynamic graph dated by articles", d.Graph.Mode, d.Graph.TimeFormat)
	}
	declared := map[string]map[string]string{}
	for _, as := range d.Graph.Attributes {
		declared[as.Class] = map[string]string{}
		for _, a := range as.Attrs {
			if a.ID == "" || a.Title == "" || a.Type == "" {
				t.Errorf("%s attribute %+v lacks id, title or type", as.Class, a)
			}
			declared[as.Class][a.ID] = a.Type
		}
	}
	for id, typ := range map[string]string{"type": "string", "pagerank": "double", "degree": "integer", "community": "integer", "aliases": "string", "documents": "string", "betweenness": "double"} {
		if declared["node"][id] != typ {
			t.Errorf("node attribute %s declared as %q, want %q", id, declared["node"][id], typ)
		}
	}
	for id, typ := range map[string]string{"predicate": "string", "evidence": "string", "year": "integer", "amount": "string"} {
		if declared["edge"][id] != typ {
			t.Errorf("edge attribute %s declared as %q, want %q", id, declared["edge"][id], typ)
		}
	}
	labels := map[string]bool{}
	positions := map[[2]float64]bool{}
	for _, n := range d.Graph.Nodes {
		labels[n.Label] = true
		for _, v := range n.Values {
			if _, ok := declared["node"][v.For]; !ok || v.Value == "" {
				t.Errorf("node %s: value %q for %q (declared: %v)", n.ID, v.Value, v.For, ok)
			}
		}
		if n.Color == nil || n.Size == nil || n.Position == nil {
			t.Errorf("node %s lacks viz:color, viz:size or viz:position", n.ID)
			continue
		}
		if n.Size.Value < 10 || n.Size.Value > 50 {
			t.Errorf("node %s size %v outside 10–50", n.ID, n.Size.Value)
		}
		if math.IsNaN(n.Position.X) || math.IsNaN(n.Position.Y) {
			t.Errorf("node %s at NaN", n.ID)
		}
		positions[[2]float64{n.Position.X, n.Position.Y}] = true
		if len(n.Spells) != 1 || n.Spells[0].Start != "2024-03-01" {
			t.Errorf("node %s spells %+v, want one from 2024-03-01", n.ID, n.Spells)
		}
	}
	if len(positions) != len(s.Nodes) {
		t.Errorf("%d distinct positions for %d nodes: the layout did not spread them", len(positions), len(s.Nodes))
	}
	for _, want := range exporttest.AwkwardLabels {
		if !labels[want] {
			t.Errorf("label %q did not survive", want)
		}
	}
	for _, e := range d.Graph.Edges {
		if e.Weight < 1 || e.Label == "" {
			t.Errorf("edge %s → %s: weight %v label %q", e.Source, e.Target, e.Weight, e.Label)
		}
	}
}

// TestColorByCommunity checks --color community: nodes of one community
// share a colour, and the two communities of the fixture differ.
func TestColorByCommunity(t *testing.T) {
	var d doc
	if err := xml.Unmarshal(encode(t, export.Options{Color: "community"}), &d); err != nil {
		t.Fatal(err)
	}
	byCommunity := map[string]map[[3]int]bool{}
	for _, n := range d.Graph.Nodes {
		c := ""
		for _, v := range n.Values {
			if v.For == "community" {
				c = v.Value
			}
		}
		if byCommunity[c] == nil {
			byCommunity[c] = map[[3]int]bool{}
		}
		byCommunity[c][[3]int{n.Color.R, n.Color.G, n.Color.B}] = true
	}
	if len(byCommunity) != 2 || len(byCommunity["0"]) != 1 || len(byCommunity["1"]) != 1 {
		t.Fatalf("colours by community: %v", byCommunity)
	}
	for c0 := range byCommunity["0"] {
		if byCommunity["1"][c0] {
			t.Error("both communities have the same colour")
		}
	}
}

func TestNoLayout(t *testing.T) {
	if bytes.Contains(encode(t, export.Options{Layout: "none"}), []byte("viz:position")) {
		t.Error("--layout none still wrote positions")
	}
}

// The published 1.3 XSD declares viz elements in the GEXF namespace, so it
// rejects every correct viz:* element; the RELAX NG grammar is right and
// checks them instead.
var xsdVizBug = regexp.MustCompile(`Element '\{http://gexf\.net/1\.3/viz\}[a-z]+': This element is not expected`)

// TestReaders hands the fixture to both RELAX NG validators, the XSD, and
// to networkx and graphology (Gephi Lite's parser).
func TestReaders(t *testing.T) {
	file := filepath.Join(t.TempDir(), "fixture.gexf")
	if err := os.WriteFile(file, encode(t, export.Options{}), 0o644); err != nil {
		t.Fatal(err)
	}
	s := exporttest.Snapshot()
	t.Run("jing RELAX NG", func(t *testing.T) {
		clients.Jing(t, file, filepath.Join(clients.SchemaDir(t), "gexf", "1.3", "gexf.rnc"))
	})
	t.Run("xmllint RELAX NG", func(t *testing.T) {
		clients.XMLLint(t, file, filepath.Join(clients.SchemaDir(t), "gexf", "1.3", "gexf.rng"), true)
	})
	t.Run("xmllint XSD", func(t *testing.T) {
		clients.XMLLint(t, file, filepath.Join(clients.SchemaDir(t), "gexf", "1.3", "gexf.xsd"), false, xsdVizBug)
	})
	t.Run("networkx", func(t *testing.T) {
		got := clients.Python(t, "gexf-networkx", file)
		got.Counts(t, len(s.Nodes), len(s.Edges))
		got.HasLabels(t, exporttest.AwkwardLabels...)
		got.HasKeys(t, "type", "pagerank", "community", "viz", "spells")
		if got.Positioned == nil || !*got.Positioned || got.Colored == nil || !*got.Colored || got.Spells != len(s.Nodes) {
			t.Errorf("networkx: positioned %v, coloured %v, %d nodes with spells", got.Positioned, got.Colored, got.Spells)
		}
	})
	t.Run("graphology", func(t *testing.T) {
		got := clients.Node(t, "gexf", file)
		got.Counts(t, len(s.Nodes), len(s.Edges))
		got.HasLabels(t, exporttest.AwkwardLabels...)
		got.HasKeys(t, "x", "y", "size", "color", "type", "pagerank", "community")
	})
}

// TestGenerated checks a larger generated graph with the schema and the
// readers, since a small fixture cannot show every combination.
func TestGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	s := exporttest.Generate(600, 1800, 7)
	var buf bytes.Buffer
	if err := gexf.NewEncoder(&buf, export.Options{Color: "community"}).Encode(s); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "generated.gexf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Run("jing", func(t *testing.T) {
		clients.Jing(t, file, filepath.Join(clients.SchemaDir(t), "gexf", "1.3", "gexf.rnc"))
	})
	t.Run("networkx", func(t *testing.T) { clients.Python(t, "gexf-networkx", file).Counts(t, len(s.Nodes), len(s.Edges)) })
	t.Run("graphology", func(t *testing.T) { clients.Node(t, "gexf", file).Counts(t, len(s.Nodes), len(s.Edges)) })
}
