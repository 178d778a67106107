package extract

import (
	"sort"

	"parkgraph/graph"
)

// mention is one occurrence of an entity name in the text.
type mention struct {
	start, end int // rune offsets into the document text
	typ        graph.EntityType
	name       string // the name as written, decorative quotes removed
	src        string // the recogniser that found it
	class      suffixClass
	parent     int  // for a sub-park: index of the park it is written after; else -1
	inner      bool // nested inside a longer mention (kept for relations, not an entity of its own)
	ent        int  // entity index after resolution
	key        string
}

func (m *mention) len() int { return m.end - m.start }

// doc is the working state of one extraction.
type doc struct {
	x        *Extractor
	orig, m  []rune
	sents    []graph.Sentence
	sentOf   []int // rune offset → sentence index
	mentions []mention
	ents     []*entity
	aliasOf  map[string]string // alias (normalised) → full name it abbreviates
}

func (d *doc) sentenceBounds(i int) (lo, hi int) {
	s := d.sentOf[i]
	if s < 0 {
		return i, i
	}
	return d.sents[s].Span.Start, d.sents[s].Span.End
}

func (d *doc) hasAt(i int, words ...string) bool {
	for _, w := range words {
		if hasPrefixRunes(d.m[i:], w) {
			return true
		}
	}
	return false
}

