package extract

import (
	"fmt"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"parkgraph/graph"
)

// Each mention in a sentence is encoded as one private-use rune: the block
// says the type, the low byte the mention's slot in the sentence.
var typeBase = map[graph.EntityType]rune{
	graph.Park:        0xE000,
	graph.Enterprise:  0xE100,
	graph.Institution: 0xE200,
	graph.Honor:       0xE300,
	graph.Investor:    0xE400,
	graph.Project:     0xE500,
}

const maxSlots = 256

func slotType(r rune) (graph.EntityType, int, bool) {
	if r < 0xE000 || r >= 0xE600 {
		return "", 0, false
	}
	return graph.EntityTypes[(r-0xE000)>>8], int(r & 0xFF), true
}

// typeGroups are the type names a rule slot may use.
var typeGroups = map[string][]graph.EntityType{
	"Park":        {graph.Park},
	"Enterprise":  {graph.Enterprise},
	"Institution": {graph.Institution},
	"Honor":       {graph.Honor},
	"Investor":    {graph.Investor},
	"Project":     {graph.Project},
	"Org":         {graph.Enterprise, graph.Institution, graph.Investor},
	"Holder":      {graph.Enterprise, graph.Institution, graph.Park},
	"Located":     {graph.Enterprise, graph.Institution, graph.Investor, graph.Project},
	"Builder":     {graph.Enterprise, graph.Institution, graph.Investor, graph.Park},
	"Actor":       {graph.Enterprise, graph.Institution, graph.Investor, graph.Park},
	"Any":         graph.EntityTypes,
}

const (
	listSep   = `(?:\([^)\x{E000}-\x{E5FF}]{1,12}\))?(?:` + spokesman + `)?(?:、|,|和|与|及|以及|或|还有)`
	spokesman = `(?:董事长|总经理|总裁|负责人|主任|院长|校长)[\p{Han}·]{2,4}?` // A董事长张三和B董事长李四签订…
	gapShort  = `[^。!?;\x{E000}-\x{E5FF}]{0,20}?`
	gapLong   = `[^。!?]{0,80}?`
	gapPlain  = `[^。!?;\x{E100}-\x{E2FF}\x{E400}-\x{E5FF}]{0,40}?` // parks and honours only
	measure   = `\d+(?:\.\d+)?(?:平方公里|万平方米|平方米|万亩|亩|公顷)`
	newName   = `[^、,。;!?:()\x{E000}-\x{E5FF}]{2,40}?`
	yearRE    = `(\d{4})年度?`
	amountRE  = `(约?(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千〇零]+(?:点[一二三四五六七八九〇零]+)?)(?:多|余)?(?:万亿|千亿|百亿|亿|千万|百万|万|千)?(?:元|美元|欧元|人民币|港元))`
	slotMacro = `\{(?:([A-Za-z]\w*):)?(new )?([A-Za-z|]+)(\+?)\}`
)

var slotMacroRE = regexp.MustCompile(slotMacro)

// relRule is one compiled relation rule.
// maxSpan is the most sentences one rule may read.
const maxSpan = 12

type relRule struct {
	spec  *RuleSpec
	name  string
	res   []*regexp.Regexp
	pre   []prefilter      // one per pattern: what a sentence needs before the pattern runs
	tails []*regexp.Regexp // for patterns over earlier sentences: the part after the last ⏎, anchored at the current sentence's start
	tpre  []prefilter      // what the current sentence needs for the tail to match
	// tests and ttests: one per pattern and tail, whether a text holds a
	// match, told without the regular expression engine (nil: not told)
	tests, ttests []*matchTest
	// locators: one per pattern, what finds its matches without searching
	// the whole text with the engine (see locate.go), built on first use
	locators []*locator
	topen    [][][2]rune // the runes the current sentence must open with for the tail to match; nil if any
	emits    []emit
	span     int                       // sentences the pattern reads: 1, or up to maxSpan (earlier ones + current)
	where    map[string]*regexp.Regexp // slot → pattern its name must match
	types    map[string]graph.EntityType
	news     map[string]graph.EntityType // slots that name new entities
	drop     map[string]bool             // slots whose mentions name no entity (parts of a project)
	// notAfter: slots that must not follow one of these characters (迁至X:
	// X is where something went, not who acts)
	notAfter map[string]string
	// notAfterPark: slots that must not follow a park mention written after
	// one of these characters (在云岭新区化工园区建设X: the second park is
	// where, not who)
	notAfterPark map[string]string
	// notBetween: the match counts only where the text between the end of
	// the first slot and the start of the second does not hold the text
	// (X…，并获批H: H belongs to the sentence's subject, not to X)
	notBetween [][3]string
	// listStop: a list slot's items after this text are left out (园区企业A
	// 与B大学…: B is A's partner, not another firm of the park)
	listStop map[string]string
	anchored []bool  // one per pattern: it holds ^ (a match found in a later part of the text would be false)
	gid      []int32 // one per pattern: its number among all the extractor's patterns
	keyless  []bool  // one per pattern: tried on every sentence (see indexPatterns)
}

type emit struct {
	subj, obj    string // group names, or "@Type" for every mention of a type in the sentence ("@Type>": from where the match starts on)
	pred         graph.Predicate
	year, amount string // group names of attributes
	zip          bool   // pair the i-th subject with the i-th object (分别由…)
}

func typeClass(names string) (string, error) {
	var b strings.Builder
	b.WriteByte('[')
	for _, n := range strings.Split(names, "|") {
		ts, ok := typeGroups[n]
		if !ok {
			return "", fmt.Errorf("unknown slot type %q", n)
		}
		for _, t := range ts {
			base := typeBase[t]
			fmt.Fprintf(&b, `\x{%X}-\x{%X}`, base, base+maxSlots-1)
		}
	}
	b.WriteByte(']')
	return b.String(), nil
}

// expandPattern turns a rule pattern into a Go regular expression. Slots
// written {X:new Type} match plain text that becomes a new entity of that
// type; their names are returned in news.
func expandPattern(p string) (string, map[string]graph.EntityType, error) {
	var err error
	news := map[string]graph.EntityType{}
	out := slotMacroRE.ReplaceAllStringFunc(p, func(m string) string {
		sm := slotMacroRE.FindStringSubmatch(m)
		name, isNew, types, list := sm[1], sm[2] != "", sm[3], sm[4] == "+"
		var body string
		switch {
		case isNew:
			t, e := graph.ParseEntityType(types)
			if e != nil || name == "" {
				err = fmt.Errorf("new-entity slot %q needs a name and one entity type", m)
				return m
			}
			news[name] = t
			return `(?P<` + name + `>` + newName + `)`
		case types == "year":
			body = yearRE
		case types == "amount":
			body = amountRE
		default:
			c, e := typeClass(types)
			if e != nil {
				err = e
				return m
			}
			body = c
			if list {
				item := `(?:` + measure + `)?` + c
				sep := listSep
				if types == "Honor" {
					sep += "?" // “A”“B”“C”: quoted titles need no separator
				}
				// (估值80亿元): a note may close the list too
				body = item + `(?:` + sep + item + `)*(?:\([^)\x{E000}-\x{E5FF}]{1,12}\))?`
			}
		}
		if types == "year" || types == "amount" {
			if name == "" {
				return strings.Replace(body, "(", "(?:", 1)
			}
			return strings.Replace(body, "(", "(?P<"+name+">", 1)
		}
		if name == "" {
			return `(?:` + body + `)`
		}
		return `(?P<` + name + `>` + body + `)`
	})
	out = strings.NewReplacer("…", gapShort, "⋯", gapLong, "~", gapPlain, "⏎", `[^\n]*\n(?:[^\n]*\n)*?`).Replace(out)
	return out, news, err
}

