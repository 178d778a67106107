// Package gexf writes a snapshot as GEXF 1.3, Gephi's own format, which
// Gephi Lite and graphology (Sigma.js) read too.
//
// The document uses the 1.3 namespaces exactly as the published schemas do
// (http://gexf.net/1.3 and http://gexf.net/1.3/viz; Gephi's own
// http://www.gexf.net/1.3 matches no schema) and the literal prefix viz:,
// which graphology looks elements up by. Every attribute is declared with
// its type; node labels, colours, sizes and edge weights use GEXF's own
// fields: viz:color by entity type (or by community), viz:size by PageRank,
// viz:position from a ForceAtlas2 layout so the graph opens laid out, and
// spells that start at the earliest publication date of the articles
// behind each node and edge, so Gephi's timeline shows the network growing.
package gexf

import (
	"io"

	"parkgraph/export"
	"parkgraph/export/layout"
	"parkgraph/graph"
)

// Namespaces of GEXF 1.3.
const (
	Namespace    = "http://gexf.net/1.3"
	VizNamespace = "http://gexf.net/1.3/viz"
)

func init() {
	export.Register(export.Format{
		Name: "gexf",
		Exts: []string{".gexf"},
		MIME: "application/gexf+xml",
		Doc:  "GEXF 1.3 for Gephi and Gephi Lite: typed attributes, colours, sizes, a layout and a timeline",
		New:  func(w io.Writer, opt export.Options) export.Encoder { return NewEncoder(w, opt) },
	})
}

// Encoder writes GEXF 1.3.
type Encoder struct {
	w   *export.Writer
	opt export.Options
}

// NewEncoder returns an encoder writing to w.
func NewEncoder(w io.Writer, opt export.Options) *Encoder {
	return &Encoder{w: export.NewWriter(w), opt: opt}
}

var _ export.Encoder = (*Encoder)(nil)

// Attributes GEXF carries in its own fields rather than as attvalues.
var native = map[string]bool{"label": true, "color": true, "size": true, "weight": true}

// Encode writes the snapshot as one GEXF document.
func (e *Encoder) Encode(s *graph.Snapshot) error {
	w := e.w
	cols := export.NewColumns(s, e.opt)
	nodeDates, edgeDates := export.FirstDates(s)
	dynamic := nodeDates != nil
	var pos []layout.Point
	if e.opt.Layout != "none" {
		pos = layout.ForceAtlas2(s, layout.Options{Seed: e.opt.Seed})
	}
	maxRank := export.MaxMetric(s, "pagerank")
	byCommunity := e.opt.Color == "community"

	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<gexf xmlns="` + Namespace + `" xmlns:viz="` + VizNamespace + `" version="1.3">` + "\n")
	w.WriteString("  <meta")
	if d := lastDate(s); d != "" {
		w.WriteString(` lastmodifieddate="` + d + `"`)
	}
	w.WriteString(">\n    <creator>parkgraph</creator>\n    <description>")
	w.XMLText("高新区知识图谱: parks, enterprises, institutions, honours, investors and projects, and their relations")
	w.WriteString("</description>\n  </meta>\n")
	w.WriteString(`  <graph defaultedgetype="directed"`)
	if dynamic {
		w.WriteString(` mode="dynamic" timeformat="date"`)
	} else {
		w.WriteString(` mode="static"`)
	}
	w.WriteString(">\n")
	writeAttrs(w, "node", cols.Node)
	writeAttrs(w, "edge", cols.Edge)

	w.WriteString(`    <nodes count="`)
	w.Int(int64(len(s.Nodes)))
	w.WriteString("\">\n")
	for i := range s.Nodes {
		n := &s.Nodes[i]
		w.WriteString(`      <node id="`)
		w.XMLAttr(string(n.IRI))
		w.WriteString(`" label="`)
		w.XMLAttr(n.Name)
		w.WriteString("\">\n")
		writeValues(w, cols.Node, func(j int) export.Value { return cols.NodeValue(n, j) })
		if dynamic && nodeDates[i] != "" {
			writeSpell(w, nodeDates[i])
		}
		r, g, b := export.RGB(export.NodeColor(n, byCommunity))
		w.WriteString(`        <viz:color r="`)
		w.Int(int64(r))
		w.WriteString(`" g="`)
		w.Int(int64(g))
		w.WriteString(`" b="`)
		w.Int(int64(b))
		w.WriteString(`"/>` + "\n")
		w.WriteString(`        <viz:size value="`)
		w.Fixed(export.NodeSize(n, maxRank), 2)
		w.WriteString(`"/>` + "\n")
		if pos != nil {
			w.WriteString(`        <viz:position x="`)
			w.Fixed(pos[i].X, 2)
			w.WriteString(`" y="`)
			w.Fixed(pos[i].Y, 2)
			w.WriteString(`" z="0"/>` + "\n")
		}
		w.WriteString("      </node>\n")
	}
	w.WriteString("    </nodes>\n")

	w.WriteString(`    <edges count="`)
	w.Int(int64(len(s.Edges)))
	w.WriteString("\">\n")
	for i := range s.Edges {
		ed := &s.Edges[i]
		w.WriteString(`      <edge id="e`)
		w.Int(int64(i))
		w.WriteString(`" source="`)
		w.XMLAttr(string(ed.Subject))
		w.WriteString(`" target="`)
		w.XMLAttr(string(ed.Object))
		w.WriteString(`" label="`)
		w.XMLAttr(ed.Predicate.Label())
		w.WriteString(`" weight="`)
		w.Int(int64(ed.Weight()))
		w.WriteString("\">\n")
		writeValues(w, cols.Edge, func(j int) export.Value { return cols.EdgeValue(ed, j) })
		if dynamic && edgeDates[i] != "" {
			writeSpell(w, edgeDates[i])
		}
		w.WriteString("      </edge>\n")
	}
	w.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	return w.Flush()
}

