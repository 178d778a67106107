package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"parkgraph/graph"
)

// levelWords may stand between an honour cue and a quoted title: 冲刺省级“数字领航”.
var levelWords = []string{"国家级", "省级", "市级", "区级", "县级", "国家", "全国", "全省", "全市"}

// listCues publish lists whose quoted items are honours when they read as
// rankings or lists (…百强, …十强, …榜, …名单).
var listCues = []string{"发布", "公布", "揭晓", "印发", "公示"} // keep the last characters in recognizeQuotedHonours

// recognizeQuotedHonours finds titles in quotes after an honour cue
// (上榜“瞪羚企业”, 冲刺省级“数字领航”“小灯塔”), unquoted catalogue titles
// right after a cue (被评为全国建设人才培养工作先进单位), ranking lists a body
// publishes (发布“…百强、…十强”系列榜单) and titles before 称号.
func (d *doc) recognizeQuotedHonours() {
	lx := d.x.lex
	for e := 1; e < len(d.m); e++ {
		lo, hi := d.sentenceBounds(e - 1)
		cueLen, _, isCue := lx.honourCues.longest(d.m, lo, e)
		if !isCue {
			if (d.m[e-1] == '布' || d.m[e-1] == '示' || d.m[e-1] == '晓') && d.endsWithAny(lo, e, listCues) {
				d.publishedList(e, hi)
			}
			continue
		}
		j := e
		// Level and batch words may stand before the quote: 荣获全国首批‘…’称号.
		if m := leadQualifiersRE.findRunes(d.m[j:min(hi, j+12)]); m != "" {
			if k := j + len([]rune(m)); k < hi && isQuoteAt(d.m, k) {
				j = k
			}
		}
		if j < hi && isQuoteAt(d.m, j) {
			for j < hi && isQuoteAt(d.m, j) {
				k := d.closingQuote(j, hi)
				if k < 0 {
					break
				}
				d.addQuotedHonour(j+1, k)
				j = k + 1
				for j < hi && (d.m[j] == '、' || d.m[j] == ',' || d.m[j] == '和' || d.m[j] == '及') {
					j++
				}
			}
			continue
		}
		if d.m[e] == '的' && d.endsWithAny(lo, e-cueLen, []string{"唯一"}) {
			continue // 唯一入选的国家级高新区: the class of those chosen
		}
		if cueLen >= 2 {
			// A list of titles after one cue (获评A、B等荣誉): each in turn.
			k := d.unquotedTitle(e, hi)
			for k > 0 && k+1 < hi && (d.m[k] == '、' || d.m[k] == '和' || d.m[k] == '及') {
				k = d.unquotedTitle(k+1, hi)
			}
			if k == 0 && !d.titlesBeforeHonourWord(e, hi) {
				d.leveledTitle(e, hi)
			}
		}
	}
	// “X”称号 and “X”榜单 without a cue before them.
	for e := 0; e+2 < len(d.m); e++ {
		if !(isCloseQuote(d.m[e]) || d.m[e] == '"') || !d.hasAt(e+1, "称号", "荣誉称号", "榜单", "名单", "认定名单", "认定结果", "建设名单") {
			continue
		}
		lo, _ := d.sentenceBounds(e)
		j := e - 1
		for j > lo && !isOpenQuote(d.m[j]) && d.m[j] != '"' && e-j <= 40 {
			j--
		}
		if j >= lo && (isOpenQuote(d.m[j]) || d.m[j] == '"') && e-j > 1 && !strings.ContainsRune(d.matchString(j+1, e), '、') {
			d.addQuotedHonour(j+1, e)
		}
	}
}

var leadQualifiersRE = mustGuarded(`^(?:国家级|自治区级|省级|市级|区级|县级|国家|全国|全省|全市|首批|第[0-9一二三四五六七八九十]+批|\d{4}年度?)+`)

func isQuoteAt(rs []rune, i int) bool { return i < len(rs) && (isOpenQuote(rs[i]) || rs[i] == '"') }

