package extract

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

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
	inner      bool // nested inside a longer mention (not a top-level mention)
	nested     bool // inner, but still names an entity of its own (青禾集团 in 青禾集团智慧制造园区项目)
	ent        int  // entity index after resolution
	key        string
}

func (m *mention) len() int { return m.end - m.start }

// doc is the working state of one extraction.
type doc struct {
	x          *Extractor
	buf        *docBuffers // where orig, m, cover, endAt and sentOf live
	orig, m    []rune
	sents      []graph.Sentence
	locs       [][]int // the matches locate found last (reused)
	sentOf     []int   // rune offset → sentence index
	mentions   []mention
	ents       []*entity
	cover      []int32   // rune offset → the non-inner mention covering it, or -1
	endAt      []int32   // rune offset → the non-inner mention ending there, or -1
	sorted     []int     // cached byPosition result
	version    int       // counts changes to the mentions and their entities
	encs       []encoded // sentences encoded for the rules, valid while encVersion == version
	encVersion int
	tests      *matchCache // the states of the rules' match tests, built as sentences need them

	droppedMentions map[int]bool         // mentions a rule found to name parts, not entities
	mergedInto      map[int]int          // entity index → the entity it was merged into
	matchText       string               // the matching form as a string (see text)
	src             string               // the document's text
	origAt, matchAt []int32              // rune offset → byte offset in src (nil where src is not valid UTF-8) and in matchText
	runeAt          map[rune][]int32     // where each character occurs, for long texts, made on first use (see occurrences)
	repeats         map[string]bool      // memo of repeated
	variants        map[string]string    // memo of parkVariant, kept with the buffers
	fired           map[string]bool      // rules that matched, for tests
	rejected        bool                 // the match apply was given was rejected by a notafter or notbetween line
	keys            map[typedName]string // group keys by type and name
	written         map[string]bool      // answers of writes
	shortDefs       map[string]bool      // short names the article defines (see definedShortEndingAt)
	aliasOf         map[string]string    // alias (normalised) → full name it abbreviates
	aliasParens     map[int]int          // start → end of each (以下简称“X”) after a mention, which the rules read past
}

func (d *doc) sentenceBounds(i int) (lo, hi int) {
	s := d.sentOf[i]
	if s < 0 {
		return i, i
	}
	return d.sents[s].Span.Start, d.sents[s].Span.End
}

// hasAt reports whether the matching form opens with one of the words at
// rune i.
func (d *doc) hasAt(i int, words ...string) bool {
	// The text in matching form is d.m encoded: its bytes from rune i open
	// with a word's bytes where its runes open with the word's runes.
	t := d.text()[d.matchAt[i]:]
	for _, w := range words {
		// Most words fail on their first character, whose last byte tells
		// most characters apart: test it before calling for a comparison.
		if len(t) >= len(w) && (len(w) < 3 || t[2] == w[2]) && t[:len(w)] == w {
			return true
		}
	}
	return false
}

// containsRunes reports whether w occurs in rs.
func containsRunes(rs, w []rune) bool { return indexRunes(rs, w) >= 0 }

// indexRunes returns where w first occurs in rs, or -1. It searches the
// runes' bytes with bytes.Index, which is vectorised, and keeps only hits
// that fall on a rune's first byte.
func indexRunes(rs, w []rune) int {
	if len(w) == 0 {
		return 0
	}
	if len(w) > len(rs) {
		return -1
	}
	hay, needle := runeBytes(rs), runeBytes(w)
	for off := 0; ; {
		i := bytes.Index(hay[off:], needle)
		if i < 0 {
			return -1
		}
		if at := off + i; at%4 == 0 {
			return at / 4
		}
		off += i + 1
	}
}

// runeBytes views runes as the bytes they are stored in.
func runeBytes(rs []rune) []byte {
	if len(rs) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(&rs[0])), len(rs)*4)
}

func hasPrefixRunes(rs []rune, w string) bool {
	// Most calls fail on the first rune: test it before decoding the rest.
	if w != "" {
		if r, _ := decodeRune(w); len(rs) == 0 || rs[0] != r {
			return false
		}
	}
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
	if i < 0 || i >= len(d.endAt) {
		return -1
	}
	return int(d.endAt[i])
}

