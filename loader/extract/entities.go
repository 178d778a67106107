package extract

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"parkgraph/graph"
)

// entity is a group of mentions that name one thing.
type entity struct {
	typ      graph.EntityType
	name     string
	key      string
	aliases  map[string]bool
	mentions []int
	parent   int // for a sub-park: the entity of the park it belongs to; else -1
	dropped  bool
	// employerOnly: every mention names someone's employer (X局局长); the
	// entity is kept only if a relation rule finds it acting.
	employerOnly bool
}

var aliasDefRE = regexp.MustCompile(`^\s*\((?:[A-Za-z][A-Za-z0-9 .,&'-]{2,100}?[,;]\s*)?(?:以下简称|以下称|以下统称|下称|简称|股票简称|证券简称|公司简称|英文简称)[:]?\s*[“"'「『]?([^”"')(「」『』,;]{1,16}?)[”"'」』]?(?:[,;][^()]{0,40}?)?\)`)

// recognizeAliasDefinitions reads (以下简称“X”) after a mention: X becomes an
// alias of that mention's entity, and every later X refers to it.
func (d *doc) recognizeAliasDefinitions() {
	for i := range d.mentions {
		m := &d.mentions[i]
		if m.inner || m.end >= len(d.m) {
			continue
		}
		if j := m.end; d.m[j] != '(' && !(d.m[j] == ' ' && j+1 < len(d.m) && d.m[j+1] == '(') {
			continue
		}
		if e := d.englishNameAfter(m.end); e > 0 {
			// 青禾电子集团（Qinghe Electronics Group）: the English name
			// stands outside the clause, as a definition does
			if d.aliasParens == nil {
				d.aliasParens = map[int]int{}
			}
			d.aliasParens[m.end] = e
			continue
		}
		hi := min(len(d.m), m.end+140) // (Tibet … Co., Ltd.，以下简称“X”): an English name may come first
		after := d.matchString(m.end, hi)
		loc := aliasDefRE.FindStringSubmatchIndex(after)
		if loc == nil {
			loc = d.bareShortName(m, hi)
		}
		if loc == nil {
			continue
		}
		start := m.end + utf8.RuneCountInString(after[:loc[2]])
		aliasLen := utf8.RuneCountInString(after[loc[2]:loc[3]])
		name := strings.TrimSpace(d.origString(start, start+aliasLen))
		if strings.TrimSpace(stripQuotes([]rune(name))) == "" {
			continue // (以下简称“): no short name at all
		}
		d.aliasOf[graph.NormalizeName(name)] = m.name
		if d.aliasParens == nil {
			d.aliasParens = map[int]int{}
		}
		d.aliasParens[m.end] = m.end + utf8.RuneCountInString(after[:loc[1]])
		am := mention{start: start, end: start + aliasLen, typ: m.typ, name: name, src: "alias-def", parent: -1}
		d.add(am)
	}
}

// bareShortName reads a short name written in brackets right after a
// company's or investor's full name without 简称 (苏州鼎元创业投资管理有限公司
// （鼎元资本）): Chinese characters only, opening with two characters of the
// full name that are not a place. It returns the submatch positions the
// alias pattern would, or nil.
func (d *doc) bareShortName(m *mention, hi int) []int {
	if m.typ != graph.Enterprise && m.typ != graph.Investor {
		return nil
	}
	j := m.end
	if d.m[j] == ' ' {
		j++
	}
	k := j + 1
	for k < hi && k-j <= 9 && isHan(d.m[k]) {
		k++
	}
	if k >= hi || d.m[k] != ')' || k-j-1 < 3 || k-j-1 > 8 {
		return nil
	}
	short := d.m[j+1 : k]
	if n, sf, ok := d.x.lex.suffixes.longest(short, 0, len(short)); ok && (sf.typ == graph.Park || d.x.lex.isGenericCore(short[:len(short)-n])) {
		return nil // (集团), (有限合伙), (怀宁经济开发区): a form or a park, not a short name
	}
	if n, _, ok := d.x.lex.places.longest(short, 0, 2); ok && n == 2 {
		return nil
	}
	if !strings.Contains(d.matchString(m.start, m.end), string(short[:2])) {
		return nil
	}
	at := func(r int) int { return len(d.matchString(m.end, r)) } // byte offsets, as a match gives
	return []int{at(j), at(k + 1), at(j + 1), at(k)}
}

// englishNameAfter returns where a bracketed name in Latin letters that
// opens at i ends (after its closing bracket), or 0.
func (d *doc) englishNameAfter(i int) int {
	if i < len(d.m) && d.m[i] == ' ' {
		i++
	}
	if i >= len(d.m) || d.m[i] != '(' {
		return 0
	}
	letters := 0
	for k := i + 1; k < len(d.m) && k <= i+120; k++ {
		r := d.m[k]
		switch {
		case r == ')':
			if letters >= 3 {
				return k + 1
			}
			return 0
		case r < 0x80 && (unicode.IsLetter(r)):
			letters++
		case r < 0x80 && (unicode.IsDigit(r) || strings.ContainsRune(" .,&'-/", r)):
		default:
			return 0
		}
	}
	return 0
}

// barePark are park words that, standing alone, point back to a park the
// article names.
var bareParks = []string{"该高新区", "该开发区", "该园区", "该区", "综保区", "高新区", "经开区", "开发区", "示范区", "合作区", "自贸区", "科学城", "科创城", "新区", "园区", "区内", "我区", "合作园", "集中区"}

// firmWords are what 区内 must stand before to mean the park (区内企业 X).
var firmWords = []string{"的", "企业", "龙头企业", "重点企业", "规上企业", "骨干企业", "链主企业", "高新技术企业", "上市企业"}

// A wordStarts marks the first characters of some words, as bits by rune
// below U+10000 (the check runs on every character of a text), and lists
// the words by their first character, in their order.
type wordStarts struct {
	bits    [1 << 16 / 64]uint64
	byFirst map[rune][]string
}

func newWordStarts(words []string) *wordStarts {
	ws := &wordStarts{byFirst: map[rune][]string{}}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if r < 1<<16 {
			ws.bits[r>>6] |= 1 << (r & 63)
		}
		ws.byFirst[r] = append(ws.byFirst[r], w)
	}
	return ws
}

// may reports whether one of the words may start with r.
func (ws *wordStarts) may(r rune) bool {
	if r < 0 || r >= 1<<16 {
		return len(ws.byFirst[r]) > 0
	}
	return ws.bits[r>>6]&(1<<(r&63)) != 0
}

// starting returns the words that start with r, in their order.
func (ws *wordStarts) starting(r rune) []string {
	if !ws.may(r) {
		return nil
	}
	return ws.byFirst[r]
}

var bareParkStarts = newWordStarts(bareParks)

// recognizeBareParks adds mentions for bare park words (高新区, 园区). They
// refer to the park named last before them; where the article names no park
// at all, a bare 高新区 is the park's name.
func (d *doc) recognizeBareParks() {
	for i := 0; i < len(d.m); i++ {
		for _, w := range bareParkStarts.starting(d.m[i]) {
			if !d.hasAt(i, w) {
				continue
			}
			n := len([]rune(w))
			if w == "该区" && d.hasAt(i+n, "域", "县", "市") {
				break // 该区域: the area, not the park
			}
			if w == "区内" && !d.hasAt(i+n, firmWords...) {
				break // 区内 only in 区内企业 X: the park's own firms
			}
			if d.covered(i, i+n) || (i > 0 && d.m[i-1] != '该' && isNameRune(d.m[i-1]) && !d.isStopBefore(i) && !(isConjunction(d.m[i-1]) && (w == "区内" || d.hasAt(i+n, firmWords...)))) {
				break
			}
			if i+n < len(d.m) && d.hasAt(i+n, "内", "外") == false && isHan(d.m[i+n]) && d.startsSuffix(i+n) {
				break
			}
			d.add(mention{start: i, end: i + n, typ: graph.Park, name: d.origString(i, i+n), src: "bare-park", class: "bare", parent: -1})
			i += n - 1
			break
		}
	}
}

