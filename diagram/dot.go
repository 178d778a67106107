package diagram

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Layout settings, in inches where Graphviz wants inches.
const (
	nodeSep        = 0.16
	rankSep        = 0.5
	edgeLabelPad   = 3 // points around an edge label
	clusterFont    = 11
	clusterPadding = 8
)

// WriteDOT writes the diagram as a Graphviz digraph laid out left to right,
// with the title as graph label and the sources as comments. Every label is
// an HTML-like label whose box is the size package textwidth measures, so
// Graphviz leaves the room the Chinese text really takes.
func WriteDOT(w io.Writer, d *Diagram) error {
	return writeDOT(w, d, true)
}

// LayoutDOT is the DOT that render lays out: WriteDOT's without the title,
// which the renderer sets above the drawing itself.
func LayoutDOT(w io.Writer, d *Diagram) error {
	return writeDOT(w, d, false)
}

func writeDOT(w io.Writer, d *Diagram, standalone bool) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	font := quote(Font)
	if standalone {
		p("// %s\n", oneLine(d.Title))
		if d.Subtitle != "" {
			p("// %s\n", oneLine(d.Subtitle))
		}
		for _, s := range d.Sources {
			p("// 来源：%s\n", oneLine(sourceText(s)))
		}
	}
	p("digraph diagram {\n")
	p("  graph [rankdir=LR, charset=\"UTF-8\", fontname=%s, nodesep=%s, ranksep=%s, pad=0, margin=0, outputorder=edgesfirst, newrank=true", font, num(nodeSep), num(rankSep))
	if standalone && d.Title != "" {
		p(", labelloc=t, labeljust=l, label=%s", htmlLabel([]string{d.Title}, 18, true, TextColor, 0))
	}
	p("];\n")
	p("  node [fontname=%s, style=filled, margin=\"0.09,0.05\", width=0.2, height=0.2, fontcolor=%s];\n", font, quote(TextColor))
	p("  edge [fontname=%s, fontsize=%d, color=%s, fontcolor=%s, arrowsize=0.6];\n", font, edgeFontSize, quote(EdgeColor), quote(EdgeLabelColor))

	for i := range d.Nodes {
		n := &d.Nodes[i]
		st := StyleOf(n)
		style := "filled"
		if st.Dashed {
			style = "filled,dashed"
		}
		if st.Shape == "box" {
			style += ",rounded"
		}
		p("  %s [id=%s, shape=%s, style=%s, fillcolor=%s, color=%s, penwidth=%s, tooltip=%s, label=%s];\n",
			n.ID, quote(n.ID), st.Shape, quote(style), quote(st.Fill), quote(st.Border), num(st.Width),
			quote(n.Tooltip), htmlLabel(n.Lines, n.FontSize, n.Focus, TextColor, 0))
	}
	for _, c := range d.Clusters {
		p("  subgraph cluster_%s {\n", c.ID)
		p("    id=%s; label=%s; labeljust=l; style=\"rounded,dashed\"; color=%s; penwidth=1; margin=%d;\n",
			quote(c.ID), htmlLabel([]string{c.Label}, clusterFont, true, MutedColor, 0), quote(ClusterColor), clusterPadding)
		p("   ")
		for _, m := range c.Members {
			p(" %s;", d.Nodes[m].ID)
		}
		p("\n  }\n")
	}
	minlen := staggeredLeaves(d)
	for i := range d.Edges {
		e := &d.Edges[i]
		dir := "forward"
		switch e.Arrow {
		case Back:
			dir = "back"
		case NoArrow:
			dir = "none"
		}
		extra := ""
		if minlen[i] > 1 {
			extra = fmt.Sprintf(", minlen=%d", minlen[i])
		}
		p("  %s -> %s [id=%s, dir=%s, penwidth=%s%s, tooltip=%s, label=%s];\n",
			d.Nodes[e.From].ID, d.Nodes[e.To].ID, quote(e.ID), dir, num(edgeWidth(e.Weight)), extra,
			quote(e.Tooltip), htmlLabel([]string{e.Label}, edgeFontSize, false, EdgeLabelColor, edgeLabelPad))
	}
	p("}\n")
	return bw.Flush()
}

