package extract

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"parkgraph/graph"
)

// Extractor finds entities and relations in documents. It is safe for
// concurrent use.
type Extractor struct {
	lex   *lexicon
	rules []*relRule
	cues  cueWords // every word the rules' prefilters look for
	// byCue lists, for each cue word, the patterns indexPatterns filed
	// under it; patterns counts all one-sentence and window patterns.
	byCue    [][]int32
	patterns int
	pats     []patternRef // by number
	// The rules that name new entities, which run first, and the rest.
	naming, others ruleSet
	matchTests     int          // the rules' match tests, numbered
	runeClasses    *runeClasses // the rune classes they tell apart
	matchCaches    dfaCaches    // the states built for them, one cache per extraction at a time
}

// A ruleSet is some of the extractor's rules, with their patterns as a
// set of pattern numbers and those of them tried on every sentence.
type ruleSet struct {
	rules      []*relRule
	patterns   bitSet
	everywhere bitSet
	// fitSlots[n] holds the patterns a sentence of n slots can match (n
	// past the end: the last entry), fitTypes[mask] those a sentence whose
	// slots have the types in mask can: the slot counts and types their
	// prefilters need, tested for a whole rule set at once. A window
	// pattern is tested on the current sentence for the types its tail
	// needs, and is in every fitSlots entry (its join has more slots).
	fitSlots []bitSet
	fitTypes []bitSet
}

// fit returns the bits of the set's patterns a sentence with n slots of the
// types in mask can match, word w of the set (fitSlots and fitTypes hold
// only the set's patterns).
func (rs *ruleSet) fit(w, n int, mask uint8) uint64 {
	return rs.fitSlots[min(n, len(rs.fitSlots)-1)][w] & rs.fitTypes[mask][w]
}

// newRuleSet gathers the patterns of some rules; the patterns must be
// numbered (indexPatterns).
func (x *Extractor) newRuleSet(rules []*relRule) ruleSet {
	words := (x.patterns + 63) / 64
	rs := ruleSet{rules: rules, patterns: make(bitSet, words), everywhere: make(bitSet, words)}
	most := 0 // the most slots a one-sentence pattern needs
	for _, r := range rules {
		for pi, g := range r.gid {
			rs.patterns.set(int(g))
			if r.keyless[pi] {
				rs.everywhere.set(int(g))
			}
			if r.span < 2 {
				most = max(most, r.pre[pi].minSlots)
			}
		}
	}
	// Entry n holds the patterns that need at most n slots; the last entry
	// serves every larger count too.
	rs.fitSlots = make([]bitSet, most+1)
	for n := range rs.fitSlots {
		rs.fitSlots[n] = make(bitSet, words)
	}
	rs.fitTypes = make([]bitSet, 1<<len(graph.EntityTypes))
	for mask := range rs.fitTypes {
		rs.fitTypes[mask] = make(bitSet, words)
	}
	for _, r := range rules {
		for pi, g := range r.gid {
			pre := &r.pre[pi]
			if r.span >= 2 {
				pre = &r.tpre[pi]
			}
			for n := range rs.fitSlots {
				if r.span >= 2 || n >= pre.minSlots {
					rs.fitSlots[n].set(int(g))
				}
			}
			for mask := range rs.fitTypes {
				if pre.slotTypesMet(uint8(mask)) {
					rs.fitTypes[mask].set(int(g))
				}
			}
		}
	}
	return rs
}

// New builds an extractor from the rule files in fsys (see RuleFiles).
func New(fsys fs.FS) (*Extractor, error) {
	lx, err := loadLexicon(fsys)
	if err != nil {
		return nil, err
	}
	specs, err := readRules(fsys, "rules/relations.rules")
	if err != nil {
		return nil, err
	}
	x := &Extractor{lex: lx}
	var tests []*matchTest
	for _, s := range specs {
		r, err := compileRule(s)
		if err != nil {
			return nil, err
		}
		x.rules = append(x.rules, r)
		for i := range r.pre {
			x.cues.register(&r.pre[i])
			x.cues.register(&r.tpre[i])
		}
		for _, t := range append(append([]*matchTest(nil), r.tests...), r.ttests...) {
			if t != nil {
				t.id = len(tests)
				tests = append(tests, t)
			}
		}
	}
	x.runeClasses = newRuneClasses(tests)
	// The locators' tests are built when first needed; their places in
	// the match caches are kept now.
	for _, r := range x.rules {
		for _, lc := range r.locators {
			lc.revID, lc.anchoredID = len(tests), len(tests)+1
			tests = append(tests, nil, nil)
		}
	}
	x.matchTests = len(tests)
	x.indexPatterns()
	return x, nil
}

