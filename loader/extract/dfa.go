package extract

import (
	"regexp/syntax"
	"slices"
	"sync"
	"unicode/utf8"
)

// A matchTest decides whether a text holds a match of a regular
// expression in one pass over its runes, without the regular expression
// engine: a deterministic automaton whose states are the sets of
// instructions the expression's program can be in, built as texts need
// them. It answers only whether there is a match; where there is, the
// engine is run for the match and its groups. Most texts a rule pattern is
// tried on hold no match, and the engine costs most on those (it must try
// every start).
//
// A matchTest is immutable and shared; the states live in a matchCache,
// one per goroutine (see dfaCaches).
type matchTest struct {
	id          int // its place in a matchCache (numbered by the extractor)
	prog        *syntax.Prog
	bounds      []rune   // rune classes: class i holds the runes from bounds[i-1] (0 for i = 0) to below bounds[i]
	anchored    bool     // the expression opens with ^: a match starts only at the text's start
	endAnchored bool     // the expression holds a $: a match may end only at the text's end
	local       []uint16 // the extractor's rune classes (runeClasses) → this test's
}

// maxTableCells bounds the transitions (states × rune classes) a cache
// keeps for one expression, and maxCacheCells those it keeps for all: past
// them no state is added, and a text that needs a new one is left to the
// regular expression engine. A cache's memory is so bounded whatever it
// reads; the rule patterns need a few dozen states each.
const (
	maxTableCells = 1 << 16
	maxCacheCells = 1 << 22
)

// newMatchTest compiles expr for the test, or returns nil where the
// program uses what the automaton does not follow: case folding, line
// anchors and word boundaries (^ and $ at the text's ends are followed).
func newMatchTest(expr string) *matchTest {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	return matchTestOf(re.Simplify())
}

// matchTestOf is newMatchTest for a parsed and simplified expression.
func matchTestOf(re *syntax.Regexp) *matchTest {
	prog, err := syntax.Compile(re)
	if err != nil {
		return nil
	}
	t := &matchTest{prog: prog}
	cuts := map[rune]bool{}
	for i := range prog.Inst {
		in := &prog.Inst[i]
		switch in.Op {
		case syntax.InstRune:
			if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
				return nil
			}
			for j := 0; j+1 < len(in.Rune); j += 2 {
				cuts[in.Rune[j]], cuts[in.Rune[j+1]+1] = true, true
			}
			if len(in.Rune) == 1 { // one rune
				cuts[in.Rune[0]], cuts[in.Rune[0]+1] = true, true
			}
		case syntax.InstRune1:
			cuts[in.Rune[0]], cuts[in.Rune[0]+1] = true, true
		case syntax.InstRuneAnyNotNL:
			cuts['\n'], cuts['\n'+1] = true, true
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg)&^(syntax.EmptyBeginText|syntax.EmptyEndText) != 0 {
				return nil
			}
			if syntax.EmptyOp(in.Arg)&syntax.EmptyEndText != 0 {
				t.endAnchored = true
			}
		}
	}
	for r := range cuts {
		t.bounds = append(t.bounds, r)
	}
	slices.Sort(t.bounds)
	t.bounds = append(t.bounds, utf8.MaxRune+1)
	t.anchored = prog.StartCond()&syntax.EmptyBeginText != 0
	return t
}

// classOf returns the class of r.
func (t *matchTest) classOf(r rune) int { return classIn(t.bounds, r) }