func compileRule(s *RuleSpec) (*relRule, error) {
	r := &relRule{spec: s, name: s.Name, span: 1, where: map[string]*regexp.Regexp{}, types: map[string]graph.EntityType{}, news: map[string]graph.EntityType{}, drop: map[string]bool{}}
	if len(s.Fields["match"]) == 0 {
		return nil, s.first.errorf("rule %s: no match line", s.Name)
	}
	for _, p := range s.Fields["match"] {
		expr, news, err := expandPattern(p)
		if err != nil {
			return nil, s.first.errorf("rule %s: %v", s.Name, err)
		}
		for k, v := range news {
			r.news[k] = v
		}
		re, err := regexp.Compile(expr)
		if err != nil {
			return nil, s.first.errorf("rule %s: pattern %q: %v", s.Name, p, err)
		}
		r.res = append(r.res, re)
		// The expression compiled; its tree serves the anchor test, the
		// prefilter and the match test.
		tree, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			return nil, s.first.errorf("rule %s: pattern %q: %v", s.Name, p, err)
		}
		simple := tree.Simplify()
		r.anchored = append(r.anchored, holdsAnchor(tree))
		r.pre = append(r.pre, prefilterOf(simple))
		r.tests = append(r.tests, matchTestOf(simple))
		r.locators = append(r.locators, &locator{expr: expr})
		tail := regexp.MustCompile(``)
		if i := strings.LastIndex(p, "⏎"); i >= 0 {
			texpr, _, err := expandPattern(p[i+len("⏎"):])
			if err != nil {
				return nil, s.first.errorf("rule %s: %v", s.Name, err)
			}
			if tail, err = regexp.Compile("^(?:" + texpr + ")"); err != nil {
				return nil, s.first.errorf("rule %s: the pattern after ⏎ does not stand alone (⏎ must not be inside a group): %v", s.Name, err)
			}
		}
		r.tails = append(r.tails, tail)
		ttree, err := syntax.Parse(tail.String(), syntax.Perl)
		if err != nil {
			return nil, s.first.errorf("rule %s: the pattern after ⏎: %v", s.Name, err)
		}
		ttree = ttree.Simplify()
		r.tpre = append(r.tpre, prefilterOf(ttree))
		r.ttests = append(r.ttests, matchTestOf(ttree))
		r.topen = append(r.topen, openingRunesOf(ttree))
		if strings.Contains(p, "⏎") && r.span < 2 {
			r.span = 2
		}
	}
	for _, e := range s.Fields["emit"] {
		f := strings.Fields(e)
		if len(f) < 3 {
			return nil, s.first.errorf("rule %s: emit %q: want SUBJECT PREDICATE OBJECT [year=G] [amount=G]", s.Name, e)
		}
		p, err := graph.ParsePredicate(f[1])
		if err != nil {
			return nil, s.first.errorf("rule %s: %v", s.Name, err)
		}
		em := emit{subj: f[0], pred: p, obj: f[2]}
		for _, a := range f[3:] {
			if a == "zip" {
				em.zip = true
				continue
			}
			k, v, _ := strings.Cut(a, "=")
			switch k {
			case "year":
				em.year = v
			case "amount":
				em.amount = v
			default:
				return nil, s.first.errorf("rule %s: unknown attribute %q", s.Name, k)
			}
		}
		r.emits = append(r.emits, em)
	}
	for _, w := range s.Fields["where"] {
		slot, pat, _ := strings.Cut(w, " ")
		re, err := regexp.Compile(strings.TrimSpace(pat))
		if err != nil {
			return nil, s.first.errorf("rule %s: where %q: %v", s.Name, w, err)
		}
		r.where[slot] = re
	}
	// slotTexts reads the lines of a field that name a slot and a text.
	slotTexts := func(field, want string) (map[string]string, error) {
		var out map[string]string
		for _, w := range s.Fields[field] {
			slot, text, _ := strings.Cut(w, " ")
			if text = strings.TrimSpace(text); text == "" {
				return nil, s.first.errorf("rule %s: %s %q: want %s", s.Name, field, w, want)
			}
			if out == nil {
				out = map[string]string{}
			}
			out[slot] = text
		}
		return out, nil
	}
	var err error
	if r.notAfter, err = slotTexts("notafter", "SLOT CHARACTERS"); err != nil {
		return nil, err
	}
	for slot, chars := range r.notAfter {
		rs := []rune(chars)
		var keep, before []rune
		for i := 0; i < len(rs); i++ {
			if i+1 < len(rs) && strings.HasPrefix(string(rs[i+1:]), "{Park}") {
				before = append(before, rs[i])
				i += len("{Park}")
				continue
			}
			keep = append(keep, rs[i])
		}
		if len(before) > 0 {
			if r.notAfterPark == nil {
				r.notAfterPark = map[string]string{}
			}
			r.notAfterPark[slot] = string(before)
			r.notAfter[slot] = string(keep)
		}
	}
	if r.listStop, err = slotTexts("liststop", "SLOT TEXT"); err != nil {
		return nil, err
	}
	for _, w := range s.Fields["notbetween"] {
		f := strings.Fields(w)
		if len(f) != 3 {
			return nil, s.first.errorf("rule %s: notbetween %q: want SLOT SLOT TEXT", s.Name, w)
		}
		r.notBetween = append(r.notBetween, [3]string{f[0], f[1], f[2]})
	}
	for _, w := range s.Fields["type"] {
		slot, t, _ := strings.Cut(w, " ")
		et, err := graph.ParseEntityType(strings.TrimSpace(t))
		if err != nil {
			return nil, s.first.errorf("rule %s: %v", s.Name, err)
		}
		r.types[slot] = et
	}
	if w := s.Fields["window"]; len(w) == 1 {
		n, err := strconv.Atoi(w[0])
		if err != nil || n < 2 || n > maxSpan {
			return nil, s.first.errorf("rule %s: window %q: want 2 to %d sentences", s.Name, w[0], maxSpan)
		}
		r.span = n
	}
	for _, w := range s.Fields["drop"] {
		r.drop[strings.TrimSpace(w)] = true
	}
	if len(r.emits) == 0 && len(r.types) == 0 && len(r.drop) == 0 {
		return nil, s.first.errorf("rule %s: no emit, type or drop line", s.Name)
	}
	return r, nil
}

// encoded is a sentence with its mentions replaced by slot runes.
type encoded struct {
	text  string
	slots []int   // slot → mention index
	ents  []int   // slot → entity index
	pos   []int32 // rune of text → document offset where it starts
	end   []int32 // rune of text → document offset where it ends
	mask  uint8   // the types of its slots (bit i: graph.EntityTypes[i])
	cues  bitSet  // which of the extractor's cue words occur in text; nil until scanned
	// classes: the extractor's rune classes of text's runes, for the match
	// tests; nil until worked out
	classes []uint16
}

// encodeAll encodes every sentence for the rules. The encodings' rune
// offsets are cut from one array kept with the document's buffers; an
// earlier encoding of the document is dropped.
func (d *doc) encodeAll() {
	total := 0
	for _, s := range d.sents {
		total += 2 * (s.Span.End - s.Span.Start)
	}
	d.buf.offsets = grow(d.buf.offsets, total)
	d.encs = grow(d.buf.encoded, len(d.sents))
	clear(d.encs)
	off := d.buf.offsets
	for si := range d.sents {
		n := 2 * (d.sents[si].Span.End - d.sents[si].Span.Start)
		d.encs[si] = d.encodeInto(si, off[:n:n])
		off = off[n:]
	}
	d.buf.encoded = d.encs
	d.encVersion = d.version
}

