package render

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strings"

	"parkgraph/diagram"
	"parkgraph/diagram/textwidth"
	"parkgraph/graph"
)

// Page layout, in points.
const (
	pageMargin     = 18
	titleSize      = 18
	subtitleSize   = 10.5
	legendSize     = 10
	noteSize       = 9
	minTextWidth   = 360 // the narrowest column the notes wrap to
	maxTextWidth   = 640 // the widest
	maxTitleWidth  = 640
	legendIconW    = 26
	legendIconH    = 16
	legendGap      = 14
	sectionGap     = 12
	noteLineHeight = 1.45
)

// buildScene lays out the diagram with Graphviz and sets the title above it
// and the legend, footnotes and source line below it.
func buildScene(ctx context.Context, d *diagram.Diagram) (*scene, error) {
	var dot bytes.Buffer
	if err := diagram.LayoutDOT(&dot, d); err != nil {
		return nil, err
	}
	main, err := runLayout(ctx, dot.Bytes())
	if err != nil {
		return nil, err
	}
	icons, err := legendIcons(ctx, d)
	if err != nil {
		return nil, err
	}

	sc := &scene{Title: d.Title, Desc: strings.TrimSpace(d.Subtitle + "\n" + d.SourceLine())}
	// Notes run as wide as the drawing, within a readable measure.
	textW := math.Min(math.Max(main.Width, minTextWidth), maxTextWidth)
	titleLines := textwidth.Wrap(d.Title, titleSize, true, math.Max(textW, maxTitleWidth))
	for _, l := range titleLines {
		textW = math.Max(textW, textwidth.Width(l, titleSize, true))
	}
	x, y := float64(pageMargin), float64(pageMargin)

	// Title and subtitle.
	head := &group{ID: "title", Class: "title"}
	for _, l := range titleLines {
		y += textwidth.Ascent * titleSize
		head.Items = append(head.Items, &text{X: x, Y: y, Size: titleSize, Bold: true, Color: diagram.TextColor, S: l})
		y += (textwidth.LineHeight - textwidth.Ascent) * titleSize
	}
	if d.Subtitle != "" {
		for _, l := range textwidth.Wrap(d.Subtitle, subtitleSize, false, textW) {
			y += textwidth.Ascent*subtitleSize + 2
			head.Items = append(head.Items, &text{X: x, Y: y, Size: subtitleSize, Color: diagram.MutedColor, S: l})
			y += (textwidth.LineHeight - textwidth.Ascent) * subtitleSize
		}
	}
	sc.Groups = append(sc.Groups, head)
	y += sectionGap

	// The graph itself.
	sc.Groups = append(sc.Groups, graphGroup(d, main, painter{dx: x, dy: y, h: main.Height}))
	y += main.Height + sectionGap + 4

	// Legend: one icon and name per type, wrapping to the text width.
	leg := &group{ID: "legend", Class: "legend"}
	lx := x
	rowH := float64(legendIconH)
	for _, ic := range icons {
		w := legendIconW + 5 + textwidth.Width(ic.label, legendSize, false)
		if lx > x && lx+w > x+textW {
			lx = x
			y += rowH + 6
		}
		cx, cy := lx+legendIconW/2, y+rowH/2
		pt := painter{dx: cx - ic.obj.Pos.X, dy: cy - ic.h + ic.obj.Pos.Y, h: ic.h}
		item := &group{ID: "legend-" + ic.id, Class: "legend-item " + ic.class, Items: pt.items(ic.obj.Ops, false)}
		item.Items = append(item.Items, &text{X: lx + legendIconW + 5, Y: cy + 0.38*legendSize, Size: legendSize, Color: diagram.TextColor, S: ic.label})
		leg.Items = append(leg.Items, item)
		lx += w + legendGap
	}
	if len(icons) > 0 {
		sc.Groups = append(sc.Groups, leg)
		y += rowH + sectionGap
	}

	// Footnotes, then the source line.
	if len(d.Footnotes) > 0 {
		fn := &group{ID: "footnotes", Class: "footnotes"}
		for _, f := range d.Footnotes {
			mark := fmt.Sprintf("[%d] ", f.N)
			indent := textwidth.Width(mark, noteSize, false)
			sub := &group{ID: fmt.Sprintf("footnote-%d", f.N), Class: "footnote"}
			for i, l := range textwidth.Wrap(f.Text, noteSize, false, textW-indent) {
				y += noteSize * noteLineHeight
				if i == 0 {
					sub.Items = append(sub.Items, &text{X: x, Y: y, Size: noteSize, Color: diagram.MutedColor, S: strings.TrimSpace(mark)})
				}
				sub.Items = append(sub.Items, &text{X: x + indent, Y: y, Size: noteSize, Color: diagram.MutedColor, S: l})
			}
			fn.Items = append(fn.Items, sub)
		}
		sc.Groups = append(sc.Groups, fn)
		y += sectionGap / 2
	}
	if line := d.SourceLine(); line != "" {
		src := &group{ID: "source", Class: "source"}
		for _, l := range textwidth.Wrap(line, noteSize, false, textW) {
			y += noteSize * noteLineHeight
			src.Items = append(src.Items, &text{X: x, Y: y, Size: noteSize, Color: diagram.MutedColor, S: l})
		}
		sc.Groups = append(sc.Groups, src)
	}
	sc.Width = math.Ceil(math.Max(textW, main.Width) + 2*pageMargin)
	sc.Height = math.Ceil(y + pageMargin)
	return sc, nil
}

