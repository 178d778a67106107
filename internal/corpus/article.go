package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
)

// writer composes one article and records the facts its sentences state.
type writer struct {
	c     *Corpus
	r     *rand.Rand
	doc   string
	park  int
	year  int
	title string
	paras []string
	cur   []string // sentences of the paragraph being written

	ents      map[string]*ExpectedEntity
	entOrder  []string
	facts     map[string]bool
	factList  []ExpectedFact
	mentioned map[int]bool   // enterprises named so far
	shortOf   map[int]string // enterprises whose short name the article defined
}

const chineseDigits = "零一二三四五六七八九十"

func (w *writer) write() {
	w.mentioned = map[int]bool{}
	w.shortOf = map[int]string{}
	// Heavy-tailed length: most articles have a few paragraphs, some dozens.
	n := 3 + int(math.Min(24, math.Floor(1.2*(math.Pow(1-w.r.Float64(), -1/1.6)-1))))
	kinds := []func(){w.honourList, w.profile, w.project, w.cooperation, w.investment, w.area, w.parkHonour}
	first := w.r.IntN(len(kinds))
	for i := 0; i < n; i++ {
		k := first
		if i > 0 {
			k = w.r.IntN(len(kinds))
		}
		kinds[k]()
		for k := w.r.IntN(4); k > 0; k-- {
			w.say(fillers[w.r.IntN(len(fillers))])
		}
		w.endPara()
	}
	if w.title == "" {
		w.title = w.parkName() + "加快培育发展新质生产力"
	}
}

func (w *writer) parkName() string { return w.c.parks[w.park].name }

func (w *writer) prov() province { return provinces[w.c.parks[w.park].prov] }

func (w *writer) say(s string) { w.cur = append(w.cur, s) }

func (w *writer) endPara() {
	if len(w.cur) > 0 {
		w.paras = append(w.paras, strings.Join(w.cur, ""))
		w.cur = nil
	}
}

func (w *writer) setTitle(t string) {
	if w.title == "" {
		w.title = t
	}
}

// entity records an entity and its aliases.
func (w *writer) entity(typ, name string, aliases ...string) {
	e := w.ents[name]
	if e == nil {
		e = &ExpectedEntity{Type: typ, Name: name}
		w.ents[name] = e
		w.entOrder = append(w.entOrder, name)
	}
	for _, a := range aliases {
		if a != name && !contains(e.Aliases, a) {
			e.Aliases = append(e.Aliases, a)
		}
	}
}

// fact records a relation stated by sentence.
func (w *writer) fact(s, p, o, sentence string, year int, amount string) {
	if p == "partners_with" && o < s {
		s, o = o, s
	}
	key := s + "\x00" + p + "\x00" + o
	if w.facts[key] {
		return
	}
	w.facts[key] = true
	w.factList = append(w.factList, ExpectedFact{Subject: s, Predicate: p, Object: o, Evidence: sentence, Year: year, Amount: amount})
}

func (w *writer) expected() Expected {
	// located_in names the most specific park only: an enterprise placed in
	// a sub-park is not also placed in the park around it.
	areaOf := map[string]string{} // sub-park → park
	for _, f := range w.factList {
		if f.Predicate == "part_of" {
			areaOf[f.Subject] = f.Object
		}
	}
	inArea := map[string]bool{} // subject + park whose sub-park holds it
	for _, f := range w.factList {
		if p, ok := areaOf[f.Object]; ok && f.Predicate == "located_in" {
			inArea[f.Subject+"\x00"+p] = true
		}
	}
	var facts []ExpectedFact
	for _, f := range w.factList {
		if f.Predicate == "located_in" && inArea[f.Subject+"\x00"+f.Object] {
			continue
		}
		facts = append(facts, f)
	}
	x := Expected{Doc: w.doc, Entities: []ExpectedEntity{}, Relations: facts}
	for _, n := range w.entOrder {
		e := *w.ents[n]
		sort.Strings(e.Aliases)
		x.Entities = append(x.Entities, e)
	}
	if x.Relations == nil {
		x.Relations = []ExpectedFact{}
	}
	return x
}

