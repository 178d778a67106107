package extract

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sync"
)

// Locating matches with automata.
//
// The regular expression engine finds a match's groups, but finding where
// a match starts costs it the most: it tries every start, and after the
// last match it searches the rest of the text in vain. On a long text (a
// window of sentences) it must also leave its backtracker for its slower
// simulation of all threads at once. A pattern without a start anchor is
// therefore given two more tests (see matchTest):
//
//   - its reverse, read from the text's end back to its start, which is in
//     a matching state exactly at the runes where a match starts;
//   - the pattern anchored at the rune it is started on, read forward, whose
//     last matching state is the furthest a match from there can end.
//
// The engine then runs once per match on the text from the match's start
// to that end, where the first start it tries holds (see
// locator.shortSpan). What it finds is what a search of the whole
// text finds, because no part of such a pattern looks outside the runes it
// reads (no ^, \b or line anchor; where it holds a $, the text's end is
// kept). Where a test does not know (too many states), the engine
// searches the whole text as before.
//
// A pattern's locator is built the first time a text passes its
// prefilters: most patterns meet few texts, and an extractor that reads one
// article starts in half the time.

// A locator holds what locates the matches of one rule pattern.
type locator struct {
	expr              string // the pattern
	revID, anchoredID int    // its tests' places in a match cache, kept by the extractor
	once              sync.Once
	rev, anchored     *matchTest // nil where the pattern is not located so
	// shortSpan: spans shorter than this go to the pattern itself, which
	// the regexp package then reads with its backtracker, trying the
	// span's start first, where the match is. On longer spans it runs all
	// threads at once, and an unanchored pattern would start one at every
	// rune until the match ends: those go to the pattern anchored at the
	// text's start, compiled when first needed.
	shortSpan    int
	anchoredOnce sync.Once
	anchoredRE   *regexp.Regexp
}

// The regexp package's backtracker takes programs of at most 500
// instructions, on texts shorter than 256K bits over the program's length.
const (
	backtrackInsts = 500
	backtrackBits  = 256 * 1024
)

// anchoredPattern returns the pattern anchored at the text's start, or nil
// where it does not compile.
func (lc *locator) anchoredPattern() *regexp.Regexp {
	lc.anchoredOnce.Do(func() {
		lc.anchoredRE, _ = regexp.Compile(`^(?:` + lc.expr + `)`)
	})
	return lc.anchoredRE
}

// get builds the locator on first use, and reports whether it has tests.
func (lc *locator) get(rc *runeClasses) bool {
	lc.once.Do(func() { lc.build(rc) })
	return lc.rev != nil
}

func (lc *locator) build(rc *runeClasses) {
	tree, err := syntax.Parse(lc.expr, syntax.Perl)
	if err != nil || rc == nil {
		return
	}
	rev, anchored := locatingTests(tree.Simplify())
	if rev == nil || !rc.assign(rev) || !rc.assign(anchored) {
		return
	}
	if n := len(anchored.prog.Inst); n <= backtrackInsts {
		lc.shortSpan = backtrackBits / n
	}
	rev.id, anchored.id = lc.revID, lc.anchoredID
	lc.rev, lc.anchored = rev, anchored
}

// reversed returns an expression matching the reverses of the texts re
// matches, without groups; nil where re holds what does not reverse
// plainly (line anchors, word boundaries).
func reversed(re *syntax.Regexp) *syntax.Regexp {
	out := &syntax.Regexp{Op: re.Op, Flags: re.Flags, Min: re.Min, Max: re.Max}
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil
	case syntax.OpBeginText:
		out.Op = syntax.OpEndText
	case syntax.OpEndText:
		out.Op = syntax.OpBeginText
	case syntax.OpLiteral:
		out.Rune = slices.Clone(re.Rune)
		slices.Reverse(out.Rune)
	case syntax.OpCharClass:
		out.Rune = slices.Clone(re.Rune)
	case syntax.OpCapture:
		return reversed(re.Sub[0])
	}
	for _, sub := range re.Sub {
		rs := reversed(sub)
		if rs == nil {
			return nil
		}
		out.Sub = append(out.Sub, rs)
	}
	if re.Op == syntax.OpConcat {
		slices.Reverse(out.Sub)
	}
	return out
}