// recognizeQuotedOrgs finds institutions whose whole name is quoted
// (共建的“第三代半导体联合实验室”): the quotes make a name of words that
// would otherwise only describe (联合实验室 alone is no name).
func (d *doc) recognizeQuotedOrgs() {
	lx := d.x.lex
	for i := 0; i+1 < len(d.m); i++ {
		if !isOpenQuote(d.m[i]) && d.m[i] != '"' {
			continue
		}
		_, hi := d.sentenceBounds(i)
		k := d.closingQuote(i, hi)
		if k < 0 {
			continue
		}
		s := i + 1
		n, sf, ok := lx.suffixes.longest(d.m, s, k)
		if !ok || sf.typ != graph.Institution || sf.class != classOrg || k-s-n < 2 || k-s > 24 || d.covered(s, k) {
			continue
		}
		if hn, _, ok := lx.honours.longest(d.m, s, k); ok && (hn == k-s || d.qualifiedStart(s, k-hn) == s) {
			continue // a quoted title: “国家级企业技术中心”, “甘肃省技术创新中心”
		}
		if d.hasAt(k+1, "认定名单", "名单", "榜单", "称号", "认定") {
			continue // “云岭省工程研究中心”认定名单: the title of a list
		}
		if hn, _, ok := lx.honourHeads.longest(d.m, s, k); ok && hn == k-s {
			continue
		}
		clean := true
		for _, r := range d.m[s:k] {
			if !isNameRune(r) {
				clean = false
				break
			}
		}
		if clean {
			d.add(mention{start: s, end: k, typ: sf.typ, name: d.origString(s, k), src: "quoted-org", class: sf.class, parent: -1})
		}
		i = k
	}
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
		if d.blockedBefore(sf, lo, b) {
			continue
		}
		start, parent, ok := d.extendLeft(sf, lo, b)
		if !ok {
			continue
		}
		start = d.trimLeading(start, b)
		if start+3 < b && (d.m[start] == '如' || d.hasAt(start, "例如", "比如", "诸如", "譬如")) && (start == lo || strings.ContainsRune(",，:：、(（", d.m[start-1])) {
			// ,如青禾软件有限公司: 如 (or 例如…) opens the examples
			if d.m[start] == '如' {
				start++
			} else {
				start += 2
			}
		}
		start = d.afterDashChain(start, b)
		core := d.m[start:b]
		if sf.typ == graph.Institution && (sf.class == classOrg || sf.class == classBody) && (hasPrefixRunes(core, "国家级") || hasPrefixRunes(core, "省级") || hasPrefixRunes(core, "市级") || hasPrefixRunes(core, "自治区级")) {
			continue // 建成了省级技能人才培训基地, 各省级开发区管委会: a level makes a title or a class of it, not a name
		}
		if len(core) > 2 && core[0] == '第' && strings.ContainsRune(string(core), '届') {
			continue // 第十届中国产业园区发展论坛: an edition of an event
		}
		if endsWithCount(core) || holdsCount(core) || d.countedBefore(start, lo) || classNoun(d.m[start:e]) {
			continue // 5家公司, 4个湘商回归项目: counted things, not names
		}
		if b > start && (d.m[b-1] == '该' || d.m[b-1] == '此') && sf.class != classLegal {
			continue // 今年3月该中心: a pointer back to a name, not one
		}
		if sf.typ == graph.Project && d.countedAfter(e) {
			continue // 新开工项目23个: a class of projects, counted
		}
		if sf.typ == graph.Project && d.endsWithAny(lo, start, []string{"最大的", "最多的", "最高的", "最先进的", "唯一的", "同类"}) {
			continue // 规模最大的第三代半导体项目: a class ranked, not a name
		}
		// An area in the list a park governs is named by that list.
		governed := (sf.class == classSubpark || sf.class == classPark) && parent < 0 && e-start >= 3 && len(core) <= 8 && d.governedSubpark(start)
		// 医药产业园片区, 科创园片区: a park's name before 片区 names the zone
		zoneOfPark := false
		if sf.word == "片区" && len(core) == 0 && parent >= 0 && d.mentions[parent].end == b && d.mentions[parent].typ == graph.Park && d.mentions[parent].class != "bare" {
			start, parent = d.mentions[parent].start, -1 // 高新区科创园片区: the park written whole
			core = d.m[start:b]
		}
		if sf.word == "片区" {
			if n, psf, ok := lx.suffixes.longest(core, 0, len(core)); ok && psf.typ == graph.Park && len(core) > n {
				zoneOfPark = true
				governed = true
			}
		}
		if !zoneOfPark && (len(core) < sf.min || len(core) > sf.max && len(core)-placePrefix(lx, core)-bareParkLen(core) > sf.max) {
			if !(sf.class == classPark && len(core) == 0 && parent >= 0) && !governed {
				continue
			}
		}
		if sf.class == classSubpark && parent < 0 && !governed && !areaAfterBarePark(core) && !(len(core) >= 2 && !descriptive(core) && (d.repeated(start, e) || d.settledIn(start) && !lx.isGenericCore(core))) {
			continue // 园区 alone names a park only when the article names it again, or something settles in it
		}
		if start < b && (d.m[start] == '据' || d.m[start] == '自') && (start == lo || !isNameRune(d.m[start-1])) && b-start > 2 {
			if d.m[start] == '据' || !lx.places.startsAt(d.m, start, min(b, start+4)) {
				start++ // 据…相关负责人介绍, 自…挂牌成立以来: the preposition opens the clause
			}
		}
		if start+1 < b && strings.ContainsRune("经由据自从向对为与和在将把被让使", d.m[start]) && b-start > 3 &&
			(lx.places.startsAt(d.m, start+1, min(b, start+5)) || d.hasAt(start+1, "省", "市", "区", "县", "国家", "自治区", "国务院")) &&
			!lx.places.startsAt(d.m, start, min(b, start+5)) {
			start++ // 经哈尔滨市产业引导基金…, 经省科技厅认定: a preposition before a place opens the clause
		}
		if start < b && d.m[start] == '有' && b-start > 3 && !d.hasAt(start, "有色", "有限", "有机", "有线", "有研") {
			start++ // 已有北大汇丰商学院…等5家企业入驻: 有 is the verb
		}
		// A project written right after its owner is named by it, however
		// generic its words: 中科环能（长宁）有限公司固废资源化利用项目.
		owned := sf.class == classProject && len(core) >= 4 && (d.ownerEndingAt(start) || d.investedBefore(start, lo) || len(core) >= 5 && d.listItemAt(start, lo))
		if parent >= 0 && len(core) >= 2 && (sf.class == classOrg && sf.typ == graph.Institution && lx.isGenericCore(core) || sf.class == classFund) && !d.honourEndsAt(e) && d.mentions[parent].end == start {
			// 云岭高新区创业服务中心, 云岭高新区产业引导母基金, 云岭高新区科技
			// 成果转化基金: a park's own centre or fund is named with the park.
			start, parent = d.mentions[parent].start, -1
			core = d.m[start:b]
			owned = true
		}
		if sf.class == classOrg && sf.typ == graph.Institution && parent < 0 && len(core) >= 2 && lx.isGenericCore(core) && start > lo {
			// 云岭经开区企业服务中心: the stop word 企业 cut the park off.
			if n, _, found := lx.stops.longest(d.m, lo, start); found && n == 2 && d.hasAt(start-n, "企业") {
				if k := d.mentionEndingAt(start - n); k >= 0 && d.mentions[k].typ == graph.Park {
					start = d.mentions[k].start
					core = d.m[start:b]
					owned = true
				}
			}
		}
		if sf.class == classPark && parent < 0 && len(core) >= 2 && !descriptive(core) && lx.isGenericCore(core) && (d.standaloneCount(d.m[start:e]) >= 3 || len(core) >= 3 && d.standaloneCount(d.m[start:e]) >= 2) {
			owned = true // 锂电产业园, named so three times: the article's name for an area
		}
		if b > start && d.m[b-1] == '+' {
			continue // 母基金+子基金: a pattern of funds, not a name
		}
		if sf.specific && (hasPrefixRunes(core, "专项") || hasPrefixRunes(core, "首批") || hasPrefixRunes(core, "本批") || hasPrefixRunes(core, "新一批") || hasPrefixRunes(core, "该") || hasPrefixRunes(core, "这") || hasPrefixRunes(core, "各") || holdsCount(core)) {
			continue // 首批子基金: which ones, not a name
		}
		if len(core) > 0 && !governed && !owned && !sf.specific && lx.isGenericCore(core) && !d.namedByPlace(sf, core, parent) && !(sf.class == classPark && len(core) >= 2 && d.areaOfParkAt(start)) && !(sf.word == "大学" && lx.namesDiscipline(core)) && !(sf.word == "产业学院" && namesArea(core)) {
			continue // a university's long subject name is its name: 电子科技大学
		}
		if (sf.class == classPark || sf.class == classSubpark) && (batchRE.matchRunes(core) || layoutRE.matchRunes(d.m[start:e])) {
			continue // 国家首批自主创新示范区, 一区四园: a designation or a layout, not a park
		}
		if sf.class == classProject {
			// What follows the last mention a project's name took in must
			// name something too: 衡水高新区2019年第二次项目 does not.
			rest := core
			for k := start; k < b; k++ {
				if d.endAt[k] >= 0 || (k > start && d.cover[k-1] >= 0 && d.cover[k] != d.cover[k-1]) {
					rest = d.m[k:b]
				}
			}
			if len(rest) > 0 && len(rest) < len(core) {
				// 云岭经开区2024年冬季重点项目: a year is no name either; a
				// phase is (…数字经济产业园二期项目).
				if r := trimYear(rest); (len(r) == 0 || lx.isGenericCore(r) && !isPhase(r)) && !d.worksOnFacility(sf, b-len(rest), b) && !(owned && d.investedBefore(start, lo) && len(r) >= 4) {
					continue // (投资8亿元建设云岭经开区高端装备配套产业园项目: what a sum builds is named)
				}
			}
		}
		if d.honourEndsAt(e) {
			continue
		}
		if sf.class == classOrg && sf.typ == graph.Institution && genericAfterConjunction(lx, core) {
			continue // 整机装配车间及研发测试中心: parts of a plant, not a named centre
		}
		if sf.word == "公司" && subsidiaryRE.MatchString(string(core)) {
			continue // 陇祥新材料全资子公司: a relation to a company, not a name
		}
		if sf.class == classProject && d.firstOfKindBefore(start, lo) {
			continue // 全省首个GW级电解槽制造项目, 首个外资控股生物制品项目: what the project is, not its name
		}
		if sf.class == classProject && (countedRE.MatchString(string(core)) || amountInRE.MatchString(string(core))) {
			continue // 3个产业项目, 两大项目, 超10亿元大项目: counts and sizes of projects, not one
		}
		end := e
		if (sf.class == classLegal || sf.class == classFund) && d.hasAt(e, "(有限合伙)", "(普通合伙)") {
			end = e + 6 // the partnership's legal form belongs to its name
		}
		m := mention{start: start, end: end, typ: sf.typ, src: "suffix:" + sf.word, class: sf.class, parent: -1}
		m.name = d.origUnquoted(m.start, m.end)
		if sf.class == classPark || sf.class == classSubpark {
			m.parent = parent
			if len(core) == 0 && parent >= 0 { // 沈抚改革创新示范区科创园: the park's own area
				m.name = d.mentions[parent].name + m.name
			}
		}
		m.typ = d.x.retype(m.typ, sf, m.name)
		d.add(m)
	}
}