// enterprises draws k distinct enterprises of the article's park, the park's
// best-known ones most often.
func (w *writer) enterprises(k int) []int {
	pool := w.c.byPark[w.park]
	if k > len(pool) {
		k = len(pool)
	}
	z := newZipfCached(len(pool))
	var out []int
	seen := map[int]bool{}
	for tries := 0; len(out) < k && tries < 20*k; tries++ {
		e := pool[z.draw(w.r)]
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// name returns how the article names enterprise e now: the full name the
// first time, the short name afterwards when the article defined one, and
// sometimes the short name anyway.
func (w *writer) name(e int) string {
	if s, ok := w.shortOf[e]; ok && w.mentioned[e] {
		return s
	}
	if w.mentioned[e] && w.r.IntN(3) == 0 {
		// A later mention by the short name, not defined but derived
		// from the full one (江西华瑞锂电科技股份有限公司 → 华瑞锂电).
		ent := w.c.enterprises[e]
		w.entity("Enterprise", ent.name, ent.short)
		return ent.short
	}
	w.mentioned[e] = true
	ent := w.c.enterprises[e]
	w.entity("Enterprise", ent.name)
	return ent.name
}

// where returns the most specific park of enterprise e, recording it.
func (w *writer) homePark(e int) (name string, written string) {
	ent := w.c.enterprises[e]
	p := w.c.parks[ent.park]
	w.entity("Park", p.name)
	if ent.area < 0 {
		return p.name, p.name
	}
	area := p.areas[ent.area]
	w.entity("Park", area, p.name+area)
	return area, p.name + area
}

func (w *writer) full(e int) string { return w.c.enterprises[e].name }

func (w *writer) amount() string {
	v := float64(1+w.r.IntN(300)) / 10
	if v == math.Trunc(v) {
		return fmt.Sprintf("%d亿元", int(v))
	}
	return fmt.Sprintf("%.1f亿元", v)
}

func (w *writer) month() int { return 1 + w.r.IntN(12) }

// listText joins names as A、B和C.
func listText(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], "、") + "和" + names[len(names)-1]
}

// honourList: a department publishes a list; some of the park's
// enterprises are on it.
func (w *writer) honourList() {
	h := honourTitles[w.r.IntN(len(honourTitles))]
	pr := w.prov()
	honour, issuer := h.name, h.issuer
	if h.provincial {
		honour = pr.name + "省" + h.name
		issuer = pr.name + "省" + h.issuer
	}
	count := 3 + w.r.IntN(12)
	w.entity("Park", w.parkName())
	w.entity("Honor", honour)
	w.entity("Institution", issuer)
	w.setTitle(fmt.Sprintf("%s%d家企业入选%s名单", w.parkName(), count, honour))
	s := fmt.Sprintf("%d年%d月，%s公布%d年度%s名单，%s共有%d家企业上榜。", w.year, w.month(), issuer, w.year, honour, w.parkName(), count)
	w.say(s)
	w.fact(honour, "issued_by", issuer, s, w.year, "")
	ents := w.enterprises(2 + w.r.IntN(3))
	var names []string
	for _, e := range ents {
		names = append(names, w.name(e))
	}
	s = fmt.Sprintf("其中，%s入选%s名单。", listText(names), honour)
	w.say(s)
	for _, e := range ents {
		w.fact(w.full(e), "awarded", honour, s, w.year, "")
		w.fact(w.full(e), "located_in", w.parkName(), s, 0, "")
	}
}

// profile: an enterprise, where it is, what it does, maybe its listing.
func (w *writer) profile() {
	ents := w.enterprises(1)
	if len(ents) == 0 {
		return
	}
	e := ents[0]
	ent := w.c.enterprises[e]
	ind := industries[ent.industry]
	where, written := w.homePark(e)
	var s string
	if !w.mentioned[e] && w.r.IntN(2) == 0 {
		w.mentioned[e] = true
		w.shortOf[e] = ent.short
		w.entity("Enterprise", ent.name, ent.short)
		s = fmt.Sprintf("位于%s的%s（以下简称“%s”）是一家专注于%s研发、生产和销售的企业。", written, ent.name, ent.short, ind.product)
	} else {
		s = fmt.Sprintf("%s位于%s，主要从事%s的研发和生产。", w.name(e), written, ind.product)
	}
	w.say(s)
	w.fact(ent.name, "located_in", where, s, 0, "")
	if where != written {
		w.fact(where, "part_of", w.c.parks[ent.park].name, s, 0, "")
	}
	w.setTitle(fmt.Sprintf("%s：%s领域再添新动能", w.parkName(), ind.word))
	if w.r.IntN(3) == 0 {
		ex := exchanges[w.r.IntN(len(exchanges))]
		w.entity("Institution", ex)
		y := w.year - w.r.IntN(4)
		s = fmt.Sprintf("%d年%d月，%s在%s成功上市。", y, w.month(), w.name(e), ex)
		w.say(s)
		w.fact(ent.name, "listed_on", ex, s, y, "")
	}
	if w.r.IntN(2) == 0 {
		h := honourTitles[w.r.IntN(len(honourTitles))]
		honour := h.name
		if h.provincial {
			honour = w.prov().name + "省" + h.name
		}
		w.entity("Honor", honour)
		s = fmt.Sprintf("去年，%s被认定为%s。", w.name(e), honour)
		w.say(s)
		w.fact(ent.name, "awarded", honour, s, 0, "")
	}
}