// The neighbours fanning out of one node are spread over up to maxStagger
// columns when more than perColumn of them have few other relations, as
// Graphviz's unflatten does, so that a hub with forty neighbours is not
// drawn as one column forty boxes tall.
const (
	perColumn   = 10
	maxStagger  = 3
	smallDegree = 3 // a neighbour with at most this many edges may move
)

// staggeredLeaves returns the minimum rank length of each edge: 1, or for
// the edges from a busy node to its small neighbours 1, 2, 3, 1, 2, 3, … in
// the order of the neighbours, separately for those on its left (edges into
// it) and on its right.
func staggeredLeaves(d *Diagram) []int {
	degree := make([]int, len(d.Nodes))
	for i := range d.Edges {
		degree[d.Edges[i].From]++
		degree[d.Edges[i].To]++
	}
	type side struct {
		hub  int
		left bool
	}
	type spoke struct{ edge, other int }
	fans := map[side][]spoke{}
	var sides []side
	add := func(k side, sp spoke) {
		if fans[k] == nil {
			sides = append(sides, k)
		}
		fans[k] = append(fans[k], sp)
	}
	for i := range d.Edges {
		e := &d.Edges[i]
		// Each edge may stagger around one end only: the busier one.
		if degree[e.To] >= degree[e.From] && degree[e.From] <= smallDegree {
			add(side{e.To, true}, spoke{i, e.From})
		} else if degree[e.To] <= smallDegree {
			add(side{e.From, false}, spoke{i, e.To})
		}
	}
	minlen := make([]int, len(d.Edges))
	for i := range minlen {
		minlen[i] = 1
	}
	for _, k := range sides {
		spokes := fans[k]
		n := min((len(spokes)+perColumn-1)/perColumn, maxStagger)
		if n < 2 {
			continue
		}
		sort.SliceStable(spokes, func(a, b int) bool { return spokes[a].other < spokes[b].other })
		for j, sp := range spokes {
			minlen[sp.edge] = 1 + j%n
		}
	}
	return minlen
}

// htmlLabel is an HTML-like label holding the lines in one cell of fixed
// size: the measured text box plus pad points on every side, and a little
// slack for renderers that round each glyph's advance to whole pixels
// (Graphviz with Pango does) or set Latin letters wider than Noto's.
func htmlLabel(lines []string, size float64, bold bool, color string, pad float64) string {
	w, h := labelBox(lines, size, bold)
	var b strings.Builder
	fmt.Fprintf(&b, `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="%d" HEIGHT="%d">`,
		int(math.Ceil(w*1.04+1+2*pad)), int(math.Ceil(h+2*pad)))
	fmt.Fprintf(&b, `<FONT POINT-SIZE="%s" COLOR="%s">`, num(size), color)
	if bold {
		b.WriteString("<B>")
	}
	for i, l := range lines {
		if i > 0 {
			b.WriteString("<BR/>")
		}
		b.WriteString(htmlEscape(l))
	}
	if bold {
		b.WriteString("</B>")
	}
	b.WriteString("</FONT></TD></TR></TABLE>>")
	return b.String()
}

func htmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			if r >= 0x20 && r != 0x7f {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// quote returns s as a quoted DOT string; a line break becomes \n.
func quote(s string) string {
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
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// sourceText names a source: "《title》（2024-09-03）".
func sourceText(s Source) string {
	if s.Date == "" {
		return "《" + s.Title + "》"
	}
	return "《" + s.Title + "》（" + s.Date + "）"
}

// SourceLine is the line under a diagram naming the documents its relations
// come from: the latest three and how many more.
func (d *Diagram) SourceLine() string {
	if len(d.Sources) == 0 {
		return ""
	}
	var parts []string
	for i, s := range d.Sources {
		if i == maxSourcesListed {
			break
		}
		parts = append(parts, sourceText(s))
	}
	line := "来源：" + strings.Join(parts, "；")
	if n := len(d.Sources); n > maxSourcesListed {
		line += fmt.Sprintf(" 等 %d 篇报道", n)
	}
	return line
}
