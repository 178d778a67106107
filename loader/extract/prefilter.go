package extract

import (
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// A prefilter is what a pattern needs to find in a sentence before it is
// worth running: every group must be satisfied, a group by any one of its
// alternatives (a literal word, or a rune in a range such as a slot type).
type prefilter struct {
	groups   []need
	order    []need // the cheaper needs again, in the order a match meets them
	minSlots int    // slots the pattern needs at least
}

type need struct {
	ids    []int     // indexes of words in the extractor's cue word table
	bits   []cueWord // the same indexes as a bit set, its non-zero words only
	words  []string  // any of these substrings
	ranges [][2]rune // or any rune in one of these ranges
	types  uint8     // or a slot of one of these types (bit i: graph.EntityTypes[i])
	other  bool      // some range lies outside the slot blocks
}

// prefilterOf derives a prefilter from a parsed and simplified regular
// expression: the literals and character classes that every match must
// contain.
func prefilterOf(re *syntax.Regexp) prefilter {
	var pf prefilter
	for _, n := range required(re) {
		if len(n.words) == 0 && len(n.ranges) == 0 {
			continue
		}
		// A few runes outside the slot blocks are words of one rune, found
		// by the same scan as the rest of the cue words.
		var wide [][2]rune
		for _, rg := range n.ranges {
			switch {
			case rg[0] >= 0xE000 && rg[1] < 0xE600:
				for b := (rg[0] - 0xE000) >> 8; b <= (rg[1]-0xE000)>>8; b++ {
					n.types |= 1 << b
				}
			case rg[1]-rg[0] < maxRangeWords && (rg[1] < 0xE000 || rg[0] >= 0xE600):
				for r := rg[0]; r <= rg[1]; r++ {
					n.words = append(n.words, string(r))
				}
			default:
				n.other = true
				wide = append(wide, rg)
			}
		}
		n.ranges = wide
		if n.types != 0 && !n.other && len(n.words) == 0 {
			pf.minSlots++
		}
		pf.groups = append(pf.groups, n)
		if len(n.words) <= maxOrderWords {
			pf.order = append(pf.order, n)
		}
	}
	if len(pf.order) < 2 {
		pf.order = nil // one need alone is what ok tests
	}
	// Cheapest checks first: slot types, then words.
	sort.SliceStable(pf.groups, func(i, j int) bool {
		return pf.groups[i].cost() < pf.groups[j].cost()
	})
	return pf
}

// maxOrderWords is the most words a need may offer for the prefilter to
// look for it in order.
const maxOrderWords = 8

// maxRangeWords is the widest range of runes a prefilter looks for as
// words, one per rune.
const maxRangeWords = 16

// required returns needs that every string matching re satisfies.
func required(re *syntax.Regexp) []need {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []need{{words: []string{string(re.Rune)}}}
	case syntax.OpCharClass:
		if len(re.Rune) == 0 || classSize(re.Rune) > 4096 {
			return nil // too wide to be worth checking (a negated class)
		}
		var rs [][2]rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			rs = append(rs, [2]rune{re.Rune[i], re.Rune[i+1]})
		}
		return []need{{ranges: rs}}
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpConcat:
		var out []need
		for _, s := range re.Sub {
			out = append(out, required(s)...)
		}
		return out
	case syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
		return nil
	case syntax.OpAlternate:
		// Each alternative must offer one need; their union is the need.
		var union need
		for _, s := range re.Sub {
			ns := required(s)
			if len(ns) == 0 {
				return nil
			}
			best := ns[0]
			for _, n := range ns[1:] {
				if weight(n) < weight(best) {
					best = n
				}
			}
			union.words = append(union.words, best.words...)
			union.ranges = append(union.ranges, best.ranges...)
		}
		return []need{union}
	}
	return nil
}

func classSize(rs []rune) int {
	n := 0
	for i := 0; i+1 < len(rs); i += 2 {
		n += int(rs[i+1]-rs[i]) + 1
	}
	return n
}

// weight ranks needs: fewer, longer words are more selective.
func weight(n need) int {
	w := len(n.ranges) * 4
	for _, s := range n.words {
		w += 8 - min(utf8.RuneCountInString(s), 7)
	}
	return w
}

func (n need) cost() int {
	c := len(n.words)
	if n.other {
		c += 100
	}
	if n.types != 0 && len(n.words) == 0 && !n.other {
		c = -1
	}
	return c
}

// ok reports whether text, whose slots have the types in mask, can match.
func (pf *prefilter) ok(text string, mask uint8, present bitSet) bool {
	for i := range pf.groups {
		if !pf.groups[i].satisfied(text, mask, present) {
			return false
		}
	}
	return true
}

// slotTypesMet reports whether slots of the types in mask satisfy the
// groups that only a slot can: what ok tests of them.
func (pf *prefilter) slotTypesMet(mask uint8) bool {
	for i := range pf.groups {
		if n := &pf.groups[i]; n.types != 0 && !n.other && len(n.words) == 0 && n.types&mask == 0 {
			return false
		}
	}
	return true
}

// inOrder reports whether text meets the ordered needs one after another:
// a match meets them so, each after the end of the one before. Taking at
// each step the need's occurrence that ends first leaves the most room for
// the rest, so the test never rejects a text the pattern matches.
func (pf *prefilter) inOrder(text string) bool {
	pos := 0
	for i := range pf.order {
		end := pf.order[i].firstEnd(text, pos)
		if end < 0 {
			return false
		}
		pos = end
	}
	return true
}

