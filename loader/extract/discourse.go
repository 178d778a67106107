package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"parkgraph/graph"
)

// recognizeLists types the unrecognised items of a list closed by a head
// noun: in 围绕青禾、白鹭、星澜等龙头企业 the items are enterprises, in
// 与A资本、B投资、C等13家投资机构 investors (rules/lists.tsv).
func (d *doc) recognizeLists() {
	lx := d.x.lex
	for si := range d.sents {
		lo, hi := d.sents[si].Span.Start, d.sents[si].Span.End
		for e := lo + 1; e <= hi; e++ {
			n, typ, ok := lx.listHeads.longest(d.m, lo, e)
			if !ok {
				continue
			}
			end := e - n
			// Generic words may stand between the count and the head:
			// 等44个招商引资项目.
			modified := false
			for end > lo {
				k, _, ok := d.x.lex.generic.longest(d.m, lo, end)
				if !ok || k < 2 {
					break
				}
				if hasPrefixRunes(d.m[end-k:], "相关") {
					modified = true // …等产业相关企业: the items are industries
				}
				if typ == graph.Project && (hasPrefixRunes(d.m[end-k:], "上下游") || hasPrefixRunes(d.m[end-k:], "配套") || hasPrefixRunes(d.m[end-k:], "上游") || hasPrefixRunes(d.m[end-k:], "下游")) {
					modified = true // 正极材料、隔膜等上下游项目: the items are links of a chain
				}
				end -= k
			}
			if modified {
				continue
			}
			// 等, and an optional count and counter: 等13家, 等三所; or a
			// count alone: A、B、C6家企业.
			j := end
			for j > lo && (d.m[j-1] >= '0' && d.m[j-1] <= '9' || strings.ContainsRune("一二三四五六七八九十百千两几多余家个所支只", d.m[j-1])) {
				j--
			}
			counted := j < end && strings.ContainsRune("家个所支只", d.m[end-1])
			if d.hasAt(e, "自主", "研发", "生产", "推出", "开发", "的产品") {
				continue // 鹅肌肽、…等企业自主研发的产品: the items are products
			}
			switch {
			case j > lo && d.m[j-1] == '等':
				d.typeListItems(lo, j-1, typ)
			case counted && j < end-1:
				d.typeListItems(lo, j, typ)
			}
		}
	}
}

// typeListItems walks a list that ends at end (exclusive) leftwards, item by
// item, adding a mention of type typ for every name-like item no recogniser
// found. It needs at least two items.
func (d *doc) typeListItems(lo, end int, typ graph.EntityType) {
	type item struct{ s, e int }
	var items []item
	e := end
	for e > lo {
		s := e
		if k := d.mentionEndingAt(e); k >= 0 {
			s = d.mentions[k].start
		} else {
			for s > lo && (isNameRune(d.m[s-1]) || d.m[s-1] == '(' || d.m[s-1] == ')') && d.m[s-1] != '、' {
				if _, _, ok := d.x.lex.stops.longest(d.m, lo, s); ok && s < e {
					break
				}
				s--
			}
		}
		if s == e {
			break
		}
		items = append(items, item{s, e})
		if s-1 < lo || d.m[s-1] != '、' {
			break
		}
		e = s - 1
	}
	if len(items) < 2 {
		return
	}
	// The first item may open with 如, 例如 or 包括; the last pair may be
	// joined by 及, 和 or 与 (A、B及C).
	last := &items[len(items)-1]
	for _, w := range []string{"例如", "比如", "包括", "如"} {
		if hasPrefixRunes(d.m[last.s:last.e], w) && last.e-last.s > len([]rune(w))+1 {
			last.s += len([]rune(w))
			break
		}
	}
	if first := items[0]; d.cover[first.s] < 0 {
		for j := first.s + 2; j < first.e-1; j++ {
			if strings.ContainsRune("及和与", d.m[j]) {
				items[0] = item{j + 1, first.e}
				items = append(items, item{first.s, j})
				break
			}
		}
	}
	for _, it := range items {
		if d.covered(it.s, it.e) {
			continue
		}
		rs := d.m[it.s:it.e]
		if len(rs) < 2 || len(rs) > 14 || d.x.lex.isGenericCore(rs) || rs[0] == '(' || rs[0] == ')' {
			continue
		}
		if ordinalRE.MatchString(string(rs)) {
			continue // 今年第3家、累计第21家上市企业: ranks, not names
		}
		if _, sf, ok := d.x.lex.suffixes.longest(rs, 0, len(rs)); ok && sf.typ != typ && len([]rune(sf.word)) >= 2 {
			// 科教园区 in a list of projects names a kind of place; a real
			// park of that name would have been recognised by its suffix.
			continue
		}
		d.add(mention{start: it.s, end: it.e, typ: typ, name: d.origString(it.s, it.e), src: "list", parent: -1})
	}
}

