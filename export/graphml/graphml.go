// Package graphml writes a snapshot as GraphML that Gephi, yEd, networkx,
// igraph and graphology read on the first try: every key has a named id,
// attr.name, attr.type and for="node" or for="edge"; values are written only
// where they exist; the node label and edge weight use the key names Gephi
// maps to its own label and weight.
package graphml

import (
	"encoding/xml"
	"io"
	"strings"

	"parkgraph/export"
	"parkgraph/graph"
)

func init() {
	export.Register(export.Format{
		Name: "graphml",
		Exts: []string{".graphml"},
		Doc:  "GraphML for Gephi, yEd, networkx, igraph and graphology",
		MIME: "application/graphml+xml",
		New:  func(w io.Writer, opt export.Options) export.Encoder { return NewEncoder(w, opt) },
	})
}

// Encoder writes GraphML.
type Encoder struct {
	w   *export.Writer
	opt export.Options
}

// NewEncoder returns an encoder writing to w.
func NewEncoder(w io.Writer, opt export.Options) *Encoder {
	return &Encoder{w: export.NewWriter(w), opt: opt}
}

var _ export.Encoder = (*Encoder)(nil)

// Encode writes the whole snapshot as one GraphML document.
func (e *Encoder) Encode(s *graph.Snapshot) error {
	w := e.w
	cols := export.NewColumns(s, e.opt)
	w.WriteString(xml.Header)
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	writeKey(w, "node", "n_", export.Attr{Name: "iri", Type: export.String})
	nodeKeys := make([]string, len(cols.Node))
	for i, a := range cols.Node {
		writeKey(w, "node", "n_", a)
		nodeKeys[i] = keyID("n_", a.Name)
	}
	edgeKeys := make([]string, len(cols.Edge))
	for i, a := range cols.Edge {
		writeKey(w, "edge", "e_", a)
		edgeKeys[i] = keyID("e_", a.Name)
	}
	w.WriteString(`  <graph id="parkgraph" edgedefault="directed">` + "\n")
	ids := make([]string, len(s.Nodes))
	w.Parallel(len(s.Nodes), chunk, func() func(*export.Writer, int) {
		cols := cols.Clone()
		return func(w *export.Writer, i int) {
			n := &s.Nodes[i]
			ids[i] = NodeID(string(n.IRI))
			w.WriteString(`    <node id="`)
			w.WriteString(ids[i])
			w.WriteString("\">\n")
			w.WriteString(`      <data key="n_iri">`)
			w.XMLText(string(n.IRI))
			w.WriteString("</data>\n")
			for j, a := range cols.Node {
				if v := cols.NodeValue(n, j); v.Set {
					writeData(w, nodeKeys[j], a, v)
				}
			}
			w.WriteString("    </node>\n")
		}
	})
	index := export.NewNodeIndex(s)
	w.Parallel(len(s.Edges), chunk, func() func(*export.Writer, int) {
		cols := cols.Clone()
		// Edges are sorted by subject and nodes by IRI, so a worker finds
		// each subject by walking forward from the last one, without a
		// lookup; a chunk starts with a lookup.
		last, lastEdge := -1, -2
		subject := func(i int) int {
			ed := &s.Edges[i]
			if lastEdge == i-1 && last >= 0 {
				for last < len(s.Nodes) && s.Nodes[last].IRI < ed.Subject {
					last++
				}
				if last < len(s.Nodes) && s.Nodes[last].IRI == ed.Subject {
					lastEdge = i
					return last
				}
			}
			last, lastEdge = index.Of(ed.Subject), i
			return last
		}
		return func(w *export.Writer, i int) {
			ed := &s.Edges[i]
			w.WriteString(`    <edge id="e`)
			w.Int(int64(i))
			w.WriteString(`" source="`)
			w.WriteString(ids[subject(i)])
			w.WriteString(`" target="`)
			w.WriteString(ids[s.EdgeObject(i)])
			w.WriteString("\">\n")
			for j, a := range cols.Edge {
				if v := cols.EdgeValue(ed, j); v.Set {
					writeData(w, edgeKeys[j], a, v)
				}
			}
			w.WriteString("    </edge>\n")
		}
	})
	w.WriteString("  </graph>\n</graphml>\n")
	return w.Flush()
}

// chunk is the number of nodes or edges rendered at a time on one CPU.
const chunk = 2048

// keyID names a key. Key ids are unique across node and edge keys, so all
// but the node label and the edge weight carry a prefix; none looks like
// yEd's d0, d1, … (Gephi reads d3 and d7 as labels whatever their name).
// Gephi maps keys named label and weight onto its own columns by attr.name.
func keyID(prefix, name string) string {
	switch prefix + name {
	case "n_label", "e_weight":
		return name
	}
	return prefix + name
}

// NodeID turns an IRI into a GraphML node id. The schema types ids as
// xs:NMTOKEN, which allows letters (CJK included), digits, '.', '-', '_'
// and ':' but not '/', brackets or spaces; every other character becomes
// _xHHHH_ (as in XML name escaping), and '_' itself is escaped, so distinct
// IRIs give distinct ids.
func NodeID(iri string) string {
	var b strings.Builder
	for _, r := range strings.TrimPrefix(iri, "pg:") {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-') || r >= 0x4E00 && r <= 0x9FA5 || r == 0xB7 {
			b.WriteRune(r)
			continue
		}
		const hex = "0123456789ABCDEF"
		b.WriteString("_x")
		if r > 0xFFFF {
			b.WriteByte(hex[r>>20&15])
			b.WriteByte(hex[r>>16&15])
		}
		b.WriteByte(hex[r>>12&15])
		b.WriteByte(hex[r>>8&15])
		b.WriteByte(hex[r>>4&15])
		b.WriteByte(hex[r&15])
		b.WriteByte('_')
	}
	return b.String()
}

func writeKey(w *export.Writer, for_, prefix string, a export.Attr) {
	w.WriteString(`  <key id="` + keyID(prefix, a.Name) + `" for="` + for_ + `" attr.name="` + a.Name + `" attr.type="` + a.Type.String() + `"/>` + "\n")
}

func writeData(w *export.Writer, key string, a export.Attr, v export.Value) {
	w.WriteString(`      <data key="`)
	w.WriteString(key)
	w.WriteString(`">`)
	w.WriteXML(a, v, false)
	w.WriteString("</data>\n")
}