// closingQuote returns the position of the quote closing the one at j, or -1.
func (d *doc) closingQuote(j, hi int) int {
	k := j + 1
	for k < hi && !isCloseQuote(d.m[k]) && d.m[k] != '"' && k-j <= 60 {
		k++
	}
	if k >= hi || k-j > 60 || k == j+1 {
		return -1
	}
	return k
}

// endsWithAny reports whether one of words ends at e, no earlier than lo.
func (d *doc) endsWithAny(lo, e int, words []string) bool {
	return d.wordEndingAt(lo, e, words) > 0
}

// wordEndingAt returns the length of the first of words that ends at e and
// starts no earlier than lo, or 0.
func (d *doc) wordEndingAt(lo, e int, words []string) int {
	if e <= lo {
		return 0
	}
	// Compared as bytes of the text in matching form, as hasAt does.
	t := d.text()[d.matchAt[lo]:d.matchAt[e]]
	for _, w := range words {
		if w != "" && strings.HasSuffix(t, w) {
			return utf8.RuneCountInString(w)
		}
	}
	return 0
}

// qualifiedStart walks back from a title's head at b over its qualifiers
// (years, batches, levels) and places, no further than lo, and returns
// where the qualified title starts.
func (d *doc) qualifiedStart(lo, b int) int {
	for b > lo {
		if n := qualifierBefore(d.m, max(lo, b-8), b); n > 0 {
			b -= n
			continue
		}
		if k, _, ok := d.x.lex.places.longest(d.m, lo, b); ok {
			b -= k
			continue
		}
		break
	}
	return b
}

// unquotedTitle takes the text after a cue up to the end of a catalogue
// title, within one clause: 被认定为第22批安徽省认定企业技术中心. It returns
// where the title ends, or 0 when there is none.
func (d *doc) unquotedTitle(start, hi int) int {
	lx := d.x.lex
	for start < hi && (d.m[start] == '的' || d.m[start] == '了' || d.m[start] == '为') {
		start++
	}
	if start+2 < hi && d.hasAt(start, "设立", "组建", "创建", "建设", "成为") {
		start += 2 // 获批设立国家级博士后科研工作站: the verb is not the title
	}
	if d.countAt(start) {
		return 0 // 入选A、86家企业获评B: a count opens a clause of its own
	}
	for e := start + 2; e <= hi && e-start <= 24; e++ {
		r := d.m[e-1]
		if !isNameRune(r) && !isQuote(r) || r == '的' {
			return 0
		}
		n, _, ok := lx.honours.longest(d.m, start, e)
		if !ok {
			n, _, ok = lx.honourHeads.longest(d.m, start, e)
			if ok && (e-n-start < 2 || d.hasAt(e-n, "名单", "榜单") && (lx.isGenericCore(d.m[start:e-n]) || slices.Contains([]string{"园区", "单位", "机构", "项目", "平台", "企业和平台"}, d.matchString(start, e-n)))) {
				continue // 上榜园区名单: a head word alone is no title
			}
		}
		if ok && e-n >= start {
			if e < hi && (isNameRune(d.m[e]) && !d.hasAt(e, "称号", "荣誉", "之一", "名单", "榜单", "等称号", "等荣誉", "等奖项", "等多项")) {
				continue // the title runs on
			}
			// Two titles joined by 和 or 及 (绿色工厂和绿色园区) are two honours.
			for j := start + 2; j < e-2; j++ {
				if d.m[j] == '和' || d.m[j] == '及' || d.m[j] == '、' {
					if _, _, ok := lx.honours.longest(d.m, start, j); ok {
						d.addHonour(start, j, "catalogue")
						d.addHonour(j+1, e, "catalogue")
						return e
					}
				}
			}
			end := e
			if d.hasAt(e-2, "名单", "榜单") && e-2-start >= 4 {
				end = e - 2 // 入选…产业园名单: the list names the title
			}
			d.addHonour(d.afterIssuer(start, e-n), end, "catalogue")
			return e
		}
	}
	return 0
}

// countAt reports whether a count of holders starts at i (86家, 十二家).
func (d *doc) countAt(i int) bool { return d.measureAt(i, "家个所项") >= 0 }

// issuerVerbs stand between a conferring body and its title: 工业和信息化部公布的….
var issuerVerbs = []string{"公布的", "发布的", "认定的", "评定的", "命名的", "授予的"}