// encode encodes sentence si on its own.
func (d *doc) encode(si int) encoded {
	s := d.sents[si]
	return d.encodeInto(si, make([]int32, 2*(s.Span.End-s.Span.Start)))
}

// encodeInto encodes sentence si, keeping its rune offsets in buf, which
// holds twice the sentence's runes (a sentence encodes to at most as many
// runes as it has).
func (d *doc) encodeInto(si int, buf []int32) encoded {
	s := d.sents[si]
	var b strings.Builder
	n := s.Span.End - s.Span.Start
	b.Grow(3 * n)
	enc := encoded{pos: buf[:0:n], end: buf[n:n]}
	for i := s.Span.Start; i < s.Span.End; {
		if k := d.cover[i]; k >= 0 && d.mentions[k].start == i && len(enc.slots) < maxSlots {
			m := &d.mentions[k]
			if d.namesNext(m) {
				// 长春新区产业技术转移中心: the park is part of the centre's name
				// here, no party of its own
				i = m.end
				continue
			}
			if m.ent >= 0 && !d.ents[m.ent].dropped && m.end <= s.Span.End {
				b.WriteRune(typeBase[d.ents[m.ent].typ] + rune(len(enc.slots)))
				enc.mask |= 1 << ((typeBase[d.ents[m.ent].typ] - 0xE000) >> 8)
				enc.slots = append(enc.slots, int(k))
				enc.ents = append(enc.ents, m.ent)
				enc.pos = append(enc.pos, int32(m.start))
				enc.end = append(enc.end, int32(m.end))
				i = m.end
				continue
			}
		}
		if e, ok := d.aliasParens[i]; ok && e <= s.Span.End && i > s.Span.Start {
			i = e // X(以下简称“Y”)投资…: the definition stands outside the clause
			continue
		}
		r := d.m[i]
		if !isQuote(r) && r != ' ' {
			b.WriteRune(r)
			enc.pos = append(enc.pos, int32(i))
			enc.end = append(enc.end, int32(i+1))
		}
		i++
	}
	enc.text = b.String()
	return enc
}

// namesNext reports whether a park mention is the first part of the name of
// the centre or fund written right after it (its entity is named with it).
func (d *doc) namesNext(m *mention) bool {
	if m.typ != graph.Park || m.ent < 0 || m.end >= len(d.cover) {
		return false
	}
	k := d.cover[m.end]
	if k < 0 || d.mentions[k].start != m.end || d.mentions[k].ent < 0 {
		return false
	}
	e := d.ents[d.mentions[k].ent]
	return (e.typ == graph.Institution || e.typ == graph.Investor) && strings.HasPrefix(e.name, m.name)
}

// fact is a relation found by a rule.
type fact struct {
	s, o     int // entity indexes
	p        graph.Predicate
	sentence int
	year     int
	amount   graph.Amount
	rule     string
}

// relations runs every rule over every sentence and adds the relations that
// follow from the document's structure (sub-parks, park bodies).
func (d *doc) relations() []graph.Relation {
	return d.toRelations(d.facts())
}

// facts gathers the facts the relations are made of: what the rules found,
// what the document's structure and its home park give, each placed in the
// most specific park.
func (d *doc) facts() []fact {
	facts := d.ruleFacts()
	d.dropIdleEmployers(facts)
	facts = append(facts, d.structuralFacts()...)
	facts = append(facts, d.tableFacts()...)
	facts = append(facts, d.restOfProjects(facts)...)
	facts = append(facts, d.defaultFacts(facts)...)
	d.buf.facts = facts // for the next document, once this one is released
	return mostSpecific(d.ents, d.phasesOfParks(facts))
}

// phasesOfParks moves a project named for a park it builds (数字经济产业园二期项目
// placed in 数字经济产业园) to the park that one is part of: the facility a
// project builds is the project, so it lies where the facility lies.
func (d *doc) phasesOfParks(facts []fact) []fact {
	parent := map[int]int{}
	for _, f := range facts {
		if f.p == graph.PartOf && d.ents[f.s].typ == graph.Park && d.ents[f.o].typ == graph.Park && f.s != f.o {
			parent[f.s] = f.o
		}
	}
	if len(parent) == 0 {
		return facts
	}
	for i, f := range facts {
		if f.p != graph.LocatedIn || d.ents[f.s].typ != graph.Project || d.ents[f.o].typ != graph.Park {
			continue
		}
		up, ok := parent[f.o]
		if !ok {
			continue
		}
		named := false
		for a := range d.ents[f.o].aliases {
			for b := range d.ents[f.s].aliases {
				if k := strings.Index(b, a); len([]rune(a)) >= 3 && k >= 0 && (k == 0 || strings.HasPrefix(b, d.ents[up].name)) {
					rest := strings.TrimSuffix(strings.TrimSuffix(b[k+len(a):], "项目"), "建设")
					named = named || rest == "" || isPhase([]rune(rest)) // (枫桥园区标准化厂房三期项目 lies in 枫桥园区)
				}
			}
		}
		if named {
			facts[i].o = up
		}
	}
	return facts
}

// mostSpecific drops the located_in facts that place something in a park
// when it is also placed in a part of that park: the guideline places an
// organisation in the most specific park only (X位于P的S园区: X is in S,
// and S part of P).
func mostSpecific(ents []*entity, facts []fact) []fact {
	name := func(i int) string { return ents[i].name }
	parents := map[string][]string{}
	for _, f := range facts {
		if f.p == graph.PartOf && !ents[f.s].dropped && !ents[f.o].dropped {
			parents[name(f.s)] = append(parents[name(f.s)], name(f.o))
		}
	}
	if len(parents) == 0 {
		return facts
	}
	// Every park that holds a park something is placed in, however far up.
	within := map[string]map[string]bool{} // subject → parks to drop
	for _, f := range facts {
		if f.p != graph.LocatedIn || ents[f.s].dropped || ents[f.o].dropped {
			continue
		}
		todo, seen := parents[name(f.o)], map[string]bool{name(f.o): true}
		for len(todo) > 0 {
			p := todo[len(todo)-1]
			todo = todo[:len(todo)-1]
			if seen[p] {
				continue
			}
			seen[p] = true
			if within[name(f.s)] == nil {
				within[name(f.s)] = map[string]bool{}
			}
			within[name(f.s)][p] = true
			todo = append(todo, parents[p]...)
		}
	}
	if len(within) == 0 {
		return facts
	}
	out := facts[:0:0]
	for _, f := range facts {
		if f.p == graph.LocatedIn && within[name(f.s)][name(f.o)] {
			continue
		}
		out = append(out, f)
	}
	return out
}

// defaultFacts places the projects no rule placed in the article's own
// park: in news about one park, the projects it reports on are built there.
// The article's park is the park mentioned most, if it is mentioned at least
// twice as often as any other.
func (d *doc) defaultFacts(facts []fact) []fact {
	placed := map[int]bool{}
	for _, f := range facts {
		if f.p == graph.LocatedIn || f.p == graph.PartOf {
			placed[f.s] = true
		}
	}
	out := d.countedHoldersFacts(facts, placed)
	out = append(out, d.parkTitleHolders(facts, placed)...)
	home := d.homePark()
	if home < 0 {
		return out
	}
	out = append(out, d.layoutParts(facts, home, placed)...)
	for i, e := range d.ents {
		if e.dropped || placed[i] || len(e.mentions) == 0 {
			continue
		}
		if e.typ == graph.Project {
			out = append(out, fact{s: i, o: home, p: graph.LocatedIn, sentence: d.sentenceOfFirst(e, func(*mention) bool { return true }), rule: "default:article-park"})
		}
	}
	// A clause with no subject that opens by bringing firms in (先后引进A、
	// B等重点企业27家) speaks for the article's park, as reports do.
	for _, k := range d.byPosition() {
		m := &d.mentions[k]
		if m.ent < 0 || placed[m.ent] || d.ents[m.ent].dropped || d.ents[m.ent].typ != graph.Enterprise || !d.introducedAt(m.start) {
			continue
		}
		placed[m.ent] = true
		out = append(out, fact{s: m.ent, o: home, p: graph.LocatedIn, sentence: d.sentOf[m.start], rule: "default:introduced"})
	}
	return out
}