// isStopBefore reports whether a stop word ends at i.
func (d *doc) isStopBefore(i int) bool {
	lo, _ := d.sentenceBounds(i)
	_, _, ok := d.x.lex.stops.longest(d.m, lo, i)
	return ok
}

// startsSuffix reports whether a body suffix (管委会, 管理局) starts at i, so
// the park word belongs to an organisation's name.
func (d *doc) startsSuffix(i int) bool {
	for n := 1; n <= 5 && i+n <= len(d.m); n++ {
		if _, sf, ok := d.x.lex.suffixes.longest(d.m, i, i+n); ok && sf.typ == graph.Institution {
			return true
		}
	}
	return false
}

// covered reports whether [s,e) overlaps a mention.
func (d *doc) covered(s, e int) bool {
	for i := s; i < e; i++ {
		if d.cover[i] >= 0 {
			return true
		}
	}
	return false
}

var honourNoise = mustGuarded(`^(\d{4}年度?|[一二][〇零一二三四五六七八九]{3}年度?|第[0-9一二三四五六七八九十]+批|首批|本批|新一批|最新一批|新一轮)+`)

// typedName is a name written for an entity of one type.
type typedName struct {
	typ  graph.EntityType
	name string
}

// groupKey is the identity of a mention's name within the document.
func (d *doc) groupKey(m *mention) string {
	ck := typedName{m.typ, m.name}
	if k, ok := d.keys[ck]; ok {
		return k
	}
	k := d.computeKey(m)
	d.keys[ck] = k
	return k
}

func (d *doc) computeKey(m *mention) string {
	k := graph.NormalizeName(unquoted(m.name))
	if full, ok := d.aliasOf[k]; ok {
		k = graph.NormalizeName(unquoted(full))
	}
	k = strings.TrimSuffix(strings.TrimSuffix(k, "(有限合伙)"), "(普通合伙)") // a partnership with and without its form
	if m.typ == graph.Honor {
		level, base := d.honourKey(k)
		return "Honor|" + level + "|" + base
	}
	return string(m.typ) + "|" + k
}

// resolve groups mentions into entities.
func (d *doc) resolve() {
	d.group()
	d.mergeVariants()
	d.deriveShortForms()
	d.splitJoinedShortForms()
	d.gazetteer()
	d.recognizeLists()
	d.recognizeJointActs()
	d.group()
	d.mergeVariants()
	d.resolveBareParks()
	d.resolveAnaphora()
	d.dropEmployerOnly()
}

// entityMentions returns the mentions that name entities: the top-level
// ones and the nested ones, in text order.
func (d *doc) entityMentions() []int {
	idx := append([]int(nil), d.byPosition()...)
	for i := range d.mentions {
		if d.mentions[i].inner && d.mentions[i].nested {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return d.mentions[a].start - d.mentions[b].start })
	return idx
}

func (d *doc) group() {
	d.ents = d.ents[:0]
	clear(d.mergedInto) // entities are numbered afresh: earlier merges name old numbers
	byKey := reuseMap(&d.buf.entityByKey)
	for _, i := range d.entityMentions() {
		m := &d.mentions[i]
		if m.class == "bare" {
			m.ent = -1
			continue
		}
		k := d.groupKey(m)
		m.key = k
		ei, ok := byKey[k]
		if !ok {
			ei = len(d.ents)
			byKey[k] = ei
			d.ents = append(d.ents, d.reuseEntity(ei, m.typ, k))
		}
		e := d.ents[ei]
		e.mentions = append(e.mentions, i)
		e.aliases[m.name] = true
		if m.typ == graph.Honor && d.hasAt(m.end, "名单", "榜单") {
			e.aliases[m.name+d.origString(m.end, m.end+2)] = true // the list's own name
		}
		m.ent = ei
	}
	for _, e := range d.ents {
		e.name = d.canonical(e)
	}
	d.listedSubparks()
	// Sub-parks: the parent's name plus the sub-park's is an alias.
	for _, e := range d.ents {
		prefixed, alone := "", false
		for _, mi := range e.mentions {
			m := &d.mentions[mi]
			if e.typ == graph.Park && (m.class == classPark || m.class == classSubpark) {
				// 高新区氢能装备产业园: the area goes by its own words too
				if rs := []rune(m.name); areaAfterBarePark(rs) && len(rs)-bareParkLen(rs) >= 4 {
					e.aliases[string(rs[bareParkLen(rs):])] = true
				}
			}
			if m.parent >= 0 && d.mentions[m.parent].ent >= 0 {
				e.parent = d.mentions[m.parent].ent
				pm := &d.mentions[m.parent]
				if m.start > pm.start && !strings.HasPrefix(m.name, pm.name) { // written as parent + sub-park
					e.aliases[pm.name+m.name] = true
				}
			} else if (e.typ == graph.Institution || e.typ == graph.Investor) && m.start > 0 {
				// 长春新区产业技术转移中心: a centre written after its park
				// is named with it too.
				if k := d.mentionEndingAt(m.start); k >= 0 && d.mentions[k].typ == graph.Park && !d.mentions[k].inner && d.mentions[k].class != "bare" {
					prefixed = d.mentions[k].name + m.name
					e.aliases[prefixed] = true
				} else if m.class != "anaphor" {
					alone = true
				}
			}
		}
		if prefixed != "" && !alone {
			e.name = prefixed // never written without its park: the full name is the name
		}
	}
}

// reuseEntity returns a fresh entity for slot i of d.ents, reusing the one
// an earlier grouping left in the slice's spare room (group runs more than
// once per document; nothing else keeps the old entities).
func (d *doc) reuseEntity(i int, typ graph.EntityType, key string) *entity {
	if i < cap(d.ents) {
		if e := d.ents[:i+1][i]; e != nil {
			clear(e.aliases)
			*e = entity{typ: typ, key: key, aliases: e.aliases, mentions: e.mentions[:0], parent: -1}
			return e
		}
	}
	return &entity{typ: typ, key: key, aliases: map[string]bool{}, parent: -1}
}