// afterIssuer returns where a title that starts at start really begins when
// the body that confers it is written first (工信部第五批专精特新“小巨人”企业,
// 工业和信息化部公布的…): after the body and its verb, if the words between
// them and the title's head b are only qualifiers. Otherwise start.
func (d *doc) afterIssuer(start, b int) int {
	if b = d.qualifiedStart(start, b); b == start {
		return start
	}
	k := b - d.wordEndingAt(start+1, b, issuerVerbs)
	if n, _, ok := d.x.lex.bodies.longest(d.m, start, k); ok && n == k-start {
		return b
	}
	return start
}

// honourWords close a list of titles: 获评A、B等称号.
var honourWords = []string{"等荣誉称号", "等称号", "等荣誉", "荣誉称号", "称号"}

// titlesBeforeHonourWord reads titles no catalogue knows from a list that a
// cue opens and an honour word closes (先后获评国家数字经济创新发展试验区、
// 省级软件名园等称号): the word says what the items are. It reports whether
// it found such a list.
func (d *doc) titlesBeforeHonourWord(start, hi int) bool {
	for start < hi && (d.m[start] == '为' || d.m[start] == '了') {
		start++
	}
	end := -1
	for i := start; i < hi && i-start <= 80; i++ {
		if d.hasAt(i, honourWords...) {
			end = i
			break
		}
		if r := d.m[i]; !isNameRune(r) && r != '、' && !isQuote(r) {
			return false
		}
	}
	if end < 0 {
		return false
	}
	item := start
	for i := start; i <= end; i++ {
		if i < end && d.m[i] != '、' {
			continue
		}
		if i-item >= 4 && !d.covered(item, i) {
			d.addHonour(item, i, "listed")
		}
		item = i + 1
	}
	return true
}

// leveledTitle reads a title no catalogue knows right after a cue when a
// level opens it and the clause ends with it (获评省级人才管理改革试验区。):
// the cue and the level make it a title conferred.
func (d *doc) leveledTitle(start, hi int) {
	n := 0
	for _, lv := range []string{"国家级", "自治区级", "省级", "市级"} {
		if d.hasAt(start, lv) {
			n = len([]rune(lv))
			break
		}
	}
	if n == 0 {
		return
	}
	end := start + n
	for end < hi && isNameRune(d.m[end]) && !isASCIIDigit(d.m[end]) && d.m[end] != '的' && end-start <= 24 {
		end++
	}
	if end-start-n < 4 || end-start > 24 || (end < hi && !strings.ContainsRune(",，。;；、", d.m[end])) || d.covered(start, end) {
		return
	}
	if d.endsWithAny(start, end, []string{"行列", "之列", "序列", "阵营"}) {
		return // 跻身国家级经开区行列: the ranks, not a title
	}
	if d.endsWithAny(start, end, []string{"人才计划", "人才工程", "人才项目", "人才称号", "英才计划", "学者", "专家"}) {
		return // 入选国家级人才计划: a title conferred on people
	}
	d.addHonour(start, end, "leveled")
}

// publishedList reads a quoted list after 发布/公布: items that read as a
// ranking or a list are honours.
func (d *doc) publishedList(e, hi int) {
	if e >= hi {
		return
	}
	if d.m[e] == '《' {
		// 发布《2025园区高质量发展百强》榜单: a ranking named as a document
		for k := e + 1; k < hi && k-e <= 40; k++ {
			if d.m[k] == '》' {
				inner := k
				if d.hasAt(k-2, "榜单", "名单") && k-2-(e+1) >= 4 {
					inner = k - 2 // 《2025中国独角兽企业榜单》
				}
				if inner < k || hasRankingHead(d.m[e+1:k]) && d.hasAt(k+1, "榜单", "名单", "排行榜") {
					k = inner
					b := e + 1
					if m := honourQualifier.FindString(d.matchString(b, k)); m != "" && strings.HasPrefix(m, "2") {
						b += len([]rune(m))
					}
					if k-b >= 4 {
						d.addHonour(b, k, "list")
					}
				}
				break
			}
		}
		return
	}
	if !isQuoteAt(d.m, e) {
		d.unquotedList(e, hi)
		return
	}
	k := d.closingQuote(e, hi)
	if k < 0 {
		return
	}
	start := e + 1
	for i := e + 1; i <= k; i++ {
		if i < k && d.m[i] != '、' {
			continue
		}
		item := d.m[start:i]
		if hasRankingHead(item) {
			d.addQuotedHonour(start, i)
		}
		start = i + 1
	}
}