// layoutWordRE finds a park's layout written as a word: 一区四园, 一区多园,
// 一区两片.
var layoutWordRE = mustGuarded(`一区[一二两三四五六七八九十多]+[园片]`)

// layoutParts makes the areas of an article about a park laid out as 一区多园
// parts of that park where nothing else places them: the areas (…园, …园区,
// …片区) are its 园.
func (d *doc) layoutParts(facts []fact, home int, placed map[int]bool) []fact {
	if !layoutWordRE.MatchString(d.text()) {
		return nil
	}
	var out []fact
	for i, e := range d.ents {
		if i == home || e.dropped || e.typ != graph.Park || placed[i] || e.parent >= 0 || len(e.mentions) == 0 {
			continue
		}
		name := graph.NormalizeName(e.name)
		if !(strings.HasSuffix(name, "园") || strings.HasSuffix(name, "园区") || strings.HasSuffix(name, "片区")) {
			continue
		}
		placed[i] = true
		out = append(out, fact{s: i, o: home, p: graph.PartOf, sentence: d.sentenceOfFirst(e, func(*mention) bool { return true }), rule: "default:layout-part"})
	}
	return out
}

// parkTitleHolders places in a park the holders of a title that park's own
// body confers (苏州工业园区科技创新委员会 names the park's 独角兽培育企业): a
// park lists its own firms.
func (d *doc) parkTitleHolders(facts []fact, placed map[int]bool) []fact {
	bodyPark := map[int]int{}
	for _, f := range facts {
		if f.p == graph.LocatedIn && f.rule == "structure:park-body" && d.ents[f.s].typ == graph.Institution && d.ents[f.o].typ == graph.Park {
			bodyPark[f.s] = f.o
		}
	}
	if len(bodyPark) == 0 {
		return nil
	}
	titlePark := map[int]int{}
	for _, f := range facts {
		if f.p == graph.IssuedBy {
			if p, ok := bodyPark[f.o]; ok {
				titlePark[f.s] = p
			}
		}
	}
	var out []fact
	for _, f := range facts {
		if f.p != graph.Awarded || placed[f.s] {
			continue
		}
		if t := d.ents[f.s].typ; t != graph.Enterprise && t != graph.Institution {
			continue
		}
		if p, ok := titlePark[f.o]; ok {
			placed[f.s] = true
			out = append(out, fact{s: f.s, o: p, p: graph.LocatedIn, sentence: f.sentence, rule: "default:park-title"})
		}
	}
	return out
}

// parkCountRE finds a park's count of the holders of a title in a sentence's
// encoded text: P共有11家企业入选, P 5家企业获认定.
var parkCountRE = regexp.MustCompile(`([\x{E000}-\x{E0FF}])(?:共有|共|有|今年|此次|本次)?[^\x{E000}-\x{E5FF}。]{0,4}?(?:\d+|[一二两三四五六七八九十]+)家(?:企业|单位|机构)?[^\x{E000}-\x{E2FF}\x{E400}-\x{E5FF}。,]{0,8}?(?:入选|获评|上榜|榜上有名|获认定|通过认定|被认定|被评为|获批|入围)`)

// countedHoldersFacts places in a park the firms awarded a title where the
// article counts that park's holders of it (云岭经开区14家企业获评省级绿色
// 工厂 …; A、B等6家企业获评省级绿色工厂): the holders it names are its own.
func (d *doc) countedHoldersFacts(facts []fact, placed map[int]bool) []fact {
	titles := map[int]int{} // honour entity → the park that counts its holders
	for si := range d.sents {
		s := d.sents[si]
		if !slices.Contains(d.m[s.Span.Start:s.Span.End], '家') {
			continue
		}
		enc := d.encode(si)
		park := -1
		if locs := parkCountRE.FindStringSubmatchIndex(enc.text); locs != nil {
			slot, _ := utf8.DecodeRuneInString(enc.text[locs[2]:])
			if k := int(slot-typeBase[graph.Park]) & 0xFF; k < len(enc.ents) {
				park = enc.ents[k]
			}
		}
		if park < 0 {
			continue
		}
		for _, e := range enc.ents {
			if d.ents[e].typ == graph.Honor {
				if _, ok := titles[e]; !ok {
					titles[e] = park
				}
			}
		}
	}
	if len(titles) == 0 {
		return nil
	}
	var out []fact
	for _, f := range facts {
		if f.p != graph.Awarded || placed[f.s] || d.ents[f.s].dropped {
			continue
		}
		if t := d.ents[f.s].typ; t != graph.Enterprise && t != graph.Institution {
			continue
		}
		if p, ok := titles[f.o]; ok && p != f.s && !d.ents[p].dropped {
			placed[f.s] = true
			out = append(out, fact{s: f.s, o: p, p: graph.LocatedIn, sentence: f.sentence, rule: "default:counted-holders"})
		}
	}
	return out
}

// introduceVerbs open a subjectless clause that brings firms into a park.
var introduceVerbs = []string{"先后引进", "新引进", "累计引进", "引进", "招引", "先后招引", "引入"}

// introducedAt reports whether the name at i stands in a list that a
// subjectless clause opens with a verb of bringing in: 先后引进A、B等.
func (d *doc) introducedAt(i int) bool {
	lo, _ := d.sentenceBounds(i)
	j := i
	for j > lo {
		r := d.m[j-1]
		if r == '、' || r == '和' || r == '及' || r == '与' {
			j--
			continue
		}
		if k := d.mentionEndingAt(j); k >= 0 {
			if d.mentions[k].typ != graph.Enterprise {
				return false
			}
			j = d.mentions[k].start
			continue
		}
		break
	}
	n := d.wordEndingAt(lo, j, introduceVerbs)
	if n == 0 {
		return false
	}
	// The verb opens its clause: nothing but time words stand before it.
	k := j - n
	for k > lo && !strings.ContainsRune("，,；;。：:", d.m[k-1]) {
		if !strings.ContainsRune("今年全年去年以来近年同时此外还也共累计", d.m[k-1]) {
			return false
		}
		k--
	}
	return true
}

// homePark returns the park an article is about, or -1.
func (d *doc) homePark() int {
	count := map[int]int{}
	for _, i := range d.byPosition() {
		m := &d.mentions[i]
		if m.ent >= 0 && !d.ents[m.ent].dropped && d.ents[m.ent].typ == graph.Park {
			count[m.ent]++
		}
	}
	best, second := -1, 0
	for e, n := range count {
		if best < 0 || n > count[best] || n == count[best] && e < best {
			if best >= 0 && count[best] > second {
				second = count[best]
			}
			best = e
		} else if n > second {
			second = n
		}
	}
	if best >= 0 && count[best] >= 2 && count[best] < 2*second {
		// A sub-park the article is about is named with its park now and
		// then (深圳高新区坪山园区): the park's mentions do not compete.
		if p := d.ents[best].parent; p >= 0 && count[p] == second && d.secondBestIs(count, best, p) {
			return best
		}
	}
	if best < 0 || count[best] < 2*second || count[best] < 2 {
		return -1
	}
	return best
}