// firstOfKindBefore reports whether 首个, 第一个 or 唯一 stands shortly before
// i with only name characters between: the words that follow say what kind
// of thing is the first, they do not name it.
func (d *doc) firstOfKindBefore(i, lo int) bool {
	for k := i; k >= lo && k >= i-8; k-- {
		if k < i && !isNameRune(d.m[k]) {
			return false
		}
		if k-2 >= lo && d.hasAt(k-2, "首个", "首家", "唯一") || k-3 >= lo && d.hasAt(k-3, "第一个", "又一个") {
			return true
		}
	}
	return false
}

// listItemAt reports whether a numbered list item opens at i: （5）, 5., 5、
// or ① right before it, at the start of its sentence.
func (d *doc) listItemAt(i, lo int) bool {
	j := i
	for j > lo && (d.m[j-1] == ' ' || d.m[j-1] == '　') {
		j--
	}
	if j > lo && strings.ContainsRune("①②③④⑤⑥⑦⑧⑨⑩", d.m[j-1]) {
		return j-1 == lo
	}
	closing := j > lo && d.m[j-1] == ')'
	if j > lo && (closing || d.m[j-1] == '.' || d.m[j-1] == '、') {
		j--
	} else {
		return false
	}
	k := j
	for k > lo && (isASCIIDigit(d.m[k-1]) || strings.ContainsRune("一二三四五六七八九十", d.m[k-1])) {
		k--
	}
	if k == j {
		return false
	}
	if closing {
		if k == lo || d.m[k-1] != '(' {
			return false
		}
		k--
	}
	return k == lo
}

// standaloneCount counts the places where w is written as a name of its
// own: not run on into 项目 or 建设, and not after other name characters
// unless a stop word ends them (落户锂电产业园).
func (d *doc) standaloneCount(w []rune) int {
	n := 0
	for i := d.nextOccurrence(w, 0); i >= 0; i = d.nextOccurrence(w, i+1) {
		if d.hasAt(i+len(w), "项目", "建设") {
			continue
		}
		if i > 0 && isNameRune(d.m[i-1]) && !isConjunction(d.m[i-1]) && !d.isStopBefore(i) {
			continue
		}
		n++
	}
	return n
}

// indexedLength is the length of text above which searches for a word use
// an index of where each character occurs instead of a scan: a long text
// has many candidate words to look for.
const indexedLength = 20_000

// nextOccurrence returns the first position at or after from where w is
// written, or -1.
func (d *doc) nextOccurrence(w []rune, from int) int {
	if len(w) == 0 {
		return -1
	}
	if len(d.m) <= indexedLength {
		if from >= len(d.m) {
			return -1
		}
		if i := indexRunes(d.m[from:], w); i >= 0 {
			return from + i
		}
		return -1
	}
	if d.runeAt == nil {
		d.runeAt = map[rune][]int32{}
		for i, r := range d.m {
			d.runeAt[r] = append(d.runeAt[r], int32(i))
		}
	}
	at := d.runeAt[w[0]]
	for k, _ := slices.BinarySearch(at, int32(from)); k < len(at); k++ {
		if i := int(at[k]); i+len(w) <= len(d.m) && slices.Equal(d.m[i:i+len(w)], w) {
			return i
		}
	}
	return -1
}

// descriptive reports whether a core only says what kind of thing follows:
// 科创型, 示范类, 开放式.
func descriptive(core []rune) bool {
	switch core[len(core)-1] {
	case '型', '类', '式', '化', '性':
		return true
	}
	return false
}

// repeated reports whether the text [s,e) occurs again in the document.
func (d *doc) repeated(s, e int) bool {
	w := d.matchString(s, e)
	if r, ok := d.repeats[w]; ok {
		return r
	}
	r := strings.Count(d.text(), w) >= 2
	if d.repeats == nil {
		d.repeats = map[string]bool{}
	}
	d.repeats[w] = r
	return r
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
	k := d.mentionEndingAt(e)
	return k >= 0 && d.mentions[k].typ == graph.Honor
}

// legalTail are legal forms that continue a name: 青禾投资集团有限公司 does not
// end at 集团.
var legalTail = []string{"有限公司", "有限责任公司", "股份有限公司", "股份公司", "集团有限公司", "集团股份", "(集团)", "（集团）", "管理有限公司", "管理公司", "管理合伙企业", "合伙企业"}

// blockedBefore reports whether the characters before a suffix make it part
// of an ordinary word (布局, 公园).
func (d *doc) blockedBefore(sf *suffix, lo, b int) bool {
	return d.endsWithAny(lo, b, sf.notAfter)
}