// ordinalRE finds a rank or a count among a list's items: 第3家, 累计第,
// 12家.
var ordinalRE = regexp.MustCompile(`第[0-9一二三四五六七八九十百]*[家个项位名批]?$|^[0-9一二三四五六七八九十百]+[家个项]$`)

// jointCues open and close the partners of a joint act: 由园区联合A和B共同建设.
var jointCues = []struct{ open, close string }{
	{"联合", "共同"},
	{"携手", "共同"},
	{"联合", "共建"},
	{"携手", "共建"},
}

// recognizeJointActs types the unrecognised partners named between 联合 and
// 共同 as enterprises: in 联合青禾和白鹭共同建设 both are organisations.
func (d *doc) recognizeJointActs() {
	for si := range d.sents {
		lo, hi := d.sents[si].Span.Start, d.sents[si].Span.End
		for i := lo; i < hi; i++ {
			if r := d.m[i]; r != '联' && r != '携' {
				continue // every opening cue starts with one of these
			}
			for _, c := range jointCues {
				if !d.hasAt(i, c.open) {
					continue
				}
				start := i + len([]rune(c.open))
				end := -1
				for j := start + 2; j < hi && j-start <= 30; j++ {
					if d.hasAt(j, c.close) {
						end = j
						break
					}
					if !isNameRune(d.m[j]) && d.m[j] != '、' {
						break
					}
				}
				if end < 0 {
					continue
				}
				// Split on 和, 与, 及 and 、 between names.
				s := start
				for j := start; j <= end; j++ {
					if j < end && !strings.ContainsRune("和与及、", d.m[j]) {
						continue
					}
					if j-s >= 2 && j-s <= 10 && !d.covered(s, j) && !d.x.lex.isGenericCore(d.m[s:j]) && !strings.ContainsAny(d.matchString(s, j), "了着的") {
						d.add(mention{start: s, end: j, typ: graph.Enterprise, name: d.origString(s, j), src: "joint", parent: -1})
					}
					s = j + 1
				}
			}
		}
	}
}

// anaphorKind says where an anaphor points back and what it may mean.
type anaphorKind int

const (
	demonstrative anaphorKind = iota // 该项目: the entity of its kind named last
	bareWord                         // 公司, 学院: the same, only where it opens a clause and the entity was named in its sentence or the one before
	ownWord                          // 我公司: the company the article is about
)

// anaphor is a word that points back to an entity named earlier.
type anaphor struct {
	word string
	typ  graph.EntityType // "" when the suffix decides
	tail string           // the entity's name must end with this, "" for any
	kind anaphorKind
	n    int // the word's length in characters
}

