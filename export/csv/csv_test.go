package csv_test

import (
	"archive/zip"
	"bytes"
	stdcsv "encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parkgraph/export"
	"parkgraph/export/csv"
	"parkgraph/export/exporttest"
	"parkgraph/internal/clients"
)

func TestMain(m *testing.M) { clients.Main(m) }

func TestConformance(t *testing.T) { exporttest.Conformance(t, "csv") }

func encode(t *testing.T) (nodes, edges []byte) {
	t.Helper()
	var n, e bytes.Buffer
	if err := csv.NewEncoder(&n, &e, export.Options{}).Encode(exporttest.Snapshot()); err != nil {
		t.Fatal(err)
	}
	return n.Bytes(), e.Bytes()
}

func read(t *testing.T, b []byte) []map[string]string {
	t.Helper()
	r := stdcsv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read the table: %v", err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

// TestParseBack reads both tables with encoding/csv: Gephi's columns
// first, one record a line, every edge between listed nodes, the awkward
// labels intact.
func TestParseBack(t *testing.T) {
	nb, eb := encode(t)
	for name, b := range map[string][]byte{"nodes": nb, "edges": eb} {
		if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
			t.Errorf("%s table starts with a byte-order mark", name)
		}
	}
	if !bytes.HasPrefix(nb, []byte("Id,Label,type,")) || !bytes.HasPrefix(eb, []byte("Source,Target,Type,Id,Label,Weight,predicate,")) {
		t.Errorf("headers:\n%s\n%s", firstLine(nb), firstLine(eb))
	}
	s := exporttest.Snapshot()
	nodes, edges := read(t, nb), read(t, eb)
	if len(nodes) != len(s.Nodes) || len(edges) != len(s.Edges) {
		t.Fatalf("%d nodes, %d edges; want %d, %d", len(nodes), len(edges), len(s.Nodes), len(s.Edges))
	}
	if lines := bytes.Count(eb, []byte("\n")); lines != len(s.Edges)+1 {
		t.Errorf("edges table has %d lines for %d records: a value spans lines", lines, len(s.Edges)+1)
	}
	ids := map[string]bool{}
	labels := map[string]bool{}
	for _, n := range nodes {
		ids[n["Id"]] = true
		labels[n["Label"]] = true
	}
	for _, want := range exporttest.AwkwardLabels {
		if !labels[want] {
			t.Errorf("label %q did not survive", want)
		}
	}
	types := map[string]int{}
	for _, e := range edges {
		if !ids[e["Source"]] || !ids[e["Target"]] {
			t.Errorf("edge %s joins unlisted nodes", e["Id"])
		}
		types[e["Type"]]++
		if e["predicate"] == "located_in" && e["Label"] != "位于" {
			t.Errorf("edge %s: Label %q", e["Id"], e["Label"])
		}
		if e["predicate"] == "located_in" && e["Weight"] == "2" && !strings.Contains(e["evidence"], " | ") {
			t.Errorf("edge %s: evidence %q does not separate its two sentences", e["Id"], e["evidence"])
		}
	}
	if types["Undirected"] != 1 || types["Directed"] != len(s.Edges)-1 {
		t.Errorf("edge types %v; want partners_with undirected, the rest directed", types)
	}
}

func firstLine(b []byte) string { l, _, _ := bytes.Cut(b, []byte("\n")); return string(l) }

func TestPaths(t *testing.T) {
	f, _ := export.Lookup("csv")
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"out/graph.csv", []string{"out/graph.nodes.csv", "out/graph.edges.csv"}},
		{"G.CSV", []string{"G.nodes.CSV", "G.edges.CSV"}},
		{"out/graph.zip", []string{"out/graph.zip"}},
	} {
		if got := export.Paths(tc.in, f); strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("Paths(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestZip checks the single stream: a zip archive holding the same two
// tables.
func TestZip(t *testing.T) {
	var buf bytes.Buffer
	if err := csv.NewZipEncoder(&buf, export.Options{}).Encode(exporttest.Snapshot()); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("not a zip archive: %v", err)
	}
	nb, eb := encode(t)
	want := map[string][]byte{"nodes.csv": nb, "edges.csv": eb}
	if len(zr.File) != 2 {
		t.Fatalf("%d files in the archive", len(zr.File))
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(rc)
		rc.Close()
		if !bytes.Equal(got, want[f.Name]) {
			t.Errorf("%s in the archive differs from the table", f.Name)
		}
	}
}

// TestWriteFile writes FILE.csv through the registry, as the command line
// does, and hands both tables to Python's csv module and networkx.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	f, _ := export.ForFile("graph.csv")
	paths, err := export.WriteFile(filepath.Join(dir, "graph.csv"), f, exporttest.Snapshot(), export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 {
		t.Fatalf("wrote %v", paths)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	s := exporttest.Snapshot()
	t.Run("python csv+networkx", func(t *testing.T) {
		got := clients.Python(t, "csv-networkx", paths[0], paths[1])
		got.Counts(t, len(s.Nodes), len(s.Edges))
		got.HasLabels(t, exporttest.AwkwardLabels...)
		if len(got.Lines) != 2 || got.Lines[0] != len(s.Nodes)+1 || got.Lines[1] != len(s.Edges)+1 {
			t.Errorf("lines per file %v", got.Lines)
		}
	})
	if _, err := os.Stat(paths[0]); err != nil {
		t.Error(err)
	}
}