// afterDashChain moves a name's start past the last dash in [start, b) unless
// what comes before the dash is itself an organisation (滇中大学——云岭产业研究院
// names a founder, 中国—东盟 two places): 孵化器—加速器—产业园 is a chain of
// stages, not a name.
func (d *doc) afterDashChain(start, b int) int {
	for k := b - 1; k > start; k-- {
		if d.m[k] != '-' {
			continue
		}
		j := k
		for j > start && d.m[j-1] == '-' {
			j--
		}
		if _, sf, ok := d.x.lex.suffixes.longest(d.m, start, j); ok && sf.class != classProject {
			return start // (主会场项目——青禾…有限公司: a heading before the name)
		}
		if d.x.lex.places.startsAt(d.m, start, j) {
			return start // 中国—东盟信息港: two places joined, one name
		}
		return k + 1
	}
	return start
}

// namedByPlace reports whether a generic core still names an organisation
// because it says where or whose it is: 广西高新技术企业协会, 上海证券交易所,
// 云南省科技厅, 高新区管委会.
func (d *doc) namedByPlace(sf *suffix, core []rune, parent int) bool {
	switch sf.class {
	case classBody:
		return d.namesAuthority(core)
	case classLegal, classOrg, classFund:
		return d.x.lex.hasPlace(core)
	case classPark:
		// 青禾科技城人工智能产业园: written after its park, an area is named
		// by its words however generic; so after a bare park word
		// (新区数字经济产业园).
		return d.x.lex.hasPlace(core) || parent >= 0 || areaAfterBarePark(core)
	case classSubpark:
		// 自由贸易试验区武汉片区; 云岭新区精细化工园区, 经开区化工新材料园:
		// an industry's area written after its park.
		return (parent >= 0 || areaAfterBarePark(core)) && (d.x.lex.hasPlace(core) || namesArea(core[bareParkLen(core):]))
	}
	return false
}

// bareParkLen returns the length of the bare park word (新区, 经开区) a core
// opens with, or 0.
func bareParkLen(core []rune) int {
	for _, w := range bareParks {
		if hasPrefixRunes(core, w) {
			if n := utf8.RuneCountInString(w); n < len(core) {
				return n
			}
		}
	}
	return 0
}

// areaAfterBarePark reports whether a core is a bare park word followed by
// the words of an area (经开区化工新材料, 高新区澜湾).
func areaAfterBarePark(core []rune) bool {
	n := bareParkLen(core)
	return n > 0 && n < len(core) && core[0] != '该' && namesArea(core[n:])
}

// namesArea reports whether the words before a park word say which area it
// is (精细化工, 数字经济) rather than which of several (各, 重点, 相关).
func namesArea(rs []rune) bool {
	if len(rs) < 2 || descriptive(rs) || strings.ContainsRune("一各该本其每此这那某全多两几首", rs[0]) {
		return false
	}
	for _, w := range []string{"重点", "重要", "主要", "相关", "其他", "其它", "骨干", "现有", "下属", "所属", "周边", "配套", "专业", "特色"} {
		if hasPrefixRunes(rs, w) {
			return false
		}
	}
	return true
}

// areaOfParkAt reports whether what starts at i is written right after a
// park and 的 (位于秀洲高新区的光伏科创园, 高新区内的软件园): an area of
// that park, named by its words however generic.
func (d *doc) areaOfParkAt(i int) bool {
	if i < 2 || d.m[i-1] != '的' {
		return false
	}
	j := i - 1
	if d.m[j-1] == '内' {
		j--
	}
	k := d.mentionEndingAt(j)
	return k >= 0 && d.mentions[k].typ == graph.Park
}

// endsWithCount reports whether a name's core ends in a count: 厦门5家 in
// 厦门5家公司.
func endsWithCount(core []rune) bool {
	n := len(core)
	if n < 2 || !strings.ContainsRune("家个支只所座种类批条片间处", core[n-1]) {
		return false
	}
	r := core[n-2]
	return r >= '0' && r <= '9' || strings.ContainsRune("一二两三四五六七八九十百千几多", r)
}

// holdsCount reports whether a core counts something anywhere: 512家科创板公司,
// …生产3个产业项目.
func holdsCount(core []rune) bool {
	for i := 1; i < len(core); i++ {
		if core[i] == '大' && i == 1 && strings.ContainsRune("两三四五六七八九十", core[0]) {
			return true // 三大创新平台: three of a kind
		}
		if !strings.ContainsRune("家个只支所间处名", core[i]) {
			continue
		}
		r := core[i-1]
		if r >= '0' && r <= '9' || strings.ContainsRune("一二两三四五六七八九十百千", r) {
			return true
		}
	}
	return false
}

