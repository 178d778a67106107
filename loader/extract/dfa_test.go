package extract

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"parkgraph/internal/testenv"
)

// TestMatchTestAgreesWithRegexp checks that the match test answers as the
// regular expression engine does: every rule pattern and tail on the
// encoded sentences (and windows of sentences) of every rule example and
// the seed article, and small expressions with anchors, lazy loops and
// classes on random texts.
func TestMatchTestAgreesWithRegexp(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	mc := x.matchCaches.get()
	defer x.matchCaches.put(mc)
	compared, matched := 0, 0
	check := func(name string, mt *matchTest, re *regexp.Regexp, text string) {
		t.Helper()
		ok, known := mc.matches(mt, text)
		if mt.local != nil {
			// Read as the extractor's rune classes, the same answer.
			if ok2, known2 := mc.matchesClasses(mt, x.runeClasses.of(text)); ok2 != ok || known2 != known {
				t.Errorf("%s on %q: the match test says %v (told: %v) on the runes, %v (told: %v) on their classes", name, text, ok, known, ok2, known2)
			}
		}
		if !known {
			return
		}
		compared++
		if want := re.MatchString(text); ok != want {
			t.Errorf("%s on %q: the match test says %v, the engine %v", name, text, ok, want)
		}
		if ok {
			matched++
		}
	}
	eachPatternText(t, x, func(_ *doc, r *relRule, pi int, cur, enc *encoded) {
		if r.span >= 2 {
			check(r.name+" (tail)", r.ttests[pi], r.tails[pi], cur.text)
		}
		check(r.name, r.tests[pi], r.res[pi], enc.text)
		// A cut sentence opens or ends elsewhere: ^ and $ meet other texts.
		if h := len(enc.text) / 2; h > 0 && strings.ToValidUTF8(enc.text[h:], "") == enc.text[h:] {
			check(r.name, r.tests[pi], r.res[pi], enc.text[h:])
			check(r.name, r.tests[pi], r.res[pi], enc.text[:h])
		}
	})
	if compared < 100000 || matched < 1000 {
		t.Fatalf("compared %d answers, %d of them matches: the test checked too little", compared, matched)
	}

	exprs := []string{
		`a+b`, `^a+b`, `a+b$`, `^(?:ab|ba)*$`, `(?:a|b)*?c`, `^$`, `(?:x|)a`, `[^a\n]+b`, `.b`, `(?:a.c|b)+?$`,
		`\d{2,3}年`, `^(?:甲|乙丙)+`, `[一二三]家(?:企业)?$`, `(?:^|b)a`, `a(?:$|b)`,
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := strings.Split("abc\n1年甲乙丙一家企业", "")
	for _, expr := range exprs {
		re := regexp.MustCompile(expr)
		mt := newMatchTest(expr)
		if mt == nil {
			t.Fatalf("%s: no match test", expr)
		}
		mt.id = x.matchTests // a place of its own in the cache
		for range 3000 {
			check(expr, mt, re, testenv.RandomText(rng, alphabet, 7))
		}
		mc.tables = mc.tables[:min(len(mc.tables), x.matchTests)] // the next expression starts afresh
	}
}

// TestMatchTestsNotTold checks that expressions the automaton does not
// follow get no test: their texts go to the engine.
func TestMatchTestsNotTold(t *testing.T) {
	for _, expr := range []string{`(?i)abc`, `\bword\b`, `(?m)^a`, `a\B`} {
		if newMatchTest(expr) != nil {
			t.Errorf("%s: got a match test, want none", expr)
		}
	}
}

// TestMatchCacheBounded checks that an expression whose automaton would
// need tens of thousands of states stops at the cache's bound: past it the
// test says it does not know, and what it does tell is right.
func TestMatchCacheBounded(t *testing.T) {
	expr := `(?:a|b)*a(?:a|b){15}c` // a state for every last 16 letters
	re := regexp.MustCompile(expr)
	mt := newMatchTest(expr)
	var caches dfaCaches
	mc := caches.get()
	rng := rand.New(rand.NewPCG(3, 4))
	unknown := 0
	for range 3000 {
		var b strings.Builder
		for range 300 {
			b.WriteByte("ab"[rng.IntN(2)])
		}
		if rng.IntN(2) == 0 {
			b.WriteByte('c')
		}
		text := b.String()
		ok, known := mc.matches(mt, text)
		if !known {
			unknown++
			continue
		}
		if want := re.MatchString(text); ok != want {
			t.Fatalf("on %q: the match test says %v, the engine %v", text, ok, want)
		}
	}
	tab := mc.tables[mt.id]
	if unknown == 0 {
		t.Errorf("the test knew every answer with %d states: the bound was never met", len(tab.states))
	}
	if len(tab.next) > maxTableCells || mc.cells > maxCacheCells {
		t.Errorf("the cache holds %d transitions for one expression and %d in all, past its bounds %d and %d", len(tab.next), mc.cells, maxTableCells, maxCacheCells)
	}
}
