package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"

	"parkgraph/diagram"
	"parkgraph/diagram/diagramtest"
	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/internal/testenv"
)

var (
	seedOnce sync.Once
	seedSnap *graph.Snapshot
)

// seeds returns the seed articles' graph, read once per test binary.
func seeds(t testing.TB) *graph.Snapshot {
	seedOnce.Do(func() { seedSnap = diagramtest.Seeds(t, filepath.Join(testenv.RepoRoot(t), "seeds")) })
	return seedSnap
}

func build(t testing.TB, s *graph.Snapshot, opt diagram.Options) *diagram.Diagram {
	t.Helper()
	d, err := diagram.Build(s, opt)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func render(t testing.TB, d *diagram.Diagram, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), &buf, d, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// svgText is one <text> element of an SVG with the ids of the groups
// around it, innermost first.
type svgText struct {
	x, y, size float64
	middle     bool
	bold       bool
	s          string
	groups     []string
}

// svgShape is the bounding box of a drawn outline and its groups.
type svgShape struct {
	x0, y0, x1, y1 float64
	groups         []string
}

type svgDoc struct {
	texts  []svgText
	shapes []svgShape
	titles map[string]string // group id → its <title>
	ids    []string
}

// parseSVG reads an SVG with encoding/xml, independently of the writer.
func parseSVG(t *testing.T, data []byte) *svgDoc {
	t.Helper()
	doc := &svgDoc{titles: map[string]string{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []string // group ids
	var cur *svgText
	var inTitle bool
	var title strings.Builder
	attr := func(e xml.StartElement, name string) string {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	f := func(e xml.StartElement, name string) float64 {
		v, _ := strconv.ParseFloat(attr(e, name), 64)
		return v
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "g":
				id := attr(e, "id")
				stack = append([]string{id}, stack...)
				if id != "" {
					doc.ids = append(doc.ids, id)
				}
			case "title":
				inTitle = true
				title.Reset()
			case "text":
				cur = &svgText{x: f(e, "x"), y: f(e, "y"), size: f(e, "font-size"), middle: attr(e, "text-anchor") == "middle",
					bold: attr(e, "font-weight") == "bold", groups: append([]string(nil), stack...)}
			case "polygon", "polyline":
				sh := svgShape{x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1), groups: append([]string(nil), stack...)}
				for _, p := range strings.Fields(attr(e, "points")) {
					var x, y float64
					fmt.Sscanf(p, "%g,%g", &x, &y)
					sh.x0, sh.y0, sh.x1, sh.y1 = math.Min(sh.x0, x), math.Min(sh.y0, y), math.Max(sh.x1, x), math.Max(sh.y1, y)
				}
				doc.shapes = append(doc.shapes, sh)
			case "path":
				sh := svgShape{x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1), groups: append([]string(nil), stack...)}
				for _, p := range strings.Fields(strings.NewReplacer("M", " ", "C", " ", "Z", " ").Replace(attr(e, "d"))) {
					var x, y float64
					fmt.Sscanf(p, "%g,%g", &x, &y)
					sh.x0, sh.y0, sh.x1, sh.y1 = math.Min(sh.x0, x), math.Min(sh.y0, y), math.Max(sh.x1, x), math.Max(sh.y1, y)
				}
				doc.shapes = append(doc.shapes, sh)
			case "ellipse":
				cx, cy, rx, ry := f(e, "cx"), f(e, "cy"), f(e, "rx"), f(e, "ry")
				doc.shapes = append(doc.shapes, svgShape{cx - rx, cy - ry, cx + rx, cy + ry, append([]string(nil), stack...)})
			}
		case xml.CharData:
			if cur != nil {
				cur.s += string(e)
			}
			if inTitle {
				title.Write(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "g":
				stack = stack[1:]
			case "title":
				inTitle = false
				if len(stack) > 0 {
					doc.titles[stack[0]] = title.String()
				}
			case "text":
				doc.texts = append(doc.texts, *cur)
				cur = nil
			}
		}
	}
	return doc
}

// notoFaces loads Noto Sans CJK SC from the system, to measure the SVG's
// text with the font itself rather than with package textwidth's tables.
func notoFaces(t *testing.T) (regular, bold font.Face) {
	t.Helper()
	load := func(path string) font.Face {
		data, err := os.ReadFile(path)
		if err != nil {
			testenv.Missing(t, "fonts-noto-cjk", err.Error())
		}
		c, err := opentype.ParseCollection(data)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		for i := 0; i < c.NumFonts(); i++ {
			f, _ := c.Font(i)
			if name, _ := f.Name(&buf, sfnt.NameIDFamily); name == "Noto Sans CJK SC" {
				face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 100, DPI: 72, Hinting: font.HintingNone})
				if err != nil {
					t.Fatal(err)
				}
				return face
			}
		}
		t.Fatalf("%s has no Noto Sans CJK SC", path)
		return nil
	}
	return load("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"), load("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")
}

