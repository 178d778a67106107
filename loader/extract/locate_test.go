package extract

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"parkgraph/internal/testenv"
)

// TestLocateAgreesWithFindAll checks that locating matches with the
// automata gives what the engine's search of the whole text gives, groups
// included: every rule pattern on the encoded sentences and windows of
// every rule example and the seed article, and small expressions with
// overlapping matches, lazy and greedy loops, alternatives of different
// priority and $ on random texts.
func TestLocateAgreesWithFindAll(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	compared, located, matches := 0, 0, 0
	eachPatternText(t, x, func(st *doc, r *relRule, pi int, _, enc *encoded) {
		want := r.res[pi].FindAllStringSubmatchIndex(enc.text, -1)
		got, known := st.locate(r, pi, enc)
		compared++
		if !known {
			return
		}
		located++
		matches += len(want)
		if !equalLocs(got, want) {
			t.Errorf("%s on %q: located %v, the engine finds %v", r.name, enc.text, got, want)
		}
	})
	if compared < 50000 || matches < 500 || located < compared*4/5 {
		t.Fatalf("located %d of %d texts, with %d matches: the test checked too little", located, compared, matches)
	}

	exprs := []string{
		`a+b`, `(a|ab)(c|bcd)(d*)`, `(x*?)y`, `(?:ab|a)(b?)$`, `[^a\n]+b`, `甲(.{0,3}?)乙`, `(a)|b`,
		`a.*?b`, `ab|ba`, `(a*)(a)`, `(?:a|b)+?c$`, `(甲|甲乙)(乙?丙)`,
	}
	rng := rand.New(rand.NewPCG(5, 6))
	alphabet := strings.Split("abcdxy\n甲乙丙", "")
	for _, expr := range exprs {
		st, r := locatorOf(t, expr)
		for range 4000 {
			enc := &encoded{text: testenv.RandomText(rng, alphabet, 13)}
			want := r.res[0].FindAllStringSubmatchIndex(enc.text, -1)
			// Spans read with the pattern itself, and (as long spans are)
			// with the pattern anchored.
			lc := r.locators[0]
			lc.get(st.x.runeClasses)
			for _, short := range []int{lc.shortSpan, 0} {
				built := lc.shortSpan
				lc.shortSpan = short
				got, known := st.locate(r, 0, enc)
				lc.shortSpan = built
				if !known {
					t.Fatalf("%s on %q: not located", expr, enc.text)
				}
				if !equalLocs(got, want) {
					t.Fatalf("%s on %q (spans from %d bytes anchored): located %v, the engine finds %v", expr, enc.text, short, got, want)
				}
			}
		}
	}
}

// TestLocateDeclines checks the patterns the automata do not locate: a
// start anchor (a match found after a cut would be false) and a pattern
// that matches the empty text.
func TestLocateDeclines(t *testing.T) {
	for _, expr := range []string{`^ab`, `a|^b`, `a*`, `(?:)`} {
		st, r := locatorOf(t, expr)
		if locs, known := st.locate(r, 0, &encoded{text: "aab"}); known {
			t.Errorf("%s: located %v, want the engine to search", expr, locs)
		}
	}
}

// locatorOf makes a one-pattern rule of expr and a document to locate its
// matches with, the rune classes being the pattern's own.
func locatorOf(t *testing.T, expr string) (*doc, *relRule) {
	t.Helper()
	fwd := newMatchTest(expr)
	if fwd == nil {
		t.Fatalf("%s: no match test", expr)
	}
	var caches dfaCaches
	st := &doc{x: &Extractor{runeClasses: newRuneClasses([]*matchTest{fwd})}, tests: caches.get()}
	r := &relRule{res: []*regexp.Regexp{regexp.MustCompile(expr)}, locators: []*locator{{expr: expr, revID: 1, anchoredID: 2}}}
	return st, r
}

func equalLocs(a, b [][]int) bool {
	return slices.EqualFunc(a, b, func(x, y []int) bool { return slices.Equal(x, y) })
}
