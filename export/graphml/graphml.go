// Package graphml writes a snapshot as GraphML that Gephi, yEd, networkx,
// igraph and graphology read on the first try: every key has a named id,
// attr.name, attr.type and for="node" or for="edge"; values are written only
// where they exist; the node label and edge weight use the key names Gephi
// maps to its own label and weight.
package graphml

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"parkgraph/export"
	"parkgraph/graph"
)

func init() {
	export.Register(export.Format{
		Name: "graphml",
		Exts: []string{".graphml"},
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
	nodeAttrs := export.NodeAttrs(s)
	maxRank := export.MaxMetric(s, "pagerank")
	w.WriteString(xml.Header)
	w.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	writeKey(w, "node", "n_", export.Attr{Name: "iri", Type: export.String})
	for _, a := range nodeAttrs {
		writeKey(w, "node", "n_", a)
	}
	for _, a := range export.EdgeAttrs {
		writeKey(w, "edge", "e_", a)
	}
	w.WriteString(`  <graph id="parkgraph" edgedefault="directed">` + "\n")
	for i := range s.Nodes {
		n := &s.Nodes[i]
		w.WriteString(`    <node id="`)
		w.WriteString(NodeID(string(n.IRI)))
		w.WriteString("\">\n")
		writeData(w, "n_iri", string(n.IRI))
		for _, a := range nodeAttrs {
			if v, ok := export.NodeValue(n, a, e.opt, maxRank); ok {
				writeData(w, keyID("n_", a.Name), v)
			}
		}
		w.WriteString("    </node>\n")
	}
	for i := range s.Edges {
		ed := &s.Edges[i]
		w.WriteString(`    <edge source="`)
		w.WriteString(NodeID(string(ed.Subject)))
		w.WriteString(`" target="`)
		w.WriteString(NodeID(string(ed.Object)))
		w.WriteString("\">\n")
		for _, a := range export.EdgeAttrs {
			if v, ok := export.EdgeValue(ed, a); ok {
				writeData(w, keyID("e_", a.Name), v)
			}
		}
		w.WriteString("    </edge>\n")
	}
	w.WriteString("  </graph>\n</graphml>\n")
	return w.Flush()
}

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
		fmt.Fprintf(&b, "_x%04X_", r)
	}
	return b.String()
}

func writeKey(w *export.Writer, for_, prefix string, a export.Attr) {
	w.WriteString(`  <key id="` + keyID(prefix, a.Name) + `" for="` + for_ + `" attr.name="` + a.Name + `" attr.type="` + a.Type.String() + `"/>` + "\n")
}

func writeData(w *export.Writer, key, v string) {
	w.WriteString(`      <data key="` + key + `">`)
	w.WriteString(textEscape(v))
	w.WriteString("</data>\n")
}

// textEscape escapes XML text, dropping characters XML 1.0 cannot hold.
func textEscape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(dropInvalid(s)))
	return b.String()
}

// dropInvalid removes the characters XML 1.0 forbids (most C0 controls,
// surrogates, U+FFFE and U+FFFF).
func dropInvalid(s string) string {
	ok := func(r rune) bool {
		return r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
	}
	for _, r := range s {
		if !ok(r) {
			return strings.Map(func(r rune) rune {
				if ok(r) {
					return r
				}
				return -1
			}, s)
		}
	}
	return s
}
