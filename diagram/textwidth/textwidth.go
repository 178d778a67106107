// Package textwidth measures how wide a line of Chinese text is when set in
// Noto Sans CJK SC, without the font: the advance widths of every glyph
// outside the ideograph blocks are tabulated (tables.go, generated from the
// font by gen.go) and every wide or full-width character counts one em.
//
// Graphviz compiled to WebAssembly has no font engine and guesses three
// quarters of an em for every Chinese character; diagrams therefore size their
// labels with this package and hand Graphviz fixed boxes. The widths hold for
// any CJK font that sets ideographs on a square em (Source Han Sans, PingFang,
// Microsoft YaHei, WenQuanYi), which differ only in their Latin letters.
package textwidth

//go:generate go run gen.go

import (
	"sort"
	"unicode"

	"golang.org/x/text/width"
)

// Vertical metrics of the face, in ems, for placing a line of text on its
// baseline: ideographs fill the em box from Ascent above the baseline to
// Descent below it.
const (
	Ascent  = 0.88
	Descent = 0.12
	// LineHeight is the distance between the baselines of two lines of a
	// label, as Graphviz spaces the lines of a label.
	LineHeight = 1.2
)

// unknownLatin is the width assumed for a narrow character the tables do not
// know: about an average Latin letter.
const unknownLatin = 0.6

type run struct {
	lo, hi rune
	w      int // thousandths of an em
}

// Em returns the advance width of r in ems.
func Em(r rune, bold bool) float64 {
	runs := regularRuns
	if bold {
		runs = boldRuns
	}
	i := sort.Search(len(runs), func(i int) bool { return runs[i].hi >= r })
	if i < len(runs) && runs[i].lo <= r {
		return float64(runs[i].w) / 1000
	}
	switch {
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff':
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 1
	}
	if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
		return 1
	}
	return unknownLatin
}

// Width returns the width of s set on one line at size points, in points.
func Width(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += Em(r, bold)
	}
	return w * size
}