// secondBestIs reports whether p is the only park other than best named as
// often as the runner-up.
func (d *doc) secondBestIs(count map[int]int, best, p int) bool {
	for e, n := range count {
		if e != best && e != p && n*2 > count[best] {
			return false
		}
	}
	return true
}

// dropIdleEmployers drops the organisations named only as someone's
// employer that no relation rule found acting.
func (d *doc) dropIdleEmployers(facts []fact) {
	acts := map[int]bool{}
	for _, f := range facts {
		if f.p.Allows(d.ents[f.s].typ, d.ents[f.o].typ) {
			if f.p == graph.LocatedIn {
				acts[f.o] = true // 园区企业X负责人: being in a park is no act of X's
				continue
			}
			acts[f.s] = true
			acts[f.o] = true
		}
	}
	var gone [][2]int // spans of the dropped employers' mentions
	for i, e := range d.ents {
		if e.employerOnly && !acts[i] {
			e.dropped = true
			for _, mi := range e.mentions {
				gone = append(gone, [2]int{d.mentions[mi].start, d.mentions[mi].end})
			}
		}
	}
	if len(gone) == 0 {
		return
	}
	// A park named only inside a dropped employer's name (西江产业新城管委会副主任)
	// goes with it.
	for i, e := range d.ents {
		if e.dropped || acts[i] || len(e.mentions) == 0 {
			continue
		}
		inside := true
		for _, mi := range e.mentions {
			m := &d.mentions[mi]
			within := false
			for _, g := range gone {
				if m.start >= g[0] && m.end <= g[1] {
					within = true
					break
				}
			}
			if !within {
				inside = false
				break
			}
		}
		if inside {
			e.dropped = true
		}
	}
}

func (d *doc) ruleFacts() []fact {
	// Rules that name new entities run first; the sentences are encoded
	// again afterwards so every other rule sees the new mentions.
	before := len(d.ents)
	facts := d.runRules(&d.x.naming, d.buf.facts[:0])
	if len(d.ents) > before {
		d.gazetteerFor(before) // later mentions of the names the rules found
		d.mergeVariants()      // and their longer and shorter forms
		for i := range facts {
			facts[i].s, facts[i].o = d.current(facts[i].s), d.current(facts[i].o)
		}
	}
	facts = d.runRules(&d.x.others, facts)
	d.applyDrops()
	return facts
}

// runRules tries the patterns of a set of rules on every sentence (and the
// windows of sentences before it) whose cue words and prefilters let them
// match, and appends to facts those their matches yield.
func (d *doc) runRules(set *ruleSet, facts []fact) []fact {
	if len(set.rules) == 0 {
		return facts
	}
	if d.encs == nil || d.encVersion != d.version {
		d.encodeAll()
	}
	encs := d.encs
	todo := make(bitSet, len(set.patterns))
	for si := range d.sents {
		var joined [maxSpan + 1]*encoded // windows of earlier sentences, by size
		var offsets [maxSpan + 1]int
		// The patterns some cue word of this sentence may satisfy; the set
		// is walked in the order of the rules.
		copy(todo, set.everywhere)
		for w, bits := range d.cuesOf(&encs[si]) {
			for ; bits != 0; bits &= bits - 1 {
				for _, g := range d.x.byCue[w<<6+bitIndex(bits)] {
					todo.set(int(g))
				}
			}
		}
		for w := range todo {
			todo[w] &= set.fit(w, len(encs[si].slots), encs[si].mask)
		}
		for w, bits := range todo {
			for ; bits != 0; bits &= bits - 1 {
				g := w<<6 + bitIndex(bits)
				r, pi := d.x.pats[g].rule, d.x.pats[g].pi
				re := r.res[pi]
				enc, offset := &encs[si], 0
				if r.span >= 2 {
					cur := &encs[si]
					if si == 0 || !opensWith(cur.text, r.topen[pi]) || !r.tpre[pi].ok(cur.text, cur.mask, d.cuesOf(cur)) || !r.tpre[pi].inOrder(cur.text) || !d.tailMatches(r, pi, cur) {
						continue
					}
					if joined[r.span] == nil {
						parts := encs[max(0, si-r.span+1) : si+1]
						j, off := joinEncoded(parts)
						j.cues = d.joinedCues(parts, j.text)
						joined[r.span], offsets[r.span] = &j, off
					}
					enc, offset = joined[r.span], offsets[r.span]
				}
				if len(enc.slots) > maxSlots || len(enc.slots) < r.pre[pi].minSlots || !r.pre[pi].ok(enc.text, enc.mask, d.cuesOf(enc)) || !r.pre[pi].inOrder(enc.text) {
					continue
				}
				locs, known := d.locate(r, pi, enc)
				if !known {
					if !d.mayMatch(r.tests[pi], enc) {
						continue
					}
					locs = re.FindAllStringSubmatchIndex(enc.text, -1)
				}
				for _, loc := range locs {
					facts = d.applyOrRetry(r, pi, enc, loc, offset, si, facts)
				}
			}
		}
	}
	return facts
}

// tailMatches reports whether the tail of pattern pi of r matches an
// encoded sentence.
func (d *doc) tailMatches(r *relRule, pi int, enc *encoded) bool {
	if ok, known := d.matches(r.ttests[pi], enc); known {
		return ok
	}
	return r.tails[pi].MatchString(enc.text)
}

// mayMatch reports whether an encoded text may hold a match of a test:
// false only where it holds none.
func (d *doc) mayMatch(t *matchTest, enc *encoded) bool {
	ok, known := d.matches(t, enc)
	return ok || !known
}

// matches runs a match test on an encoded text, reading it as rune
// classes (worked out once for all tests) where the extractor has them.
func (d *doc) matches(t *matchTest, enc *encoded) (ok, known bool) {
	if t == nil || t.local == nil {
		return d.tests.matches(t, enc.text)
	}
	if enc.classes == nil {
		enc.classes = d.x.runeClasses.of(enc.text)
	}
	return d.tests.matchesClasses(t, enc.classes)
}

// newBitSet returns a cleared set of n words cut from a slab kept with
// the document's buffers: the cue sets of its sentences and windows, which
// live as long as the document, cost no allocation each.
func (d *doc) newBitSet(n int) bitSet {
	slab := d.buf.bits
	if len(slab)+n > cap(slab) {
		slab = make([]uint64, 0, max(1024, 2*cap(slab), n)) // the sets cut from the old one stay where they are
	}
	set := slab[len(slab) : len(slab)+n]
	clear(set)
	d.buf.bits = slab[:len(slab)+n]
	return bitSet(set)
}

// bitIndex returns the index of the lowest set bit of b (b != 0).
func bitIndex(b uint64) int { return bits.TrailingZeros64(b) }

// cuesOf returns which cue words occur in an encoded text, scanning it once.
func (d *doc) cuesOf(enc *encoded) bitSet {
	if enc.cues == nil {
		enc.cues = d.x.cues.scanInto(enc.text, d.newBitSet(d.x.cues.setWords()))
	}
	return enc.cues
}

// joinedCues is the cue set of sentences joined by newlines: what each of
// them holds, and the words that hold a newline found in the join itself.
func (d *doc) joinedCues(parts []encoded, joined string) bitSet {
	set := d.newBitSet(d.x.cues.setWords())
	for i := range parts {
		for w, bits := range d.cuesOf(&parts[i]) {
			set[w] |= bits
		}
	}
	for _, id := range d.x.cues.multiline {
		if strings.Contains(joined, d.x.cues.words[id]) {
			set.set(id)
		}
	}
	return set
}