// project: an enterprise invests in and builds a named project in the park.
func (w *writer) project() {
	ents := w.enterprises(1)
	if len(ents) == 0 {
		return
	}
	e := ents[0]
	ent := w.c.enterprises[e]
	ind := industries[ent.industry]
	qty := 1 + w.r.IntN(50)
	project := fmt.Sprintf("年产%d%s%s项目", qty, ind.unit, ind.product)
	amt := w.amount()
	w.entity("Project", project)
	w.entity("Park", w.parkName())
	owner := w.name(e)
	s := fmt.Sprintf("%s投资%s建设的%s落户%s。", owner, amt, project, w.parkName())
	w.say(s)
	w.fact(ent.name, "invests_in", project, s, 0, amt)
	w.fact(ent.name, "builds", project, s, 0, "")
	w.fact(project, "located_in", w.parkName(), s, 0, "")
	w.setTitle(fmt.Sprintf("%s%s产业再添新引擎", w.parkName(), ind.word))
	if w.r.IntN(2) == 0 {
		w.say(fmt.Sprintf("据了解，该项目计划于%d年底建成投产。", w.year+1))
	}
}

// cooperation: an enterprise and a university sign a research agreement
// and build a centre together.
func (w *writer) cooperation() {
	ents := w.enterprises(1)
	if len(ents) == 0 {
		return
	}
	e := ents[0]
	ent := w.c.enterprises[e]
	pr := w.prov()
	city := pr.cities[w.r.IntN(len(pr.cities))]
	uni := city + []string{"大学", "理工大学", "科技学院", "职业技术学院"}[w.r.IntN(4)]
	w.entity("Institution", uni)
	name := w.name(e)
	s := fmt.Sprintf("%d年%d月，%s与%s签订产学研合作协议。", w.year, w.month(), name, uni)
	w.say(s)
	w.fact(ent.name, "partners_with", uni, s, w.year, "")
	if w.r.IntN(2) == 0 {
		centre := city + industries[ent.industry].word + "产业技术研究院"
		w.entity("Institution", centre)
		s = fmt.Sprintf("%s与%s共建%s。", w.name(e), uni, centre)
		w.say(s)
		w.fact(ent.name, "builds", centre, s, 0, "")
		w.fact(uni, "builds", centre, s, 0, "")
	}
	w.setTitle(fmt.Sprintf("%s深化产学研合作", w.parkName()))
}

// investment: an investor takes a stake in an enterprise.
func (w *writer) investment() {
	ents := w.enterprises(1)
	if len(ents) == 0 || len(w.c.investors) == 0 {
		return
	}
	e := ents[0]
	ent := w.c.enterprises[e]
	inv := w.c.investors[newZipfCached(len(w.c.investors)).draw(w.r)]
	amt := w.amount()
	w.entity("Investor", inv)
	s := fmt.Sprintf("%s出资%s入股%s。", inv, amt, w.name(e))
	w.say(s)
	w.fact(inv, "invests_in", ent.name, s, 0, amt)
	w.setTitle(fmt.Sprintf("%s%s获得%s投资", w.parkName(), industries[ent.industry].word, amt))
}

// area: a sub-park of the park and an enterprise in it.
func (w *writer) area() {
	p := w.c.parks[w.park]
	if len(p.areas) == 0 {
		w.profile()
		return
	}
	a := p.areas[w.r.IntN(len(p.areas))]
	w.entity("Park", p.name)
	w.entity("Park", a, p.name+a)
	s := fmt.Sprintf("%s%s是%s重点打造的%s产业集聚区。", p.name, a, p.name, industries[w.r.IntN(len(industries))].word)
	w.say(s)
	w.fact(a, "part_of", p.name, s, 0, "")
}

// parkHonour: the park itself wins a title.
func (w *writer) parkHonour() {
	h := parkHonours[w.r.IntN(len(parkHonours))]
	w.entity("Park", w.parkName())
	w.entity("Honor", h.name)
	w.entity("Institution", h.issuer)
	s := fmt.Sprintf("%d年，%s获评%s。", w.year, w.parkName(), h.name)
	w.say(s)
	w.fact(w.parkName(), "awarded", h.name, s, w.year, "")
	s = fmt.Sprintf("%s由%s组织评定。", h.name, h.issuer)
	w.say(s)
	w.fact(h.name, "issued_by", h.issuer, s, 0, "")
	w.setTitle(fmt.Sprintf("%s获评%s", w.parkName(), h.name))
}

var (
	zipfMu    sync.Mutex
	zipfCache = map[int]*zipf{}
)

// newZipfCached returns the rank distribution for n items; the tables are
// shared because articles draw from the same pools again and again.
func newZipfCached(n int) *zipf {
	zipfMu.Lock()
	defer zipfMu.Unlock()
	z := zipfCache[n]
	if z == nil {
		z = newZipf(n, 1.0)
		zipfCache[n] = z
	}
	return z
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