// canonical picks an entity's name: the longest form for an enterprise (its
// full name), the shortest otherwise (place and level words left out).
func (d *doc) canonical(e *entity) string {
	forms := make([]string, 0, len(e.aliases))
	for a := range e.aliases {
		forms = append(forms, a)
	}
	// A defined short name (以下简称, a board for its exchange) is never the
	// canonical name while a full form is known; the full form it stands for
	// is one of the names where the article writes it (创业板 alone stays
	// 创业板, as the article names it).
	full := forms[:0:0]
	for _, f := range forms {
		if len(d.aliasOf) == 0 { // most articles define no short name
			full = append(full, f)
			continue
		}
		if target, isAlias := d.aliasOf[graph.NormalizeName(f)]; isAlias && graph.NormalizeName(target) != graph.NormalizeName(f) {
			if e.typ != graph.Enterprise && e.typ != graph.Honor && !e.aliases[target] && d.writes(target) {
				e.aliases[target] = true
				full = append(full, target)
			}
			continue
		}
		full = append(full, f)
	}
	if len(full) > 0 {
		forms = full
	}
	// A park is named as the article writes it on its own, not as it reads
	// inside an organisation's name (邵阳经开区 in 邵阳经开区产业发展基金).
	alone := map[string]bool{}
	if e.typ == graph.Park {
		for _, mi := range e.mentions {
			if m := &d.mentions[mi]; !m.inner && !leadQualifiersRE.MatchString(m.name) {
				alone[m.name] = true // (国家级云岭经开区: the level is no part of the name)
			}
		}
	}
	slices.SortFunc(forms, func(a, b string) int {
		if alone[a] != alone[b] && len(alone) > 0 {
			if alone[a] {
				return -1
			}
			return 1
		}
		la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
		if la != lb {
			if e.typ == graph.Enterprise {
				return lb - la
			}
			return la - lb
		}
		return strings.Compare(a, b)
	})
	if e.typ == graph.Honor {
		// Honours: the form without year and batch.
		for _, f := range forms {
			if !honourNoise.MatchString(graph.NormalizeName(f)) {
				return f
			}
		}
		if name := honourNoise.ReplaceAllString(forms[0], ""); name != "" {
			e.aliases[name] = true
			return name
		}
	}
	if e.typ == graph.Institution && isEducation(forms[0]) {
		// A university's name keeps its city: 厦门海湾大学, not 海湾大学.
		for _, f := range forms[1:] {
			if p, ok := strings.CutSuffix(f, forms[0]); ok && d.x.lex.hasPlace([]rune(p)) {
				return f
			}
		}
	}
	if e.typ == graph.Park || e.typ == graph.Institution {
		// A level note in brackets is not part of the name: 西宁(国家级)经济技术开发区.
		for _, f := range forms {
			if !levelInParens.MatchString(graph.NormalizeName(f)) {
				return f
			}
		}
		name := levelInParens.ReplaceAllString(graph.NormalizeName(forms[0]), "")
		e.aliases[name] = true
		return name
	}
	if e.typ == graph.Investor || e.typ == graph.Institution || e.typ == graph.Project {
		// A leading level word describes, it does not name: 省级“锂电产业链”科创基金.
		for _, lv := range []string{"国家级", "省级", "市级", "区级", "县级"} {
			if rest, ok := strings.CutPrefix(forms[0], lv); ok && len([]rune(rest)) >= 4 {
				rest = unquoted(rest)
				e.aliases[rest] = true
				return rest
			}
		}
	}
	return forms[0]
}

// mergePrefixed merges an entity into another of the same type whose name
// it is with a leading place or level word (四川内江高新区 → 内江高新区,
// 国家级专精特新“小巨人”企业 → 专精特新“小巨人”企业), and a park's area named
// with the full park name into the one named with its short form
// (沈抚改革创新示范区科创园 → 沈抚科创园).
func (d *doc) mergeVariants() {
	d.mergeHonourHeads()
	d.mergeHonourLevels()
	d.mergeParkVariants()
	d.mergeRenamedParks()
	d.mergeParkAbbreviations()
	d.mergeOwnerProjects()
	d.mergePrefixed()
	d.mergeShortCompanies()
	d.mergeShortFunds()
	d.mergeLocalBodies()
	d.mergeBodyAbbreviations()
	d.mergeHeadlineShortNames()
	d.mergeParkPrefixedHonours()
	d.mergeCityForms()
}

// mergeCityForms merges an organisation written with its city and 市
// (丹东市鸭绿江天使投资基金) and without 市 (丹东鸭绿江天使投资基金): one name,
// the form with 市 kept as written first in full.
func (d *doc) mergeCityForms() {
	byKey := map[string]int{}
	for i, e := range d.ents {
		if !e.dropped && (e.typ == graph.Investor || e.typ == graph.Institution || e.typ == graph.Enterprise) {
			byKey[e.key] = i
		}
	}
	for i, e := range d.ents {
		if e.dropped || (e.typ != graph.Investor && e.typ != graph.Institution && e.typ != graph.Enterprise) {
			continue
		}
		typ, k, _ := strings.Cut(e.key, "|")
		if !strings.ContainsRune(k, '市') {
			continue
		}
		rs := []rune(k)
		for n := 2; n <= 4 && n+1 < len(rs); n++ {
			if rs[n] != '市' || !d.x.lex.cities[string(rs[:n])] {
				continue
			}
			short := string(rs[:n]) + string(rs[n+1:])
			if j, ok := byKey[typ+"|"+short]; ok && j != i && !d.ents[j].dropped && len(rs)-n-1 >= 4 {
				for a := range d.ents[j].aliases {
					if graph.NormalizeName(a) != graph.NormalizeName(e.name) {
						d.aliasOf[graph.NormalizeName(a)] = e.name
					}
				}
				d.mergeInto(j, i)
			}
			break
		}
	}
}

// hasHeadline reports whether the document opens with a headline: a first
// sentence without a full stop, before others.
func (d *doc) hasHeadline() bool {
	return len(d.sents) >= 2 && !strings.HasSuffix(strings.TrimSpace(d.sents[0].Text), "。")
}

// onlyInHeadline reports whether every mention of e lies in the first
// sentence of a document that has a headline.
func (d *doc) onlyInHeadline(e *entity) bool {
	if !d.hasHeadline() || len(e.mentions) == 0 {
		return false
	}
	for _, mi := range e.mentions {
		if d.sentOf[d.mentions[mi].start] != 0 {
			return false
		}
	}
	return true
}

// isParkName reports whether name is a park entity's name or alias.
func (d *doc) isParkName(name string) bool {
	for _, e := range d.ents {
		if !e.dropped && e.typ == graph.Park && (e.name == name || e.aliases[name]) {
			return true
		}
	}
	return false
}

// withoutLeadingPark returns key k of entity e with the name of the park
// its first mention opens with cut off, when one does (and at least four
// characters remain).
func (d *doc) withoutLeadingPark(e *entity, k string) string {
	for _, mi := range e.mentions {
		m := &d.mentions[mi]
		for j := range d.mentions {
			p := &d.mentions[j]
			if p.typ != graph.Park || p.start != m.start || p.end >= m.end || p.ent < 0 {
				continue
			}
			pk := graph.NormalizeName(unquoted(d.origString(p.start, p.end)))
			if rest, ok := strings.CutPrefix(k, pk); ok && utf8.RuneCountInString(rest) >= 4 {
				return rest
			}
		}
	}
	return k
}

// mergeParkPrefixedHonours merges a title written with the park that confers
// it (苏州工业园区独角兽培育企业) into the same title written without it.
func (d *doc) mergeParkPrefixedHonours() {
	var parkNames []string
	for _, e := range d.ents {
		if e.dropped || e.typ != graph.Park {
			continue
		}
		for a := range e.aliases {
			parkNames = append(parkNames, graph.NormalizeName(a))
		}
	}
	if len(parkNames) == 0 {
		return
	}
	byName := map[string]int{}
	for i, e := range d.ents {
		if !e.dropped && e.typ == graph.Honor {
			byName[graph.NormalizeName(e.name)] = i
		}
	}
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Honor {
			continue
		}
		name := graph.NormalizeName(e.name)
		for _, p := range parkNames {
			rest, ok := strings.CutPrefix(name, p)
			if !ok || utf8.RuneCountInString(rest) < 3 {
				continue
			}
			if j, found := byName[rest]; found && j != i && !d.ents[j].dropped {
				d.mergeInto(i, j)
				break
			}
		}
	}
}

