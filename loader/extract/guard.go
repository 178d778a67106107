package extract

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// A guardedRE is a regular expression run only on texts that hold what
// every match needs (its prefilter, in order) and, where it is anchored at
// the start, that open with a rune a match can open with. Most texts a
// small pattern is tried on fail these tests, which cost less than
// starting the regular expression engine.
type guardedRE struct {
	*regexp.Regexp
	need   prefilter
	starts [][2]rune // for a pattern anchored at the start: the runes a match opens with; nil if any
}

// mustGuarded compiles expr and its guards; expr must compile.
func mustGuarded(expr string) guardedRE {
	re := regexp.MustCompile(expr)
	tree, err := syntax.Parse(expr, syntax.Perl) // parsed once for both guards
	if err != nil {
		panic(err) // cannot be: the expression compiled
	}
	tree = tree.Simplify()
	return guardedRE{Regexp: re, need: prefilterOf(tree), starts: openingRunesOf(tree)}
}

// openingRunesOf returns, for a parsed and simplified expression anchored
// at the start of the text, the runes a match opens with; nil if it is not
// anchored, if it can match the empty string or if they cannot be told.
func openingRunesOf(tree *syntax.Regexp) [][2]rune {
	if tree.Op == syntax.OpConcat && len(tree.Sub) > 1 && tree.Sub[0].Op == syntax.OpBeginText {
		rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: tree.Sub[1:]}
		if rs, empty, ok := firstRunes(rest); ok && !empty {
			return rs
		}
	}
	return nil
}

// opensWith reports whether text opens with a rune in one of the ranges
// (any text does where there are none).
func opensWith(text string, ranges [][2]rune) bool {
	if ranges == nil {
		return true
	}
	if text == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text)
	return inRanges(r, ranges)
}

// inRanges reports whether r lies in one of the ranges.
func inRanges(r rune, ranges [][2]rune) bool {
	for _, rg := range ranges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// matchRunes is MatchString on runes, whose first rune is tested before
// they are made a string.
func (g guardedRE) matchRunes(rs []rune) bool {
	if len(rs) > 0 && g.starts != nil && !inRanges(rs[0], g.starts) {
		return false
	}
	return g.MatchString(string(rs))
}

// findRunes is FindString on runes, whose first rune is tested before they
// are made a string.
func (g guardedRE) findRunes(rs []rune) string {
	if len(rs) > 0 && g.starts != nil && !inRanges(rs[0], g.starts) {
		return ""
	}
	return g.FindString(string(rs))
}

// mayMatch reports whether s passes the guards, so that the expression may
// match it.
func (g guardedRE) mayMatch(s string) bool {
	return opensWith(s, g.starts) && g.need.ok(s, 0, nil) && g.need.inOrder(s)
}

// MatchString reports whether s holds a match of the expression.
func (g guardedRE) MatchString(s string) bool {
	return g.mayMatch(s) && g.Regexp.MatchString(s)
}

// FindString returns the leftmost match of the expression in s, or "".
func (g guardedRE) FindString(s string) string {
	if !g.mayMatch(s) {
		return ""
	}
	return g.Regexp.FindString(s)
}

// firstRunes returns the ranges of the runes a match of re can open with
// and whether re can match the empty string; ok is false where they cannot
// be told (any character, a case-folded literal, an assertion).
func firstRunes(re *syntax.Regexp) (ranges [][2]rune, empty, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return nil, true, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, false, false
		}
		if len(re.Rune) == 0 {
			return nil, true, true
		}
		return [][2]rune{{re.Rune[0], re.Rune[0]}}, false, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			ranges = append(ranges, [2]rune{re.Rune[i], re.Rune[i+1]})
		}
		return ranges, false, true
	case syntax.OpCapture, syntax.OpPlus:
		return firstRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		ranges, _, ok = firstRunes(re.Sub[0])
		return ranges, true, ok
	case syntax.OpRepeat:
		ranges, empty, ok = firstRunes(re.Sub[0])
		return ranges, empty || re.Min == 0, ok
	case syntax.OpConcat:
		for _, s := range re.Sub {
			rs, e, ok := firstRunes(s)
			if !ok {
				return nil, false, false
			}
			ranges = append(ranges, rs...)
			if !e {
				return ranges, false, true
			}
		}
		return ranges, true, true
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			rs, e, ok := firstRunes(s)
			if !ok {
				return nil, false, false
			}
			ranges = append(ranges, rs...)
			empty = empty || e
		}
		return ranges, empty, true
	}
	return nil, false, false
}