// unquotedList reads 公布2016年度省级工业和信息化高成长企业名单: the words up to
// 名单 or 榜单 name the honour (its year and batch are not part of the name).
func (d *doc) unquotedList(start, hi int) {
	for start < hi && (d.m[start] == '了' || d.m[start] == ' ' || d.m[start] == '的') {
		start++
	}
	if start >= hi || !isNameRune(d.m[start]) {
		return // 网上公示，现将…名单: the clause ended with the verb
	}
	for e := start + 2; e < hi && e-start <= 30; e++ {
		if !isNameRune(d.m[e-1]) {
			return
		}
		if d.hasAt(e, "名单", "榜单") {
			b := start
			if m := honourQualifier.FindString(d.matchString(b, e)); m != "" && strings.HasPrefix(m, "2") {
				b += len([]rune(m))
			}
			if e-b >= 4 && !strings.ContainsRune("本该各此这", d.m[b]) {
				d.addHonour(b, e, "list")
			}
			return
		}
	}
}

func hasRankingHead(rs []rune) bool {
	s := string(rs)
	for _, h := range []string{"强", "榜", "名单", "排行"} {
		if strings.HasSuffix(s, h) {
			return true
		}
	}
	return false
}

// addQuotedHonour adds a quoted title; a parenthesised short form inside the
// quotes (“广西高新技术企业百强(高企百强)”) becomes its alias.
func (d *doc) addQuotedHonour(start, end int) {
	if end > start && d.m[end-1] == ')' {
		for j := end - 2; j > start; j-- {
			if d.m[j] == '(' {
				if j-start >= 2 && end-1-(j+1) >= 2 {
					full := strings.TrimSpace(d.origUnquoted(start, j))
					short := strings.TrimSpace(d.origString(j+1, end-1))
					d.aliasOf[graph.NormalizeName(short)] = full
					d.addHonourName(start, j, full, "quote")
					return
				}
				break
			}
		}
	}
	d.addHonour(start, end, "quote")
}

// addHonour adds an honour mention. A catalogue title keeps the quotes of
// its official form (专精特新“小巨人”企业); a quoted span, or a title the text
// quotes differently, loses its quotes.
func (d *doc) addHonour(start, end int, src string) {
	name := strings.TrimSpace(d.origUnquoted(start, end))
	if src == "catalogue" {
		name = strings.TrimSpace(d.origString(start, end))
	}
	d.addHonourName(start, end, name, src)
}

func (d *doc) addHonourName(start, end int, name, src string) {
	if strings.Contains(name, "级以上") || strings.Contains(name, "级及以上") {
		return // 省级以上绿色工厂: a class of titles, none conferred
	}
	// 新型研发机构认定名单, 重点实验室建设名单: the act of recognising or
	// building is no part of the title.
	for _, act := range []string{"认定结果", "认定", "建设", "之后", "以后", "以来"} {
		if t, ok := strings.CutSuffix(name, act); ok && utf8.RuneCountInString(t) >= 4 && end-start > utf8.RuneCountInString(act) {
			name, end = t, end-utf8.RuneCountInString(act)
			break
		}
	}
	// 省级企业技术中心和技术创新示范企业: two titles of one list are two
	// honours, wherever the text names them.
	if src != "part" {
		lx := d.x.lex
		for j := start + 2; j < end-2; j++ {
			if d.m[j] != '和' && d.m[j] != '及' && d.m[j] != '与' {
				continue
			}
			_, _, left := lx.honours.longest(d.m, start, j)
			rend := end
			if d.hasAt(end-2, "名单", "榜单") {
				rend = end - 2
			}
			_, _, right := lx.honours.longest(d.m, j+1, rend)
			if left && right {
				d.addHonourName(start, j, strings.TrimSpace(d.origUnquoted(start, j)), "part")
				d.addHonourName(j+1, rend, strings.TrimSpace(d.origUnquoted(j+1, rend)), "part")
				return
			}
		}
	}
	if name == "" || strings.ContainsAny(name, ",，;；。") || countedRE.MatchString(name) {
		return // a title holds no clause break and no count of holders
	}
	d.add(mention{start: start, end: end, typ: graph.Honor, name: name, src: "honour:" + src, parent: -1})
}

