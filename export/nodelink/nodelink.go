// Package nodelink writes a snapshot as node-link JSON, the shape d3's
// force layouts, networkx (node_link_graph) and most web graph viewers
// read:
//
//	{"directed": true, "multigraph": false, "graph": {…},
//	 "nodes": [{"id": "pg:park/…", "label": "…", "type": "Park", …, "x": 1.5, "y": -3.2}],
//	 "links": [{"id": "e0", "source": "pg:…", "target": "pg:…", "predicate": "located_in", "label": "位于", "weight": 2, …}]}
//
// Every node and link carries the export attributes as plain members
// (numbers as numbers, aliases, documents and evidence as arrays), nodes
// also x and y from a ForceAtlas2 layout with color and size, which is what
// Sigma.js draws: with graphology,
//
//	data.nodes.forEach(n => graph.addNode(n.id, n));
//	data.links.forEach(l => graph.addDirectedEdgeWithKey(l.id, l.source, l.target, l));
//
// multigraph is true when two links join the same pair of nodes (with
// different predicates); each link then has a key, its predicate.
package nodelink

import (
	"io"

	"parkgraph/export"
	"parkgraph/export/layout"
	"parkgraph/graph"
)

func init() {
	export.Register(export.Format{
		Name: "json",
		Exts: []string{".json"},
		MIME: "application/json",
		Doc:  "node-link JSON for d3, Sigma.js/graphology and networkx, laid out",
		New:  func(w io.Writer, opt export.Options) export.Encoder { return NewEncoder(w, opt) },
	})
}

// Encoder writes node-link JSON.
type Encoder struct {
	w   *export.Writer
	opt export.Options
}

// NewEncoder returns an encoder writing to w.
func NewEncoder(w io.Writer, opt export.Options) *Encoder {
	return &Encoder{w: export.NewWriter(w), opt: opt}
}

var _ export.Encoder = (*Encoder)(nil)

// Encode writes the snapshot as one JSON document, a node or link a line.
func (e *Encoder) Encode(s *graph.Snapshot) error {
	w := e.w
	cols := export.NewColumns(s, e.opt)
	var pos []layout.Point
	if e.opt.Layout != "none" {
		pos = layout.ForceAtlas2(s, layout.Options{Seed: e.opt.Seed})
	}
	multi := export.HasParallelEdges(s)
	w.WriteString(`{"directed":true,"multigraph":`)
	if multi {
		w.WriteString("true")
	} else {
		w.WriteString("false")
	}
	w.WriteString(`,"graph":`)
	export.WriteGraphInfo(w, s)
	w.WriteString(",\n\"nodes\":[\n")
	for i := range s.Nodes {
		n := &s.Nodes[i]
		if i > 0 {
			w.WriteString(",\n")
		}
		w.WriteString(`{"id":`)
		w.JSONString(string(n.IRI))
		for j, a := range cols.Node {
			if v := cols.NodeValue(n, j); v.Set {
				member(w, a.Name)
				w.WriteJSON(a, v)
			}
		}
		if pos != nil {
			w.WriteString(`,"x":`)
			w.Fixed(pos[i].X, 2)
			w.WriteString(`,"y":`)
			w.Fixed(pos[i].Y, 2)
		}
		w.WriteByte('}')
	}
	w.WriteString("\n],\n\"links\":[\n")
	for i := range s.Edges {
		ed := &s.Edges[i]
		if i > 0 {
			w.WriteString(",\n")
		}
		w.WriteString(`{"id":"e`)
		w.Int(int64(i))
		w.WriteString(`","source":`)
		w.JSONString(string(ed.Subject))
		w.WriteString(`,"target":`)
		w.JSONString(string(ed.Object))
		if multi {
			w.WriteString(`,"key":`)
			w.JSONString(string(ed.Predicate))
		}
		for j, a := range cols.Edge {
			if v := cols.EdgeValue(ed, j); v.Set {
				member(w, a.Name)
				w.WriteJSON(a, v)
			}
		}
		w.WriteByte('}')
	}
	w.WriteString("\n]}\n")
	return w.Flush()
}

func member(w *export.Writer, name string) {
	w.WriteString(`,"`)
	w.WriteString(name)
	w.WriteString(`":`)
}
