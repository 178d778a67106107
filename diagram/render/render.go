// Package render draws a diagram.Diagram: Graphviz (compiled to WebAssembly
// and linked into the binary through github.com/goccy/go-graphviz) lays it
// out left to right, and the drawing is set with its title above and its
// legend, footnotes and source line below, then written as SVG, as PNG or
// as the DOT it was laid out from.
//
// SVG keeps text as text in the font list of Noto Sans CJK SC and its
// look-alikes; every node, edge and cluster is a <g> with an id ("node-n0",
// "edge-e3", "cluster-c1"), classes by type or predicate for styling, and a
// <title> tooltip with the entity's facts or the relation's evidence. PNG is
// painted in Go with a CJK font found on the machine, at any resolution.
// Output is deterministic: the same diagram gives the same bytes.
package render

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"parkgraph/diagram"
)

// Format is an output format.
type Format string

const (
	SVG Format = "svg"
	PNG Format = "png"
	DOT Format = "dot"
)

// FormatOf returns the format a file name asks for by its extension.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".svg":
		return SVG, nil
	case ".png":
		return PNG, nil
	case ".dot", ".gv":
		return DOT, nil
	}
	return "", fmt.Errorf("%s: unknown diagram format %q (want .svg, .png or .dot)", path, filepath.Ext(path))
}

// Options control rendering.
type Options struct {
	Format Format
	DPI    float64 // PNG resolution; 0 means DefaultDPI
	Font   string  // PNG: a font file with Chinese glyphs; "" to look for one
}

// Write renders the diagram to w.
func Write(ctx context.Context, w io.Writer, d *diagram.Diagram, opt Options) error {
	switch opt.Format {
	case DOT:
		return diagram.WriteDOT(w, d)
	case SVG, PNG:
	default:
		return fmt.Errorf("unknown diagram format %q (want svg, png or dot)", opt.Format)
	}
	dpi := opt.DPI
	if dpi == 0 {
		dpi = DefaultDPI
	}
	if dpi < 10 || dpi > 1200 {
		return fmt.Errorf("dpi %g: want 10 to 1200", opt.DPI)
	}
	// Find the font before the layout, so a missing one fails fast.
	var f *cjkFont
	if opt.Format == PNG {
		var err error
		if f, err = openCJKFont(opt.Font); err != nil {
			return err
		}
		defer f.Close()
	}
	sc, err := buildScene(ctx, d)
	if err != nil {
		return err
	}
	if opt.Format == SVG {
		return writeSVG(w, sc)
	}
	return writePNG(w, sc, dpi, f)
}

// WriteFile renders the diagram to a file, through a temporary file in the
// same folder so that a failed write leaves no half a file behind.
func WriteFile(ctx context.Context, path string, d *diagram.Diagram, opt Options) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriter(tmp)
	if err := Write(ctx, bw, d, opt); err != nil {
		tmp.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
