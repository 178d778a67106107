package extract

import (
	"slices"
	"sort"
	"strings"

	"parkgraph/graph"
)

// deriveShortForms gives enterprises the short names articles use for them
// besides the full name, without an 以下简称 to define them: the name
// without its legal form (股份有限公司), without the places in front (江西,
// 合肥市) or in brackets (（合肥）), and without trailing business and
// industry words (科技, 锂电) — 江西华瑞锂电科技股份有限公司 → 华瑞锂电科技,
// 华瑞锂电. A form of six or more characters may also lose two leading
// characters, a parent's short name (科大国盾量子 → 国盾量子), where the
// article uses what is left at least twice.
//
// A form becomes an alias only where the article writes it outside the full
// name, as a whole word, and no other enterprise of the article has it.
// A shortForm is a short form offered for an enterprise.
type shortForm struct {
	ent   int
	minor bool // a form that lost leading characters: needs two uses
}

func (d *doc) deriveShortForms() {
	lx := d.x.lex
	owner := reuseMap(&d.buf.shortForms)
	ambiguous := reuseMap(&d.buf.ambiguousForms)
	offer := func(c []rune, ent int, minor bool) {
		if len(c) < 3 || lx.isGenericCore(c) || lx.hasPlace(c[:min(len(c), 2)]) && len(c) < 4 {
			return
		}
		if strings.ContainsRune("县市区镇乡省州", c[len(c)-1]) {
			return // 涟山县: a place, not the company's short name
		}
		if _, _, ok := lx.suffixes.longest(c, 0, len(c)); ok {
			return // 赣锋锂业集团: a name of its own, found by its suffix
		}
		k := string(c)
		if prev, ok := owner[k]; ok && prev.ent != ent {
			ambiguous[k] = true
			return
		}
		owner[k] = shortForm{ent, minor}
	}
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Enterprise {
			continue
		}
		rs := matchRunes([]rune(unquoted(e.name)))
		n, sf, ok := lx.suffixes.longest(rs, 0, len(rs))
		if !ok || sf.class != classLegal || sf.branch {
			continue
		}
		core := dropBracketed(rs[:len(rs)-n])
		for {
			k, _, ok := lx.places.longest(core, 0, min(len(core), 6))
			if !ok {
				// places are matched from the end of the span; try every
				// end to find one that starts the core
				k = placePrefix(lx, core)
			}
			if k == 0 || len(core)-k < 2 {
				break
			}
			core = core[k:]
		}
		// Every way of dropping trailing generic words: 腾星电子信息技术 gives
		// 腾星电子信息 (技术 dropped) as well as 腾星电子 (信息技术 dropped).
		work := [][]rune{core}
		seen := map[int]bool{}
		for len(work) > 0 {
			c := work[len(work)-1]
			work = work[:len(work)-1]
			if len(c) < 3 || seen[len(c)] {
				continue
			}
			seen[len(c)] = true
			offer(c, i, false)
			if len(c) >= 6 {
				offer(c[2:], i, true)
			}
			lx.generic.each(c, 0, len(c), func(k int, _ bool) {
				if k < len(c) {
					work = append(work, c[:len(c)-k])
				}
				if k == 2 && k < len(c)-2 {
					offer(c[:len(c)-1], i, false) // 油城新材料 → 油城新材: the word cut to its first character
				}
			})
		}
	}
	forms := make([]string, 0, len(owner))
	for f := range owner {
		if !ambiguous[f] {
			forms = append(forms, f)
		}
	}
	sort.Strings(forms)
	runes := make([][]rune, len(forms))
	for i, f := range forms {
		runes[i] = []rune(f)
	}
	var longer [][]rune
	for fi, f := range forms {
		c := owner[f]
		// The longer forms of the same enterprise that start with this one:
		// 青禾新 is no use of its own inside 青禾新材料. Sorted, the forms
		// that start with f come right after it.
		longer = longer[:0]
		for gi := fi + 1; gi < len(forms) && strings.HasPrefix(forms[gi], f); gi++ {
			if owner[forms[gi]].ent == c.ent {
				longer = append(longer, runes[gi])
			}
		}
		first, uses := d.usesApart(runes[fi], longer)
		if uses == 0 || c.minor && uses < 2 {
			continue
		}
		e := d.ents[c.ent]
		alias := d.origString(first, first+len(runes[fi]))
		if _, defined := d.aliasOf[graph.NormalizeName(alias)]; defined {
			continue
		}
		d.aliasOf[graph.NormalizeName(alias)] = e.name
		e.aliases[alias] = true
	}
}

// placePrefix returns the length of the longest place word that starts rs.
func placePrefix(lx *lexicon, rs []rune) int {
	best := 0
	for e := 2; e <= len(rs) && e <= 6; e++ {
		if n, _, ok := lx.places.longest(rs, 0, e); ok && n == e {
			best = e
		}
	}
	return best
}

// dropBracketed removes bracketed parts: 本源量子计算科技(合肥) → 本源量子计算科技.
func dropBracketed(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	depth := 0
	for _, r := range rs {
		switch {
		case r == '(' || r == '（':
			depth++
		case (r == ')' || r == '）') && depth > 0:
			depth--
		case depth == 0:
			out = append(out, r)
		}
	}
	return out
}

// usesApart counts the places where the text writes f outside any mention,
// as a whole word (not running on into a name's suffix, nor the start of
// one of the longer forms), and returns the first of them.
func (d *doc) usesApart(f []rune, longer [][]rune) (first, uses int) {
	first = -1
next:
	for i := d.nextOccurrence(f, 0); i >= 0; i = d.nextOccurrence(f, i+1) {
		if d.sentOf[i] < 0 {
			continue
		}
		for _, g := range longer {
			if i+len(g) <= len(d.m) && slices.Equal(d.m[i:i+len(g)], g) {
				continue next
			}
		}
		end := i + len(f)
		if d.covered(i, end) {
			// Inside a name read over a conjunction (青禾锂电和白鹭精工有限公司)
			// the short name still counts.
			k := d.cover[i]
			if k < 0 || d.mentions[k].start != i || end >= len(d.m) || !(isConjunction(d.m[end]) || d.m[end] == '、') {
				continue
			}
		} else if end < len(d.m) && d.continuesIntoName(end) {
			continue
		}
		if first < 0 {
			first = i
		}
		uses++
		i = end - 1 // uses do not overlap
	}
	return first, uses
}

// splitJoinedShortForms parts a name that the recognisers read over a
// conjunction because its first half is a short name they did not know yet:
// 泰禾半导体和源润锂电有限公司 is 泰禾半导体 (a short name derived from
// another enterprise's full name) and 源润锂电有限公司.
func (d *doc) splitJoinedShortForms() {
	n := len(d.mentions)
	for i := 0; i < n; i++ {
		m := d.mentions[i]
		if m.inner || m.typ != graph.Enterprise || m.src == "rule" {
			continue
		}
		for k := m.start + 2; k < m.end-4; k++ {
			if !isConjunction(d.m[k]) && d.m[k] != '、' {
				continue
			}
			short := d.origString(m.start, k)
			if _, ok := d.aliasOf[graph.NormalizeName(short)]; !ok {
				continue
			}
			d.unindex(i)
			d.mentions[i].inner = true
			d.add(mention{start: m.start, end: k, typ: graph.Enterprise, name: short, src: "short-form", parent: -1})
			d.add(mention{start: k + 1, end: m.end, typ: m.typ, name: d.origUnquoted(k+1, m.end), src: m.src, class: m.class, parent: -1})
			break
		}
	}
}
