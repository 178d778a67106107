package render

import (
	"strconv"
	"strings"

	"parkgraph/diagram/textwidth"
)

// scene is a finished picture in points, y growing downwards: groups of
// shapes and text that the SVG writer and the PNG painter draw alike.
type scene struct {
	Width, Height float64
	Title         string // the document title (SVG <title>)
	Desc          string
	Groups        []*group
}

// group is a part of the picture with an id, classes and a tooltip.
type group struct {
	ID    string
	Class string
	Title string      // tooltip
	Attrs [][2]string // further attributes (data-iri, …)
	Items []any       // *shape, *text or *group
}

type shapeKind int

const (
	polygon  shapeKind = iota // closed, straight sides
	polyline                  // open, straight segments
	bezier                    // cubic Bézier: start point, then three points a segment
	ellipse                   // Pts[0] the centre, Pts[1] the radii
	rect                      // Pts[0] the top left corner, Pts[1] width and height
)

// shape is one outline, filled and/or stroked.
type shape struct {
	Kind   shapeKind
	Pts    []point
	Closed bool    // a bezier that ends where it starts
	Fill   string  // "#rrggbb" or "#rrggbbaa"; "" for none
	Stroke string  // "" for none
	Width  float64 // stroke width
	Dash   []float64
	Opaque float64 // fill opacity when not 1 (label backgrounds); 0 means 1
}

// anchor is where a text's x lies on it.
type anchor int

const (
	start anchor = iota
	middle
)

// text is one line of text on its baseline.
type text struct {
	X, Y   float64
	Anchor anchor
	Size   float64
	Bold   bool
	Color  string
	S      string
}

// box returns the text's extent as Noto Sans CJK sets it.
func (t *text) box() (x0, y0, x1, y1 float64) {
	w := textwidth.Width(t.S, t.Size, t.Bold)
	x0 = t.X
	if t.Anchor == middle {
		x0 -= w / 2
	}
	return x0, t.Y - textwidth.Ascent*t.Size, x0 + w, t.Y + textwidth.Descent*t.Size
}

// painter turns Graphviz's drawing operations into scene items, moving them
// from Graphviz's coordinates (y up, origin at the bottom left of a drawing
// of height h) to the scene's at (dx, dy).
type painter struct {
	dx, dy, h float64
}

func (p painter) pt(x, y float64) point { return point{p.dx + x, p.dy + p.h - y} }

// items converts a list of operations. Closed Béziers are filled when a fill
// colour is set (Graphviz draws rounded shapes so), and with labelBG each
// text gets a translucent white box behind it so edges do not run through
// it.
func (p painter) items(ops []op, labelBG bool) []any {
	var out []any
	pen, fill := "#000000", ""
	width := 1.0
	var dash []float64
	size, bold := 14.0, false
	stroke := func() string { return visible(pen) }
	for _, o := range ops {
		switch o.Op {
		case "c":
			pen = o.Color
		case "C":
			fill = o.Color
		case "S":
			switch {
			case o.Style == "solid":
				dash = nil
			case o.Style == "dashed":
				dash = []float64{5, 2}
			case o.Style == "dotted":
				dash = []float64{1, 3}
			case o.Style == "bold":
				width = 2
			case strings.HasPrefix(o.Style, "setlinewidth("):
				if v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(o.Style, "setlinewidth("), ")"), 64); err == nil {
					width = v
				}
			}
		case "F":
			size = o.Size
		case "t":
			bold = o.FontChar&1 != 0
		case "P", "p", "L", "B", "b":
			s := &shape{Stroke: stroke(), Width: width, Dash: dash}
			for _, q := range o.Points {
				s.Pts = append(s.Pts, p.pt(q[0], q[1]))
			}
			switch o.Op {
			case "P":
				s.Kind, s.Fill = polygon, visible(fill)
			case "p":
				s.Kind = polygon
			case "L":
				s.Kind = polyline
			case "b", "B":
				s.Kind = bezier
				n := len(o.Points)
				s.Closed = n > 1 && o.Points[0] == o.Points[n-1]
				if o.Op == "b" || s.Closed {
					s.Fill = visible(fill)
				}
			}
			if len(s.Pts) > 1 && (s.Fill != "" || s.Stroke != "") {
				out = append(out, s)
			}
		case "E", "e":
			if len(o.Rect) != 4 {
				continue
			}
			s := &shape{Kind: ellipse, Pts: []point{p.pt(o.Rect[0], o.Rect[1]), {o.Rect[2], o.Rect[3]}}, Stroke: stroke(), Width: width, Dash: dash}
			if o.Op == "E" {
				s.Fill = visible(fill)
			}
			out = append(out, s)
		case "T":
			if len(o.Pt) != 2 || strings.TrimSpace(o.Text) == "" {
				continue
			}
			// Graphviz places the text by its own guess of the width; the
			// middle of that guess is the middle of the line.
			x := o.Pt[0]
			switch o.Align {
			case "l":
				x += o.Width / 2
			case "r":
				x -= o.Width / 2
			}
			at := p.pt(x, o.Pt[1])
			t := &text{X: at.X, Y: at.Y, Anchor: middle, Size: size, Bold: bold, Color: pen, S: o.Text}
			if labelBG {
				x0, y0, x1, y1 := t.box()
				out = append(out, &shape{Kind: rect, Pts: []point{{x0 - 1.5, y0 - 1}, {x1 - x0 + 3, y1 - y0 + 2}}, Fill: "#ffffff", Opaque: 0.85})
			}
			out = append(out, t)
		}
	}
	return out
}

// visible returns the colour, or "" when it is fully transparent.
func visible(c string) string {
	if c == "" || c == "transparent" || c == "none" || len(c) == 9 && strings.HasSuffix(c, "00") {
		return ""
	}
	return c
}