// mergeHeadlineShortNames merges an institution or project named only in
// the headline by the tail of a longer name the report gives it (种业联合实验室
// in the headline, 新疆特色作物种业联合实验室 in the text) into that one, and a
// project named again by its tail after its full name (断路器项目).
func (d *doc) mergeHeadlineShortNames() {
	for i, e := range d.ents {
		if e.dropped || (e.typ != graph.Institution && e.typ != graph.Project) || len(e.mentions) == 0 {
			continue
		}
		inHeadline := d.onlyInHeadline(e)
		first := len(d.m)
		for _, mi := range e.mentions {
			first = min(first, d.mentions[mi].start)
		}
		k := strings.TrimPrefix(e.key, string(e.typ)+"|")
		if len([]rune(k)) < 4 || !inHeadline && e.typ != graph.Project {
			continue
		}
		parkFirst := false
		if inHeadline && e.typ == graph.Project {
			// 十堰经开区商用车智能底盘项目 in the headline: the park named
			// first is no part of the tail the report's name ends with
			short := d.withoutLeadingPark(e, k)
			parkFirst, k = short != k, short
		}
		to := d.onlyOther(i, func(o *entity) bool {
			if o.typ != e.typ {
				return false
			}
			rest, found := strings.CutSuffix(strings.TrimPrefix(o.key, string(o.typ)+"|"), k)
			if !found {
				return false
			}
			if rest == "" {
				return parkFirst // 云岭经开区X项目 in the headline, X项目 in the report
			}
			if d.isParkName(rest) {
				return true // (merged the other way below: the park says where, it does not lengthen the name)
			}
			if inHeadline {
				return true
			}
			// 断路器项目 after 年产300万台智能低压断路器项目: the project
			// named again by its tail, after its full name
			for _, mi := range o.mentions {
				if d.mentions[mi].start < first {
					return true
				}
			}
			return false
		})
		if to >= 0 && parkFirst {
			e.dropped = true // the headline's way of naming the report's project
			continue
		}
		if to >= 0 && !inHeadline {
			if rest, _ := strings.CutSuffix(strings.TrimPrefix(d.ents[to].key, string(e.typ)+"|"), k); d.isParkName(rest) {
				// 芃州高新区汽车电子基地项目, then 汽车电子基地项目: one project,
				// named without the park where it is
				for a := range d.ents[to].aliases {
					if graph.NormalizeName(a) != graph.NormalizeName(e.name) {
						d.aliasOf[graph.NormalizeName(a)] = e.name
					}
				}
				d.mergeInto(to, i)
				continue
			}
		}
		if to >= 0 {
			for a := range e.aliases {
				if graph.NormalizeName(a) != graph.NormalizeName(d.ents[to].name) {
					d.aliasOf[graph.NormalizeName(a)] = d.ents[to].name // the short form is never the name
				}
			}
			d.mergeInto(i, to)
		}
	}
}

// bodyShortWords are the words of a department's name and their short forms
// (省工业和信息化厅 and 省工信厅 are one body).
var bodyShortWords = strings.NewReplacer("工业和信息化", "工信", "发展和改革委员会", "发改委", "发展改革委", "发改委", "科学技术", "科技", "人力资源和社会保障", "人社", "市场监督管理", "市场监管")

// mergeBodyAbbreviations merges two bodies whose names are one name written
// long and short (省工信厅, 省工业和信息化厅) into the long one.
func (d *doc) mergeBodyAbbreviations() {
	byShort := map[string]int{}
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Institution {
			continue
		}
		k := strings.TrimPrefix(e.key, "Institution|")
		short := bodyShortWords.Replace(k)
		if j, ok := byShort[short]; ok && !d.ents[j].dropped {
			from, to := i, j
			if len(k) < len(strings.TrimPrefix(d.ents[j].key, "Institution|")) {
				from, to = j, i
			}
			d.mergeInto(from, to)
			byShort[short] = to
			continue
		}
		byShort[short] = i
	}
}

// onlyOther returns the one entity, other than i and not dropped, that
// match accepts, or -1 when none or several do (a short form that fits two
// names stays apart from both).
func (d *doc) onlyOther(i int, match func(o *entity) bool) int {
	found := -1
	for j, o := range d.ents {
		if j == i || o.dropped || !match(o) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = j
	}
	return found
}

// mergeLocalBodies merges a body written with only its level (市工业和信息化局)
// into the one body named with its place (澜州市工业和信息化局).
func (d *doc) mergeLocalBodies() {
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Institution {
			continue
		}
		k := strings.TrimPrefix(e.key, "Institution|")
		if !(strings.HasPrefix(k, "市") || strings.HasPrefix(k, "省") || strings.HasPrefix(k, "县") || strings.HasPrefix(k, "区")) || len([]rune(k)) < 5 {
			continue
		}
		to := d.onlyOther(i, func(o *entity) bool {
			if o.typ != graph.Institution {
				return false
			}
			rest, found := strings.CutSuffix(strings.TrimPrefix(o.key, "Institution|"), k)
			return found && len([]rune(rest)) >= 2 && len([]rune(rest)) <= 4
		})
		if to >= 0 {
			d.mergeInto(i, to)
		}
	}
}

// mergeShortCompanies merges a company written as its short name and 公司
// (克鲁姆公司) into the one company whose full name, after a leading place
// or country (德国), starts with that short name (德国克鲁姆精密技术有限公司).
func (d *doc) mergeShortCompanies() {
	lx := d.x.lex
	d.mergeShortForms(graph.Enterprise, "公司", 7, func(short []rune, o *entity) bool {
		if o.typ != graph.Enterprise && o.typ != graph.Investor {
			return false
		}
		full := matchRunes([]rune(unquoted(o.name)))
		if !endsWithLegalForm(string(full)) {
			return false
		}
		if k := placePrefix(lx, full); k > 0 && k < len(full) {
			full = full[k:]
		}
		return len(full) > len(short)+2 && hasPrefixRunes(full, string(short))
	})
}

// mergeShortFunds merges a fund written short (祁连风光基金) into the one
// fund written in full whose name opens with the same words
// (祁连风光新能源产业投资基金（有限合伙）).
func (d *doc) mergeShortFunds() {
	lx := d.x.lex
	d.mergeShortForms(graph.Investor, "基金", 8, func(short []rune, o *entity) bool {
		if o.typ != graph.Investor {
			return false
		}
		full := []rune(strings.TrimPrefix(o.key, "Investor|"))
		return strings.HasSuffix(string(full), "基金") && len(full) > len(short)+4 && hasPrefixRunes(full, string(short)) && lx.isGenericCore(full[len(short):len(full)-2])
	})
}

// mergeShortForms merges each entity of type typ named by a short name and
// a head word (克鲁姆公司, 祁连风光基金: four to most characters, the short
// name not only generic words) into the one entity the short name fits.
func (d *doc) mergeShortForms(typ graph.EntityType, head string, most int, fits func(short []rune, o *entity) bool) {
	for i, e := range d.ents {
		if e.dropped || e.typ != typ {
			continue
		}
		rs := []rune(strings.TrimPrefix(e.key, string(typ)+"|"))
		if len(rs) < 4 || len(rs) > most || !strings.HasSuffix(string(rs), head) || strings.HasSuffix(string(rs), "有限"+head) {
			continue
		}
		short := rs[:len(rs)-len([]rune(head))]
		if d.x.lex.isGenericCore(short) {
			continue
		}
		if to := d.onlyOther(i, func(o *entity) bool { return fits(short, o) }); to >= 0 {
			d.mergeInto(i, to)
		}
	}
}

// mergeParkAbbreviations merges a park written with part of its name
// (航空港实验区) into the one written in full (郑州航空港经济综合实验区):
// the same park-type word, and the short core, which is not a place alone,
// found inside the long one. A short form that fits two parks stays apart.
func (d *doc) mergeParkAbbreviations() {
	lx := d.x.lex
	type parts struct {
		core, kind string
	}
	type split struct {
		parts
		ok bool
	}
	splits := map[string]split{} // by name: every park is split again for every other
	splitName := func(name string) (parts, bool) {
		if sp, seen := splits[name]; seen {
			return sp.parts, sp.ok
		}
		var sp split
		rs := matchRunes([]rune(graph.NormalizeName(name)))
		if n, sf, ok := lx.suffixes.longest(rs, 0, len(rs)); ok && sf.typ == graph.Park && sf.class == classPark {
			sp = split{parts{string(rs[:len(rs)-n]), sf.word}, true}
		}
		splits[name] = sp
		return sp.parts, sp.ok
	}
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Park {
			continue
		}
		short, ok := splitName(e.name)
		if !ok || len([]rune(short.core)) < 2 || lx.isGenericCore([]rune(short.core)) {
			continue
		}
		target := d.onlyOther(i, func(o *entity) bool {
			if o.typ != graph.Park {
				return false
			}
			long, ok := splitName(o.name)
			return ok && long.kind == short.kind && len(long.core) > len(short.core) && strings.Contains(long.core, short.core)
		})
		if target >= 0 {
			d.defineAlias(e.name, d.ents[target].name) // the full form stays the name
			d.mergeInto(i, target)
		}
	}
}

