package render

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// fontFamily is the CSS font list of the SVG: Noto Sans CJK SC, which the
// labels are measured for, then fonts of the same metrics on other systems.
const fontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Source Han Sans CN', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"

// writeSVG writes the scene as a standalone SVG 1.1 document. Text stays
// text (selectable, searchable, restyleable); every part is a <g> with an
// id, classes and a <title> tooltip.
func writeSVG(w io.Writer, sc *scene) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
	fmt.Fprintf(bw, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%spt\" height=\"%spt\" viewBox=\"0 0 %s %s\" font-family=\"%s\">\n",
		num(sc.Width), num(sc.Height), num(sc.Width), num(sc.Height), esc(fontFamily))
	fmt.Fprintf(bw, "<title>%s</title>\n", esc(sc.Title))
	if sc.Desc != "" {
		fmt.Fprintf(bw, "<desc>%s</desc>\n", esc(sc.Desc))
	}
	fmt.Fprintf(bw, "<rect id=\"background\" width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n", num(sc.Width), num(sc.Height))
	for _, g := range sc.Groups {
		writeGroup(bw, g, "")
	}
	bw.WriteString("</svg>\n")
	return bw.Flush()
}

func writeGroup(w *bufio.Writer, g *group, indent string) {
	fmt.Fprintf(w, "%s<g", indent)
	if g.ID != "" {
		fmt.Fprintf(w, " id=\"%s\"", esc(g.ID))
	}
	if g.Class != "" {
		fmt.Fprintf(w, " class=\"%s\"", esc(g.Class))
	}
	for _, a := range g.Attrs {
		fmt.Fprintf(w, " %s=\"%s\"", a[0], esc(a[1]))
	}
	w.WriteString(">\n")
	in := indent + "  "
	if g.Title != "" {
		fmt.Fprintf(w, "%s<title>%s</title>\n", in, esc(g.Title))
	}
	for _, it := range g.Items {
		switch it := it.(type) {
		case *group:
			writeGroup(w, it, in)
		case *shape:
			writeShape(w, it, in)
		case *text:
			writeText(w, it, in)
		}
	}
	fmt.Fprintf(w, "%s</g>\n", indent)
}

func writeShape(w *bufio.Writer, s *shape, indent string) {
	w.WriteString(indent)
	switch s.Kind {
	case polygon:
		fmt.Fprintf(w, "<polygon points=\"%s\"", points(s.Pts))
	case polyline:
		fmt.Fprintf(w, "<polyline points=\"%s\"", points(s.Pts))
	case bezier:
		var d strings.Builder
		fmt.Fprintf(&d, "M%s,%s", num(s.Pts[0].X), num(s.Pts[0].Y))
		for i := 1; i+2 < len(s.Pts); i += 3 {
			fmt.Fprintf(&d, " C%s,%s %s,%s %s,%s", num(s.Pts[i].X), num(s.Pts[i].Y), num(s.Pts[i+1].X), num(s.Pts[i+1].Y), num(s.Pts[i+2].X), num(s.Pts[i+2].Y))
		}
		if s.Closed {
			d.WriteString(" Z")
		}
		fmt.Fprintf(w, "<path d=\"%s\"", d.String())
	case ellipse:
		fmt.Fprintf(w, "<ellipse cx=\"%s\" cy=\"%s\" rx=\"%s\" ry=\"%s\"", num(s.Pts[0].X), num(s.Pts[0].Y), num(s.Pts[1].X), num(s.Pts[1].Y))
	case rect:
		fmt.Fprintf(w, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"2\"", num(s.Pts[0].X), num(s.Pts[0].Y), num(s.Pts[1].X), num(s.Pts[1].Y))
	}
	writePaint(w, "fill", s.Fill)
	if s.Opaque > 0 && s.Opaque < 1 {
		fmt.Fprintf(w, " fill-opacity=\"%s\"", num(s.Opaque))
	}
	writePaint(w, "stroke", s.Stroke)
	if s.Stroke != "" {
		if s.Width != 1 {
			fmt.Fprintf(w, " stroke-width=\"%s\"", num(s.Width))
		}
		if len(s.Dash) > 0 {
			var parts []string
			for _, v := range s.Dash {
				parts = append(parts, num(v))
			}
			fmt.Fprintf(w, " stroke-dasharray=\"%s\"", strings.Join(parts, ","))
		}
	}
	w.WriteString("/>\n")
}

// writePaint writes a fill or stroke colour, splitting off an alpha channel.
func writePaint(w *bufio.Writer, attr, c string) {
	if c == "" {
		fmt.Fprintf(w, " %s=\"none\"", attr)
		return
	}
	if len(c) == 9 && c[0] == '#' {
		if a, err := strconv.ParseUint(c[7:], 16, 8); err == nil {
			fmt.Fprintf(w, " %s=\"%s\" %s-opacity=\"%s\"", attr, c[:7], attr, num(float64(a)/255))
			return
		}
	}
	fmt.Fprintf(w, " %s=\"%s\"", attr, esc(c))
}

func writeText(w *bufio.Writer, t *text, indent string) {
	fmt.Fprintf(w, "%s<text x=\"%s\" y=\"%s\"", indent, num(t.X), num(t.Y))
	if t.Anchor == middle {
		w.WriteString(" text-anchor=\"middle\"")
	}
	fmt.Fprintf(w, " font-size=\"%s\"", num(t.Size))
	if t.Bold {
		w.WriteString(" font-weight=\"bold\"")
	}
	fmt.Fprintf(w, " fill=\"%s\">%s</text>\n", esc(t.Color), esc(t.S))
}

func points(ps []point) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(p.X) + "," + num(p.Y))
	}
	return b.String()
}

// num formats a coordinate with at most two decimals.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// esc escapes text for XML character data and attribute values, dropping
// characters XML 1.0 forbids.
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\n':
			b.WriteString("&#10;")
		case r == '\t' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r == 0xfffe || r == 0xffff || (r >= 0xd800 && r <= 0xdfff):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