type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box, tol float64) bool {
	return a.x0 < b.x1-tol && b.x0 < a.x1-tol && a.y0 < b.y1-tol && b.y0 < a.y1-tol
}

func textBox(tx svgText, regular, bold font.Face) box {
	face := regular
	if tx.bold {
		face = bold
	}
	w := float64(font.MeasureString(face, tx.s)) / 64 / 100 * tx.size
	x0 := tx.x
	if tx.middle {
		x0 -= w / 2
	}
	// The em box of the ideographs: 0.88 em above the baseline, 0.12 below.
	return box{x0, tx.y - 0.88*tx.size, x0 + w, tx.y + 0.12*tx.size}
}

func inGroup(groups []string, prefix string) string {
	for _, g := range groups {
		if strings.HasPrefix(g, prefix) {
			return g
		}
	}
	return ""
}

// checkSVG checks a rendered diagram: no two lines of text overlap, each
// node's text lies inside its shape and clear of other nodes, every label
// of the model is there as text, and every node and edge has an id and a
// tooltip.
func checkSVG(t *testing.T, d *diagram.Diagram, svg []byte) {
	t.Helper()
	doc := parseSVG(t, svg)
	regular, bold := notoFaces(t)
	boxes := make([]box, len(doc.texts))
	for i, tx := range doc.texts {
		boxes[i] = textBox(tx, regular, bold)
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			if boxes[i].overlaps(boxes[j], 0.5) {
				t.Errorf("labels overlap: %q at %.1f,%.1f and %q at %.1f,%.1f", doc.texts[i].s, doc.texts[i].x, doc.texts[i].y, doc.texts[j].s, doc.texts[j].x, doc.texts[j].y)
			}
		}
	}
	// Node outlines: the first shape of each node group.
	outline := map[string]box{}
	for _, sh := range doc.shapes {
		if g := inGroup(sh.groups, "node-"); g != "" {
			if _, ok := outline[g]; !ok {
				outline[g] = box{sh.x0, sh.y0, sh.x1, sh.y1}
			}
		}
	}
	for i, tx := range doc.texts {
		b := boxes[i]
		if g := inGroup(tx.groups, "node-"); g != "" {
			o := outline[g]
			if b.x0 < o.x0-0.5 || b.x1 > o.x1+0.5 || b.y0 < o.y0-0.5 || b.y1 > o.y1+0.5 {
				t.Errorf("%s: text %q (%.1f–%.1f, %.1f–%.1f) sticks out of its shape (%.1f–%.1f, %.1f–%.1f)", g, tx.s, b.x0, b.x1, b.y0, b.y1, o.x0, o.x1, o.y0, o.y1)
			}
			for other, o := range outline {
				if other != g && b.overlaps(o, 0.5) {
					t.Errorf("text %q of %s runs into %s", tx.s, g, other)
				}
			}
		}
		if g := inGroup(tx.groups, "edge-"); g != "" {
			for node, o := range outline {
				if b.overlaps(o, 0.5) {
					t.Errorf("edge label %q of %s runs into %s", tx.s, g, node)
				}
			}
		}
	}

	// Every label is present as text, character for character.
	var all strings.Builder
	lines := map[string]bool{}
	for _, tx := range doc.texts {
		all.WriteString(tx.s)
		lines[tx.s] = true
	}
	want := []string{d.Title}
	for _, n := range d.Nodes {
		want = append(want, n.Lines...)
		for _, l := range n.Lines {
			if !lines[l] {
				t.Errorf("no text element holds the label line %q", l)
			}
		}
	}
	for _, e := range d.Edges {
		want = append(want, e.Label)
		if !lines[e.Label] {
			t.Errorf("no text element holds the edge label %q", e.Label)
		}
	}
	for _, c := range d.Clusters {
		want = append(want, c.Label)
	}
	for _, ty := range d.Legend {
		want = append(want, ty.Label())
	}
	want = append(want, d.Subtitle, d.SourceLine())
	have := all.String()
	for _, s := range want {
		for _, r := range s {
			if unicode.Is(unicode.Han, r) && !strings.ContainsRune(have, r) {
				t.Errorf("the character %q of %q is not in the SVG's text", r, s)
			}
		}
	}

	// Ids and tooltips.
	ids := map[string]bool{}
	for _, id := range doc.ids {
		if ids[id] {
			t.Errorf("id %q is used twice", id)
		}
		ids[id] = true
	}
	for _, n := range d.Nodes {
		if title := doc.titles["node-"+n.ID]; title == "" || !strings.Contains(title, strings.Split(n.Tooltip, "\n")[0]) {
			t.Errorf("node-%s has tooltip %q, want %q", n.ID, title, n.Tooltip)
		}
	}
	for _, e := range d.Edges {
		if title := doc.titles["edge-"+e.ID]; title != e.Tooltip {
			t.Errorf("edge-%s has tooltip %q, want %q", e.ID, title, e.Tooltip)
		}
	}
	for _, id := range []string{"title", "graph", "legend", "source"} {
		if !ids[id] {
			t.Errorf("no group with id %q", id)
		}
	}
}