// defineAlias makes short a form of full for every later grouping, unless
// short already stands for something.
func (d *doc) defineAlias(short, full string) {
	k := graph.NormalizeName(short)
	if _, ok := d.aliasOf[k]; ok {
		return
	}
	d.aliasOf[k] = full
	clear(d.keys) // keys computed before the alias are stale
}

// mergeOwnerProjects merges a project written without its owner (郑州基地
// 二期项目, after the owner's full name) into the same project written with
// the owner's short name in front (比亚迪郑州基地二期项目): the front part
// begins the name of an organisation of the article.
func (d *doc) mergeOwnerProjects() {
	byName := map[string]int{}
	for i, e := range d.ents {
		if !e.dropped && e.typ == graph.Project {
			byName[e.name] = i
		}
	}
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Project {
			continue
		}
		rs := []rune(e.name)
		for cut := 2; cut <= 6 && cut < len(rs)-4; cut++ {
			j, ok := byName[string(rs[cut:])]
			if !ok || j == i || d.ents[j].dropped {
				continue
			}
			owner := string(rs[:cut])
			if d.isParkName(owner) {
				break // 盐城经开区年产…项目: the park is where, though its 管委会 shares the words
			}
			for _, o := range d.ents {
				if !o.dropped && (o.typ == graph.Enterprise || o.typ == graph.Institution || o.typ == graph.Investor) && strings.HasPrefix(o.name, owner) && o.name != owner {
					d.defineAlias(d.ents[j].name, e.name) // the form with the owner stays the name
					d.mergeInto(j, i)
					break
				}
			}
			break
		}
	}
}

// renameCues introduce a park's new name.
var renameCues = []string{"正式更名为", "更名为", "定名为", "改名为", "正式命名为"}

// mergeRenamedParks merges a park into its new name (云岭新区升级为…，
// 定名为云岭经济技术开发区): the park named before the cue in its sentence
// and the park named right after it are one, under the new name.
func (d *doc) mergeRenamedParks() {
	for i := 0; i < len(d.m); i++ {
		if r := d.m[i]; r != '正' && r != '更' && r != '定' && r != '改' {
			continue // no cue starts here (the cues' first characters)
		}
		n := 0
		for _, c := range renameCues {
			if d.hasAt(i, c) {
				n = len([]rune(c))
				break
			}
		}
		if n == 0 {
			continue
		}
		after := d.cover[min(i+n, len(d.m)-1)]
		if i+n >= len(d.m) || after < 0 || d.mentions[after].start != i+n {
			continue
		}
		b := d.mentions[after].ent
		if b < 0 || d.ents[b].typ != graph.Park {
			continue
		}
		// The park renamed is the one the cue follows (A更名为B), or, after a
		// comma, the last park of the sentence before it (A升级为…，定名为B);
		// 合作园区定名为B renames no park of the article.
		lo, _ := d.sentenceBounds(i)
		if k := d.mentionEndingAt(i); k >= 0 {
			lo = d.mentions[k].start
		} else if i == 0 || (d.m[i-1] != ',' && d.m[i-1] != '，') {
			continue
		}
		for k := i - 1; k >= lo; k-- {
			if c := d.cover[k]; c >= 0 {
				a := d.mentions[c].ent
				if a >= 0 && a != b && d.ents[a].typ == graph.Park && !d.ents[a].dropped && !d.ents[b].dropped {
					for old := range d.ents[a].aliases {
						d.defineAlias(old, d.ents[b].name) // the new name is the name
					}
					d.mergeInto(a, b)
					break
				}
			}
		}
		i += n
	}
}

// mergeHonourHeads merges a title written without its head noun into the
// one written with it at the same level (“省科技小巨人”榜单 and
// 省科技小巨人企业名单 name one honour), and a title for 企业 into the same
// title for 中小企业 (专精特新企业 / 专精特新中小企业); the full form is the
// name.
func (d *doc) mergeHonourHeads() {
	byKey := map[string]int{}
	for i, e := range d.ents {
		if !e.dropped && e.typ == graph.Honor {
			byKey[e.key] = i
		}
	}
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Honor {
			continue
		}
		j, ok := byKey[e.key+"企业"]
		if !ok && strings.HasSuffix(e.key, "企业") && !strings.HasSuffix(e.key, "中小企业") {
			j, ok = byKey[strings.TrimSuffix(e.key, "企业")+"中小企业"] // 专精特新企业 / 专精特新中小企业
		}
		if ok && j != i && !d.ents[j].dropped {
			for a := range e.aliases {
				d.defineAlias(a, d.ents[j].name) // the full form stays the name
			}
			d.mergeInto(i, j)
		}
	}
}

// mergeHonourLevels merges the national and provincial forms of a title
// into its bare form when the article uses the bare form too (创新型中小企业,
// 河南省创新型中小企业, 省级创新型中小企业 are one honour); without a bare form,
// 省级 and 市级 titles stay apart.
func (d *doc) mergeHonourLevels() {
	bare := map[string]int{}
	for i, e := range d.ents {
		if !e.dropped && e.typ == graph.Honor && strings.HasPrefix(e.key, "Honor||") {
			bare[strings.TrimPrefix(e.key, "Honor||")] = i
		}
	}
	// A bare title merges with the one title of a level written with it;
	// where two levels are (国家级… and 省级…), the bare one is neither.
	levels := map[string]int{}
	for _, e := range d.ents {
		if e.dropped || e.typ != graph.Honor {
			continue
		}
		if level, title, ok := honourKeyParts(e.key); ok && level != levelNone {
			levels[title]++
		}
	}
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Honor {
			continue
		}
		level, title, ok := honourKeyParts(e.key)
		if !ok || level == levelNone || level == levelMunicipal || levels[title] > 1 {
			continue
		}
		if j, ok := bare[title]; ok && j != i {
			d.mergeInto(i, j)
		}
	}
}

// honourKeyParts splits an honour's key, Honor|level|title, into its level
// and title; ok is false where it has fewer parts.
func honourKeyParts(key string) (level, title string, ok bool) {
	if _, rest, found := strings.Cut(key, "|"); found {
		return strings.Cut(rest, "|")
	}
	return "", "", false
}

// levelInParens is a level note written inside a park's name.
var levelInParens = mustGuarded(`\((国家级|省级|市级)\)`)

var chinaPrefix = regexp.MustCompile(`^中国\((.{2,3})\)`)

// parkVariant is the form of a park name used to find other forms of it:
// park-type words shortened (经济技术开发区 → 经开区), a level before them
// and an administrative word after the place dropped (白鹭市国家高新区 →
// 白鹭高新区).
func (d *doc) parkVariant(name string) string {
	// A document asks for the variants of its few parks many times over.
	if d.variants == nil {
		d.variants = reuseMap(&d.buf.parkVariants)
	}
	if v, ok := d.variants[name]; ok {
		return v
	}
	v := d.x.parkVariant(name)
	d.variants[name] = v
	return v
}

