package render

import (
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"

	"github.com/fogleman/gg"
)

// DefaultDPI is the PNG resolution unless told: twice a screen's 72 points
// per inch is sharp on high-density screens and in print up to a small size.
const DefaultDPI = 144

// maxPixels bounds a PNG's size (about 400 MB of memory while drawing).
const maxPixels = 100_000_000

// writePNG paints the scene at dpi dots per inch with the given font.
func writePNG(w io.Writer, sc *scene, dpi float64, f *cjkFont) error {
	k := dpi / 72
	wpx, hpx := int(math.Ceil(sc.Width*k)), int(math.Ceil(sc.Height*k))
	if float64(wpx)*float64(hpx) > maxPixels {
		return fmt.Errorf("png of %d×%d pixels is too large at %g dpi; lower --dpi or write SVG", wpx, hpx, dpi)
	}
	dc := gg.NewContext(wpx, hpx)
	dc.SetColor(color.White)
	dc.Clear()
	p := &pngPainter{dc: dc, k: k, font: f}
	for _, g := range sc.Groups {
		if err := p.group(g); err != nil {
			return err
		}
	}
	// Fast compression: the default level takes three times as long for
	// files about a fifth smaller.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(w, dc.Image())
}

type pngPainter struct {
	dc   *gg.Context
	k    float64
	font *cjkFont
}

func (p *pngPainter) group(g *group) error {
	for _, it := range g.Items {
		var err error
		switch it := it.(type) {
		case *group:
			err = p.group(it)
		case *shape:
			p.shape(it)
		case *text:
			err = p.text(it)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (p *pngPainter) shape(s *shape) {
	dc, k := p.dc, p.k
	dc.NewSubPath()
	switch s.Kind {
	case polygon, polyline:
		dc.MoveTo(s.Pts[0].X*k, s.Pts[0].Y*k)
		for _, q := range s.Pts[1:] {
			dc.LineTo(q.X*k, q.Y*k)
		}
		if s.Kind == polygon {
			dc.ClosePath()
		}
	case bezier:
		dc.MoveTo(s.Pts[0].X*k, s.Pts[0].Y*k)
		for i := 1; i+2 < len(s.Pts); i += 3 {
			dc.CubicTo(s.Pts[i].X*k, s.Pts[i].Y*k, s.Pts[i+1].X*k, s.Pts[i+1].Y*k, s.Pts[i+2].X*k, s.Pts[i+2].Y*k)
		}
		if s.Closed {
			dc.ClosePath()
		}
	case ellipse:
		dc.DrawEllipse(s.Pts[0].X*k, s.Pts[0].Y*k, s.Pts[1].X*k, s.Pts[1].Y*k)
	case rect:
		dc.DrawRoundedRectangle(s.Pts[0].X*k, s.Pts[0].Y*k, s.Pts[1].X*k, s.Pts[1].Y*k, 2*k)
	}
	if s.Fill != "" {
		c := parseColor(s.Fill)
		if s.Opaque > 0 && s.Opaque < 1 {
			c.A = uint8(float64(c.A) * s.Opaque)
		}
		dc.SetColor(c)
		if s.Stroke != "" {
			dc.FillPreserve()
		} else {
			dc.Fill()
		}
	}
	if s.Stroke != "" {
		dc.SetColor(parseColor(s.Stroke))
		dc.SetLineWidth(s.Width * k)
		if len(s.Dash) > 0 {
			d := make([]float64, len(s.Dash))
			for i, v := range s.Dash {
				d[i] = v * k
			}
			dc.SetDash(d...)
		} else {
			dc.SetDash()
		}
		dc.Stroke()
	}
	dc.ClearPath()
}

func (p *pngPainter) text(t *text) error {
	face, err := p.font.face(t.Size*p.k, t.Bold)
	if err != nil {
		return err
	}
	dc := p.dc
	dc.SetFontFace(face)
	dc.SetColor(parseColor(t.Color))
	x := t.X * p.k
	if t.Anchor == middle {
		w, _ := dc.MeasureString(t.S)
		x -= w / 2
	}
	dc.DrawString(t.S, x, t.Y*p.k)
	return nil
}

// parseColor reads "#rrggbb" or "#rrggbbaa"; anything else is black.
func parseColor(s string) color.NRGBA {
	c := color.NRGBA{A: 255}
	if len(s) != 7 && len(s) != 9 || s[0] != '#' {
		return c
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return c
	}
	if len(s) == 9 {
		c.A = uint8(v)
		v >>= 8
	}
	c.R, c.G, c.B = uint8(v>>16), uint8(v>>8), uint8(v)
	return c
}