// applyDrops drops the entities all of whose mentions a rule found to name
// parts of something else (该项目主要建设A、B和C).
func (d *doc) applyDrops() {
	if len(d.droppedMentions) == 0 {
		return
	}
	for _, e := range d.ents {
		if e.dropped || len(e.mentions) == 0 {
			continue
		}
		all := true
		for _, mi := range e.mentions {
			if !d.droppedMentions[mi] && d.mentions[mi].class != "anaphor" {
				all = false
				break
			}
		}
		if all {
			e.dropped = true
		}
	}
}

// joinEncoded joins encoded sentences with newlines, renumbering slots; it
// returns the join and the first slot of the last sentence.
func joinEncoded(parts []encoded) (encoded, int) {
	var out encoded
	size, runes, slots := 0, 0, 0
	for _, p := range parts {
		size, runes, slots = size+len(p.text)+1, runes+len(p.pos)+1, slots+len(p.slots)
	}
	var b strings.Builder
	b.Grow(size)
	out.slots, out.ents = make([]int, 0, slots), make([]int, 0, slots)
	offsets := make([]int32, 2*runes)
	out.pos, out.end = offsets[:0:runes], offsets[runes:runes]
	offset := 0
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('\n')
			out.pos = append(out.pos, -1)
			out.end = append(out.end, -1)
		}
		offset = len(out.slots)
		writeShifted(&b, p.text, len(out.slots))
		out.slots = append(out.slots, p.slots...)
		out.mask |= p.mask
		out.ents = append(out.ents, p.ents...)
		out.pos = append(out.pos, p.pos...)
		out.end = append(out.end, p.end...)
	}
	out.text = b.String()
	return out, offset
}

// writeShifted writes an encoded sentence with its slot runes renumbered
// by n.
func writeShifted(b *strings.Builder, s string, n int) {
	if n == 0 {
		b.WriteString(s)
		return
	}
	for _, r := range s {
		if _, _, ok := slotType(r); ok {
			r += rune(n)
		}
		b.WriteRune(r)
	}
}

// applyOrRetry applies a match; where the rule rejects it (a slot after a
// word it must not follow, a text between slots it must not hold), it looks
// for a match that starts later inside the rejected one, which the search
// for all matches skipped: in 云岭新区下辖A、B，其中B被I评为H the match that
// starts at 云岭新区 is rejected and the one that starts at B holds.
func (d *doc) applyOrRetry(r *relRule, pi int, enc *encoded, loc []int, offset, si int, out []fact) []fact {
	re := r.res[pi]
	base := len(out)
	for tries := 0; ; tries++ {
		d.rejected = false
		out = d.apply(r, re, enc, loc, offset, si, out[:base])
		if !d.rejected || r.anchored[pi] || tries == 4 {
			return out
		}
		_, n := utf8.DecodeRuneInString(enc.text[loc[0]:])
		from := loc[0] + n
		next := re.FindStringSubmatchIndex(enc.text[from:])
		if next == nil || next[0]+from >= loc[1] {
			return out // none, or one the search for all matches finds
		}
		for i := range next {
			if next[i] >= 0 {
				next[i] += from
			}
		}
		loc = next
	}
}

// holdsAnchor reports whether a parsed pattern holds a ^ or \A anchor.
func holdsAnchor(re *syntax.Regexp) bool {
	if re.Op == syntax.OpBeginLine || re.Op == syntax.OpBeginText {
		return true
	}
	for _, c := range re.Sub {
		if holdsAnchor(c) {
			return true
		}
	}
	return false
}

// apply appends to out the facts a match of a rule's pattern yields.
func (d *doc) apply(r *relRule, re *regexp.Regexp, enc *encoded, loc []int, offset, si int, out []fact) []fact {
	d.fired[r.name] = true
	text, ents := enc.text, enc.ents
	groupLoc := func(name string) (int, int) {
		i := re.SubexpIndex(name)
		if i < 0 || loc[2*i] < 0 {
			return -1, -1
		}
		return loc[2*i], loc[2*i+1]
	}
	group := func(name string) string {
		a, b := groupLoc(name)
		if a < 0 {
			return ""
		}
		return text[a:b]
	}
	for slot, chars := range r.notAfter {
		a, _ := groupLoc(slot)
		for a > 0 {
			prev, n := utf8.DecodeLastRuneInString(text[:a])
			if prev >= typeBase[graph.Park] && prev <= typeBase[graph.Park]+0xFF {
				if before := r.notAfterPark[slot]; before != "" {
					if pp, _ := utf8.DecodeLastRuneInString(text[:a-n]); strings.ContainsRune(before, pp) {
						d.rejected = true
						return out
					}
				}
				a -= n // 位于P园区S: the park a sub-park is written after is part of its name
				continue
			}
			if strings.ContainsRune(chars, prev) {
				d.rejected = true
				return out
			}
			break
		}
	}
	for _, nb := range r.notBetween {
		_, a := groupLoc(nb[0])
		b, _ := groupLoc(nb[1])
		if a >= 0 && b >= a && strings.Contains(text[a:b], nb[2]) {
			d.rejected = true
			return out
		}
	}
	var created map[string]int // slot → the entity it names, for slots that name new ones
	for name, t := range r.news {
		a, b := groupLoc(name)
		if a < 0 {
			continue
		}
		ra := utf8.RuneCountInString(text[:a])
		rb := ra + utf8.RuneCountInString(text[a:b])
		if rb <= ra || enc.pos[ra] < 0 || enc.end[rb-1] < 0 {
			continue
		}
		if e := d.newEntity(int(enc.pos[ra]), int(enc.end[rb-1]), t); e >= 0 {
			if created == nil {
				created = map[string]int{}
			}
			created[name] = e
		}
	}
	slotsIn := func(name string) []int {
		if e, ok := created[name]; ok {
			return []int{e}
		}
		if t, ok := strings.CutPrefix(name, "@"); ok {
			from := offset
			if t, ok = strings.CutSuffix(t, ">"); ok {
				// @Type>: only the mentions from where the match starts on
				from = len(ents)
				for _, c := range text[loc[0]:] {
					if _, k, ok := slotType(c); ok {
						from = max(offset, k)
						break
					}
				}
			}
			et := graph.EntityType(t)
			var out []int
			for k := from; k < len(ents); k++ {
				if d.ents[ents[k]].typ == et {
					out = append(out, ents[k])
				}
			}
			return out
		}
		var out []int
		g := group(name)
		if stop := r.listStop[name]; stop != "" {
			if i := strings.Index(g, stop); i >= 0 {
				g = g[:i]
			}
		}
		for _, c := range g {
			if _, k, ok := slotType(c); ok && k < len(ents) {
				e := ents[k]
				if w := r.where[name]; w != nil && !w.MatchString(d.ents[e].name) {
					continue
				}
				out = append(out, e)
			}
		}
		return out
	}
	for slot, t := range r.types {
		for _, e := range slotsIn(slot) {
			if d.ents[e].typ != t {
				d.ents[e].typ = t
				d.version++
			}
		}
	}
	for slot := range r.drop {
		for _, c := range group(slot) {
			if _, k, ok := slotType(c); ok && k < len(enc.slots) {
				d.droppedMentions[enc.slots[k]] = true
			}
		}
	}
	for _, em := range r.emits {
		year := 0
		if em.year != "" {
			year, _ = strconv.Atoi(group(em.year))
		}
		var amount graph.Amount
		if em.amount != "" {
			amount = parseAmount(group(em.amount))
		}
		subj, obj := slotsIn(em.subj), slotsIn(em.obj)
		for i, s := range subj {
			for j, o := range obj {
				if s == o || (em.zip && i != j) {
					continue
				}
				out = append(out, fact{s: s, o: o, p: em.pred, sentence: si, year: year, amount: amount, rule: r.name})
			}
		}
	}
	return out
}