func TestSeedParks(t *testing.T) {
	s := seeds(t)
	for _, park := range diagramtest.SeedParks {
		for _, opt := range []diagram.Options{
			{Ego: park, MaxNodes: 40},
			{Ego: park, Depth: 2, MaxNodes: 40, Cluster: diagram.ClusterByType},
		} {
			t.Run(fmt.Sprintf("%s/depth%d", park, max(opt.Depth, 1)), func(t *testing.T) {
				d := build(t, s, opt)
				checkSVG(t, d, render(t, d, Options{Format: SVG}))
			})
		}
	}
}

func TestPathDiagram(t *testing.T) {
	s := seeds(t)
	d := build(t, s, diagram.Options{From: "江西赣锋锂业集团股份有限公司", To: "江西省科技厅", MaxPaths: 3})
	if len(d.Footnotes) == 0 {
		t.Fatal("a path diagram without footnotes")
	}
	svg := render(t, d, Options{Format: SVG})
	checkSVG(t, d, svg)
	doc := parseSVG(t, svg)
	var notes strings.Builder
	for _, tx := range doc.texts {
		if inGroup(tx.groups, "footnote-") != "" {
			notes.WriteString(tx.s)
		}
	}
	for _, f := range d.Footnotes {
		if !strings.Contains(notes.String(), strings.ReplaceAll(f.Text, " ", "")) && !strings.Contains(notes.String(), f.Text[:30]) {
			t.Errorf("footnote %d is not printed: %q", f.N, f.Text)
		}
	}
}

func TestCollapsedHub(t *testing.T) {
	s := diagramtest.Hub(2000)
	analysis.Analyze(s, analysis.DefaultOptions())
	d := build(t, s, diagram.Options{Ego: diagramtest.HubName, MaxNodes: 40})
	svg := render(t, d, Options{Format: SVG})
	checkSVG(t, d, svg)
	doc := parseSVG(t, svg)
	nodes := 0
	for _, id := range doc.ids {
		if strings.HasPrefix(id, "node-") {
			nodes++
		}
	}
	if nodes > 40 {
		t.Errorf("%d nodes drawn, want at most 40", nodes)
	}
	found := false
	for _, tx := range doc.texts {
		if strings.HasPrefix(tx.s, "+") && strings.HasSuffix(tx.s, " 家企业") && inGroup(tx.groups, "node-") != "" {
			found = true
		}
	}
	if !found {
		t.Error(`no "+N 家企业" node in the SVG`)
	}
}

func TestAwkwardNames(t *testing.T) {
	// Quotes, ampersands, angle brackets, control characters, emoji.
	s := diagramtest.Awkward()
	d := build(t, s, diagram.Options{Ego: "云岭高新区", Depth: 2, Cluster: diagram.ClusterByCommunity})
	svg := render(t, d, Options{Format: SVG})
	parseSVG(t, svg)
	if !bytes.Contains(svg, []byte("青禾&quot;智造&quot;科技&amp;&lt;有限&gt;公司")) {
		t.Error("a name with quotes, & and <> is not escaped as expected")
	}
}

