package extract

import (
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"parkgraph/graph"
)

// revTrie finds the words that end at a position of a rune slice.
type revTrie[V any] struct {
	root revNode[V]
	// ends marks the runes below U+10000 that end some word, so that most
	// positions are rejected with one bit test instead of a map lookup.
	ends [1 << 16 / 64]uint64
	wide bool // some word ends in a rune above U+FFFF
}

// mayEndWith reports whether a word can end with r.
func (t *revTrie[V]) mayEndWith(r rune) bool {
	if r >= 1<<16 || r < 0 {
		return t.wide
	}
	return t.ends[r>>6]&(1<<(uint(r)&63)) != 0
}

// A revNode keeps its first few children in a slice, searched in order.
// Once it has more, it finds a CJK character's child through a table over
// the CJK block and any other rune's through a map: most nodes below the
// root have one or two children, where a scan is cheapest, and the few
// with many (the roots) are met at almost every position of a text.
type revNode[V any] struct {
	keys []rune
	kids []*revNode[V]
	cjk  []int32              // with many children: 1 + index in kids, by rune - cjkFirst; 0 for none
	many map[rune]*revNode[V] // with many children: those outside the CJK block
	val  V
	leaf bool
}

// manyKids is the number of children from which a node looks them up in
// its tables.
const manyKids = 8

// The CJK Unified Ideographs block.
const cjkFirst, cjkLast = 0x4E00, 0x9FFF

// child returns the node's child for r, or nil.
func (n *revNode[V]) child(r rune) *revNode[V] {
	if n.cjk != nil {
		if r >= cjkFirst && r <= cjkLast {
			if k := n.cjk[r-cjkFirst]; k > 0 {
				return n.kids[k-1]
			}
			return nil
		}
		return n.many[r]
	}
	for i, k := range n.keys {
		if k == r {
			return n.kids[i]
		}
	}
	return nil
}

// addChild adds c as the node's child for r, which it must not have yet.
func (n *revNode[V]) addChild(r rune, c *revNode[V]) {
	n.keys = append(n.keys, r)
	n.kids = append(n.kids, c)
	switch {
	case n.cjk != nil:
		n.index(len(n.kids) - 1)
	case len(n.keys) > manyKids:
		n.cjk = make([]int32, cjkLast-cjkFirst+1)
		n.many = map[rune]*revNode[V]{}
		for i := range n.kids {
			n.index(i)
		}
	}
}

// index files the i-th child in the node's tables.
func (n *revNode[V]) index(i int) {
	if r := n.keys[i]; r >= cjkFirst && r <= cjkLast {
		n.cjk[r-cjkFirst] = int32(i + 1)
	} else {
		n.many[r] = n.kids[i]
	}
}

func (t *revTrie[V]) add(word string, v V) {
	n := &t.root
	rs := []rune(word)
	if len(rs) > 0 {
		if r := rs[len(rs)-1]; r >= 1<<16 || r < 0 {
			t.wide = true
		} else {
			t.ends[r>>6] |= 1 << (uint(r) & 63)
		}
	}
	for i := len(rs) - 1; i >= 0; i-- {
		c := n.child(rs[i])
		if c == nil {
			c = &revNode[V]{}
			n.addChild(rs[i], c)
		}
		n = c
	}
	n.val, n.leaf = v, true
}

// longest returns the length and value of the longest word that ends at
// end (exclusive) and starts at or after lo.
func (t *revTrie[V]) longest(rs []rune, lo, end int) (int, V, bool) {
	var best V
	bestLen, found := 0, false
	if end <= lo || !t.mayEndWith(rs[end-1]) {
		return 0, best, false
	}
	n := &t.root
	for i := end - 1; i >= lo; i-- {
		n = n.child(rs[i])
		if n == nil {
			break
		}
		if n.leaf {
			best, bestLen, found = n.val, end-i, true
		}
	}
	return bestLen, best, found
}

// longestSkipping is longest, but a rune for which skip is true may be
// passed over where the word does not hold it there (the quotes in
// “专精特新”企业 against 专精特新企业, while 专精特新“小巨人”企业 keeps its
// own). The length returned counts the runes passed over.
func (t *revTrie[V]) longestSkipping(rs []rune, lo, end int, skip func(rune) bool) (int, V, bool) {
	var best V
	bestLen, found := 0, false
	if end <= lo || !t.mayEndWith(rs[end-1]) {
		return 0, best, false
	}
	// Most words hold no rune to skip: walk them as longest does, and search
	// with skipping only when one is met.
	n := &t.root
	plain := true
	for i := end - 1; i >= lo; i-- {
		if skip(rs[i]) && i < end-1 {
			plain = false
			break
		}
		if n = n.child(rs[i]); n == nil {
			break
		}
		if n.leaf {
			best, bestLen, found = n.val, end-i, true
		}
	}
	if plain {
		return bestLen, best, found
	}
	// At most four runes are passed over (two pairs of quotes), which bounds
	// the search however many quotes the text holds in a row.
	var walk func(n *revNode[V], i, budget int)
	walk = func(n *revNode[V], i, budget int) {
		for ; i >= lo; i-- {
			if budget > 0 && skip(rs[i]) && i < end-1 {
				walk(n, i-1, budget-1) // the word without this rune
			}
			n = n.child(rs[i])
			if n == nil {
				return
			}
			if n.leaf && end-i > bestLen {
				best, bestLen, found = n.val, end-i, true
			}
		}
	}
	walk(&t.root, end-1, 4)
	return bestLen, best, found
}