// A patternRef names one pattern of a rule.
type patternRef struct {
	rule *relRule
	pi   int
}

// indexPatterns files every pattern under the cue words of one group its
// prefilter needs of the current sentence (for a pattern over earlier
// sentences too, its tail's), the one with the fewest words, so that a
// sentence is tried only against the patterns some cue word of it can
// satisfy (patterns without such a group are tried on every sentence).
// It numbers the patterns and gathers the rules that name new entities
// and the rest as rule sets.
func (x *Extractor) indexPatterns() {
	x.byCue = make([][]int32, len(x.cues.words))
	for _, r := range x.rules {
		r.gid = make([]int32, len(r.res))
		r.keyless = make([]bool, len(r.res))
		for pi := range r.res {
			g := int32(x.patterns)
			x.patterns++
			x.pats = append(x.pats, patternRef{r, pi})
			r.gid[pi] = g
			// A window pattern is filed under what its tail needs of the
			// current sentence; a one-sentence pattern under what it needs.
			pre := &r.pre[pi]
			if r.span >= 2 {
				pre = &r.tpre[pi]
			}
			var key *need
			for ni := range pre.groups {
				n := &pre.groups[ni]
				if n.types != 0 || len(n.ranges) > 0 || len(n.ids) == 0 || len(n.ids) != len(n.words) {
					continue
				}
				if key == nil || len(n.ids) < len(key.ids) {
					key = n
				}
			}
			if key == nil {
				r.keyless[pi] = true
				continue
			}
			for _, id := range key.ids {
				x.byCue[id] = append(x.byCue[id], g)
			}
		}
	}
	var naming, others []*relRule
	for _, r := range x.rules {
		if len(r.news) > 0 {
			naming = append(naming, r)
		} else {
			others = append(others, r)
		}
	}
	x.naming, x.others = x.newRuleSet(naming), x.newRuleSet(others)
}

var (
	defaultOnce sync.Once
	defaultX    *Extractor
	defaultErr  error
)

// Default returns the extractor built from the embedded rules.
func Default() (*Extractor, error) {
	defaultOnce.Do(func() {
		if err := loadT2S(); err != nil {
			defaultErr = err
			return
		}
		defaultX, defaultErr = New(rulesFS)
	})
	return defaultX, defaultErr
}

// Extract fills d.Entities and d.Relations from d.Text and d.Sentences.
// A very long text (a whole newspaper dump in one file) is read in sections
// of about SectionSize characters, cut between paragraphs, so time and
// memory stay proportional to its length; names are resolved within a
// section and entities merged across sections by type and name.
func (x *Extractor) Extract(d *graph.Document) {
	if len(d.Text) <= SectionSize || utf8.RuneCountInString(d.Text) <= SectionSize { // no more runes than bytes
		x.extractWhole(d)
		return
	}
	rs := []rune(d.Text)
	byKey := map[graph.EntityRef]int{}
	var ents []graph.Entity
	var rels []graph.Relation
	for lo := 0; lo < len(d.Sentences); {
		hi := sectionEnd(rs, d.Sentences, lo)
		start, end := d.Sentences[lo].Span.Start, d.Sentences[hi-1].Span.End
		sec := &graph.Document{ID: d.ID, Text: string(rs[start:end])}
		for i, s := range d.Sentences[lo:hi] {
			sec.Sentences = append(sec.Sentences, graph.Sentence{Index: i, Text: s.Text, Span: graph.Span{Start: s.Span.Start - start, End: s.Span.End - start}})
		}
		x.extractWhole(sec)
		for _, e := range sec.Entities {
			for i := range e.Mentions {
				e.Mentions[i].Start += start
				e.Mentions[i].End += start
			}
			if k, ok := byKey[e.Ref()]; ok {
				ents[k].Mentions = append(ents[k].Mentions, e.Mentions...)
				ents[k].Aliases = mergeSorted(ents[k].Aliases, e.Aliases)
				continue
			}
			byKey[e.Ref()] = len(ents)
			ents = append(ents, e)
		}
		for _, r := range sec.Relations {
			r.Sentence += lo
			rels = append(rels, r)
		}
		lo = hi
	}
	d.Entities, d.Relations = ents, rels
}

// SectionSize is the length, in characters, above which a text is read in
// sections.
const SectionSize = 200_000

// sectionEnd returns the end (exclusive) of the section of sentences that
// starts at lo: about SectionSize characters, ending at a paragraph break
// when there is one in its last quarter.
func sectionEnd(rs []rune, sents []graph.Sentence, lo int) int {
	start := sents[lo].Span.Start
	hi, cut := lo+1, -1
	for hi < len(sents) && sents[hi].Span.End-start <= SectionSize {
		if s := sents[hi].Span.Start; s > 0 && rs[s-1] == '\n' && sents[hi].Span.End-start > SectionSize*3/4 {
			cut = hi
		}
		hi++
	}
	if hi < len(sents) && cut > lo {
		return cut
	}
	return hi
}