func TestPNG(t *testing.T) {
	s := seeds(t)
	f, err := openCJKFont("")
	if err != nil {
		testenv.Missing(t, "a CJK font (fonts-noto-cjk)", err.Error())
	}
	defer f.Close()
	var buf sfnt.Buffer
	for _, park := range diagramtest.SeedParks {
		t.Run(park, func(t *testing.T) {
			d := build(t, s, diagram.Options{Ego: park, Depth: 2})
			data := render(t, d, Options{Format: PNG, DPI: 96})
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			sc, err := buildScene(context.Background(), d)
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != int(math.Ceil(sc.Width*96/72)) || b.Dy() != int(math.Ceil(sc.Height*96/72)) {
				t.Errorf("PNG is %v, want %.0f×%.0f points at 96 dpi", b, sc.Width, sc.Height)
			}
			// The font has a glyph for every character drawn.
			for _, n := range d.Nodes {
				for _, r := range n.Name + d.Title {
					if g, err := f.regular.GlyphIndex(&buf, r); err != nil || g == 0 {
						t.Errorf("the PNG font has no glyph for %q", r)
					}
				}
			}
			// The title is drawn: dark pixels where its first line is.
			dark := 0
			for y := int(pageMargin * 96 / 72); y < int((pageMargin+titleSize)*96/72); y++ {
				for x := 0; x < img.Bounds().Dx(); x++ {
					if r, _, _, _ := img.At(x, y).RGBA(); r < 0x4000 {
						dark++
					}
				}
			}
			if dark < 50 {
				t.Errorf("only %d dark pixels where the title should be", dark)
			}
		})
	}
}

func TestNoFont(t *testing.T) {
	known, dirs := knownFonts, fontDirs
	knownFonts, fontDirs = nil, nil
	defer func() { knownFonts, fontDirs = known, dirs }()
	t.Setenv(FontEnv, "")
	d := build(t, seeds(t), diagram.Options{Ego: "新余高新区"})
	err := Write(context.Background(), io.Discard, d, Options{Format: PNG})
	if !errors.Is(err, ErrNoCJKFont) || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "svg") {
		t.Errorf("PNG without a CJK font: %v", err)
	}
	// SVG needs no font.
	if err := Write(context.Background(), io.Discard, d, Options{Format: SVG}); err != nil {
		t.Errorf("SVG without a CJK font: %v", err)
	}
	// A font file given that has no Chinese glyphs is refused by name.
	t.Setenv(FontEnv, filepath.Join(testenv.RepoRoot(t), "go.mod"))
	if err := Write(context.Background(), io.Discard, d, Options{Format: PNG}); err == nil || !strings.Contains(err.Error(), "go.mod") {
		t.Errorf("PNG with a bad font file: %v", err)
	}
}

// TestDeterministic renders the same diagrams twice from freshly read and
// analysed graphs and wants the same bytes.
func TestDeterministic(t *testing.T) {
	formats := []Options{{Format: SVG}, {Format: DOT}}
	if f, err := openCJKFont(""); err == nil {
		f.Close()
		formats = append(formats, Options{Format: PNG, DPI: 72})
	}
	out := func() [][]byte {
		s := diagramtest.Seeds(t, filepath.Join(testenv.RepoRoot(t), "seeds"))
		hub := diagramtest.Hub(500)
		analysis.Analyze(hub, analysis.DefaultOptions())
		var all [][]byte
		for _, d := range []*diagram.Diagram{
			build(t, s, diagram.Options{Ego: "新余高新区", Depth: 2, Cluster: diagram.ClusterByCommunity}),
			build(t, s, diagram.Options{From: "江西赣锋锂业集团股份有限公司", To: "江西省科技厅"}),
			build(t, hub, diagram.Options{Ego: diagramtest.HubName, MaxNodes: 25, Cluster: diagram.ClusterByType}),
		} {
			for _, f := range formats {
				all = append(all, render(t, d, f))
			}
		}
		return all
	}
	a, b := out(), out()
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Errorf("output %d differs between two runs", i)
		}
	}
}

func TestWriteFile(t *testing.T) {
	d := build(t, seeds(t), diagram.Options{Ego: "随州高新区"})
	dir := t.TempDir()
	for _, name := range []string{"a.svg", "a.dot"} {
		f, err := FormatOf(name)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := WriteFile(context.Background(), path, d, Options{Format: f}); err != nil {
			t.Fatal(err)
		}
		if data, err := os.ReadFile(path); err != nil || len(data) == 0 {
			t.Errorf("%s: %v, %d bytes", name, err, len(data))
		}
	}
	if _, err := FormatOf("a.pdf"); err == nil {
		t.Error("FormatOf accepts .pdf")
	}
	err := WriteFile(context.Background(), filepath.Join(dir, "no", "such", "a.svg"), d, Options{Format: SVG})
	if err == nil || !strings.Contains(err.Error(), "a.svg") {
		t.Errorf("writing into a missing folder: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}