func hasPrefixRunes(rs []rune, w string) bool {
	i := 0
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

// mentionEndingAt returns the index of a (non-inner) mention ending at i, or -1.
func (d *doc) mentionEndingAt(i int) int {
	for k := len(d.mentions) - 1; k >= 0; k-- {
		if d.mentions[k].end == i && !d.mentions[k].inner {
			return k
		}
	}
	return -1
}

// recognizeSuffixed finds every organisation, park and project named by a
// suffix, scanning left to right so that a name can stop at the end of an
// entity already found before it.
func (d *doc) recognizeSuffixed() {
	lx := d.x.lex
	for e := 1; e <= len(d.m); e++ {
		lo, _ := d.sentenceBounds(e - 1)
		n, sf, ok := lx.suffixes.longest(d.m, lo, e)
		if !ok {
			continue
		}
		if d.blockedAfter(sf, e) {
			// A shorter suffix may still apply (园区 in 工业园区内 is fine,
			// 公司 in 公司章程 is not); try the next shorter one.
			var alt *suffix
			lx.suffixes.each(d.m, lo, e, func(k int, s *suffix) {
				if k < n && !d.blockedAfter(s, e) {
					n, alt = k, s
				}
			})
			if alt == nil {
				continue
			}
			sf = alt
		}
		b := e - n
		start, parent, ok := d.extendLeft(sf, lo, b)
		if !ok {
			continue
		}
		core := d.m[start:b]
		if len(core) < sf.min || len(core) > sf.max {
			if !(sf.class == classPark && len(core) == 0 && parent >= 0) {
				continue
			}
		}
		if sf.class == classSubpark && parent < 0 {
			continue
		}
		if len(core) > 0 && lx.isGenericCore(core) && !(sf.class == classBody && d.namesAuthority(core)) {
			continue
		}
		if d.honourEndsAt(e) {
			continue
		}
		m := mention{start: start, end: e, typ: sf.typ, src: "suffix:" + sf.word, class: sf.class, parent: -1}
		m.name = stripQuotes(d.orig[m.start:m.end])
		if sf.class == classPark || sf.class == classSubpark {
			m.parent = parent
			if len(core) == 0 { // 沈抚改革创新示范区科创园: the park's own area
				m.name = d.mentions[parent].name + m.name
			}
		}
		m.typ = d.x.retype(m.typ, sf, []rune(m.name))
		d.add(m)
	}
}

// namesAuthority reports whether the core of a body's name says whose body
// it is: a place (云南省科技厅, 市委), an administrative level word or a park
// (高新区管委会). Generic words are enough then.
func (d *doc) namesAuthority(rs []rune) bool {
	if _, sf, ok := d.x.lex.suffixes.longest(rs, 0, len(rs)); ok && (sf.class == classPark || sf.class == classSubpark) {
		return true
	}
	for i := 1; i <= len(rs); i++ {
		if _, _, ok := d.x.lex.places.longest(rs, 0, i); ok {
			return true
		}
	}
	for _, r := range rs {
		switch r {
		case '省', '市', '区', '县', '州', '国':
			return true
		}
	}
	return false
}

// honourEndsAt reports whether an honour mention ends at e: 被批复为江西省重点实验室
// names an honour, not a laboratory.
func (d *doc) honourEndsAt(e int) bool {
	for k := range d.mentions {
		if d.mentions[k].end == e && d.mentions[k].typ == graph.Honor {
			return true
		}
	}
	return false
}

// legalTail are legal forms that continue a name: 青禾投资集团有限公司 does not
// end at 集团.
var legalTail = []string{"有限公司", "有限责任公司", "股份有限公司", "股份公司", "集团有限公司", "集团股份", "(集团)", "（集团）"}

// blockedAfter reports whether the text after a suffix shows it is not the
// end of a name (公司章程, 中心城区, 集团有限公司).
func (d *doc) blockedAfter(sf *suffix, e int) bool {
	if sf.class != classProject && d.hasAt(e, legalTail...) {
		return true
	}
	for _, w := range sf.notBefore {
		if d.hasAt(e, w) {
			return true
		}
	}
	return false
}

// extendLeft walks from b (the start of a suffix) to the left over name
// characters and returns where the name starts, and the park mention the name
// is written right after (or -1).
func (d *doc) extendLeft(sf *suffix, lo, b int) (start, parent int, ok bool) {
	lx := d.x.lex
	i := b
	parent = -1
	for i > lo {
		r := d.m[i-1]
		if k := d.mentionEndingAt(i); k >= 0 {
			pm := &d.mentions[k]
			if pm.typ == graph.Park && (sf.class == classPark || sf.class == classSubpark) && pm.class != classSubpark {
				parent = k
				break
			}
			if pm.typ == graph.Park && sf.class == classBody {
				// A park's own body carries the park in its name.
				i = pm.start
				continue
			}
			if pm.typ == graph.Park {
				parent = k
			}
			break
		}
		if r == ')' {
			j := d.openBracket(i-1, lo)
			if j < 0 {
				break
			}
			i = j
			continue
		}
		if isCloseQuote(r) || r == '"' {
			if sf.class == classLegal || sf.class == classPark || sf.class == classSubpark {
				break
			}
			j := d.openQuote(i-1, lo)
			if j < 0 {
				break
			}
			i = j
			continue
		}
		if !isNameRune(r) {
			break
		}
		if _, soft, found := lx.stops.longest(d.m, lo, i); found {
			if !soft || !lx.isGenericCore(d.m[i:b]) {
				break
			}
		}
		// A conjunction separates two names when a complete name stands
		// before it; park names never hold one.
		if r == '和' || r == '与' || r == '及' || r == '或' {
			if sf.class == classPark || sf.class == classSubpark || d.mentionEndingAt(i-1) >= 0 || i-1 <= lo || !isNameRune(d.m[i-2]) {
				break
			}
			if _, _, found := lx.suffixes.longest(d.m, lo, i-1); found && sf.class != classProject {
				break
			}
		}
		if b-i >= sf.max+4 {
			return 0, -1, false
		}
		i--
	}
	// Drop leading characters that cannot start a name.
	for i < b && !isNameRune(d.m[i]) && d.m[i] != '(' && !isOpenQuote(d.m[i]) {
		i++
	}
	return i, parent, true
}

// openBracket finds the '(' that matches the ')' at close, when what is in
// between is a short place-like name part, as in 梅特勒·托利多(常州).
func (d *doc) openBracket(close, lo int) int {
	for j := close - 1; j >= lo && close-j <= 8; j-- {
		switch d.m[j] {
		case '(':
			inner := d.m[j+1 : close]
			if len(inner) == 0 || len(inner) > 6 {
				return -1
			}
			for _, r := range inner {
				if !isHan(r) {
					return -1
				}
			}
			if d.hasAt(j+1, "以下", "简称", "下称", "股票") {
				return -1
			}
			return j
		case ')', '。', ',', ';', ':':
			return -1
		}
	}
	return -1
}

// openQuote finds the opening quote of a short quoted part of a name, as in
// 省级“锂电产业链”科创基金.
func (d *doc) openQuote(close, lo int) int {
	for j := close - 1; j >= lo && close-j <= 14; j-- {
		r := d.m[j]
		if isOpenQuote(r) || (r == '"' && d.m[close] == '"') {
			if close-j < 2 {
				return -1
			}
			return j
		}
		if !isNameRune(r) {
			return -1
		}
	}
	return -1
}

// add appends a mention unless it overlaps a longer one already found; a
// mention wholly inside a new, longer one is marked inner.
func (d *doc) add(m mention) {
	m.ent = -1
	for k := range d.mentions {
		o := &d.mentions[k]
		if o.inner || o.end <= m.start || m.end <= o.start {
			continue
		}
		if o.start <= m.start && m.end <= o.end && o.len() >= m.len() {
			if o.start == m.start && o.end == m.end {
				return
			}
			m.inner = true
			continue
		}
		if m.start <= o.start && o.end <= m.end {
			o.inner = true
			continue
		}
		// Crossing spans: keep the longer.
		if o.len() >= m.len() {
			return
		}
		o.inner = true
	}
	d.mentions = append(d.mentions, m)
}

// byPosition returns the indexes of the entity mentions (not inner ones) in
// text order, longer first at the same start.
func (d *doc) byPosition() []int {
	var idx []int
	for i := range d.mentions {
		if !d.mentions[i].inner {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &d.mentions[idx[i]], &d.mentions[idx[j]]
		if a.start != b.start {
			return a.start < b.start
		}
		return a.end > b.end
	})
	return idx
}