// startsAt reports whether a word of the trie begins at start and ends no
// later than end.
func (t *revTrie[V]) startsAt(rs []rune, start, end int) bool {
	for e := start + 1; e <= end && e <= len(rs); e++ {
		if n, _, ok := t.longest(rs, start, e); ok && n == e-start {
			return true
		}
	}
	return false
}

// each calls fn for every word ending at end, shortest first.
func (t *revTrie[V]) each(rs []rune, lo, end int, fn func(n int, v V)) {
	if end <= lo || !t.mayEndWith(rs[end-1]) {
		return
	}
	n := &t.root
	for i := end - 1; i >= lo; i-- {
		n = n.child(rs[i])
		if n == nil {
			return
		}
		if n.leaf {
			fn(end-i, n.val)
		}
	}
}

// suffixClass says how a suffix's name extends to the left.
type suffixClass string

const (
	classLegal   suffixClass = "legal"
	classOrg     suffixClass = "org"
	classBody    suffixClass = "body"
	classFund    suffixClass = "fund"
	classPark    suffixClass = "park"
	classSubpark suffixClass = "subpark"
	classProject suffixClass = "project"
)

type suffix struct {
	word      string
	typ       graph.EntityType
	class     suffixClass
	min, max  int
	notBefore []string
	notAfter  []string
	branch    bool // a branch (分公司, 铸锻厂): its parent company is part of its name
	specific  bool // the head word names one thing even after generic words (医疗器械产业子基金)
}

// lexicon holds the word lists the recognisers use.
type lexicon struct {
	suffixes    revTrie[*suffix]
	stops       revTrie[bool] // value: the stop is soft (also occurs inside names)
	generic     revTrie[bool]
	disciplines revTrie[bool]   // subjects a university is named for (电子, 科技)
	cuedHonours map[string]bool // titles that are also everyday phrases (智能工厂)
	cities      map[string]bool // city names without 市 (成都): a title they confer is municipal
	places      revTrie[bool]
	placeList   []string
	honours     revTrie[string]
	honourCues  revTrie[bool]
	honourHeads revTrie[bool]             // words that end a title right after a cue (…培育库, …先进单位)
	bodies      revTrie[bool]             // catalogue of national bodies (工信部)
	parkAbbrev  [][2]string               // full park-type word, short form
	listHeads   revTrie[graph.EntityType] // nouns closing a list of names, and the type they give
	boards      revTrie[string]           // boards and exchange short names → the exchange
}