// gexfType names an attribute type as GEXF does.
func gexfType(t export.AttrType) string {
	switch t {
	case export.Int:
		return "integer"
	case export.Double:
		return "double"
	case export.Bool:
		return "boolean"
	}
	return "string"
}

func writeAttrs(w *export.Writer, class string, attrs []export.Attr) {
	w.WriteString(`    <attributes class="` + class + `" mode="static">` + "\n")
	for _, a := range attrs {
		if native[a.Name] {
			continue
		}
		w.WriteString(`      <attribute id="` + a.Name + `" title="` + a.Name + `" type="` + gexfType(a.Type) + `"/>` + "\n")
	}
	w.WriteString("    </attributes>\n")
}

func writeValues(w *export.Writer, attrs []export.Attr, value func(int) export.Value) {
	open := false
	for j, a := range attrs {
		if native[a.Name] {
			continue
		}
		v := value(j)
		if !v.Set {
			continue
		}
		if !open {
			w.WriteString("        <attvalues>\n")
			open = true
		}
		w.WriteString(`          <attvalue for="` + a.Name + `" value="`)
		w.WriteXML(a, v, true)
		w.WriteString(`"/>` + "\n")
	}
	if open {
		w.WriteString("        </attvalues>\n")
	}
}

// writeSpell writes a spell open from start on: the node or edge exists
// from the first article that names it.
func writeSpell(w *export.Writer, start string) {
	w.WriteString(`        <spells><spell start="` + start + `"/></spells>` + "\n")
}

// lastDate is the latest publication or ingestion date of the snapshot's
// documents (YYYY-MM-DD), so the file says how current it is and stays the
// same for the same store.
func lastDate(s *graph.Snapshot) string {
	last := ""
	for _, d := range s.Documents {
		for _, t := range []string{dateOf(d.Date.IsZero(), d.Date.UTC().Format("2006-01-02")), dateOf(d.Ingested.IsZero(), d.Ingested.UTC().Format("2006-01-02"))} {
			if t > last {
				last = t
			}
		}
	}
	return last
}

func dateOf(zero bool, s string) string {
	if zero {
		return ""
	}
	return s
}