// graphGroup turns the laid-out clusters, edges and nodes into groups named
// after the diagram's parts, with their tooltips.
func graphGroup(d *diagram.Diagram, l *layout, p painter) *group {
	g := &group{ID: "graph", Class: "graph"}
	clusters := map[string]*diagram.Cluster{}
	for i := range d.Clusters {
		clusters[d.Clusters[i].ID] = &d.Clusters[i]
	}
	for _, o := range l.Clusters {
		c := clusters[o.ID]
		if c == nil {
			continue
		}
		g.Items = append(g.Items, &group{ID: "cluster-" + c.ID, Class: "cluster", Title: c.Label, Items: p.items(o.Ops, false)})
	}
	edges := map[string]*diagram.Edge{}
	for i := range d.Edges {
		edges[d.Edges[i].ID] = &d.Edges[i]
	}
	for _, o := range l.Edges {
		e := edges[o.ID]
		if e == nil {
			continue
		}
		g.Items = append(g.Items, &group{
			ID: "edge-" + e.ID, Class: "edge " + string(e.Predicate), Title: e.Tooltip,
			Attrs: [][2]string{{"data-from", d.Nodes[e.From].ID}, {"data-to", d.Nodes[e.To].ID}},
			Items: p.items(o.Ops, true),
		})
	}
	nodes := map[string]*diagram.Node{}
	for i := range d.Nodes {
		nodes[d.Nodes[i].ID] = &d.Nodes[i]
	}
	for _, o := range l.Nodes {
		n := nodes[o.Name]
		if n == nil {
			continue
		}
		class := "node " + n.Type.Slug()
		var attrs [][2]string
		switch {
		case n.Focus:
			class += " focus"
		case n.Group():
			class += " group"
			attrs = append(attrs, [2]string{"data-members", fmt.Sprint(len(n.Members))})
		}
		if n.IRI != "" {
			attrs = append(attrs, [2]string{"data-iri", string(n.IRI)})
		}
		g.Items = append(g.Items, &group{ID: "node-" + n.ID, Class: class, Title: n.Tooltip, Attrs: attrs, Items: p.items(o.Ops, false)})
	}
	return g
}

// icon is a legend entry: a node shape laid out by Graphviz and its name.
type icon struct {
	id, class, label string
	obj              object
	h                float64 // height of the legend layout
}

// legendIcons lays out one small node per type in the diagram (and one for
// the groups of collapsed entities, if any) so the legend shows the shapes
// exactly as the diagram draws them.
func legendIcons(ctx context.Context, d *diagram.Diagram) ([]icon, error) {
	type entry struct {
		id, class, label string
		st               diagram.NodeStyle
	}
	var entries []entry
	for _, t := range d.Legend {
		entries = append(entries, entry{"type-" + t.Slug(), t.Slug(), t.Label(), diagram.TypeStyle(t)})
	}
	for i := range d.Nodes {
		if d.Nodes[i].Group() {
			entries = append(entries, entry{"group", "group", "合并的节点", diagram.StyleOf(&diagram.Node{Type: graph.Enterprise, Members: d.Nodes[i].Members[:1]})})
			break
		}
	}
	if len(entries) == 0 {
		return nil, nil
	}
	var b strings.Builder
	b.WriteString("graph legend {\n  graph [pad=0, margin=0, nodesep=0.2];\n")
	// An empty label would do, but the WebAssembly build's DOT reader drops
	// empty attribute values and labels the node with its name instead.
	fmt.Fprintf(&b, "  node [label=\" \", fixedsize=true, width=%g, height=%g];\n", (legendIconW-2)/72.0, (legendIconH-2)/72.0)
	for i, e := range entries {
		style := "filled"
		if e.st.Dashed {
			style += ",dashed"
		}
		if e.st.Shape == "box" {
			style += ",rounded"
		}
		fmt.Fprintf(&b, "  l%d [shape=%s, style=%q, fillcolor=%q, color=%q, penwidth=%g];\n", i, e.st.Shape, style, e.st.Fill, e.st.Border, math.Min(e.st.Width, 1.2))
	}
	b.WriteString("}\n")
	l, err := runLayout(ctx, []byte(b.String()))
	if err != nil {
		return nil, err
	}
	byName := map[string]object{}
	for _, o := range l.Nodes {
		byName[o.Name] = o
	}
	out := make([]icon, len(entries))
	for i, e := range entries {
		out[i] = icon{id: e.id, class: e.class, label: e.label, obj: byName[fmt.Sprintf("l%d", i)], h: l.Height}
	}
	return out, nil
}