// classNoun reports whether a name is a class of things: 江苏科创板上市公司.
func classNoun(rs []rune) bool {
	if n := len(rs); n < 4 || rs[n-1] != '司' && rs[n-1] != '业' {
		return false // none of the words below
	}
	s := string(rs)
	for _, w := range []string{"上市公司", "上市企业", "龙头企业", "骨干企业"} {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// countedBefore reports whether a count stands right before a name's start
// (共有4个湘商回归项目): what follows is a class of things, not a name.
func (d *doc) countedBefore(start, lo int) bool {
	if start-2 < lo || !strings.ContainsRune("个家只支项所座批", d.m[start-1]) {
		return false
	}
	r := d.m[start-2]
	return r >= '0' && r <= '9' || strings.ContainsRune("一二两三四五六七八九十百千几多", r)
}

// measureAt returns where the measure word of a count that starts at i
// stands (86家, 十余项: a number up to six characters long, then one of
// measures), or -1.
func (d *doc) measureAt(i int, measures string) int {
	j := i
	for j < len(d.m) && j < i+6 && (isASCIIDigit(d.m[j]) || strings.ContainsRune("一二两三四五六七八九十百千余多", d.m[j])) {
		j++
	}
	if j == i || j >= len(d.m) || !strings.ContainsRune(measures, d.m[j]) {
		return -1
	}
	return j
}

// countedAfter reports whether a count of things follows position e
// and closes the phrase (项目23个, 项目十余项。).
func (d *doc) countedAfter(e int) bool {
	j := d.measureAt(e, "个项")
	return j >= 0 && (j+1 == len(d.m) || !isNameRune(d.m[j+1])) // not 项目11个单体
}

// amountInRE finds a sum of money inside a name's core.
var amountInRE = mustGuarded(`\d+(\.\d+)?(万亿|亿|千万|百万|万)?元`)

var countedRE = mustGuarded(`(\d+|[一二两三四五六七八九十几多]+)(个|大|项|批|间|所|座|处)[^\d]{0,4}$`)

var leadingMeasure = []string{"平方公里", "万平方米", "平方米", "公顷", "万亩", "亩", "个", "家", "支", "只", "项", "座", "类", "种", "批"}

// trimLeading drops a leading count or measure from a name: 50平方公里青禾科技
// 产业园 names 青禾科技产业园; 3支基金 is no fund's name.
func (d *doc) trimLeading(start, b int) int {
	i := start
	for i < b && (d.m[i] >= '0' && d.m[i] <= '9' || d.m[i] == '.') {
		i++
	}
	if i == start {
		return start
	}
	if rest := d.m[i:b]; len(rest) > 0 {
		// An amount: 总投资180亿元三一科学城.
		for _, u := range []string{"亿元人民币", "万元人民币", "亿美元", "亿元", "万元", "亿", "元"} {
			if hasPrefixRunes(rest, u) {
				return i + len([]rune(u))
			}
		}
	}
	for _, u := range leadingMeasure {
		if hasPrefixRunes(d.m[i:b], u) {
			return i + len([]rune(u))
		}
	}
	return start
}

// blockedAfter reports whether the text after a suffix shows it is not the
// end of a name (公司章程, 中心城区, 集团有限公司).
func (d *doc) blockedAfter(sf *suffix, e int) bool {
	if sf.class != classProject && d.hasAt(e, legalTail...) {
		return true
	}
	if (sf.class == classPark || sf.class == classSubpark) && d.hasAt(e, "发展论坛", "论坛", "峰会", "博览会", "大会", "年会") {
		return true // 中国产业园区发展论坛: an event named for parks
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
	softStart := b // start of the last soft stop taken into the name
	for i > lo {
		r := d.m[i-1]
		if k := d.mentionEndingAt(i); k >= 0 {
			pm := &d.mentions[k]
			switch d.absorb(sf, pm, d.m[i:b]) {
			case absorbWhole:
				i = pm.start
				continue
			case absorbNested:
				pm.nested = true
				i = pm.start
				continue
			}
			if pm.typ == graph.Park && (sf.class != classSubpark || pm.class != classSubpark) {
				parent = k
			}
			break
		}
		if r == '内' && (sf.class == classPark || sf.class == classSubpark) && d.mentionEndingAt(i-1) >= 0 {
			break // 高科技产业园内应用产业园: 内 means "within" the park before it
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
		if (r == ' ' || r == '/') && i-2 >= lo && i < b && isLatinLetter(d.m[i-2]) && isLatinLetter(d.m[i]) {
			i-- // Micro LED显示工程研究中心, Mini/MicroLED芯片项目: Latin words joined
			continue
		}
		if r == '年' && i-5 >= lo && sf.class != classProject && isASCIIDigit(d.m[i-2]) && isASCIIDigit(d.m[i-3]) && isASCIIDigit(d.m[i-4]) && isASCIIDigit(d.m[i-5]) {
			break // 2022年云岭股权投资基金管理有限公司: a year opens the clause
		}
		if r == '度' && i-6 >= lo && d.m[i-2] == '年' && isASCIIDigit(d.m[i-3]) && isASCIIDigit(d.m[i-6]) {
			break // 2025年度国家高新区综合评价: the year, not the name
		}
		if !isNameRune(r) && !(r == '.' && i-2 >= lo && i < b && isASCIIDigit(d.m[i-2]) && isASCIIDigit(d.m[i])) { // 第8.6代
			break
		}
		if n, soft, found := lx.stops.longest(d.m, lo, i); found && i <= softStart && !d.insidePlace(i-n, i, b) && !d.insideWord(n, lo, i) && !(soft && d.opensSuffixWord(i-n, i, b)) && !d.worksOnFacility(sf, i-n, i) && !d.stopRunsIntoWord(i, b) {
			if jointHead(sf, d.m[i-n:i], d.m[i:b]) {
				// 联合实验室, 联合研究中心: 联合 is part of the name
			} else if !soft || sf.class == classPark || sf.class == classSubpark || !lx.isGenericCore(d.m[i:b]) || sf.class == classProject && d.investedBefore(i, lo) {
				break // (投资5亿元建设…项目: the verb of an investment opens the name)
			}
			// A soft stop read as part of the name: no stop may end inside
			// it (联合建设…平台 is not cut at 合建).
			softStart = i - n
		}
		// A conjunction separates two names when a complete name or a stop
		// word stands before it; park names never hold one.
		if isConjunction(r) && !d.insidePlace(i-1, i, b) && !d.projectConjunction(sf, r, i, b) && !(i-2 >= lo && d.m[i-2] == '、') {
			// (after 、 a list goes on: 和 there starts a name, 、和晟（厦门）…)
			if (sf.class == classPark || sf.class == classSubpark) && r != '及' || d.mentionEndingAt(i-1) >= 0 || i-1 <= lo || !isNameRune(d.m[i-2]) {
				break
			}
			if _, _, found := lx.stops.longest(d.m, lo, i-1); found {
				break
			}
			if d.definedShortEndingAt(lo, i-1) || d.firmShortEndingAt(lo, i-1) {
				break // 青禾智能与滇中大学…, where 青禾智能 is a short name the article defines or a company named before
			}
			if _, _, found := lx.suffixes.longest(d.m, lo, i-1); found && sf.class != classProject {
				break
			}
			if d.barePark(lo, i-1) {
				break // 集中区与涟山职业技术学校: a bare park word before 与
			}
			if sf.class == classProject {
				break
			}
			if (sf.class == classLegal || sf.class == classOrg) && lx.places.startsAt(d.m, i, min(b, i+4)) {
				break // 董事长许明哲和苏州致邦…有限公司: a name that opens with a place starts after 和
			}
			if sf.class == classOrg && lx.bodies.startsAt(d.m, i, min(b, i+8)) {
				break // 铂翎新材料与中科院洛阳先进材料研究所: a national body's institute starts after 与
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
	// A bare park word or 公司 before a name that opens with a place, or
	// before a project, is the clause's, not the name's: 开发区浙江开达…有限
	// 公司, 公司年产5000吨…项目.
	for _, w := range []string{"开发区", "高新区", "经开区", "新区", "园区", "公司"} {
		if !hasPrefixRunes(d.m[i:b], w) {
			continue
		}
		n := utf8.RuneCountInString(w)
		if i+n >= b {
			continue
		}
		if w == "公司" && sf.class == classProject || w != "公司" && sf.class == classLegal && lx.places.startsAt(d.m, i+n, min(b, i+n+4)) {
			i += n
		}
		break
	}
	return i, parent, true
}

// jointHead reports whether the stop word 联合 opens the head of an
// organisation's name (联合实验室, 联合研究中心) rather than a joint act
// (联合滇中大学, 联合省科技厅).
func jointHead(sf *suffix, stop, core []rune) bool {
	if sf.class != classOrg || string(stop) != "联合" {
		return false
	}
	switch string(core) {
	case "", "研究", "创新", "研发", "技术", "工程", "技术研究", "工程技术研究":
		return true
	}
	return false
}

type absorption int

const (
	absorbNone   absorption = iota // the mention before ends the name
	absorbWhole                    // the mention before is part of the name and no entity of its own
	absorbNested                   // the mention before is part of the name and an entity too
)

// absorb decides whether a name growing leftwards takes in the mention
// written right before it.
func (d *doc) absorb(sf *suffix, pm *mention, core []rune) absorption {
	lx := d.x.lex
	switch {
	case pm.src == "catalogue-body" && (sf.class == classOrg || sf.class == classBody):
		return absorbWhole // 中科院重庆科学中心: a national body's own institute
	case pm.typ == graph.Honor && len(core) == 0 && (sf.class == classOrg || sf.class == classBody || sf.class == classLegal):
		return absorbWhole // 广西高新技术企业协会: the title words name the association
	case sf.class == classBody && pm.typ == graph.Park:
		return absorbNested // a park's own body: 随州高新区规划建设局; the park is named too
	case sf.class == classBody && pm.class == classBody && len(core) <= 3:
		return absorbWhole // 市委市政府
	case sf.class == classLegal && pm.typ == graph.Park && !endsWithCount(core) && (len(core) == 0 || lx.isGenericCore(core)):
		return absorbWhole // a company named after its park: 云岭工业园区开发集团…
	case sf.class == classLegal && pm.typ == graph.Institution && d.hasAt(pm.end, "集团"):
		return absorbWhole // 中铁二十局集团市政工程有限公司: the bureau names the group
	case sf.class == classLegal && pm.typ == graph.Enterprise && strings.HasSuffix(pm.name, "集团") && len(core) >= 2 && !lx.isGenericCore(core):
		return absorbWhole // 中铁二十局集团市政工程有限公司: a group's subsidiary named with the group
	case sf.class == classOrg && pm.src == "board" && len(core) >= 2:
		return absorbWhole // 科创板企业培育中心: a centre named for a board
	case sf.branch && pm.typ == graph.Enterprise:
		return absorbWhole // 云岭重工股份有限公司白沙铸锻厂
	case sf.class == classFund && pm.typ == graph.Park && lx.isGenericCore(core):
		return absorbNested // 哈尔滨新区先进装备制造产业投资基金: the park's fund
	case sf.class == classFund && pm.class == classBody:
		return absorbWhole // 高新区政府引导母基金
	case sf.class == classOrg && pm.typ == graph.Park && isAssociation(sf.word):
		return absorbWhole // 中国开发区协会, 中国产业园区发展研究会: an association of parks, named for them
	case sf.class == classOrg && pm.typ == graph.Park && len(core) == 0 && sf.typ == graph.Institution:
		return absorbNested // 云岭科技园孵化器: the park's own incubator; the park is named too
	case sf.class == classOrg && pm.typ == graph.Park && len(core) >= 2 && d.educationEndingAt(pm.start):
		return absorbWhole // 滇中学院云岭科创走廊产业与创新研究院: a college's institute named for a park
	case (sf.class == classOrg || sf.class == classFund) && pm.typ == graph.Institution && isEducation(pm.name):
		return absorbNested // 滇中学院云岭…研究院: the college builds it
	case (sf.class == classPark || sf.class == classSubpark) && pm.typ == graph.Enterprise && !endsWithLegalForm(pm.name) && len(core) >= 2:
		return absorbNested // 白鹭联创集团金沙科技园: a park named with its owner
	case sf.class == classProject && pm.typ == graph.Park && len(core) == 0 && !strings.HasSuffix(pm.name, "区"):
		return absorbWhole // …三一科学城项目: the facility a project builds is the project
	case sf.class == classProject && pm.typ == graph.Park:
		return absorbNested // 贵安新区上海张江软件产业园A区项目: a project named with its park
	case sf.class == classProject && (len(core) == 0 || isPhase(core)) && (pm.typ == graph.Enterprise || pm.typ == graph.Institution) && !endsWithLegalForm(pm.name) && pm.src != "gazetteer":
		return absorbWhole // 青禾机器人超级工厂项目, 云岭数据中心二期项目: the factory a project builds is the project
	case sf.class == classProject && pm.typ == graph.Institution && pm.src != "gazetteer" && !isEducation(pm.name) && slices.Contains(worksOn, string(core)):
		return absorbWhole // 超快激光技术研发中心建设项目: the centre a project builds is the project
	case sf.class == classProject && pm.typ == graph.Enterprise && strings.HasSuffix(pm.name, "厂") && len(core) >= 2:
		return absorbWhole // 云岭污水处理厂提标改造工程项目: the plant is what the project works on
	case sf.class == classProject && pm.typ == graph.Enterprise && !endsWithLegalForm(pm.name):
		return absorbNested // 青禾集团智慧制造园区项目
	}
	return absorbNone
}

// worksOn are the works a project does on the facility named before it.
var worksOn = []string{"建设", "升级", "扩建", "改造", "提升", "新建", "二期", "一期", "三期", "扩产"}

// stopRunsIntoWord reports whether the stop word ending at i shares its
// last characters with a generic word that runs on past it (坪投产业: 投产 is
// not the verb, 产业 is a word of the name; 在线检测, 服务型制造).
func (d *doc) stopRunsIntoWord(i, b int) bool {
	for s := max(0, i-2); s < i; s++ {
		for j := i + 1; j <= min(b, i+3); j++ {
			if n, _, ok := d.x.lex.generic.longest(d.m, s, j); ok && n == j-s {
				return true
			}
		}
	}
	return false
}

// worksOnFacility reports whether the stop word [s,e) in a project's name is
// the work the project does on the centre named right before it
// (超快激光技术研发中心建设项目), so the name runs on over both.
func (d *doc) worksOnFacility(sf *suffix, s, e int) bool {
	if sf.class != classProject || !slices.Contains(worksOn, d.matchString(s, e)) {
		return false
	}
	k := d.mentionEndingAt(s)
	return k >= 0 && d.mentions[k].typ == graph.Institution && d.mentions[k].src != "gazetteer" && !isEducation(d.mentions[k].name)
}

// educationEndingAt reports whether a university or college is named right
// before offset i.
func (d *doc) educationEndingAt(i int) bool {
	k := d.mentionEndingAt(i)
	return k >= 0 && d.mentions[k].typ == graph.Institution && isEducation(d.mentions[k].name)
}

func isEducation(name string) bool {
	return strings.HasSuffix(name, "大学") || strings.HasSuffix(name, "学院")
}

func endsWithLegalForm(name string) bool {
	for _, f := range []string{"有限公司", "有限责任公司", "股份公司", "公司", "合伙企业", "株式会社"} {
		if strings.HasSuffix(name, f) {
			return true
		}
	}
	return false
}

// governedSubpark reports whether the name at start is an item of the list
// of areas a park governs (青禾高新区下辖科创园、智造园和临空经济园): such
// an area is named by its list, however generic its words.
func (d *doc) governedSubpark(start int) bool {
	lo, _ := d.sentenceBounds(start)
	for i := start; i > lo && start-i <= 40; i-- {
		if !strings.ContainsRune("辖括含盖有为", d.m[i-1]) { // the cues' last characters
			if r := d.m[i-1]; !isNameRune(r) && r != '、' {
				return false
			}
			continue
		}
		if n := d.wordEndingAt(lo, i, governCues); n > 0 {
			if k := d.mentionEndingAt(i - n); k >= 0 {
				return d.mentions[k].typ == graph.Park
			}
			return d.opensWithPark(lo, i-n) // 青禾科技城…，下辖A、B两个园区
		}
		if r := d.m[i-1]; !isNameRune(r) && r != '、' {
			return false
		}
	}
	return false
}

// genericAfterConjunction reports whether a core joins a part of a plant
// to a generic word with 和 or 及 (测试线和研发, 装配车间及研发测试), which a
// centre's own name does not.
func genericAfterConjunction(lx *lexicon, core []rune) bool {
	for j := len(core) - 1; j > 0; j-- {
		if core[j] == '和' || core[j] == '及' {
			if j+1 < len(core) && !lx.isGenericCore(core[j+1:]) {
				return false
			}
			before := string(core[:j])
			for _, w := range []string{"车间", "线", "厂房", "仓库", "楼", "工厂", "产线", "中心"} {
				if strings.HasSuffix(before, w) {
					return true
				}
			}
			return false
		}
	}
	return false
}

// subsidiaryRE finds the end of a phrase that calls a company another's
// subsidiary: 全资子, 控股子, 旗下子.
var subsidiaryRE = regexp.MustCompile(`(?:全资|控股|旗下|下属|参股)[子分孙]$`)

// settleVerbs place what comes before them in what follows: 落户宏伟园区.
var settleVerbs = []string{"落户", "落户于", "落户到", "入驻", "位于", "坐落于", "落地", "迁入", "布局在"}

// settledIn reports whether a verb of settling ends right before start.
func (d *doc) settledIn(start int) bool {
	lo, _ := d.sentenceBounds(start)
	return d.wordEndingAt(lo, start, settleVerbs) > 0
}

// ownerEndingAt reports whether an organisation's name ends at i.
func (d *doc) ownerEndingAt(i int) bool {
	k := d.mentionEndingAt(i)
	if k < 0 {
		return false
	}
	switch d.mentions[k].typ {
	case graph.Enterprise, graph.Investor, graph.Institution:
		return true
	}
	return false
}

// definedShortEndingAt reports whether a short name the article defines
// (以下简称“青禾智能”) ends at i, no earlier than lo.
func (d *doc) definedShortEndingAt(lo, i int) bool {
	if d.shortDefs == nil {
		d.shortDefs = map[string]bool{}
		for _, m := range shortDefRE.FindAllStringSubmatch(d.text(), -1) {
			d.shortDefs[m[1]] = true
		}
	}
	for w := range d.shortDefs {
		n := len([]rune(w))
		if i-n >= lo && hasPrefixRunes(d.m[i-n:], w) {
			return true
		}
	}
	return false
}

// firmShortEndingAt reports whether the words before i, back to the start
// of the clause, are part of the name of a company named earlier with its
// legal form (萨尔图智能装备 after 大庆萨尔图智能装备有限责任公司).
func (d *doc) firmShortEndingAt(lo, i int) bool {
	j := i
	for j > lo && isNameRune(d.m[j-1]) {
		j--
	}
	if i-j < 3 || j > lo && !strings.ContainsRune(",，、;；:：。 ", d.m[j-1]) {
		return false
	}
	w := d.m[j:i]
	for k := len(d.mentions) - 1; k >= 0 && k >= len(d.mentions)-300; k-- { // the companies found last, which stand nearest
		m := &d.mentions[k]
		if m.typ == graph.Enterprise && m.class == classLegal && m.end <= j && utf8.RuneCountInString(m.name) > i-j && containsRunes(d.m[m.start:m.end], w) {
			return true
		}
	}
	return false
}

// shortDefRE finds the short names an article defines: 简称“X”, 简称:X.
var shortDefRE = regexp.MustCompile(`简称[:：]?\s*["“'‘]?([^"”'’()（）,，。:：、\s]{2,12}?)["”'’]`)

// layoutRE finds a park layout written as a word: 一区四园, 一区多园.
var layoutRE = mustGuarded(`^一区[一二两三四五六七八九十多]园$`)

// batchRE finds the batch a designation opens with: 国家首批, 第二批.
var batchRE = mustGuarded(`^(?:国家|全国|省级|国家级)?(?:首批|第[一二三四五六七八九十0-9]+批)`)

// buildingVerbs build what follows them: 建设智能装备产业基地项目.
var buildingVerbs = []string{"建设", "新建", "兴建", "打造", "实施", "扩建", "建成"}

// investedBefore reports whether what starts at start is what a sum is
// invested to build (投资5亿元在…建设智能装备产业基地项目): a building verb
// right before it, an investment of so much 元 shortly before that, or 投资
// right before the verb (投资建设…项目).
func (d *doc) investedBefore(start, lo int) bool {
	end := start
	if end > lo && d.m[end-1] == '的' {
		end-- // 投资11亿元建设的智能制造工厂项目
	}
	n := d.wordEndingAt(lo, end, buildingVerbs)
	if n == 0 {
		return false
	}
	i := end - n
	window := d.matchString(max(lo, i-24), i)
	return strings.Contains(window, "投资") && strings.Contains(window, "元") ||
		strings.HasSuffix(window, "投资") && n == 2 // 将投资建设智能制造产业园项目
}

// isAssociation reports whether a suffix names a body of members: 协会,
// 商会, 学会, 联盟, 促进会, 研究会.
func isAssociation(w string) bool {
	switch w {
	case "协会", "商会", "学会", "联盟", "促进会", "研究会", "联合会":
		return true
	}
	return false
}

// opensWithPark reports whether the clause from lo to hi is about a park
// named at its start (within its first ten characters).
func (d *doc) opensWithPark(lo, hi int) bool {
	for i := lo; i < hi && i <= lo+10; i++ {
		if k := d.cover[i]; k >= 0 {
			return d.mentions[k].typ == graph.Park && d.mentions[k].start == i
		}
	}
	return false
}

// governCues introduce the areas of a park.
var governCues = []string{"下辖", "辖有", "包括", "包含", "涵盖", "设有", "分为"}

// barePark reports whether a bare park word (高新区, 集中区) ends at e and
// opens its clause.
func (d *doc) barePark(lo, e int) bool {
	for _, w := range bareParks {
		n := len([]rune(w))
		if e-n >= lo && hasPrefixRunes(d.m[e-n:], w) && (e-n == lo || !isNameRune(d.m[e-n-1])) {
			return true
		}
	}
	return false
}

// opensSuffixWord reports whether a suffix word starts at s and runs past
// e (but not past b): the soft stop 孵化 in 孵化器有限公司 is part of 孵化器.
func (d *doc) opensSuffixWord(s, e, b int) bool {
	for k := e + 1; k <= b && k <= e+3; k++ {
		if n, _, ok := d.x.lex.suffixes.longest(d.m, s, k); ok && n == k-s {
			return true
		}
	}
	return false
}

// insideWord reports whether a stop word of n runes that ends at i is the
// end of a longer generic word, as 才 ends 人才 (青禾人才发展集团有限公司),
// or a one-character stop ends the word after a place (江西洪都精机).
func (d *doc) insideWord(n, lo, i int) bool {
	k, _, ok := d.x.lex.generic.longest(d.m, lo, i)
	if ok && k > n {
		return true
	}
	// 湖北向阳湖食品: a one-character stop right after a province that
	// opens the clause starts the name's own word.
	if n == 1 && i-1 > lo && !strings.ContainsRune("的了着在是被把将和与及等也都又还就已而但即对从为由", d.m[i-1]) {
		if p, _, ok := d.x.lex.places.longest(d.m, lo, i-1); ok && p >= 2 {
			if s := i - 1 - p; s == lo || !isNameRune(d.m[s-1]) {
				return true
			}
		}
	}
	// 江西洪都精机: a one-character stop right after a place and one
	// character is the end of a name's own word, not a particle.
	if n == 1 && i-2 > lo {
		if p, _, ok := d.x.lex.places.longest(d.m, lo, i-2); ok && p >= 2 {
			if s := i - 2 - p; s == lo || !isNameRune(d.m[s-1]) {
				return true
			}
		}
	}
	return false
}

// insidePlace reports whether a place word covers the boundary [s,e) of a
// stop word or conjunction, which is then part of the place: 呼和浩特 holds 和,
// 自贡 starts with 自, and in 共建成都… the place 成都 starts inside the stop
// 建成. b bounds the search on the right.
func (d *doc) insidePlace(s, e, b int) bool {
	for k := e; k <= e+4 && k <= b; k++ {
		if n, _, ok := d.x.lex.places.longest(d.m, max(0, s-4), k); ok && k-n < e && (k-n < s || k > e) {
			return true
		}
	}
	return false
}

// projectConjunction reports whether a conjunction inside a project name
// joins two capacities (年产2万吨A及8万吨B项目) or an infrastructure pair
// (基础设施及配套工程), so the name runs on across it.
func (d *doc) projectConjunction(sf *suffix, r rune, i, b int) bool {
	if sf.class != classProject {
		return false
	}
	if r == '及' {
		// 年产2亿支注射剂项目及白鹭创新药研发中心项目: a project named in
		// full before 及 makes a list of two
		k := d.mentionEndingAt(i - 1)
		return k < 0 || d.mentions[k].typ != graph.Project
	}
	if i < b && (d.hasAt(i, "年产") || d.m[i] >= '0' && d.m[i] <= '9') {
		return true
	}
	return false
}

// openBracket finds the '(' that matches the ')' at close, when what is in
// between is a short place-like name part, as in 梅特勒·托利多(常州).
func (d *doc) openBracket(close, lo int) int {
	for j := close - 1; j >= lo && close-j <= 8; j-- {
		switch d.m[j] {
		case '(':
			inner := d.m[j+1 : close]
			if len(inner) < 2 || len(inner) > 6 {
				return -1 // (县): one character names no place
			}
			numeral := true
			for _, r := range inner {
				if !isHan(r) {
					return -1
				}
				numeral = numeral && strings.ContainsRune("一二三四五六七八九十", r)
			}
			if numeral {
				return -1 // （一）项目建设: a heading's number, not part of a name
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
// mention wholly inside a new, longer one is marked inner. The position
// indexes (cover, endAt) always describe the non-inner mentions.
func (d *doc) add(m mention) {
	m.ent = -1
	var over []int32
	for i := m.start; i < m.end; i++ {
		if k := d.cover[i]; k >= 0 && (len(over) == 0 || over[len(over)-1] != k) {
			over = append(over, k)
		}
	}
	var demote []int
	for _, k := range over {
		o := &d.mentions[k]
		if m.src == "rule" { // a rule that names an entity outranks the recognisers
			demote = append(demote, int(k))
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
			demote = append(demote, int(k))
			continue
		}
		// Crossing spans: keep the longer.
		if o.len() >= m.len() {
			return
		}
		demote = append(demote, int(k))
	}
	if m.inner {
		d.mentions = append(d.mentions, m)
		return
	}
	for _, k := range demote {
		d.unindex(k)
		d.mentions[k].inner = true
	}
	d.mentions = append(d.mentions, m)
	d.index(len(d.mentions) - 1)
}

func (d *doc) index(k int) {
	d.version++
	m := &d.mentions[k]
	for i := m.start; i < m.end; i++ {
		d.cover[i] = int32(k)
	}
	d.endAt[m.end] = int32(k)
	d.sorted = nil
}

func (d *doc) unindex(k int) {
	d.version++
	m := &d.mentions[k]
	for i := m.start; i < m.end; i++ {
		if d.cover[i] == int32(k) {
			d.cover[i] = -1
		}
	}
	if d.endAt[m.end] == int32(k) {
		d.endAt[m.end] = -1
	}
	d.sorted = nil
}

// byPosition returns the indexes of the entity mentions (not inner ones) in
// text order. The result is cached until the next add.
func (d *doc) byPosition() []int {
	if d.sorted != nil {
		return d.sorted
	}
	idx := make([]int, 0, len(d.mentions))
	for i := 0; i < len(d.cover); {
		if k := d.cover[i]; k >= 0 {
			idx = append(idx, int(k))
			i = d.mentions[k].end
			continue
		}
		i++
	}
	d.sorted = idx
	return idx
}

// isPhase reports whether rs names a phase of construction: 二期, 三期, 1期.
func isPhase(rs []rune) bool {
	if len(rs) < 2 || len(rs) > 3 || rs[len(rs)-1] != '期' {
		return false
	}
	for _, r := range rs[:len(rs)-1] {
		if !isASCIIDigit(r) && !strings.ContainsRune("一二三四五六七八九十", r) {
			return false
		}
	}
	return true
}

// trimYear drops a leading year (2024年, 2024年度) from rs.
func trimYear(rs []rune) []rune {
	i := 0
	for i < len(rs) && isASCIIDigit(rs[i]) {
		i++
	}
	if i != 4 || i >= len(rs) || rs[i] != '年' {
		return rs
	}
	i++
	if i < len(rs) && rs[i] == '度' {
		i++
	}
	return rs[i:]
}
