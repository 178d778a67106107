package extract

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"parkgraph/graph"
)

// Extractor finds entities and relations in documents. It is safe for
// concurrent use.
type Extractor struct {
	lex   *lexicon
	rules []*relRule
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
	for _, s := range specs {
		r, err := compileRule(s)
		if err != nil {
			return nil, err
		}
		x.rules = append(x.rules, r)
	}
	return x, nil
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
func (x *Extractor) Extract(d *graph.Document) {
	st := x.newDoc(d)
	st.recognize()
	st.resolve()
	d.Relations = st.relations() // rules may retype entities, so before entities()
	d.Entities = st.entities()
}

func (x *Extractor) newDoc(d *graph.Document) *doc {
	st := &doc{x: x, orig: []rune(d.Text), sents: d.Sentences, aliasOf: map[string]string{}, droppedMentions: map[int]bool{}, fired: map[string]bool{}, keys: map[string]string{}}
	st.m = matchRunes(st.orig)
	st.cover = make([]int32, len(st.orig))
	st.endAt = make([]int32, len(st.orig)+1)
	for i := range st.cover {
		st.cover[i] = -1
	}
	for i := range st.endAt {
		st.endAt[i] = -1
	}
	st.sentOf = make([]int, len(st.orig)+1)
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

// retype adjusts the type a suffix gives: a company whose name says it
// invests (创新投资集团有限公司, 科投集团) is an Investor.
func (x *Extractor) retype(t graph.EntityType, sf *suffix, name []rune) graph.EntityType {
	if t == graph.Enterprise && sf.class == classLegal {
		s := string(name)
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