// anaphors are the words that point back (该项目 → the project named last).
var anaphors = func() []anaphor {
	as := []anaphor{
		{word: "该项目", typ: graph.Project},
		{word: "这一项目", typ: graph.Project},
		{word: "这个项目", typ: graph.Project},
		{word: "这支基金", typ: graph.Investor, tail: "基金"},
		{word: "这只基金", typ: graph.Investor, tail: "基金"},
		{word: "该公司", typ: graph.Enterprise},
		{word: "该企业", typ: graph.Enterprise},
		{word: "该集团", typ: graph.Enterprise, tail: "集团"},
		{word: "该基地", tail: "基地"},
		{word: "该中心", tail: "中心"},
		{word: "该平台", tail: "平台"},
		{word: "该研究院", tail: "研究院"},
		{word: "该实验室", tail: "实验室"},
		{word: "该基金", typ: graph.Investor, tail: "基金"},
		{word: "该校", typ: graph.Institution, tail: "学"},
		{word: "该大学", typ: graph.Institution, tail: "大学"},
		{word: "该学院", typ: graph.Institution, tail: "学院"},
		{word: "该联盟", typ: graph.Institution, tail: "联盟"},
		{word: "该产业园", typ: graph.Park, tail: "产业园"},
		{word: "公司", typ: graph.Enterprise, kind: bareWord},
		{word: "其", typ: graph.Enterprise, kind: bareWord},
		{word: "母基金", typ: graph.Investor, tail: "母基金", kind: bareWord},
		{word: "项目", typ: graph.Project, kind: bareWord},
		{word: "产业学院", typ: graph.Institution, tail: "产业学院", kind: bareWord},
		{word: "学院", typ: graph.Institution, tail: "学院", kind: bareWord},
		{word: "后者", kind: bareWord},
		{word: "联盟", typ: graph.Institution, tail: "联盟", kind: bareWord},
		{word: "研究院", tail: "研究院", kind: bareWord},
		{word: "实验室", tail: "实验室", kind: bareWord},
		{word: "我公司", typ: graph.Enterprise, kind: ownWord},
		{word: "本公司", typ: graph.Enterprise, kind: ownWord},
		{word: "我司", typ: graph.Enterprise, kind: ownWord},
	}
	for i := range as {
		as[i].n = utf8.RuneCountInString(as[i].word)
	}
	if len(as) > 63 {
		panic("more than 63 anaphors: resolveAnaphora keeps them as bits")
	}
	return as
}()

// anaphorsMeaning returns the anaphors that may mean e, as bits by their
// index, with bit 63 set.
func anaphorsMeaning(e *entity) uint64 {
	set := uint64(1) << 63
	for ai, a := range anaphors {
		if (a.typ == "" || a.typ == e.typ) && (a.tail == "" || strings.HasSuffix(e.name, a.tail)) {
			set |= 1 << ai
		}
	}
	return set
}

// anaphorStarts marks the first characters of the anaphors (all in the
// Basic Multilingual Plane), so that only positions holding one are tried.
var anaphorStarts = func() (set [1 << 16 / 64]uint64) {
	for _, a := range anaphors {
		r, _ := utf8.DecodeRuneInString(a.word)
		set[r/64] |= 1 << (r % 64)
	}
	return set
}()

func startsAnaphor(r rune) bool {
	return r < 1<<16 && anaphorStarts[r/64]&(1<<(r%64)) != 0
}

// resolveAnaphora adds a mention for every anaphor that points back to an
// entity named earlier in the article. The mention takes part in relations
// but adds no alias.
func (d *doc) resolveAnaphora() {
	last := make([]int, len(anaphors)) // anaphor index → the entity it would mean, -1 for none
	for ai := range last {
		last[ai] = -1
	}
	// meant[e]: the anaphors that may mean entity e (bit ai), worked out on
	// its first mention; bit 63 tells it is.
	meant := make([]uint64, len(d.ents))
	pos := d.byPosition()
	p := 0
	for i := 0; i < len(d.m); i++ {
		for p < len(pos) && d.mentions[pos[p]].end <= i {
			m := &d.mentions[pos[p]]
			if m.ent >= 0 && !d.ents[m.ent].dropped && m.class != "anaphor" {
				if meant[m.ent] == 0 {
					meant[m.ent] = anaphorsMeaning(d.ents[m.ent])
				}
				for bits := meant[m.ent] &^ (1 << 63); bits != 0; bits &= bits - 1 {
					last[bitIndex(bits)] = m.ent
				}
			}
			p++
		}
		if !startsAnaphor(d.m[i]) || d.cover[i] >= 0 && !d.ownWordAt(i) {
			continue // (我校 and 本校 stay unresolved: a college's own news may name it two ways)
		}
		for ai, a := range anaphors {
			if !d.hasAt(i, a.word) {
				continue
			}
			if a.kind == bareWord && !d.opensClause(i, a.n) {
				break
			}
			if a.word == "其" && d.hasAt(i, "其中", "其他", "其余", "其它", "其实", "其次", "其间", "其后", "其一", "其二", "其三") {
				break // 其中, 其余: words of their own, not "it"
			}
			ent, ok := last[ai], last[ai] >= 0
			switch {
			case a.word == "公司":
				ent, ok = d.companyMeant(i)
			case a.kind == ownWord:
				ent, ok = d.dominantCompany()
			case ok && a.kind == bareWord && d.sentOf[i]-d.lastSentenceOf(ent, i) > 1 && !(a.n >= 3 && d.sentOf[i]-d.lastSentenceOf(ent, i) <= 3):
				ok = false // named too long ago to be meant (a head word of three or more characters reaches further: 产业学院)
			}
			n := a.n
			if !ok || d.covered(i, i+n) {
				break
			}
			d.add(mention{start: i, end: i + n, typ: d.ents[ent].typ, name: a.word, src: "anaphor", class: "anaphor", parent: -1})
			k := len(d.mentions) - 1
			if !d.mentions[k].inner {
				d.mentions[k].ent = ent
				d.ents[ent].mentions = append(d.ents[ent].mentions, k)
				// The mentions after it keep their order (pos stays
				// valid); the anaphor itself is not one to learn from.
				for p < len(pos) && d.mentions[pos[p]].end <= i+n {
					p++
				}
			}
			i += n - 1
			break
		}
	}
}