var qualifierWords = func() *revTrie[bool] {
	t := &revTrie[bool]{}
	for _, w := range strings.Fields("首批 国家级 自治区级 省级 市级 区级 县级 国家 全国 全省 全市 自治区 省 市 认定 优秀 重点") {
		t.add(w, true)
	}
	return t
}()

// qualifierBefore returns the length of the qualifier of an honour title
// (a year 2023年度, a batch 第三批, a level 国家级, 全省, 认定…) that ends at b
// and starts no earlier than lo, or 0.
func qualifierBefore(rs []rune, lo, b int) int {
	best, _, _ := qualifierWords.longest(rs, max(lo, b-8), b)
	// 2023年, 2023年度
	e := b
	if e > lo && rs[e-1] == '度' {
		e--
	}
	if e-5 >= lo && rs[e-1] == '年' && isDigits(rs[e-5:e-1]) {
		best = max(best, b-(e-5))
	}
	// 第三批, 第12批
	if b > lo && rs[b-1] == '批' {
		i := b - 1
		for i > lo && (rs[i-1] >= '0' && rs[i-1] <= '9' || strings.ContainsRune("一二三四五六七八九十", rs[i-1])) {
			i--
		}
		if i < b-1 && i > lo && rs[i-1] == '第' && b-(i-1) <= 8 {
			best = max(best, b-(i-1))
		}
	}
	return best
}