// parkVariant is doc.parkVariant, worked out.
func (x *Extractor) parkVariant(name string) string {
	s := string(matchRunes([]rune(graph.NormalizeName(name)))) // 柳州高新區 reads as 柳州高新区
	if strings.IndexByte(s, '(') >= 0 {                        // both patterns need a bracket
		s = chinaPrefix.ReplaceAllString(s, "$1") // 中国(湖南)自由贸易试验区 → 湖南…
		s = levelInParens.ReplaceAllString(s, "") // 西宁(国家级)经济技术开发区
	}
	for _, lv := range []string{"国家级", "自治区级", "省级"} {
		if rest, ok := strings.CutPrefix(s, lv); ok && utf8.RuneCountInString(rest) >= 5 {
			s = rest // 国家级银川经济技术开发区: the level is not part of the name
			break
		}
	}
	for _, ab := range x.lex.parkAbbrev {
		if strings.HasSuffix(s, ab[0]) {
			s = strings.TrimSuffix(s, ab[0]) + ab[1]
			break
		}
	}
	// 昌吉国家高新技术产业开发区 / 昌吉高新区: the level between the place
	// and the park-type word is no part of the name.
	for _, ab := range x.lex.parkAbbrev {
		for _, level := range []string{"国家级", "国家"} {
			head, ok := strings.CutSuffix(s, ab[1])
			if !ok {
				break
			}
			if body, ok := strings.CutSuffix(head, level); ok && utf8.RuneCountInString(body) >= 2 {
				s = body + ab[1]
			}
		}
	}
	rs := []rune(s)
	for i := 2; i <= 3 && i < len(rs)-2; i++ {
		if rs[i] == '市' || rs[i] == '县' {
			return string(rs[:i]) + string(rs[i+1:])
		}
	}
	return s
}

// mergeParkVariants merges parks written in full and in short
// (云岭经济技术开发区 / 云岭经开区, 白鹭市经济技术开发区 / 白鹭经济技术开发区), and
// a park written with a leading city (澜州星澜高新区) into the same park
// written without it (星澜高新区). The fuller form is the canonical name.
func (d *doc) mergeParkVariants() {
	byVariant := map[string]int{}
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Park {
			continue
		}
		v := d.parkVariant(e.name)
		if j, ok := byVariant[v]; ok {
			d.mergeInto(i, j)
			continue
		}
		byVariant[v] = i
	}
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Park {
			continue
		}
		rs := []rune(d.parkVariant(e.name))
		for cut := 2; cut <= 3 && cut < len(rs)-3; cut++ {
			if j, ok := byVariant[string(rs[cut:])]; ok && j != i && !d.ents[j].dropped {
				if _, sf, ok := d.x.lex.suffixes.longest(rs[cut:], 0, len(rs)-cut); ok && len(rs)-cut-len([]rune(sf.word)) >= 2 {
					d.mergeInto(i, j)
					break
				}
			}
		}
	}
}

// nameLengths records the byte lengths of names by type, those below 256
// exactly and the rest together. It holds up to eight types in place (a
// document's entities have six), so that it needs no memory of its own;
// past eight, it says any length may be.
type nameLengths struct {
	n     int
	types [8]string
	sets  [8][5]uint64 // by type: bit n of the first four words for length n; word 4 non-zero for any longer
	full  bool         // a ninth type was added
}

func (l *nameLengths) add(typ string, n int) {
	i := slices.Index(l.types[:l.n], typ)
	if i < 0 {
		if l.n == len(l.types) {
			l.full = true
			return
		}
		i = l.n
		l.types[i] = typ
		l.n++
	}
	if n >= 256 {
		l.sets[i][4] = 1
		return
	}
	l.sets[i][n>>6] |= 1 << (n & 63)
}

// has reports whether a name of the type may be n bytes long.
func (l *nameLengths) has(typ string, n int) bool {
	if l.full {
		return true
	}
	i := slices.Index(l.types[:l.n], typ)
	if i < 0 {
		return false
	}
	if n >= 256 {
		return l.sets[i][4] != 0
	}
	return l.sets[i][n>>6]&(1<<(n&63)) != 0
}

// A typedKey is an entity key split at its bar: type and name.
type typedKey struct{ typ, name string }

func (d *doc) mergePrefixed() {
	// The entities by key, split at its bar so that the rest of a name after
	// a prefix (or before a tail) is looked up without building its key.
	// first[key] is the first entity of a key, next[j] the one after j
	// (-1: none), last[key] the last.
	first, last := reuseMap(&d.buf.firstByName), reuseMap(&d.buf.lastByName)
	next := make([]int, len(d.ents))
	var lengths nameLengths // the lengths of the names of each type: most rests are of none
	for j, o := range d.ents {
		typ, k, _ := strings.Cut(o.key, "|")
		key := typedKey{typ, k}
		next[j] = -1
		if l, ok := last[key]; ok {
			next[l] = j
		} else {
			first[key] = j
		}
		last[key] = j
		lengths.add(typ, len(k))
	}
	lx := d.x.lex
	for i, e := range d.ents {
		if e.dropped {
			continue
		}
		typ, k, _ := strings.Cut(e.key, "|")
		runes := utf8.RuneCountInString(k)
		b := 0 // where rune cut starts in k
		for cut := 1; cut < runes-1; cut++ {
			_, n := utf8.DecodeRuneInString(k[b:])
			b += n
			if !lengths.has(typ, len(k)-b) {
				continue
			}
			j, ok := last[typedKey{typ, k[b:]}] // the last entity of that key
			if !ok || j == i || d.ents[j].dropped {
				continue
			}
			prefix := []rune(k[:b])
			if !lx.isGenericCore(prefix) {
				continue
			}
			if e.typ == graph.Enterprise && (placePrefix(lx, prefix) != len(prefix) || runes-cut < 6) {
				continue // 益阳赫晟电子科技股份有限公司 / 赫晟电子科技股份有限公司: only a place before a full name
			}
			if e.typ != graph.Enterprise && d.onlyInHeadline(d.ents[j]) {
				break // the headline's short form (mergeHeadlineShortNames)
			}
			if e.typ != graph.Park && lx.hasPlace(prefix) {
				// 厦门海湾大学 / 海湾大学: an organisation's full name keeps
				// its place (a park's shorter form is its name).
				d.mergeInto(j, i)
			} else {
				d.mergeInto(i, j)
			}
			break
		}
	}
	// An organisation named with its founder in front (滇中大学——云岭产业研究院)
	// and without it (云岭产业研究院) is one.
	// Of the shorter names a name ends with, the first entity in order is
	// merged.
	for i, e := range d.ents {
		if e.dropped || (e.typ != graph.Institution && e.typ != graph.Investor && e.typ != graph.Project) {
			continue
		}
		typ, k, _ := strings.Cut(e.key, "|")
		found, foundShort := -1, ""
		for b := 1; b < len(k); b++ {
			if !utf8.RuneStart(k[b]) {
				continue
			}
			if !lengths.has(typ, len(k)-b) {
				continue
			}
			rest, short := k[:b], k[b:]
			j, ok := first[typedKey{typ, short}]
			for ; ok && j >= 0; j = next[j] {
				if found >= 0 && j >= found {
					break
				}
				if o := d.ents[j]; j == i || o.dropped || o.typ != e.typ {
					continue
				}
				if (strings.HasSuffix(rest, "——") || strings.HasSuffix(rest, "-") || d.namesFounder(rest)) && utf8.RuneCountInString(short) >= 4 {
					found, foundShort = j, short
					break
				}
			}
		}
		if found >= 0 {
			if _, defined := d.aliasOf[foundShort]; !defined {
				d.aliasOf[foundShort] = e.name // the full form stays the name
			}
			d.mergeInto(found, i)
		}
	}
	// Park areas: <parent park><type word> and <short><type word>.
	for i, e := range d.ents {
		if e.dropped || e.typ != graph.Park || e.parent < 0 {
			continue
		}
		parent := d.ents[e.parent]
		pname := []rune(graph.NormalizeName(parent.name))
		full := []rune(strings.TrimPrefix(e.key, "Park|"))
		if !hasPrefixRunes(full, string(pname)) {
			continue
		}
		word := full[len(pname):]
		for j, o := range d.ents {
			if j == i || o.dropped || o.typ != graph.Park {
				continue
			}
			on := []rune(strings.TrimPrefix(o.key, "Park|"))
			if len(on) > len(word) && strings.HasSuffix(string(on), string(word)) {
				short := on[:len(on)-len(word)]
				if len(short) >= 2 && hasPrefixRunes(pname, string(short)) {
					d.mergeInto(i, j)
					o.parent = e.parent
					break
				}
			}
		}
	}
}