// firstEnd returns the smallest end of an occurrence of the need in text
// at or after pos, or -1.
func (n *need) firstEnd(text string, pos int) int {
	best := -1
	for _, w := range n.words {
		if i := strings.Index(text[pos:], w); i >= 0 && (best < 0 || pos+i+len(w) < best) {
			best = pos + i + len(w)
		}
	}
	if n.types == 0 && len(n.ranges) == 0 {
		return best
	}
	for i, r := range text[pos:] {
		at := pos + i
		if best >= 0 && at >= best {
			break
		}
		if inRuneSet(r, n.types, n.ranges) {
			return at + utf8.RuneLen(r)
		}
	}
	return best
}

// inRuneSet reports whether r is a slot of one of the types (bit i:
// graph.EntityTypes[i]) or lies in one of the ranges.
func inRuneSet(r rune, types uint8, ranges [][2]rune) bool {
	return r >= 0xE000 && r < 0xE600 && types&(1<<((r-0xE000)>>8)) != 0 || inRanges(r, ranges)
}

func (n *need) satisfied(text string, mask uint8, present bitSet) bool {
	if n.types&mask != 0 {
		return true
	}
	if present != nil && len(n.ids) == len(n.words) {
		for _, b := range n.bits {
			if present[b.w]&b.bits != 0 {
				return true
			}
		}
	} else {
		for _, w := range n.words {
			if strings.Contains(text, w) {
				return true
			}
		}
	}
	if !n.other {
		return false
	}
	for _, r := range text {
		for _, rg := range n.ranges {
			if r >= rg[0] && r <= rg[1] {
				return true
			}
		}
	}
	return false
}

// cueWords indexes every word the prefilters look for, so that a sentence
// is scanned once for all of them.
type cueWords struct {
	words   []string
	index   map[string]int
	byFirst map[rune][]int // the words by their first rune, beyond the Basic Multilingual Plane
	// starting holds the words by first rune for the runes below U+10000:
	// starting[firstList[r]-1], where firstList[r] is not 0.
	firstList []uint16
	starting  [][]int
	far       bool // some word starts beyond the Basic Multilingual Plane

	multiline []int // words that hold a newline, so can span sentences
}

// A bitSet holds small numbers, a bit each: the cue words a text contains,
// or the patterns worth trying on a sentence.
type bitSet []uint64

// A cueWord is one 64-bit word of a bit set of cue words: its index and bits.
type cueWord struct {
	w    int
	bits uint64
}

func (s bitSet) has(id int) bool { return s[id>>6]&(1<<(id&63)) != 0 }
func (s bitSet) set(id int)      { s[id>>6] |= 1 << (id & 63) }

func (c *cueWords) id(w string) int {
	if c.index == nil {
		c.index = map[string]int{}
		c.byFirst = map[rune][]int{}
		c.firstList = make([]uint16, 1<<16)
	}
	if i, ok := c.index[w]; ok {
		return i
	}
	i := len(c.words)
	c.words = append(c.words, w)
	c.index[w] = i
	r, _ := utf8.DecodeRuneInString(w)
	if strings.Contains(w, "\n") {
		c.multiline = append(c.multiline, i)
	}
	if r < 1<<16 {
		if c.firstList[r] == 0 {
			c.starting = append(c.starting, nil)
			c.firstList[r] = uint16(len(c.starting))
		}
		k := c.firstList[r] - 1
		c.starting[k] = append(c.starting[k], i)
	} else {
		c.byFirst[r] = append(c.byFirst[r], i)
		c.far = true
	}
	return i
}

// register gives every word of a prefilter its index.
func (c *cueWords) register(pf *prefilter) {
	for gi := range pf.groups {
		g := &pf.groups[gi]
		g.ids = g.ids[:0]
		g.bits = g.bits[:0]
		for _, w := range g.words {
			id := c.id(w)
			g.ids = append(g.ids, id)
			i := slices.IndexFunc(g.bits, func(b cueWord) bool { return b.w == id>>6 })
			if i < 0 {
				i = len(g.bits)
				g.bits = append(g.bits, cueWord{w: id >> 6})
			}
			g.bits[i].bits |= 1 << (id & 63)
		}
	}
}

// scan reports which cue words occur in text.
func (c *cueWords) scan(text string) bitSet {
	return c.scanInto(text, make(bitSet, c.setWords()))
}

// setWords is the length of a set of cue words.
func (c *cueWords) setWords() int { return (len(c.words) + 63) / 64 }

// scanInto is scan writing to present, a cleared set of setWords words.
func (c *cueWords) scanInto(text string, present bitSet) bitSet {
	if c.firstList == nil {
		return present
	}
	for i := 0; i < len(text); {
		r, n := decodeRune(text[i:])
		at := i
		i += n
		var ids []int
		if r < 1<<16 {
			k := c.firstList[r]
			if k == 0 {
				continue
			}
			ids = c.starting[k-1]
		} else if !c.far {
			continue
		} else {
			ids = c.byFirst[r]
		}
		for _, id := range ids {
			if !present.has(id) && strings.HasPrefix(text[at:], c.words[id]) {
				present.set(id)
			}
		}
	}
	return present
}

// decodeRune is utf8.DecodeRuneInString with the three-byte runes (the
// Chinese characters, and the slots) decoded inline.
func decodeRune(s string) (rune, int) {
	if s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	if len(s) >= 3 && s[0]&0xF0 == 0xE0 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 {
		r := rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s)
}