func isDigits(rs []rune) bool {
	for _, r := range rs {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(rs) > 0
}

// passiveCues after a catalogue title make the title the subject (7家企业技术中心
// 被认定为…): the holders, not the honour.
var passiveCues = []string{"被认定为", "被评为", "被授予", "被命名为", "被列为", "通过"}

// recognizeCatalogueHonours finds the titles of the honour catalogue with
// their qualifiers: 2023年度国家级专精特新“小巨人”企业, 江西省重点实验室.
func (d *doc) recognizeCatalogueHonours() {
	lx := d.x.lex
	for e := 1; e <= len(d.m); e++ {
		lo, _ := d.sentenceBounds(e - 1)
		n, _, ok := lx.honours.longestSkipping(d.m, lo, e, isQuote)
		if !ok {
			continue
		}
		src := "catalogue"
		if k, _, ok := lx.honours.longest(d.m, lo, e); !ok || k != n {
			src = "catalogue-requoted" // the text quotes words the title does not: “专精特新”中小企业
			if b := e - n; b > lo && isOpenQuote(d.m[b-1]) && !isOpenQuote(d.m[b]) && strings.ContainsFunc(d.matchString(b, e), isCloseQuote) {
				n++ // the quote opened before the title closes inside it
			}
		}
		if e < len(d.m) && (d.catalogueContinues(e) || d.hasAt(e, passiveCues...)) {
			continue
		}
		b := d.qualifiedStart(lo, e-n) // years, batches, levels, provinces
		if lx.cuedHonours[d.matchString(e-n, e)] && b == e-n && !(b > lo && isQuote(d.m[b-1])) && d.hasAt(e, "年产", "产能", "生产", "建设", "项目", "投产", "改造", "车间", "内", "里") {
			continue // 其智能工厂年产能达300万台: the everyday phrase, not the title
		}
		if b+2 <= e-n && d.hasAt(b, "认定") {
			b += 2 // 累计认定高新技术企业4000余家: the act, not part of the title
		}
		if d.insideLongerQuote(b, e) || d.comparedAt(b) || d.hasAt(e, evaluationWords...) || d.endsWithAny(lo, b, []string{"唯一入选的", "唯一上榜的", "唯一的", "级以上"}) {
			continue // 唯一入选的国家级高新区: the class of those chosen, not a title conferred
		}
		if d.parkTitleAfterPlace(e-n, e, lo) {
			continue // 海口国家高新区: the park's own name, not an honour
		}
		if k := d.titledInstitution(b, e-n, e, lo); k >= 0 {
			// 新材料表面工程省级重点实验室: a laboratory named by its field and
			// its title; it holds the title where a level confers it
			// (智能物流装备工程技术研究中心 is only named like one).
			if b == e-n {
				d.add(mention{start: k, end: e, typ: graph.Institution, name: d.origString(k, e), src: "suffix:" + d.matchString(e-n, e), class: classOrg, parent: -1})
				continue
			}
			d.add(mention{start: k, end: e, typ: graph.Institution, name: d.origString(k, e), src: "titled-institution", class: classOrg, parent: -1})
			d.addHonour(b, e, src)
			if last := &d.mentions[len(d.mentions)-1]; last.typ == graph.Honor && last.start == b && last.inner {
				last.nested = true
			}
			continue
		}
		d.addHonour(b, e, src)
	}
}

// titledInstitution returns where the name of an institution starts when a
// catalogue title that ends in an institution's head word (重点实验室,
// 工程技术研究中心) at [head, e), with its qualifiers from b, follows name
// words that are not a cue, a count or a qualifier: 新材料表面工程省级重点实验室.
// It returns -1 otherwise.
func (d *doc) titledInstitution(b, head, e, lo int) int {
	lx := d.x.lex
	if _, sf, ok := lx.suffixes.longest(d.m, head, e); !ok || sf.typ != graph.Institution {
		return -1
	}
	k := b
	for k > lo && isNameRune(d.m[k-1]) && d.mentionEndingAt(k) < 0 {
		if _, _, stop := lx.stops.longest(d.m, lo, k); stop {
			break
		}
		if _, _, cue := lx.honourCues.longest(d.m, lo, k); cue {
			break
		}
		k--
	}
	if b-k < 3 || b-k > 12 || endsWithCount(d.m[k:b]) || holdsCount(d.m[k:b]) || qualifierBefore(d.m, k, b) > 0 {
		return -1
	}
	return k
}

// parkTitleAfterPlace reports whether a title that is a park type
// (国家高新区, 国家级经开区) follows a place name directly, as in 海口国家高新区.
func (d *doc) parkTitleAfterPlace(b, e, lo int) bool {
	if _, sf, ok := d.x.lex.suffixes.longest(d.m, b, e); !ok || sf.typ != graph.Park {
		return false
	}
	if b-2 < lo || !isHan(d.m[b-1]) {
		return false
	}
	_, _, ok := d.x.lex.places.longest(d.m, lo, b)
	return ok
}

// catalogueContinues reports whether the title at e runs on into a longer
// word that is not an honour (瞪羚企业家, 国家级经开区开发运营主体).
func (d *doc) catalogueContinues(e int) bool {
	return d.hasAt(e, "家", "主", "数", "化", "第", "开发", "运营", "之外", "综合评价", "评价", "考核", "评估", "排名", "排行", "管委会", "管理委员会")
}

// evaluationWords after a class name show the class is assessed, not
// conferred: 在全国国家级经开区综合发展水平考核评价中位列第37位.
var evaluationWords = []string{"综合发展水平", "综合评价", "考核评价", "考核", "综合排名", "排名", "评价结果"}

// comparedAt reports whether a title at b is used as a class for comparison
// (数量位列全省国家级开发区第二), which the guideline does not count as an honour.
func (d *doc) comparedAt(b int) bool {
	lo, _ := d.sentenceBounds(b)
	for _, w := range []string{"位列", "位居", "排名", "排在", "居于"} {
		n := len([]rune(w))
		for k := b - n; k >= lo && k >= b-n-4; k-- {
			if hasPrefixRunes(d.m[k:], w) {
				return true
			}
		}
	}
	return false
}

// insideLongerQuote reports whether [b,e) lies inside quotes that hold more
// than it: “…、高成长性科技型企业”榜单 is a list name, not the honour.
func (d *doc) insideLongerQuote(b, e int) bool {
	lo, hi := d.sentenceBounds(b)
	i := b - 1
	for i >= lo && !isOpenQuote(d.m[i]) && !isCloseQuote(d.m[i]) && b-i < 40 {
		i--
	}
	if i < lo || !isOpenQuote(d.m[i]) {
		return false
	}
	j := e
	for j < hi && !isCloseQuote(d.m[j]) && !isOpenQuote(d.m[j]) && j-e < 40 {
		j++
	}
	if j >= hi || !isCloseQuote(d.m[j]) {
		return false
	}
	// A title that is one step of a quoted chain (“科技型中小企业—高新技术企业”)
	// stands alone.
	sep := func(r rune) bool { return strings.ContainsRune("—-–、→+＋/", r) }
	if (i+1 == b || sep(d.m[b-1])) && (j == e || sep(d.m[e])) {
		return false
	}
	return i+1 < b || j > e
}

// Honour levels: a title conferred nationally, provincially or by a city.
const (
	levelNone       = ""
	levelNational   = "N"
	levelProvincial = "P"
	levelMunicipal  = "M"
)

var honourQualifier = mustGuarded(`^(\d{4}年度?|[一二][〇零一二三四五六七八九]{3}年度?|\d{4}|第[0-9一二三四五六七八九十]+批|首批|本批|新一批|最新一批|国家级|国家|全国|自治区级|省级|全省|市级|全市|区级|县级|自治区|省|市|认定)`)

// provincialCities are the cities that rank as provinces: their titles are
// provincial ones.
var provincialCities = map[string]bool{"北京": true, "上海": true, "天津": true, "重庆": true}

// honourKey splits a normalised honour name into its level and its base
// title: 2025年河南省创新型中小企业 → (P, 创新型中小企业); 国家级专精特新“小巨人”企业 →
// (N, 专精特新小巨人企业). 优秀 and other descriptive words stay in the base.
func (d *doc) honourKey(name string) (level, base string) {
	rs := []rune(unquoted(name))
	for {
		s := string(rs)
		if m := honourQualifier.FindString(s); m != "" {
			switch {
			case strings.HasPrefix(m, "国家") || m == "全国":
				level = levelNational
			case strings.HasPrefix(m, "省") || m == "全省" || strings.HasPrefix(m, "自治区"):
				level = levelProvincial
			case strings.HasPrefix(m, "市") || m == "全市" || m == "区级" || m == "县级":
				if level == levelNone {
					level = levelMunicipal
				}
			}
			rs = rs[len([]rune(m)):]
			continue
		}
		if p := d.placePrefix(rs); p > 0 {
			// 成都市新型研发机构 is the city's title, 四川省新型研发机构 the province's
			city := strings.TrimSuffix(string(rs[:p]), "市")
			if provincialCities[city] {
				level = levelProvincial // 北京、上海、天津、重庆 rank as provinces
			} else if d.x.lex.cities[city] || strings.HasSuffix(string(rs[:p]), "市") {
				if level == levelNone {
					level = levelMunicipal
				}
			} else {
				level = levelProvincial
			}
			rs = rs[p:]
			continue
		}
		break
	}
	base = strings.TrimSuffix(strings.TrimSuffix(string(rs), "名单"), "榜单")
	if base == "" {
		base = name
	}
	// A park title in full and in short is one title: 国家级经济技术开发区,
	// 国家级经开区.
	for _, ab := range d.x.lex.parkAbbrev {
		if strings.HasSuffix(base, ab[0]) {
			base = strings.TrimSuffix(base, ab[0]) + ab[1]
			break
		}
	}
	return level, base
}

// placePrefix returns the length of a province-level place word (with its
// 省 or 自治区) at the start of rs, or 0.
func (d *doc) placePrefix(rs []rune) int {
	best := 0
	for i := 2; i <= len(rs) && i <= 4; i++ {
		if n, _, ok := d.x.lex.places.longest(rs, 0, i); ok && n == i {
			best = i
		}
	}
	if best == 0 || best >= len(rs)-1 {
		return 0
	}
	for _, w := range []string{"省", "自治区", "市"} {
		if hasPrefixRunes(rs[best:], w) {
			return best + len([]rune(w))
		}
	}
	return best
}