// namesOrganisation reports whether a normalised name is that of an
// entity of the document (the founder in front of 滇中大学云岭研究院).
// namesFounder reports whether name is an organisation's name, alone or
// followed by a park's or a place's: 滇中学院云岭科创走廊 in front of
// 产业与创新研究院.
func (d *doc) namesFounder(name string) bool {
	if d.namesOrganisation(name) {
		return true
	}
	for _, e := range d.ents {
		if e.dropped || (e.typ != graph.Institution && e.typ != graph.Enterprise) {
			continue
		}
		rest, ok := strings.CutPrefix(name, strings.TrimPrefix(e.key, string(e.typ)+"|"))
		if !ok || rest == "" || rest == name {
			continue
		}
		if rs := []rune(rest); d.x.lex.places.startsAt(rs, 0, len(rs)) && len(rs) <= 4 {
			return true
		}
		if rs := []rune(rest); len(rs) >= 4 {
			if n, sf, ok := d.x.lex.suffixes.longest(rs, 0, len(rs)); ok && sf.typ == graph.Park && n >= 2 {
				return true // a park's name, written whole inside the organisation's
			}
		}
	}
	return false
}

func (d *doc) namesOrganisation(name string) bool {
	for _, e := range d.ents {
		if !e.dropped && (e.typ == graph.Institution || e.typ == graph.Enterprise) && strings.TrimPrefix(e.key, string(e.typ)+"|") == name {
			return true
		}
	}
	return false
}

func (d *doc) mergeInto(from, to int) {
	f, t := d.ents[from], d.ents[to]
	for a := range f.aliases {
		t.aliases[a] = true
	}
	for _, mi := range f.mentions {
		d.mentions[mi].ent = to
	}
	t.mentions = append(t.mentions, f.mentions...)
	if t.parent < 0 {
		t.parent = f.parent
	}
	f.dropped = true
	d.mergedInto[from] = to
	f.mentions = nil
	for _, e := range d.ents {
		if e.parent == from {
			e.parent = to
		}
	}
	if t.parent == to {
		t.parent = -1
	}
	t.name = d.canonical(t)
}

// gazetteer adds a mention for every further occurrence of an entity's name
// or alias that no recogniser found (a short name used after its
// definition, a sub-park named alone).
// A gazetteerForm is a name's matching form and its entity (-1: more than
// one entity has it).
type gazetteerForm struct {
	rs  []rune
	ent int
}

func (d *doc) gazetteer() {
	owner := reuseMap(&d.buf.gazetteerForms)
	for i, e := range d.ents {
		if e.dropped {
			continue
		}
		for a := range e.aliases {
			rs := matchRunes([]rune(unquoted(a)))
			if len(rs) < 2 {
				continue
			}
			k := string(rs)
			if prev, ok := owner[k]; ok && prev.ent != i {
				owner[k] = gazetteerForm{rs, -1} // ambiguous
				continue
			}
			owner[k] = gazetteerForm{rs, i}
		}
	}
	forms := make([]gazetteerForm, 0, len(owner))
	for _, f := range owner {
		if f.ent >= 0 {
			forms = append(forms, f)
		}
	}
	// Longest first, then in the order of their characters (which is the
	// order of the names as strings).
	slices.SortFunc(forms, func(a, b gazetteerForm) int {
		if len(a.rs) != len(b.rs) {
			return len(b.rs) - len(a.rs)
		}
		return slices.Compare(a.rs, b.rs)
	})
	// One pass over the text; at each position the longest form that
	// starts there (forms are sorted longest first).
	byFirst := map[rune][]gazetteerForm{}
	var firsts [16]uint64 // bit r%1024 set for the first rune r of some form: most runes open none
	for _, f := range forms {
		byFirst[f.rs[0]] = append(byFirst[f.rs[0]], f)
		firsts[f.rs[0]>>6&15] |= 1 << (f.rs[0] & 63)
	}
	for i := 0; i < len(d.m); i++ {
		if r := d.m[i]; firsts[r>>6&15]&(1<<(r&63)) == 0 || d.cover[i] >= 0 || d.sentOf[i] < 0 {
			continue
		}
		cands := byFirst[d.m[i]]
		for _, f := range cands {
			end := i + len(f.rs)
			if end > len(d.m) || !slices.Equal(d.m[i:end], f.rs) || d.covered(i, end) {
				continue
			}
			// Not a short form written right after its own full name
			// (深圳证券交易所创业板): the two are one mention's words.
			if k := d.mentionEndingAt(i); k >= 0 && d.mentions[k].ent == f.ent {
				continue
			}
			// Only whole names: not the start of a longer name that runs
			// on into a suffix.
			if end < len(d.m) && d.continuesIntoName(end) {
				continue
			}
			d.add(mention{start: i, end: end, typ: d.ents[f.ent].typ, name: d.origString(i, end), src: "gazetteer", parent: -1})
			i = end - 1
			break
		}
	}
}

// current follows merges from entity i to the entity that now stands for it.
func (d *doc) current(i int) int {
	for n := 0; n < len(d.ents); n++ {
		j, ok := d.mergedInto[i]
		if !ok {
			break
		}
		i = j
	}
	return i
}

// gazetteerFor adds mentions for the further occurrences of the entities
// from index first on (named by rules), in text not yet covered.
func (d *doc) gazetteerFor(first int) {
	for ei := first; ei < len(d.ents); ei++ {
		e := d.ents[ei]
		if e.dropped {
			continue
		}
		rs := matchRunes([]rune(e.name))
		if len(rs) < 4 {
			continue
		}
		for i := 0; i+len(rs) <= len(d.m); i++ {
			if d.m[i] != rs[0] {
				continue
			}
			end := i + len(rs)
			if !slices.Equal(d.m[i:end], rs) {
				// A title written with quotes the name lacks (澜州市“链主”企业).
				if e.typ != graph.Honor {
					continue
				}
				if end = d.matchSkippingQuotes(i, rs); end < 0 {
					continue
				}
			}
			if d.covered(i, end) || d.sentOf[i] < 0 {
				continue
			}
			d.add(mention{start: i, end: end, typ: e.typ, name: d.origString(i, end), src: "gazetteer", parent: -1})
			k := len(d.mentions) - 1
			if !d.mentions[k].inner {
				d.mentions[k].ent = ei
				e.mentions = append(e.mentions, k)
			}
			i = end - 1
		}
	}
}

// matchSkippingQuotes returns where rs ends when it is written from i with
// quote marks between its characters, or -1.
func (d *doc) matchSkippingQuotes(i int, rs []rune) int {
	k, j := 0, i
	for ; k < len(rs) && j < len(d.m) && j-i <= len(rs)+6; j++ {
		switch {
		case d.m[j] == rs[k]:
			k++
		case isQuote(d.m[j]) && k > 0:
		default:
			return -1
		}
	}
	if k < len(rs) {
		return -1
	}
	return j
}

// stopStartsAt reports whether a hard stop word (stops.txt: 与, 在, 位于 …)
// begins at i.
func (d *doc) stopStartsAt(i, hi int) bool {
	for k := 1; k <= 3 && i+k <= hi; k++ {
		if n, soft, ok := d.x.lex.stops.longest(d.m, i, i+k); ok && n == k && !soft {
			return true
		}
	}
	return false
}

