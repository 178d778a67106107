package exporttest

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"parkgraph/export"
	"parkgraph/graph"
)

// AwkwardLabels are fixture names that must come back from every reader
// exactly (after export.Clean, which drops the control character of the
// honour's name).
var AwkwardLabels = []string{
	`青禾"智造"科技&<有限>公司`,
	"瞪羚企业🦌",
	"星澜（昆明）光学有限公司",
	"星澜(昆明)光学有限公司 ",
	strings.Repeat("滇中新材料产业技术研究院", 12),
}

// Encode writes s in format f with opt and returns the bytes of every part
// (one for most formats; nodes and edges for CSV).
func Encode(t testing.TB, f export.Format, s *graph.Snapshot, opt export.Options) [][]byte {
	t.Helper()
	if len(f.Parts) == 0 {
		var buf bytes.Buffer
		if err := f.New(&buf, opt).Encode(s); err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		return [][]byte{buf.Bytes()}
	}
	bufs := make([]bytes.Buffer, len(f.Parts))
	ws := make([]io.Writer, len(f.Parts))
	for i := range bufs {
		ws[i] = &bufs[i]
	}
	if err := f.NewParts(ws, opt).Encode(s); err != nil {
		t.Fatalf("%s: %v", f.Name, err)
	}
	out := make([][]byte, len(bufs))
	for i := range bufs {
		out[i] = bufs[i].Bytes()
	}
	return out
}

// Conformance checks what every format must do: it is registered under its
// name and extensions; it writes the fixture, an empty graph and a graph
// with no edges; the same snapshot always gives the same bytes; a write
// error at any point comes back from Encode (the sticky error) for the
// single stream and for every part; and encoding leaves the snapshot as it
// was.
func Conformance(t *testing.T, name string) {
	f, err := export.Lookup(name)
	if err != nil {
		t.Fatalf("format %s is not registered: %v", name, err)
	}
	for _, ext := range f.Exts {
		if g, err := export.ForFile("graph" + ext); err != nil || g.Name != name {
			t.Errorf("ForFile(graph%s) = %s, %v", ext, g.Name, err)
		}
	}
	t.Run("deterministic", func(t *testing.T) {
		a := Encode(t, f, Snapshot(), export.Options{})
		b := Encode(t, f, Snapshot(), export.Options{})
		for i := range a {
			if !bytes.Equal(a[i], b[i]) {
				t.Errorf("two encodings of the same snapshot differ (part %d)", i)
			}
		}
	})
	t.Run("unchanged", func(t *testing.T) {
		s := Snapshot()
		Encode(t, f, s, export.Options{Color: "community", Cluster: "park"})
		want := Snapshot()
		if len(s.Nodes) != len(want.Nodes) || len(s.Edges) != len(want.Edges) {
			t.Fatal("encoding changed the snapshot")
		}
		for i := range s.Nodes {
			if s.Nodes[i].Name != want.Nodes[i].Name || len(s.Nodes[i].Metrics) != len(want.Nodes[i].Metrics) {
				t.Errorf("encoding changed node %s", s.Nodes[i].IRI)
			}
		}
	})
	t.Run("empty", func(t *testing.T) {
		Encode(t, f, graph.NewSnapshot(nil, nil, nil), export.Options{})
		s := Snapshot()
		Encode(t, f, s.Subgraph(nil, func(*graph.Edge) bool { return false }), export.Options{})
	})
	t.Run("sticky error", func(t *testing.T) {
		full := Encode(t, f, Snapshot(), export.Options{})
		for part := range full {
			size := len(full[part])
			for _, n := range []int{0, 1, size / 3, size - 1} {
				if n < 0 {
					continue
				}
				if len(f.Parts) == 0 {
					err := f.New(&FailingWriter{N: n}, export.Options{}).Encode(Snapshot())
					checkWriteError(t, name, n, err)
					continue
				}
				ws := make([]io.Writer, len(f.Parts))
				for i := range ws {
					ws[i] = io.Discard
				}
				ws[part] = &FailingWriter{N: n}
				err := f.NewParts(ws, export.Options{}).Encode(Snapshot())
				checkWriteError(t, name+" "+f.Parts[part], n, err)
			}
		}
		if len(f.Parts) > 0 { // the single stream too
			err := f.New(&FailingWriter{N: 100}, export.Options{}).Encode(Snapshot())
			checkWriteError(t, name+" single stream", 100, err)
		}
	})
}

func checkWriteError(t *testing.T, what string, n int, err error) {
	t.Helper()
	if !errors.Is(err, ErrWrite) {
		t.Errorf("%s failing after %d bytes: err = %v, want the write error", what, n, err)
	}
}