// classIn returns the class of r among the classes bounds parts the runes
// into: the number of bounds at or below r.
func classIn(bounds []rune, r rune) int {
	lo, hi := 0, len(bounds)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if bounds[m] <= r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// rep returns a rune of class c.
func (t *matchTest) rep(c int) rune {
	if c == 0 {
		return 0
	}
	return t.bounds[c-1]
}

// A matchCache holds the states a goroutine has built for the tests.
type matchCache struct {
	tables []*dfaTable // by test id
	cells  int         // the transitions of all its tables
	// scratch for building states: instructions marked seen (by call
	// number), the stack of those to follow, a step's seeds
	marks []uint32
	call  uint32
	stack []uint32
	seeds []uint32
	// scratch for locating matches (locate.go): the runes where they
	// start, the byte offsets of a text's runes
	starts, offsets []int
}

type dfaTable struct {
	start  int32 // the state at a text's start
	states []dfaState
	index  map[string]int32 // a state's key (its instructions and flags) → its number
	next   []int32          // state × class → the state after a rune of the class; -1 not built yet
}

type dfaState struct {
	pcs        []uint32 // the instructions consuming a rune that the program can be in, in order
	match      bool     // a match ends here
	matchAtEnd bool     // a match ends here if the text ends here
}

const (
	stateUnknown = -1
	stateGaveUp  = -2
)

// dfaCaches hands out match caches: each extraction takes one and gives it
// back, so the states built for one document serve the next without a lock
// held while a text is scanned.
type dfaCaches struct {
	mu   sync.Mutex
	free []*matchCache
}

func (c *dfaCaches) get() *matchCache {
	c.mu.Lock()
	defer c.mu.Unlock()
	if n := len(c.free); n > 0 {
		mc := c.free[n-1]
		c.free = c.free[:n-1]
		return mc
	}
	return &matchCache{}
}

func (c *dfaCaches) put(mc *matchCache) {
	if mc == nil {
		return
	}
	c.mu.Lock()
	c.free = append(c.free, mc)
	c.mu.Unlock()
}

// matches reports whether text holds a match of t, where known is true;
// it is not where t is nil or the states t needs are too many.
func (mc *matchCache) matches(t *matchTest, text string) (ok, known bool) {
	tab := mc.table(t)
	if tab == nil {
		return false, false
	}
	s := tab.start
	for i := 0; i < len(text) && s >= 0; {
		if tab.states[s].match {
			return true, true
		}
		r, n := decodeRune(text[i:])
		i += n
		s = mc.next(tab, t, s, t.classOf(r))
	}
	return tab.final(s)
}

// matchesClasses is matches on a text given as the extractor's rune
// classes of its runes (see runeClasses); t must be one of the
// extractor's tests.
func (mc *matchCache) matchesClasses(t *matchTest, text []uint16) (ok, known bool) {
	tab := mc.table(t)
	if tab == nil {
		return false, false
	}
	s := tab.start
	classes := len(t.bounds)
	for _, g := range text {
		if s < 0 {
			break
		}
		if tab.states[s].match {
			return true, true
		}
		c := int(t.local[g])
		if next := tab.next[int(s)*classes+c]; next != stateUnknown {
			s = next
			continue
		}
		s = mc.next(tab, t, s, c)
	}
	return tab.final(s)
}

// table returns the states of t, or nil where none are told.
func (mc *matchCache) table(t *matchTest) *dfaTable {
	if t == nil || mc == nil {
		return nil
	}
	if t.id >= len(mc.tables) {
		mc.tables = append(mc.tables, make([]*dfaTable, t.id+1-len(mc.tables))...)
	}
	tab := mc.tables[t.id]
	if tab == nil {
		tab = &dfaTable{index: map[string]int32{}}
		tab.start = mc.state(tab, t, mc.closure(t, nil, true))
		mc.tables[t.id] = tab
	}
	return tab
}

// next returns the state after a rune of class c in state s, building it
// if need be.
func (mc *matchCache) next(tab *dfaTable, t *matchTest, s int32, c int) int32 {
	i := int(s)*len(t.bounds) + c
	if tab.next[i] == stateUnknown {
		tab.next[i] = mc.state(tab, t, mc.step(t, tab.states[s].pcs, c))
	}
	return tab.next[i]
}

// final tells the answer where the text ends in state s.
func (tab *dfaTable) final(s int32) (ok, known bool) {
	if s < 0 {
		return false, false // gave up
	}
	st := &tab.states[s]
	return st.match || st.matchAtEnd, true
}

// runeClasses parts the runes into the classes every test of an extractor
// tells apart: a text is turned into classes once and read by every test
// through its own map from these classes to its own (matchTest.local).
type runeClasses struct {
	bounds []rune // as matchTest.bounds, over the bounds of all the tests
}

// newRuneClasses gathers the classes of the tests and gives each its map.
func newRuneClasses(tests []*matchTest) *runeClasses {
	cuts := map[rune]bool{}
	for _, t := range tests {
		for _, b := range t.bounds {
			cuts[b] = true
		}
	}
	rc := &runeClasses{}
	for r := range cuts {
		rc.bounds = append(rc.bounds, r)
	}
	slices.Sort(rc.bounds)
	if len(rc.bounds) > 1<<16 {
		return nil // too many to number in 16 bits: the tests read runes
	}
	for _, t := range tests {
		rc.assign(t)
	}
	return rc
}

// assign gives t its map from rc's classes to its own, and reports whether
// it could: every class of rc must lie inside one class of t, which holds
// where t's bounds are among rc's.
func (rc *runeClasses) assign(t *matchTest) bool {
	for _, b := range t.bounds {
		if _, ok := slices.BinarySearch(rc.bounds, b); !ok {
			return false
		}
	}
	// Walk both in order.
	t.local = make([]uint16, len(rc.bounds))
	c := 0
	for g := range rc.bounds {
		lo := rune(0)
		if g > 0 {
			lo = rc.bounds[g-1]
		}
		for t.bounds[c] <= lo {
			c++
		}
		t.local[g] = uint16(c)
	}
	return true
}

// of returns the classes of the runes of text.
func (rc *runeClasses) of(text string) []uint16 {
	out := make([]uint16, 0, len(text)/2)
	for i := 0; i < len(text); {
		r, n := decodeRune(text[i:])
		i += n
		out = append(out, uint16(classIn(rc.bounds, r)))
	}
	return out
}

// step returns the state content after a rune of class c from the
// instructions pcs.
func (mc *matchCache) step(t *matchTest, pcs []uint32, c int) closureOf {
	r := t.rep(c)
	seeds := mc.seeds[:0]
	for _, pc := range pcs {
		if in := &t.prog.Inst[pc]; consumes(in, r) {
			seeds = append(seeds, in.Out)
		}
	}
	mc.seeds = seeds
	return mc.closure(t, seeds, false)
}

// consumes reports whether a rune instruction matches r.
func consumes(in *syntax.Inst, r rune) bool {
	switch in.Op {
	case syntax.InstRune1:
		return r == in.Rune[0]
	case syntax.InstRune:
		return in.MatchRune(r)
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	}
	return false
}

// A closureOf is a state's content before it is numbered.
type closureOf struct {
	pcs        []uint32
	match      bool
	matchAtEnd bool
}

// closure follows, from the instructions seeds (and from the program's
// start, at the text's start or where a match may start anywhere), the
// instructions that consume nothing, and keeps those that consume a rune.
// Whether the text ends at a position is not known until it does, so the
// state also tells whether a match would end here if it did (matchAtEnd,
// for a $).
func (mc *matchCache) closure(t *matchTest, seeds []uint32, atStart bool) closureOf {
	out := mc.follow(t, seeds, atStart, false)
	out.matchAtEnd = out.match
	if t.endAnchored && !out.match {
		out.matchAtEnd = mc.follow(t, seeds, atStart, true).match
	}
	return out
}

// follow is closure at a position that is the text's end or not.
func (mc *matchCache) follow(t *matchTest, seeds []uint32, atStart, atEnd bool) closureOf {
	var out closureOf
	// An instruction is seen once it is marked with this call's number.
	if len(mc.marks) < len(t.prog.Inst) {
		mc.marks = make([]uint32, len(t.prog.Inst))
	}
	mc.call++
	if mc.call == 0 { // the numbers wrapped: old marks could pass for new ones
		clear(mc.marks)
		mc.call = 1
	}
	stack := append(mc.stack[:0], seeds...)
	if atStart || !t.anchored {
		stack = append(stack, uint32(t.prog.Start))
	}
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if mc.marks[pc] == mc.call {
			continue
		}
		mc.marks[pc] = mc.call
		in := &t.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, in.Arg, in.Out)
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, in.Out)
		case syntax.InstEmptyWidth:
			op := syntax.EmptyOp(in.Arg)
			if op&syntax.EmptyBeginText != 0 && !atStart || op&syntax.EmptyEndText != 0 && !atEnd {
				continue
			}
			stack = append(stack, in.Out)
		case syntax.InstMatch:
			out.match = true
		case syntax.InstFail:
		default:
			out.pcs = append(out.pcs, pc)
		}
	}
	mc.stack = stack
	slices.Sort(out.pcs)
	return out
}

// state returns the number of the state of tab with the content c,
// building it if need be; stateGaveUp where the cells allowed are used up.
func (mc *matchCache) state(tab *dfaTable, t *matchTest, c closureOf) int32 {
	key := make([]byte, 0, 4*len(c.pcs)+1)
	flags := byte(0)
	if c.match {
		flags |= 1
	}
	if c.matchAtEnd {
		flags |= 2
	}
	key = append(key, flags)
	for _, pc := range c.pcs {
		key = append(key, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
	}
	if s, ok := tab.index[string(key)]; ok {
		return s
	}
	if len(tab.next)+len(t.bounds) > maxTableCells || mc.cells+len(t.bounds) > maxCacheCells {
		return stateGaveUp
	}
	mc.cells += len(t.bounds)
	s := int32(len(tab.states))
	tab.states = append(tab.states, dfaState{pcs: c.pcs, match: c.match, matchAtEnd: c.matchAtEnd})
	tab.index[string(key)] = s
	n := len(tab.next)
	tab.next = slices.Grow(tab.next, len(t.bounds))[:n+len(t.bounds)]
	for i := n; i < len(tab.next); i++ {
		tab.next[i] = stateUnknown
	}
	return s
}