// locatingTests returns the reverse test and the anchored test of a
// parsed and simplified pattern; nil, nil where the pattern holds a start
// anchor or either test cannot be built.
func locatingTests(tree *syntax.Regexp) (rev, anchored *matchTest) {
	if holdsAnchor(tree) {
		return nil, nil
	}
	r := reversed(tree)
	if r == nil {
		return nil, nil
	}
	rev, anchored = matchTestOf(r), matchTestOf(tree)
	if rev == nil || anchored == nil {
		return nil, nil
	}
	anchored.anchored = true
	return rev, anchored
}

// matchStarts appends to out, in ascending order, the indexes of the runes
// (given as the extractor's classes) at which a match of the pattern whose
// reverse test is rev starts; known is false where the test cannot tell,
// or where the pattern matches the empty text.
func (mc *matchCache) matchStarts(rev *matchTest, text []uint16, out []int) (starts []int, known bool) {
	tab := mc.table(rev)
	if tab == nil || tab.start < 0 {
		return out, false
	}
	s := tab.start
	if tab.states[s].match || tab.states[s].matchAtEnd {
		return out, false
	}
	classes := len(rev.bounds)
	first := len(out)
	for i := len(text) - 1; i >= 0; i-- {
		c := int(rev.local[text[i]])
		next := tab.next[int(s)*classes+c]
		if next == stateUnknown {
			next = mc.next(tab, rev, s, c)
		}
		if next < 0 {
			return out[:first], false
		}
		s = next
		st := &tab.states[s]
		if st.match {
			out = append(out, i)
		}
		if len(st.pcs) == 0 {
			break // nothing further back can start a match
		}
	}
	slices.Reverse(out[first:])
	return out, true
}

// matchEnd returns the index past the last rune at which a match started
// at rune from can end, reading the classes with the anchored test; known
// is false where the test cannot tell or no match starts there.
func (mc *matchCache) matchEnd(anchored *matchTest, text []uint16, from int) (end int, known bool) {
	tab := mc.table(anchored)
	if tab == nil || tab.start < 0 {
		return 0, false
	}
	s, end := tab.start, -1
	classes := len(anchored.bounds)
	for i := from; ; i++ {
		st := &tab.states[s]
		if st.match || i == len(text) && st.matchAtEnd {
			end = i
		}
		if i == len(text) || len(st.pcs) == 0 {
			break
		}
		c := int(anchored.local[text[i]])
		next := tab.next[int(s)*classes+c]
		if next == stateUnknown {
			next = mc.next(tab, anchored, s, c)
		}
		if next < 0 {
			return 0, false
		}
		s = next
	}
	return end, end > from
}

// locate returns what re.FindAllStringSubmatchIndex(enc.text, -1) returns
// for pattern pi of r, running the engine once per match on the text the
// match can span (see above); known is false where the tests cannot tell,
// and the caller must search as before. The slices returned are reused by
// the next call.
func (d *doc) locate(r *relRule, pi int, enc *encoded) (locs [][]int, known bool) {
	lc := r.locators[pi]
	if d.tests == nil || !lc.get(d.x.runeClasses) {
		return nil, false
	}
	rev, anchored := lc.rev, lc.anchored
	if enc.classes == nil {
		enc.classes = d.x.runeClasses.of(enc.text)
	}
	mc := d.tests
	starts, known := mc.matchStarts(rev, enc.classes, mc.starts[:0])
	mc.starts = starts
	if !known || len(starts) == 0 {
		return nil, known
	}
	// Byte offsets of the runes, and of the text's end.
	offs := mc.offsets[:0]
	for i := 0; i < len(enc.text); {
		offs = append(offs, i)
		_, n := decodeRune(enc.text[i:])
		i += n
	}
	offs = append(offs, len(enc.text))
	mc.offsets = offs
	if len(offs) != len(enc.classes)+1 {
		return nil, false
	}
	out := d.locs[:0]
	next := 0 // a match starts at or past the end of the one before
	for _, p := range starts {
		lo := offs[p]
		if lo < next {
			continue
		}
		e, ok := mc.matchEnd(anchored, enc.classes, p)
		if !ok {
			return nil, false
		}
		hi := offs[e]
		if anchored.endAnchored {
			hi = len(enc.text)
		}
		re := r.res[pi]
		if hi-lo >= lc.shortSpan {
			if re = lc.anchoredPattern(); re == nil {
				return nil, false
			}
		}
		loc := re.FindStringSubmatchIndex(enc.text[lo:hi])
		if loc == nil || loc[0] != 0 || loc[1] == 0 {
			return nil, false // ruled out by the tests
		}
		for i := range loc {
			if loc[i] >= 0 {
				loc[i] += lo
			}
		}
		out = append(out, loc)
		next = loc[1]
	}
	d.locs = out
	return out, true
}
