// Package dot writes a snapshot in Graphviz's DOT language: a CJK font on
// the graph, node and edge defaults (Options.Font overrides it), shapes and
// colours by entity type (or colours by community), Chinese edge labels
// (位于, 隶属, 获评, 发布, 投资, 合作, 建设, 上市), pen width by the number
// of supporting sentences, the evidence as edge tooltips, every id quoted,
// and optional clusters by community or by park. Nodes are declared with
// their attributes at top level and only listed inside clusters, so parsers
// that ignore subgraphs keep them. Labels longer than 20 characters are
// wrapped; graphs above LargeGraph nodes name sfdp as their layout engine.
package dot

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"parkgraph/export"
	"parkgraph/graph"
)

func init() {
	export.Register(export.Format{
		Name: "dot",
		Exts: []string{".dot", ".gv"},
		Doc:  "Graphviz DOT for diagrams: CJK font, shapes and colours by type, Chinese edge labels, clusters",
		MIME: "text/vnd.graphviz",
		New:  func(w io.Writer, opt export.Options) export.Encoder { return NewEncoder(w, opt) },
	})
}

// Encoder writes DOT.
type Encoder struct {
	w   *export.Writer
	opt export.Options
}

// NewEncoder returns an encoder writing to w.
func NewEncoder(w io.Writer, opt export.Options) *Encoder {
	if opt.Font == "" {
		opt.Font = export.DefaultFont
	}
	return &Encoder{w: export.NewWriter(w), opt: opt}
}

var _ export.Encoder = (*Encoder)(nil)

// Quote returns s as a quoted DOT id.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f:
			// control characters have no place in a label
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Encode writes the snapshot as one digraph.
func (e *Encoder) Encode(s *graph.Snapshot) error {
	w := e.w
	font := Quote(e.opt.Font)
	w.WriteString("digraph parkgraph {\n")
	w.WriteString("// parkgraph: " + strconv.Itoa(len(s.Nodes)) + " entities, " + strconv.Itoa(len(s.Edges)) + " relations\n")
	if len(s.Nodes) > LargeGraph {
		w.WriteString("  graph [fontname=" + font + ", layout=sfdp, overlap=false, splines=false, outputorder=edgesfirst, charset=\"UTF-8\"];\n")
	} else {
		w.WriteString("  graph [fontname=" + font + ", rankdir=LR, overlap=false, splines=true, charset=\"UTF-8\"];\n")
	}
	w.WriteString("  node [fontname=" + font + ", style=filled, fontcolor=\"#1d3557\", penwidth=0.8];\n")
	w.WriteString("  edge [fontname=" + font + ", fontsize=10, color=\"#6c757d\", fontcolor=\"#495057\"];\n")
	maxRank := export.MaxMetric(s, "pagerank")
	for i := range s.Nodes {
		n := &s.Nodes[i]
		st := export.TypeStyle(n.Type)
		fill := export.NodeColor(n, e.opt.Color == "community")
		fs := 10 + (export.NodeSize(n, maxRank)-10)/4
		fmt.Fprintf(w, "  %s [label=%s, shape=%s, fillcolor=%s, fontsize=%s, tooltip=%s];\n",
			Quote(string(n.IRI)), Quote(Wrap(n.Name, wrapAt)), st.Shape, Quote(fill+"cc"), export.FormatFloat(round1(fs)),
			Quote(n.Type.Label()+"："+n.Name))
	}
	for ci, cl := range clusters(s, e.opt.Cluster) {
		fmt.Fprintf(w, "  subgraph %s {\n    label=%s; style=\"rounded,dashed\"; color=\"#adb5bd\";\n   ", Quote(fmt.Sprintf("cluster_%d", ci)), Quote(cl.label))
		for _, i := range cl.members {
			w.WriteString(" " + Quote(string(s.Nodes[i].IRI)) + ";")
		}
		w.WriteString("\n  }\n")
	}
	for i := range s.Edges {
		ed := &s.Edges[i]
		attrs := []string{"label=" + Quote(ed.Predicate.Label())}
		if wt := ed.Weight(); wt > 1 {
			attrs = append(attrs, fmt.Sprintf("penwidth=%s", export.FormatFloat(round1(1+0.5*float64(wt-1)))))
		}
		if ed.Predicate.Symmetric() {
			attrs = append(attrs, "dir=both")
		}
		if ev := export.EvidenceTexts(ed); len(ev) > 0 {
			attrs = append(attrs, "tooltip="+Quote(strings.Join(ev, "\n")))
		}
		fmt.Fprintf(w, "  %s -> %s [%s];\n", Quote(string(ed.Subject)), Quote(string(ed.Object)), strings.Join(attrs, ", "))
	}
	w.WriteString("}\n")
	return w.Flush()
}

// LargeGraph is the size above which the DOT names sfdp as its layout
// engine: Graphviz's dot needs minutes for a thousand nodes, sfdp seconds.
// Clusters are still written, but sfdp does not draw them.
const LargeGraph = 300

// wrapAt is the longest label line, in characters.
const wrapAt = 16

// Wrap breaks a label longer than n+4 characters into lines of n, so that a
// very long name does not stretch the diagram; the tooltip keeps it whole.
func Wrap(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n+4 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(rs); i += n {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(string(rs[i:min(i+n, len(rs))]))
	}
	return b.String()
}

func round1(v float64) float64 { return float64(int(v*10+0.5)) / 10 }

type cluster struct {
	label   string
	members []int
}

// clusters groups nodes by community, or by the park they are located in
// (a park with its enterprises, projects and sub-parks).
func clusters(s *graph.Snapshot, by string) []cluster {
	switch by {
	case "community":
		byID := map[int]*cluster{}
		for i := range s.Nodes {
			c, ok := s.Nodes[i].Metric("community")
			if !ok {
				continue
			}
			cl := byID[int(c)]
			if cl == nil {
				cl = &cluster{label: s.Nodes[i].Community}
				byID[int(c)] = cl
			}
			cl.members = append(cl.members, i)
		}
		ids := make([]int, 0, len(byID))
		for id := range byID {
			ids = append(ids, id)
		}
		sort.Ints(ids)
		out := make([]cluster, 0, len(ids))
		for _, id := range ids {
			if len(byID[id].members) > 1 {
				out = append(out, *byID[id])
			}
		}
		return out
	case "park":
		home := map[int]int{} // node → park node
		for i := range s.Edges {
			e := &s.Edges[i]
			if e.Predicate != graph.LocatedIn && e.Predicate != graph.PartOf {
				continue
			}
			a, b := s.Index(e.Subject), s.Index(e.Object)
			if _, seen := home[a]; !seen {
				home[a] = b
			}
		}
		byPark := map[int][]int{}
		for a, p := range home {
			if s.Nodes[a].Type == graph.Park {
				continue // sub-parks head their own cluster
			}
			byPark[p] = append(byPark[p], a)
		}
		parks := make([]int, 0, len(byPark))
		for p := range byPark {
			parks = append(parks, p)
		}
		sort.Ints(parks)
		out := make([]cluster, 0, len(parks))
		for _, p := range parks {
			m := append([]int{p}, byPark[p]...)
			sort.Ints(m)
			out = append(out, cluster{label: s.Nodes[p].Name, members: m})
		}
		return out
	}
	return nil
}