func mergeSorted(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string{}, a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func (x *Extractor) extractWhole(d *graph.Document) {
	st := x.newDoc(d)
	st.recognize()
	st.resolve()
	d.Relations = st.relations() // rules may retype entities, so before entities()
	d.Entities = st.entities()
	balanceNames(d)
	st.release()
}

// balanceNames removes the quotation marks a name holds only one half of
// (陕西省“瞪羚企业, cut from 陕西省“瞪羚企业”名单), in entities and in the
// relations that name them.
func balanceNames(d *graph.Document) {
	renamed := map[graph.EntityRef]string{}
	for i := range d.Entities {
		e := &d.Entities[i]
		if n := balanceQuotes(e.Name); n != e.Name {
			renamed[graph.EntityRef{Type: e.Type, Name: e.Name}] = n
			e.Name = n
		}
		for j, a := range e.Aliases {
			e.Aliases[j] = balanceQuotes(a)
		}
	}
	if len(renamed) == 0 {
		return
	}
	for i := range d.Relations {
		r := &d.Relations[i]
		if n, ok := renamed[r.Subject]; ok {
			r.Subject.Name = n
		}
		if n, ok := renamed[r.Object]; ok {
			r.Object.Name = n
		}
	}
}

func balanceQuotes(name string) string {
	for _, pair := range [][2]string{{"“", "”"}, {"「", "」"}, {"《", "》"}} {
		if strings.Count(name, pair[0]) != strings.Count(name, pair[1]) {
			name = strings.NewReplacer(pair[0], "", pair[1], "").Replace(name)
		}
	}
	return name
}

// docBuffers are the per-character arrays of one extraction, kept in a pool
// so that a corpus is read without allocating them again for every article.
type docBuffers struct {
	orig, m      []rune
	cover, endAt []int32
	// origAt and matchAt: rune offset → byte offset in the document's
	// text and in the matching form's (see origString, matchString)
	origAt, matchAt []int32
	sentOf          []int
	mentions        []mention
	// encoded: the sentences encoded for the rules, and the rune offsets
	// their encodings share (see doc.encodeAll)
	encoded []encoded
	offsets []int32
	facts   []fact // the rules' facts
	// maps the resolution steps fill afresh each time they run, kept
	// with their room (see reuseMap)
	entityByKey    map[string]int
	firstByName    map[typedKey]int
	lastByName     map[typedKey]int
	gazetteerForms map[string]gazetteerForm
	shortForms     map[string]shortForm
	ambiguousForms map[string]bool
	relationsSeen  map[relationKey]bool
	parkVariants   map[string]string
	bits           []uint64 // the slab newBitSet cuts sets from
}

// reuseMap returns the map *m emptied, making it where there is none: a
// map cleared keeps its room, so a step that fills one for every document
// stops allocating once it has met a large one.
func reuseMap[K comparable, V any](m *map[K]V) map[K]V {
	if *m == nil {
		*m = map[K]V{}
	} else {
		clear(*m)
	}
	return *m
}

var bufferPool = sync.Pool{New: func() any { return new(docBuffers) }}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// writeMatchForm returns the text in matching form, string(m), and fills
// at with the byte offset of each of its runes (and of its end). It copies
// the original bytes of src in runs where the form is the rune itself (most
// runes), and writes the form where it is not or where src's bytes are not
// UTF-8; origAt holds the byte offsets of orig's runes in src.
func writeMatchForm(src string, orig, m []rune, origAt, at []int32) (string, []int32) {
	var b strings.Builder
	b.Grow(len(src))
	run := 0 // where the bytes of src not yet written start
	for i := range m {
		at[i] = int32(b.Len() + int(origAt[i]) - run)
		if m[i] != orig[i] || orig[i] == utf8.RuneError && origAt[i+1]-origAt[i] == 1 {
			b.WriteString(src[run:origAt[i]])
			b.WriteRune(m[i])
			run = int(origAt[i+1])
		}
	}
	b.WriteString(src[run:])
	at[len(m)] = int32(b.Len())
	return b.String(), at
}

func (x *Extractor) newDoc(d *graph.Document) *doc {
	buf := bufferPool.Get().(*docBuffers)
	buf.bits = buf.bits[:0] // the last document's sets are gone with it
	n := utf8.RuneCountInString(d.Text)
	buf.orig, buf.m = grow(buf.orig, n), grow(buf.m, n)
	buf.cover, buf.endAt, buf.sentOf = grow(buf.cover, n), grow(buf.endAt, n+1), grow(buf.sentOf, n+1)
	buf.origAt, buf.matchAt = grow(buf.origAt, n+1), grow(buf.matchAt, n+1)
	valid, i := true, 0
	for b := 0; b < len(d.Text); i++ {
		r, size := decodeRune(d.Text[b:])
		if r == utf8.RuneError && size == 1 {
			valid = false // the text's bytes are not its runes': names are made from the runes
		}
		buf.orig[i], buf.m[i], buf.origAt[i] = r, matchForm(r), int32(b)
		b += size
	}
	buf.origAt[n] = int32(len(d.Text))
	digitizeYears(buf.m)
	st := &doc{x: x, buf: buf, tests: x.matchCaches.get(), orig: buf.orig, m: buf.m, cover: buf.cover, endAt: buf.endAt, sentOf: buf.sentOf, sents: d.Sentences,
		src:      d.Text,
		mentions: buf.mentions[:0],
		aliasOf:  map[string]string{}, droppedMentions: map[int]bool{}, mergedInto: map[int]int{}, fired: map[string]bool{}, keys: map[typedName]string{}}
	if valid {
		st.origAt = buf.origAt
	}
	st.matchText, st.matchAt = writeMatchForm(d.Text, buf.orig, buf.m, buf.origAt, buf.matchAt)
	for i := range st.cover {
		st.cover[i] = -1
	}
	for i := range st.endAt {
		st.endAt[i] = -1
	}
	for i := range st.sentOf {
		st.sentOf[i] = -1
	}
	for si, s := range d.Sentences {
		for i := s.Span.Start; i < s.Span.End && i < len(st.sentOf); i++ {
			st.sentOf[i] = si
		}
	}
	return st
}

// release returns the document's buffers to the pool; st is unusable after.
func (st *doc) release() {
	if st.buf != nil {
		clear(st.mentions) // the names they hold
		st.buf.mentions = st.mentions[:0]
		clear(st.buf.facts) // the names they hold
		st.buf.facts = st.buf.facts[:0]
		clear(st.encs) // the texts and cue sets they hold
		st.encs = nil
		st.x.matchCaches.put(st.tests)
		st.tests = nil
		bufferPool.Put(st.buf)
		st.buf, st.orig, st.m, st.cover, st.endAt, st.sentOf, st.mentions, st.origAt, st.matchAt = nil, nil, nil, nil, nil, nil, nil, nil, nil
	}
}

// retype adjusts the type a suffix gives: a company whose name says it
// invests (创新投资集团有限公司, 科投集团) is an Investor.
func (x *Extractor) retype(t graph.EntityType, sf *suffix, s string) graph.EntityType {
	if t == graph.Enterprise && sf.class == classLegal {
		for _, w := range []string{"投资", "资本", "创投", "基金", "科投", "金控", "投控", "资产管理"} {
			if strings.Contains(s, w) {
				return graph.Investor
			}
		}
	}
	return t
}

func (d *doc) recognize() {
	d.recognizeQuotedHonours()
	d.recognizeCatalogueHonours()
	d.recognizeCatalogueBodies()
	d.recognizeQuotedOrgs()
	d.recognizeSuffixed()
	d.recognizeBoards()
	d.recognizeAliasDefinitions()
	d.recognizeBareParks()
}

// entities returns the resolved entities, sorted by type and name.
func (d *doc) entities() []graph.Entity {
	out := make([]graph.Entity, 0, len(d.ents))
	for _, e := range d.ents {
		if e.dropped {
			continue
		}
		ge := graph.Entity{Type: e.typ, Name: e.name}
		for a := range e.aliases {
			if a != e.name {
				ge.Aliases = append(ge.Aliases, a)
			}
		}
		sort.Strings(ge.Aliases)
		for _, mi := range e.mentions {
			m := &d.mentions[mi]
			ge.Mentions = append(ge.Mentions, graph.Span{Start: m.start, End: m.end})
		}
		sort.Slice(ge.Mentions, func(i, j int) bool { return ge.Mentions[i].Start < ge.Mentions[j].Start })
		out = append(out, ge)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Type != out[j].Type {
			return typeOrder(out[i].Type) < typeOrder(out[j].Type)
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func typeOrder(t graph.EntityType) int {
	for i, x := range graph.EntityTypes {
		if x == t {
			return i
		}
	}
	return len(graph.EntityTypes)
}

func (m mention) String() string {
	return fmt.Sprintf("%s:%s[%d,%d)", m.typ, m.name, m.start, m.end)
}
