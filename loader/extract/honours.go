package extract

import (
	"regexp"
	"strings"

	"parkgraph/graph"
)

// levelWords may stand between an honour cue and a quoted title: 冲刺省级“数字领航”.
var levelWords = []string{"国家级", "省级", "市级", "区级", "县级", "国家", "全国", "全省", "全市"}

// recognizeQuotedHonours finds titles in quotes after an honour cue
// (上榜“瞪羚企业”, 冲刺省级“数字领航”“小灯塔”) and before 称号.
func (d *doc) recognizeQuotedHonours() {
	lx := d.x.lex
	for e := 1; e < len(d.m); e++ {
		lo, hi := d.sentenceBounds(e - 1)
		j := e
		cue := false
		if _, _, ok := lx.honourCues.longest(d.m, lo, e); ok {
			cue = true
		}
		if !cue || !(isOpenQuote(d.m[min(j, len(d.m)-1)]) || d.m[j] == '"' || d.startsLevelQuote(j)) {
			continue
		}
		for _, w := range levelWords {
			if d.hasAt(j, w) {
				j += len([]rune(w))
				break
			}
		}
		for j < hi && (isOpenQuote(d.m[j]) || d.m[j] == '"') {
			k := j + 1
			for k < hi && !isCloseQuote(d.m[k]) && d.m[k] != '"' && k-j <= 40 {
				k++
			}
			if k >= hi || k-j > 40 || k == j+1 {
				break
			}
			d.addHonour(j+1, k, "quote")
			j = k + 1
			for j < hi && (d.m[j] == '、' || d.m[j] == ',' || d.m[j] == '和' || d.m[j] == '及') {
				j++
			}
		}
	}
	// “X”称号 without a cue before it.
	for e := 0; e+2 < len(d.m); e++ {
		if !(isCloseQuote(d.m[e]) || d.m[e] == '"') || !(d.hasAt(e+1, "称号") || d.hasAt(e+1, "荣誉称号")) {
			continue
		}
		lo, _ := d.sentenceBounds(e)
		j := e - 1
		for j > lo && !isOpenQuote(d.m[j]) && d.m[j] != '"' && e-j <= 40 {
			j--
		}
		if j >= lo && (isOpenQuote(d.m[j]) || d.m[j] == '"') && e-j > 1 {
			d.addHonour(j+1, e, "title")
		}
	}
}

func (d *doc) startsLevelQuote(j int) bool {
	for _, w := range levelWords {
		if d.hasAt(j, w) {
			k := j + len([]rune(w))
			return k < len(d.m) && (isOpenQuote(d.m[k]) || d.m[k] == '"')
		}
	}
	return false
}

// addHonour adds an honour mention. A catalogue title keeps the quotes of
// its official form (专精特新“小巨人”企业); a quoted span loses its quotes.
func (d *doc) addHonour(start, end int, src string) {
	name := strings.TrimSpace(stripQuotes(d.orig[start:end]))
	if src == "catalogue" {
		name = strings.TrimSpace(string(d.orig[start:end]))
	}
	if name == "" {
		return
	}
	d.add(mention{start: start, end: end, typ: graph.Honor, name: name, src: "honour:" + src, parent: -1})
}

var qualifierRE = regexp.MustCompile(`(\d{4}年度?|第[0-9一二三四五六七八九十]+批|首批|国家级|省级|市级|区级|县级|国家|全国|全省|全市|省|市|认定|优秀)$`)

// recognizeCatalogueHonours finds the titles of the honour catalogue with
// their qualifiers: 2023年度国家级专精特新“小巨人”企业, 江西省重点实验室.
func (d *doc) recognizeCatalogueHonours() {
	lx := d.x.lex
	for e := 1; e <= len(d.m); e++ {
		lo, _ := d.sentenceBounds(e - 1)
		n, _, ok := lx.honours.longest(d.m, lo, e)
		if !ok {
			continue
		}
		if e < len(d.m) && d.catalogueContinues(e) {
			continue
		}
		b := e - n
		// Qualifiers: years, batches, levels, provinces.
		for b > lo {
			pre := string(d.m[max(lo, b-8):b])
			if m := qualifierRE.FindString(pre); m != "" {
				b -= len([]rune(m))
				continue
			}
			if k, _, ok := lx.places.longest(d.m, lo, b); ok {
				b -= k
				continue
			}
			break
		}
		if d.insideLongerQuote(b, e) {
			continue
		}
		d.addHonour(b, e, "catalogue")
	}
}

// catalogueContinues reports whether the title at e runs on into a longer
// word that is not an honour (高新技术企业研发机构 still names the honour;
// 瞪羚企业家 does not).
func (d *doc) catalogueContinues(e int) bool {
	return d.hasAt(e, "家", "主", "数", "化")
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
	return i+1 < b || j > e
}