// ownWordAt reports whether a company's word for itself (我公司) starts at i,
// where a recogniser may have taken it for a name.
func (d *doc) ownWordAt(i int) bool {
	for _, a := range anaphors {
		if a.kind == ownWord && d.hasAt(i, a.word) {
			return true
		}
	}
	return false
}

// companyMeant returns the company a clause-opening 公司 at i means: of the
// companies named in its sentence or the one before, the one the article
// names most; failing those, the company the article is about, or the one
// company named two sentences before.
func (d *doc) companyMeant(i int) (int, bool) {
	si := d.sentOf[i]
	best, bestN := -1, 0
	for ei, e := range d.ents {
		if e.dropped || e.typ != graph.Enterprise {
			continue
		}
		last := d.lastSentenceOf(ei, i)
		near := last >= 0 && last >= si-1
		if near && (len(e.mentions) > bestN || len(e.mentions) == bestN && last > d.lastSentenceOf(best, i)) {
			best, bestN = ei, len(e.mentions)
		}
	}
	if best >= 0 {
		return best, true
	}
	if ent, ok := d.dominantCompany(); ok {
		return ent, true
	}
	// Failing those, the one company named two sentences before, when no
	// other enterprise was named since.
	only := -1
	for ei, e := range d.ents {
		if e.dropped || e.typ != graph.Enterprise {
			continue
		}
		if last := d.lastSentenceOf(ei, i); last >= 0 && last >= si-2 {
			if only >= 0 {
				return -1, false
			}
			only = ei
		}
	}
	return only, only >= 0
}

// dominantCompany returns the company the article names most, when it
// names it at least three times and twice as often as any other.
func (d *doc) dominantCompany() (int, bool) {
	best, bestN, second := -1, 0, 0
	for ei, e := range d.ents {
		if e.dropped || e.typ != graph.Enterprise {
			continue
		}
		if n := len(e.mentions); n > bestN {
			best, bestN, second = ei, n, bestN
		} else if n > second {
			second = n
		}
	}
	if best < 0 || bestN < 3 || bestN < 2*second {
		return -1, false
	}
	return best, true
}

// opensClause reports whether the word of n characters at i opens a clause
// (after a full stop, a comma or a colon, or after 表示/介绍) and is not the
// start of a longer word (公司章程, 学院路).
func (d *doc) opensClause(i, n int) bool {
	lo, _ := d.sentenceBounds(i)
	if i > lo && !strings.ContainsRune("，,。；;：:", d.m[i-1]) && !(d.hasAt(i, "公司与", "公司和", "公司同") && d.cover[i+3] >= 0) {
		return false // (了解了公司与滇中大学共建的…: the company's own joint act)
	}
	if i+n < len(d.m) && d.hasAt(i+n, "章程", "法人", "总部", "治理", "所在", "负责人", "员工", "职工", "路", "街", "的") {
		return false
	}
	if n == 2 && d.hasAt(i, "项目") && i+n < len(d.m) && d.hasAt(i+n, "建设", "管家", "库", "化", "单位", "组", "方面", "招引", "签约", "推进", "数", "个", "总数", "共", "涵盖", "包括", "主要", "资金", "用地", "审批", "服务", "专班", "类") {
		return false // 项目建设提速, 项目主要建设…: projects in general, or the project's parts
	}
	return true
}

