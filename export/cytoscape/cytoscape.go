// Package cytoscape writes a snapshot as Cytoscape JSON (.cyjs): the
// elements document Cytoscape.js takes (cy.add(doc.elements) or
// cytoscape({elements: doc.elements})) and Cytoscape desktop imports, which
// networkx reads with cytoscape_graph.
//
//	{"format_version": "1.0", "generated_by": "parkgraph", "target_cytoscapejs_version": "~3",
//	 "directed": true, "multigraph": false, "data": {…},
//	 "elements": {"nodes": [{"data": {"id": "pg:…", "name": "…", …}, "position": {"x": …, "y": …}}],
//	              "edges": [{"data": {"id": "e0", "source": "pg:…", "target": "pg:…", "interaction": "located_in", …}}]}}
//
// Nodes carry every export attribute in data, with name (the label, which
// Cytoscape desktop shows), value (the id again, which networkx keys nodes
// by) and a position from a ForceAtlas2 layout; edges
// carry interaction (the predicate, Cytoscape's edge type) and the edge
// attributes.
package cytoscape

import (
	"io"

	"parkgraph/export"
	"parkgraph/export/layout"
	"parkgraph/graph"
)

func init() {
	export.Register(export.Format{
		Name: "cyjs",
		Exts: []string{".cyjs"},
		MIME: "application/json",
		Doc:  "Cytoscape JSON for Cytoscape.js and Cytoscape desktop, laid out",
		New:  func(w io.Writer, opt export.Options) export.Encoder { return NewEncoder(w, opt) },
	})
}

// Encoder writes Cytoscape JSON.
type Encoder struct {
	w   *export.Writer
	opt export.Options
}

// NewEncoder returns an encoder writing to w.
func NewEncoder(w io.Writer, opt export.Options) *Encoder {
	return &Encoder{w: export.NewWriter(w), opt: opt}
}

var _ export.Encoder = (*Encoder)(nil)

// Encode writes the snapshot as one JSON document, an element a line.
func (e *Encoder) Encode(s *graph.Snapshot) error {
	w := e.w
	cols := export.NewColumns(s, e.opt)
	var pos []layout.Point
	if e.opt.Layout != "none" {
		pos = layout.ForceAtlas2(s, layout.Options{Seed: e.opt.Seed})
	}
	multi := export.HasParallelEdges(s)
	w.WriteString(`{"format_version":"1.0","generated_by":"parkgraph","target_cytoscapejs_version":"~3","directed":true,"multigraph":`)
	if multi {
		w.WriteString("true")
	} else {
		w.WriteString("false")
	}
	w.WriteString(`,"data":`)
	export.WriteGraphInfo(w, s)
	w.WriteString(",\n\"elements\":{\"nodes\":[\n")
	for i := range s.Nodes {
		n := &s.Nodes[i]
		if i > 0 {
			w.WriteString(",\n")
		}
		w.WriteString(`{"data":{"id":`)
		w.JSONString(string(n.IRI))
		w.WriteString(`,"value":`)
		w.JSONString(string(n.IRI))
		w.WriteString(`,"name":`)
		w.JSONString(n.Name)
		for j, a := range cols.Node {
			if v := cols.NodeValue(n, j); v.Set {
				member(w, a.Name)
				w.WriteJSON(a, v)
			}
		}
		w.WriteByte('}')
		if pos != nil {
			w.WriteString(`,"position":{"x":`)
			w.Fixed(pos[i].X, 2)
			w.WriteString(`,"y":`)
			w.Fixed(pos[i].Y, 2)
			w.WriteByte('}')
		}
		w.WriteByte('}')
	}
	w.WriteString("\n],\n\"edges\":[\n")
	for i := range s.Edges {
		ed := &s.Edges[i]
		if i > 0 {
			w.WriteString(",\n")
		}
		w.WriteString(`{"data":{"id":"e`)
		w.Int(int64(i))
		w.WriteString(`","source":`)
		w.JSONString(string(ed.Subject))
		w.WriteString(`,"target":`)
		w.JSONString(string(ed.Object))
		if multi {
			w.WriteString(`,"key":`)
			w.JSONString(string(ed.Predicate))
		}
		w.WriteString(`,"interaction":`)
		w.JSONString(string(ed.Predicate))
		for j, a := range cols.Edge {
			if v := cols.EdgeValue(ed, j); v.Set {
				member(w, a.Name)
				w.WriteJSON(a, v)
			}
		}
		w.WriteString("}}")
	}
	w.WriteString("\n]}}\n")
	return w.Flush()
}

func member(w *export.Writer, name string) {
	w.WriteString(`,"`)
	w.WriteString(name)
	w.WriteString(`":`)
}