// continuesIntoName reports whether a suffix begins within a few characters
// after i, so a known short name at i is only the start of another name.
func (d *doc) continuesIntoName(i int) bool {
	lo, hi := d.sentenceBounds(i)
	_ = lo
	for n := 1; n <= 6 && i+n <= hi; n++ {
		if !isNameRune(d.m[i+n-1]) {
			return false
		}
		if n == 1 && (isConjunction(d.m[i]) || d.stopStartsAt(i, hi)) {
			return false // 强力新材与常州大学: a conjunction or stop word ends the name
		}
		if _, sf, ok := d.x.lex.suffixes.longest(d.m, i, i+n); ok && sf.class != classSubpark && n >= len([]rune(sf.word)) {
			return true
		}
	}
	return false
}

// resolveBareParks points each bare park word at the park named last before
// it, or at the only park the article names; where the article names none,
// the bare word is the park.
func (d *doc) resolveBareParks() {
	var parks []int
	for i, e := range d.ents {
		if !e.dropped && e.typ == graph.Park {
			parks = append(parks, i)
		}
	}
	firstBare := -1
	lastPark, lastDistrict := -1, -1
	lastGarden, lastGardenSentence := -1, -1 // the last park named …园 or …园区, and where
	lastOfKind := map[string]int{}           // park-type short form → park named last with it
	for _, i := range d.byPosition() {
		m := &d.mentions[i]
		if m.class != "bare" {
			if m.ent >= 0 && m.typ == graph.Park && !d.ents[m.ent].dropped {
				lastPark = m.ent
				if e := d.ents[m.ent]; strings.HasSuffix(e.name, "区") && !strings.HasSuffix(e.name, "片区") && !strings.HasSuffix(e.name, "专区") && (e.parent < 0 || !strings.HasSuffix(e.name, "园区")) {
					lastDistrict = m.ent // (not a sub-park's 园区: 该区 is the zone)
				}
				lastOfKind[d.parkKind(d.ents[m.ent].name)] = m.ent
				if n := d.ents[m.ent].name; strings.HasSuffix(n, "园") || strings.HasSuffix(n, "园区") {
					lastGarden, lastGardenSentence = m.ent, d.sentOf[m.start]
				}
			}
			continue
		}
		if len(parks) == 0 {
			w := strings.TrimPrefix(m.name, "该")
			if w == "园区" || w == "新区" || w == "区内" || w == "我区" {
				continue
			}
			if firstBare < 0 {
				firstBare = len(d.ents)
				d.ents = append(d.ents, &entity{typ: graph.Park, name: w, key: "Park|" + w, aliases: map[string]bool{}, parent: -1})
			}
			m.ent = firstBare
			d.ents[firstBare].mentions = append(d.ents[firstBare].mentions, i)
			continue
		}
		best := lastPark
		if w := strings.TrimPrefix(m.name, "该"); (w == "园区" || w == "园内") && lastGarden >= 0 && lastGardenSentence == d.sentOf[m.start] {
			best = lastGarden // 白沙软件园是…载体，园区内聚集了…: the 园 just named
		} else if k, ok := lastOfKind[d.parkKind(strings.TrimPrefix(m.name, "该"))]; ok {
			best = k // 经开区 points back to the last 经济技术开发区, not to any park
		} else if (m.name == "该区" || m.name == "我区" || m.name == "区内") && lastDistrict >= 0 {
			best = lastDistrict // 该区: the last park named …区, not a 产业园 named since
		}
		if best < 0 && len(parks) == 1 {
			best = parks[0]
		}
		m.ent = best
		if best >= 0 && len(parks) == 1 && m.name != "园区" && m.name != "区内" && m.name != "我区" && !strings.HasPrefix(m.name, "该") {
			d.ents[best].aliases[m.name] = true
		}
	}
}

// parkKind is the short park-type word a park name ends with (经济技术开发区
// → 经开区), or "" when it ends with none of the bare park words.
func (d *doc) parkKind(name string) string {
	v := d.parkVariant(name)
	for _, w := range bareParks {
		if strings.HasSuffix(v, w) && !strings.HasPrefix(w, "该") {
			return w
		}
	}
	return ""
}

// dropEmployerOnly marks organisations named only as someone's employer
// (X局局长, X公司总经理): the guideline annotates them only where they act,
// which the relation rules decide.
func (d *doc) dropEmployerOnly() {
	for _, e := range d.ents {
		if e.dropped || (e.typ != graph.Enterprise && e.typ != graph.Institution && e.typ != graph.Investor) {
			continue
		}
		acting := false
		for _, mi := range e.mentions {
			if !d.employerMention(&d.mentions[mi]) {
				acting = true
				break
			}
		}
		if !acting {
			e.employerOnly = true
		}
	}
}

var titleWords = []string{"相关负责人", "有关负责人", "项目管理部", "管理部", "副部长", "项目部", "党委副书记", "党委书记", "党工委书记", "副书记", "书记", "副局长", "局长", "副厅长", "厅长", "副主任", "主任", "董事长", "副董事长", "总经理", "副总经理", "经理", "总裁", "副总裁", "负责人", "工作人员", "员工", "职工", "副院长", "院长", "副校长", "校长", "所长", "部长", "处长", "科长", "主席", "秘书长", "会长", "创始人", "工程部", "办公室", "党委", "专家", "教授", "研究员", "首席", "常委", "党组成员", "党组书记", "党组副书记", "副秘书长", "总工程师", "副总工程师", "副市长", "市长", "副区长", "区长", "副县长", "县长", "副省长", "省长", "巡视员", "一级巡视员", "二级巡视员", "总监", "副总监", "执行董事", "董事", "合伙人", "党支部", "副总", "常务副"}

var titleWordStarts = newWordStarts(titleWords)

// titleAt reports whether a title word (局长, 负责人) is written at i.
func (d *doc) titleAt(i int) bool {
	if i >= len(d.m) {
		return false
	}
	for _, w := range titleWordStarts.starting(d.m[i]) {
		if d.hasAt(i, w) {
			return true
		}
	}
	return false
}

var datelineRE = mustGuarded(`^\d{1,2}月\d{1,2}日(电|讯)`)

// employerMention reports whether a mention names someone's employer (X局局长)
// or a news outlet in a dateline (X融媒体中心6月1日讯) rather than an actor.
func (d *doc) employerMention(m *mention) bool {
	if d.titleAt(m.end) {
		return true
	}
	if datelineRE.matchRunes(d.m[m.end:min(len(d.m), m.end+8)]) {
		return true
	}
	// 市发展改革委、市科技局负责人: every body of a list before a title.
	for e := m.end; e < len(d.m) && (d.m[e] == '、' || d.m[e] == '和' || d.m[e] == '及' || d.m[e] == '与'); {
		if e+1 >= len(d.m) {
			return false
		}
		k := d.cover[e+1]
		if k < 0 || d.mentions[k].start != e+1 {
			return false
		}
		next := &d.mentions[k]
		if next.typ != graph.Institution && next.typ != graph.Park && next.typ != graph.Enterprise {
			return false
		}
		if d.titleAt(next.end) {
			return true
		}
		e = next.end
	}
	return false
}

// listedSubparks gives the sub-parks listed after one written with its park
// that park too: in 落户云岭经开区装备制造产业园、食品产业园和数字产业园 all
// three are parts of 云岭经开区.
func (d *doc) listedSubparks() {
	var parks []int
	for i := range d.mentions {
		if m := &d.mentions[i]; m.typ == graph.Park {
			parks = append(parks, i)
		}
	}
	slices.SortFunc(parks, func(a, b int) int { return d.mentions[a].start - d.mentions[b].start })
	for _, i := range parks {
		m := &d.mentions[i]
		if m.inner || m.parent >= 0 || (m.class != classSubpark && m.class != classPark) || m.start < 2 || !strings.ContainsRune("、和及与", d.m[m.start-1]) {
			continue
		}
		// The park listed before, or the sub-park inside it (云岭经开区装备制造产业园).
		for _, k := range parks {
			if prev := &d.mentions[k]; k != i && prev.end == m.start-1 && prev.parent >= 0 {
				m.parent = prev.parent
				break
			}
		}
	}
}
