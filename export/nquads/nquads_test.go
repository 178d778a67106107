package nquads_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/cayleygraph/quad"
	qnquads "github.com/cayleygraph/quad/nquads"

	"parkgraph/export"
	"parkgraph/export/exporttest"
	"parkgraph/export/nquads"
	"parkgraph/graph"
	"parkgraph/internal/clients"
)

func TestMain(m *testing.M) { clients.Main(m) }

func TestConformance(t *testing.T) { exporttest.Conformance(t, "nquads") }

func encode(t *testing.T, s *graph.Snapshot) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := nquads.NewEncoder(&buf).Encode(s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// readQuads parses N-Quads with Cayley's reader.
func readQuads(t *testing.T, b []byte) []quad.Quad {
	t.Helper()
	r := qnquads.NewReader(bytes.NewReader(b), false)
	var qs []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			return qs
		}
		if err != nil {
			t.Fatalf("Cayley's N-Quads reader: %v", err)
		}
		qs = append(qs, q)
	}
}

// TestRoundTrip loads the export back through Cayley's reader into a
// snapshot, as the store would, and compares it with the original: every
// entity with its names, aliases, documents and measures, every relation
// with its evidence, year and amount, every document.
func TestRoundTrip(t *testing.T) {
	s := exporttest.Snapshot()
	var b graph.Builder
	for _, q := range readQuads(t, encode(t, s)) {
		b.Add(q)
	}
	got := b.Snapshot()
	want := exporttest.Snapshot()
	if len(got.Nodes) != len(want.Nodes) || len(got.Edges) != len(want.Edges) || len(got.Documents) != len(want.Documents) {
		t.Fatalf("read back %d nodes, %d edges, %d documents; want %d, %d, %d", len(got.Nodes), len(got.Edges), len(got.Documents), len(want.Nodes), len(want.Edges), len(want.Documents))
	}
	for i := range want.Nodes {
		g, w := got.Nodes[i], want.Nodes[i]
		w.Name = export.Clean(w.Name)
		if g.IRI != w.IRI || g.Name != w.Name || g.Type != w.Type || !reflect.DeepEqual(g.Aliases, w.Aliases) || !reflect.DeepEqual(g.Docs, w.Docs) || !reflect.DeepEqual(g.Metrics, w.Metrics) || g.Community != w.Community {
			t.Errorf("node read back as\n%+v\nwant\n%+v", g, w)
		}
	}
	for i := range want.Edges {
		g, w := got.Edges[i], want.Edges[i]
		for j := range w.Evidence {
			w.Evidence[j].Text = export.Clean(w.Evidence[j].Text)
		}
		if g.Subject != w.Subject || g.Predicate != w.Predicate || g.Object != w.Object || g.Year != w.Year || g.Amount != w.Amount || !reflect.DeepEqual(g.Evidence, w.Evidence) {
			t.Errorf("edge read back as\n%+v\nwant\n%+v", g, w)
		}
	}
	if !reflect.DeepEqual(got.Documents, want.Documents) {
		t.Errorf("documents read back as %+v, want %+v", got.Documents, want.Documents)
	}
}

// TestLiterals checks the literal forms: full XML Schema datatype IRIs and
// nothing Cayley's short xsd: form.
func TestLiterals(t *testing.T) {
	out := encode(t, exporttest.Snapshot())
	for _, want := range []string{
		`"0.3"^^<http://www.w3.org/2001/XMLSchema#double>`,
		`"2"^^<http://www.w3.org/2001/XMLSchema#integer>`,
		`"2024-03-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>`,
		`"青禾\"智造\"科技&<有限>公司"`,
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("no %s in the output", want)
		}
	}
	if bytes.Contains(out, []byte("<xsd:")) {
		t.Error("output uses the xsd: short form, which is no absolute IRI")
	}
	for _, q := range readQuads(t, out) {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if iri, ok := v.(quad.IRI); ok && len(iri) < 3 {
				t.Errorf("suspicious IRI %q", iri)
			}
		}
	}
}

// TestReaders hands the file to rdflib and N3.js; both must see the same
// resources and quads as Cayley's reader.
func TestReaders(t *testing.T) {
	out := encode(t, exporttest.Snapshot())
	file := filepath.Join(t.TempDir(), "fixture.nq")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	qs := readQuads(t, out)
	resources := map[string]bool{}
	for _, q := range qs {
		resources[string(q.Subject.(quad.IRI))] = true
		if iri, ok := q.Object.(quad.IRI); ok {
			resources[string(iri)] = true
		}
	}
	preds := map[string]bool{}
	for _, q := range qs {
		preds[string(q.Predicate.(quad.IRI))] = true
	}
	var predList []string
	for p := range preds {
		predList = append(predList, p)
	}
	sort.Strings(predList)
	for _, r := range []struct {
		name string
		read func(t *testing.T) clients.Result
	}{
		{"rdflib", func(t *testing.T) clients.Result { return clients.Python(t, "nquads-rdflib", file) }},
		{"N3.js", func(t *testing.T) clients.Result { return clients.Node(t, "nquads", file) }},
	} {
		t.Run(r.name, func(t *testing.T) {
			got := r.read(t)
			got.Counts(t, len(resources), len(qs))
			if !reflect.DeepEqual(got.NodeKeys, predList) {
				t.Errorf("%s saw predicates %v, want %v", got.Client, got.NodeKeys, predList)
			}
		})
	}
}
