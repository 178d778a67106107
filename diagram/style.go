package diagram

import (
	"fmt"
	"math"

	"parkgraph/export"
	"parkgraph/graph"
)

// Font is the font family diagrams are measured for and name first.
const Font = export.DefaultFont

// Colours of the parts that are not entities.
const (
	TextColor      = "#1f2933"
	MutedColor     = "#5f6b76" // subtitles, source line, footnotes
	EdgeColor      = "#8a949e"
	EdgeLabelColor = "#3e4a55"
	ClusterColor   = "#b8c0c8"
)

// NodeStyle is how a node of the diagram is drawn.
type NodeStyle struct {
	Shape  string // Graphviz shape
	Fill   string // #rrggbb
	Border string
	Dashed bool
	Width  float64 // border width in points
}

// shapes differ from the whole-graph exports where a shape wastes room
// around a long Chinese label: a diamond doubles its width.
var shapes = map[graph.EntityType]string{
	graph.Park:        "house",
	graph.Enterprise:  "box",
	graph.Institution: "ellipse",
	graph.Honor:       "octagon",
	graph.Investor:    "hexagon",
	graph.Project:     "component",
}

// StyleOf returns the style of a node: the colour of its type (shared with
// the exports) as border, a light tint of it as fill, a stronger tint and a
// thicker border for the focus, a dashed border for a group.
func StyleOf(n *Node) NodeStyle {
	base := export.TypeStyle(n.Type).Color
	st := NodeStyle{Shape: shapes[n.Type], Border: base, Fill: tint(base, 0.22), Width: 1.2}
	if st.Shape == "" {
		st.Shape = "box"
	}
	switch {
	case n.Focus:
		st.Fill, st.Width = tint(base, 0.45), 2.4
	case n.Group():
		st.Fill, st.Dashed = tint(base, 0.08), true
	}
	return st
}

// TypeStyle is the style of an ordinary node of a type, as the legend shows it.
func TypeStyle(t graph.EntityType) NodeStyle {
	return StyleOf(&Node{Type: t})
}

// tint mixes a colour with white: share 1 keeps the colour, 0 gives white.
func tint(hex string, share float64) string {
	r, g, b := export.RGB(hex)
	mix := func(c int) int { return int(math.Round(255 - (255-float64(c))*share)) }
	return fmt.Sprintf("#%02x%02x%02x", mix(r), mix(g), mix(b))
}

// edgeWidth thickens an edge with the number of sentences that state it.
func edgeWidth(weight int) float64 {
	if weight <= 1 {
		return 1
	}
	return math.Min(1+0.5*math.Log2(float64(weight)), 3.5)
}