// dropMentionFrom removes mention mi from entity e, dropping the entity when
// it has no mention left.
func (d *doc) dropMentionFrom(e, mi int) {
	ent := d.ents[e]
	out := ent.mentions[:0]
	for _, x := range ent.mentions {
		if x != mi {
			out = append(out, x)
		}
	}
	ent.mentions = out
	if len(out) == 0 {
		ent.dropped = true
	}
}

// newEntity makes the text [start,end) a mention of a new entity of type t,
// or of the entity already named so; a mention with exactly that span is
// retyped. It returns the entity's index, or -1.
func (d *doc) newEntity(start, end int, t graph.EntityType) int {
	for start < end && strings.ContainsRune("的了是为在由", d.m[start]) {
		start++
	}
	name := strings.TrimSpace(d.origUnquoted(start, end))
	if len([]rune(name)) < 2 {
		return -1
	}
	if t != graph.Project && t != graph.Honor {
		// A new investor, institution or park must end as such names do.
		_, sf, ok := d.x.lex.suffixes.longest(d.m, start, end)
		if !ok || sf.typ != t && !(t == graph.Institution && sf.typ == graph.Enterprise) {
			return -1
		}
	}
	if k := d.cover[start]; k >= 0 && d.mentions[k].start == start && d.mentions[k].end == end && d.mentions[k].ent >= 0 {
		e := d.mentions[k].ent
		d.ents[e].typ = t
		return e
	}
	key := string(t) + "|" + graph.NormalizeName(name)
	for i, e := range d.ents {
		if !e.dropped && e.key == key {
			return i
		}
	}
	var replaced []int
	for i := start; i < end; i++ {
		if k := d.cover[i]; k >= 0 && (len(replaced) == 0 || replaced[len(replaced)-1] != int(k)) {
			replaced = append(replaced, int(k))
		}
	}
	d.add(mention{start: start, end: end, typ: t, name: name, src: "rule", parent: -1})
	k := len(d.mentions) - 1
	for _, r := range replaced {
		if e := d.mentions[r].ent; e >= 0 {
			d.dropMentionFrom(e, r)
		}
	}
	d.version++
	e := &entity{typ: t, name: name, key: key, aliases: map[string]bool{name: true}, mentions: []int{k}, parent: -1}
	d.ents = append(d.ents, e)
	d.mentions[k].ent = len(d.ents) - 1
	return len(d.ents) - 1
}

// parseAmount reads 2亿元, 3100多万元, 约53.6亿元, 158亿美元.
func parseAmount(s string) graph.Amount {
	if s == "" {
		return graph.Amount{}
	}
	a := graph.Amount{Text: s}
	t := strings.TrimPrefix(s, "约")
	end := 0
	for end < len(t) && (t[end] >= '0' && t[end] <= '9' || t[end] == '.') {
		end++
	}
	v, err := strconv.ParseFloat(t[:end], 64)
	if err != nil {
		var ok bool
		if v, end, ok = chineseNumber(t); !ok {
			return a
		}
	}
	rest := strings.TrimLeft(t[end:], "多余")
	mult := 1.0
	for _, u := range []struct {
		w string
		m float64
	}{{"万亿", 1e12}, {"千亿", 1e11}, {"百亿", 1e10}, {"亿", 1e8}, {"千万", 1e7}, {"百万", 1e6}, {"万", 1e4}, {"千", 1e3}} {
		if strings.HasPrefix(rest, u.w) {
			mult = u.m
			break
		}
	}
	a.Yuan = v * mult
	return a
}

// chineseNumber reads the number in Chinese numerals that opens s (三十五,
// 二点八, 一百二十) and returns it with the bytes it takes; units of ten
// thousand and more (万, 亿) are left to the caller.
func chineseNumber(s string) (v float64, n int, ok bool) {
	digits := map[rune]float64{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	units := map[rune]float64{'十': 10, '百': 100, '千': 1000}
	cur := -1.0
	frac, scale := false, 0.1
	for i, r := range s {
		if d, isDigit := digits[r]; isDigit {
			if frac {
				v += d * scale
				scale /= 10
			} else {
				if cur >= 0 {
					cur = cur*10 + d // 二〇二五: digits read one by one
				} else {
					cur = d
				}
			}
		} else if u, isUnit := units[r]; isUnit && !frac {
			if cur < 0 {
				cur = 1 // 十二: a leading 十 is one ten
			}
			v += cur * u
			cur = -1
		} else if r == '点' && !frac {
			if cur >= 0 {
				v += cur
			}
			cur, frac = -1, true
		} else {
			if cur >= 0 {
				v += cur
			}
			return v, i, i > 0
		}
		n = i + utf8.RuneLen(r)
	}
	if cur >= 0 {
		v += cur
	}
	return v, n, n > 0
}

// structuralFacts are relations the names themselves state: a sub-park is
// part of the park it is written after; a park's body (X管委会, X规划建设局)
// is located in the park.
func (d *doc) structuralFacts() []fact {
	var out []fact
	parks := d.parkNames()
	for i, e := range d.ents {
		if e.dropped {
			continue
		}
		if e.typ == graph.Park && e.parent >= 0 && !d.ents[e.parent].dropped && e.parent != i {
			out = append(out, fact{s: i, o: e.parent, p: graph.PartOf, sentence: d.sentenceOfFirst(e, func(m *mention) bool { return m.parent >= 0 }), rule: "structure:sub-park"})
		} else if e.typ == graph.Park && e.parent < 0 {
			// A sub-park written after a bare park word (高新区澜湾科创园): the
			// park that word points back to.
			for _, mi := range e.mentions {
				m := &d.mentions[mi]
				if !d.opensWithBarePark(m) {
					continue
				}
				if p := d.parkPrefix(m, parks); p >= 0 && p != i {
					out = append(out, fact{s: i, o: p, p: graph.PartOf, sentence: d.sentOf[m.start], rule: "structure:sub-park-bare"})
					break
				}
			}
		}
		// A fund named after its park (云岭高新区产业引导基金) is the park's
		// money, not an organisation housed in it: the development set places
		// no such fund.
		parkFund := e.typ == graph.Investor && strings.HasSuffix(strings.TrimSuffix(e.name, "池"), "基金")
		if (e.typ == graph.Institution || e.typ == graph.Investor || e.typ == graph.Project) && !parkFund {
			for _, mi := range e.mentions {
				m := &d.mentions[mi]
				if p := d.parkPrefix(m, parks); p >= 0 && p != i {
					out = append(out, fact{s: i, o: p, p: graph.LocatedIn, sentence: d.sentOf[m.start], rule: "structure:park-body"})
					break
				}
				if k := d.mentionEndingAt(m.start); k >= 0 && d.namesNext(&d.mentions[k]) && d.mentions[k].ent != i {
					out = append(out, fact{s: i, o: d.mentions[k].ent, p: graph.LocatedIn, sentence: d.sentOf[m.start], rule: "structure:park-body"})
					break // 云岭农高区种业振兴基金, named with its park
				}
			}
		}
	}
	// An owner written at the start of what it builds: 青禾集团 in
	// 青禾集团智慧制造园区项目, 白鹭联创集团 in 白鹭联创集团金沙科技园, 滇中学院 in
	// 滇中学院云岭科创走廊产业与创新研究院.
	seen := map[[2]int]bool{}
	for k := range d.mentions {
		m := &d.mentions[k]
		if !m.inner || !m.nested || m.ent < 0 || d.ents[m.ent].dropped {
			continue
		}
		switch d.ents[m.ent].typ {
		case graph.Enterprise, graph.Institution, graph.Investor:
		default:
			continue
		}
		c := d.cover[m.start]
		if c < 0 {
			continue
		}
		outer := &d.mentions[c]
		if outer.start != m.start || outer.ent < 0 || outer.ent == m.ent || d.ents[outer.ent].dropped {
			continue
		}
		switch d.ents[outer.ent].typ {
		case graph.Project, graph.Park, graph.Institution:
		default:
			continue
		}
		if strings.HasSuffix(d.ents[m.ent].name, "大学") && strings.HasSuffix(d.ents[outer.ent].name, "学院") {
			continue // 滇中大学材料学院: a school of the university, not built by it
		}
		key := [2]int{m.ent, outer.ent}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, fact{s: m.ent, o: outer.ent, p: graph.Builds, sentence: d.sentOf[m.start], rule: "structure:owner-named-first"})
	}
	// An institution named with the title it holds (新材料表面工程省级重点实验室)
	// is awarded that title.
	for k := range d.mentions {
		m := &d.mentions[k]
		if m.src != "titled-institution" || m.inner || m.ent < 0 || d.ents[m.ent].dropped {
			continue
		}
		for j := range d.mentions {
			h := &d.mentions[j]
			if h.typ == graph.Honor && h.inner && h.nested && h.end == m.end && h.start > m.start && h.ent >= 0 && !d.ents[h.ent].dropped {
				if key := [2]int{m.ent, h.ent}; !seen[key] {
					seen[key] = true
					out = append(out, fact{s: m.ent, o: h.ent, p: graph.Awarded, sentence: d.sentOf[m.start], rule: "structure:titled-institution"})
				}
				break
			}
		}
	}
	// The same, where the owner is written apart elsewhere in the article
	// and only its name stands at the start of the project's (蓝川动力, then
	// 蓝川动力溪口基地项目).
	owners := map[string]int{}
	for i, e := range d.ents {
		if e.dropped || !(e.typ == graph.Enterprise || e.typ == graph.Institution || e.typ == graph.Investor) {
			continue
		}
		for a := range e.aliases {
			if utf8.RuneCountInString(a) >= 2 {
				owners[a] = i
			}
		}
	}
	for pi, e := range d.ents {
		if e.dropped || e.typ != graph.Project || len(owners) == 0 {
			continue
		}
		for _, mi := range e.mentions {
			m := &d.mentions[mi]
			name := []rune(m.name)
			for n := min(len(name)-3, 16); n >= 2; n-- {
				oi, ok := owners[string(name[:n])]
				if !ok || seen[[2]int{oi, pi}] {
					continue
				}
				seen[[2]int{oi, pi}] = true
				out = append(out, fact{s: oi, o: pi, p: graph.Builds, sentence: d.sentOf[m.start], rule: "structure:owner-named-apart"})
				break
			}
		}
	}
	return out
}