func loadLexicon(fsys fs.FS) (*lexicon, error) {
	lx := &lexicon{}
	lines, err := readLines(fsys, "rules/suffixes.tsv")
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		f := strings.Split(strings.TrimSpace(l.text), "\t")
		if len(f) < 3 {
			return nil, l.errorf("want suffix, type and class separated by tabs")
		}
		t, err := graph.ParseEntityType(f[1])
		if err != nil {
			return nil, l.errorf("%v", err)
		}
		s := &suffix{word: f[0], typ: t, class: suffixClass(f[2]), min: 1, max: 24}
		switch s.class {
		case classLegal, classOrg, classBody, classFund, classPark, classSubpark, classProject:
		default:
			return nil, l.errorf("unknown class %q", f[2])
		}
		if s.class == classProject {
			s.max = 40
		}
		for _, opt := range f[3:] {
			if opt == "branch" {
				s.branch = true
				continue
			}
			if opt == "specific" {
				s.specific = true
				continue
			}
			k, v, ok := strings.Cut(opt, "=")
			if !ok {
				return nil, l.errorf("option %q: want key=value", opt)
			}
			switch k {
			case "min", "max":
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 {
					return nil, l.errorf("option %s: want a number, got %q", k, v)
				}
				if k == "min" {
					s.min = n
				} else {
					s.max = n
				}
			case "notbefore":
				s.notBefore = strings.Split(v, "|")
			case "notafter":
				s.notAfter = strings.Split(v, "|")
			default:
				return nil, l.errorf("unknown option %q", k)
			}
		}
		lx.suffixes.add(s.word, s)
	}
	stops, err := readLines(fsys, "rules/stops.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range stops {
		w, attr, _ := strings.Cut(strings.TrimSpace(l.text), "\t")
		switch strings.TrimSpace(attr) {
		case "", "soft":
		default:
			return nil, l.errorf("unknown stop attribute %q (want soft or nothing)", attr)
		}
		lx.stops.add(strings.TrimSpace(w), strings.TrimSpace(attr) == "soft")
	}
	for _, spec := range []struct {
		file string
		into func(string)
	}{
		{"rules/generic.txt", func(w string) { lx.generic.add(w, true) }},
		{"rules/disciplines.txt", func(w string) { lx.disciplines.add(w, true) }},
		{"rules/places.txt", func(w string) { lx.places.add(w, true); lx.placeList = append(lx.placeList, w) }},
		{"rules/cities.txt", func(w string) { lx.addCity(w) }},

		{"rules/honour_cues.txt", func(w string) { lx.honourCues.add(w, true) }},
		{"rules/institutions.txt", func(w string) { lx.bodies.add(w, true) }},
		{"rules/honour_heads.txt", func(w string) { lx.honourHeads.add(w, true) }},
	} {
		words, err := wordList(fsys, spec.file)
		if err != nil {
			return nil, err
		}
		for _, w := range words {
			spec.into(w)
		}
	}
	honourLines, err := readLines(fsys, "rules/honours.txt")
	if err != nil {
		return nil, err
	}
	lx.cuedHonours = map[string]bool{}
	for _, l := range honourLines {
		w, attr, _ := strings.Cut(strings.TrimSpace(l.text), "\t")
		w = strings.TrimSpace(w)
		switch strings.TrimSpace(attr) {
		case "":
		case "cued":
			lx.cuedHonours[w] = true
		default:
			return nil, l.errorf("unknown honour attribute %q (want cued or nothing)", attr)
		}
		lx.honours.add(w, w)
	}
	abbrev, err := readLines(fsys, "rules/park_abbrev.tsv")
	if err != nil {
		return nil, err
	}
	for _, l := range abbrev {
		f := strings.Split(strings.TrimSpace(l.text), "\t")
		if len(f) != 2 {
			return nil, l.errorf("want the full park-type word and its short form, separated by a tab")
		}
		lx.parkAbbrev = append(lx.parkAbbrev, [2]string{f[0], f[1]})
	}
	bodies, err := readLines(fsys, "rules/institutions.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range bodies {
		if full, short, ok := strings.Cut(strings.TrimSpace(l.text), "\t"); ok {
			lx.bodies.add(short, true)
			lx.boards.add(short, full) // a short name stands for its full name, as a board does
		}
	}
	boards, err := readLines(fsys, "rules/boards.tsv")
	if err != nil {
		return nil, err
	}
	for _, l := range boards {
		f := strings.Split(strings.TrimSpace(l.text), "\t")
		if len(f) != 2 {
			return nil, l.errorf("want a board and its exchange, separated by a tab")
		}
		lx.boards.add(f[0], f[1])
	}
	heads, err := readLines(fsys, "rules/lists.tsv")
	if err != nil {
		return nil, err
	}
	for _, l := range heads {
		f := strings.Split(strings.TrimSpace(l.text), "\t")
		if len(f) != 2 {
			return nil, l.errorf("want a head noun and an entity type, separated by a tab")
		}
		t, err := graph.ParseEntityType(f[1])
		if err != nil {
			return nil, l.errorf("%v", err)
		}
		lx.listHeads.add(f[0], t)
	}
	return lx, nil
}

// addCity adds the cities of a line, each with and without 市, as place words.
func (lx *lexicon) addCity(line string) {
	if lx.cities == nil {
		lx.cities = map[string]bool{}
	}
	for _, w := range strings.Fields(line) {
		lx.cities[w] = true
		lx.places.add(w, true)
		lx.places.add(w+"市", true)
	}
}

// isGenericCore reports whether rs (a name without its suffix) consists only
// of generic words, place words, digits and punctuation.
func (lx *lexicon) isGenericCore(rs []rune) bool {
	end := len(rs)
	for end > 0 {
		r := rs[end-1]
		if !isHan(r) && !isLatinLetter(r) {
			end--
			continue
		}
		if n, _, ok := lx.generic.longest(rs, 0, end); ok {
			end -= n
			continue
		}
		if n, _, ok := lx.places.longest(rs, 0, end); ok {
			end -= n
			continue
		}
		if n, _, ok := lx.suffixes.longest(rs, 0, end); ok && n >= 2 {
			end -= n
			continue
		}
		return false
	}
	return true
}

// namesDiscipline reports whether rs is two or more subject words (电子科技),
// which name a university.
func (lx *lexicon) namesDiscipline(rs []rune) bool {
	end, words := len(rs), 0
	for end > 0 {
		n, _, ok := lx.disciplines.longest(rs, 0, end)
		if !ok {
			return false
		}
		end -= n
		words++
	}
	return words >= 2
}

// hasPlace reports whether rs holds a place word (a province, a region).
func (lx *lexicon) hasPlace(rs []rune) bool {
	for i := 1; i <= len(rs); i++ {
		if _, _, ok := lx.places.longest(rs, 0, i); ok {
			return true
		}
	}
	return false
}

func isLatinLetter(r rune) bool { return r < 0x80 && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') }

func (s *suffix) String() string { return fmt.Sprintf("%s(%s)", s.word, s.typ) }