// lastSentenceOf returns the sentence of the last mention of entity e
// before i, or -1.
func (d *doc) lastSentenceOf(e, i int) int {
	best := -1
	for _, mi := range d.ents[e].mentions {
		if m := &d.mentions[mi]; m.end <= i && d.sentOf[m.start] > best {
			best = d.sentOf[m.start]
		}
	}
	return best
}

// recognizeBoards finds boards and exchange short names (科创板, 深交所): each
// names its exchange. A board written right after its exchange
// (上海证券交易所科创板) is part of that mention.
func (d *doc) recognizeBoards() {
	lx := d.x.lex
	for e := 2; e <= len(d.m); e++ {
		n, exchange, ok := lx.boards.longest(d.m, 0, e)
		if !ok {
			continue
		}
		s := e - n
		if k := d.mentionEndingAt(s); k >= 0 && d.mentions[k].typ == graph.Institution {
			continue
		}
		if d.covered(s, e) {
			continue
		}
		name := d.origString(s, e)
		d.aliasOf[graph.NormalizeName(name)] = exchange
		d.add(mention{start: s, end: e, typ: graph.Institution, name: name, src: "board", parent: -1})
	}
}

// recognizeCatalogueBodies finds national bodies written by a short name
// no suffix rule covers (工信部).
func (d *doc) recognizeCatalogueBodies() {
	lx := d.x.lex
	for e := 1; e <= len(d.m); e++ {
		n, _, ok := lx.bodies.longest(d.m, 0, e)
		if !ok {
			continue
		}
		s := e - n
		if n, _, ok := d.x.lex.places.longest(d.m, max(0, s-6), s); ok {
			s -= n // 太原市委: the city's committee
		} else if s >= 2 && hasPrefixRunes(d.m[s-2:], "国家") {
			s -= 2 // 国家工业和信息化部
		} else if s > 0 && isNameRune(d.m[s-1]) && !strings.ContainsRune("与和及、同经由向被获受据对从为在", d.m[s-1]) && !d.isStopBefore(s) {
			continue // inside a longer word
		}
		d.add(mention{start: s, end: e, typ: graph.Institution, name: d.origString(s, e), src: "catalogue-body", class: classBody, parent: -1})
		// A short name (工信部) is an alias of its full name where the
		// article also writes that (工业和信息化部).
		if k, full, ok := lx.boards.longest(d.m, s, e); ok && k == e-s {
			if d.writes(full) {
				d.aliasOf[graph.NormalizeName(d.origString(s, e))] = full
			}
		}
	}
}

// writes reports whether the document writes s (in matching form); the
// answers are kept, as canonical asks again on every merge.
func (d *doc) writes(s string) bool {
	if w, ok := d.written[s]; ok {
		return w
	}
	if d.written == nil {
		d.written = map[string]bool{}
	}
	w := strings.Contains(d.text(), s)
	d.written[s] = w
	return w
}

// text returns the document in matching form as a string (see
// writeMatchForm).
func (d *doc) text() string { return d.matchText }

// origString returns the original text of the runes from a to b,
// string(d.orig[a:b]), cut from the document's text where it can be.
func (d *doc) origString(a, b int) string {
	if d.origAt == nil {
		return string(d.orig[a:b])
	}
	return d.src[d.origAt[a]:d.origAt[b]]
}

// matchString returns the matching form of the runes from a to b,
// string(d.m[a:b]), cut from the text in matching form.
func (d *doc) matchString(a, b int) string {
	t := d.text()
	return t[d.matchAt[a]:d.matchAt[b]]
}

// origUnquoted is stripQuotes(d.orig[a:b]), cut from the document's text
// where the runes hold no quote.
func (d *doc) origUnquoted(a, b int) string {
	if slices.ContainsFunc(d.orig[a:b], isQuote) {
		return stripQuotes(d.orig[a:b])
	}
	return d.origString(a, b)
}