func (d *doc) sentenceOfFirst(e *entity, pred func(*mention) bool) int {
	for _, mi := range e.mentions {
		if pred(&d.mentions[mi]) {
			return d.sentOf[d.mentions[mi].start]
		}
	}
	if len(e.mentions) > 0 {
		return d.sentOf[d.mentions[e.mentions[0]].start]
	}
	return -1
}

// A parkName is a park's name or alias, normalised.
type parkName struct {
	ent  int
	name string
}

// parkNames returns the normalised names and aliases of the parks, in the
// order of the entities.
func (d *doc) parkNames() []parkName {
	var out []parkName
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Park {
			continue
		}
		for a := range e.aliases {
			out = append(out, parkName{i, graph.NormalizeName(a)})
		}
	}
	return out
}

// parkPrefix returns the park entity whose name (or a bare park word) an
// institution's name starts with, or -1; parks are the parkNames.
func (d *doc) parkPrefix(m *mention, parks []parkName) int {
	name := graph.NormalizeName(m.name)
	if m.class == "anaphor" || m.src == "board" {
		return -1
	}
	best, bestLen := -1, 0
	for _, p := range parks {
		if len(p.name) > bestLen && len(p.name) < len(name) && strings.HasPrefix(name, p.name) {
			best, bestLen = p.ent, len(p.name)
		}
	}
	if best >= 0 {
		return best
	}
	for _, w := range bareParks {
		if strings.HasPrefix(name, w) {
			// The park of that kind named last before this mention, else the
			// park named last.
			kind := d.parkKind(w)
			bestEnd, kindBest, kindEnd := -1, -1, -1
			for _, j := range d.byPosition() {
				o := &d.mentions[j]
				if o.ent < 0 || d.ents[o.ent].dropped || d.ents[o.ent].typ != graph.Park || o.end > m.start {
					continue
				}
				if o.end > bestEnd {
					best, bestEnd = o.ent, o.end
				}
				if d.parkKind(d.ents[o.ent].name) == kind && o.end > kindEnd {
					kindBest, kindEnd = o.ent, o.end
				}
			}
			if kindBest >= 0 {
				return kindBest
			}
			if kind == "" || best < 0 || d.parkKind(d.ents[best].name) == "" {
				return d.homePark() // 开发区管委会 after a 特色小镇: the article's park, if any
			}
			return -1
		}
	}
	return -1
}

// opensWithBarePark reports whether a park mention opens with a bare park
// word (高新区, 经开区; not 园区 or 该区) that leaves a name of its own.
func (d *doc) opensWithBarePark(m *mention) bool {
	if m.class == "bare" || m.src == "bare-park" {
		return false
	}
	name := graph.NormalizeName(m.name)
	for _, w := range bareParks {
		if w == "园区" || strings.HasPrefix(w, "该") || !strings.HasPrefix(name, w) {
			continue
		}
		return len([]rune(name))-len([]rune(w)) >= 3
	}
	return false
}

// toRelations turns facts into relations: symmetric ones ordered, types
// checked against the guideline, duplicates (same triple, same sentence)
// dropped.
func (d *doc) toRelations(facts []fact) []graph.Relation {
	seen := reuseMap(&d.buf.relationsSeen)
	out := make([]graph.Relation, 0, len(facts))
	for _, f := range facts {
		s, o := d.ents[f.s], d.ents[f.o]
		if s.dropped || o.dropped || !f.p.Allows(s.typ, o.typ) {
			continue
		}
		sr, or := graph.EntityRef{Type: s.typ, Name: s.name}, graph.EntityRef{Type: o.typ, Name: o.name}
		if f.p.Symmetric() && or.IRI() < sr.IRI() {
			sr, or = or, sr
		}
		k := relationKey{sr, or, f.p, f.sentence}
		if seen[k] {
			continue // found twice in a sentence: kept as first found
		}
		seen[k] = true
		out = append(out, graph.Relation{Subject: sr, Predicate: f.p, Object: or, Sentence: f.sentence, Year: f.year, Amount: f.amount})
	}
	slices.SortStableFunc(out, func(a, b graph.Relation) int { return a.Sentence - b.Sentence })
	return out
}

// A relationKey is what a relation states in a sentence, its year and
// amount aside.
type relationKey struct {
	s, o     graph.EntityRef
	p        graph.Predicate
	sentence int
}
