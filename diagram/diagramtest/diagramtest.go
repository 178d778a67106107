// Package diagramtest makes snapshots for the diagram tests and benchmarks:
// the seed articles read and extracted in memory, and generated hubs, a
// park with thousands of neighbours in the shape park news gives (most
// enterprises located in it, some with honours, investors, partners and
// projects).
package diagramtest

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"parkgraph/export/exporttest"
	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/loader"
	"parkgraph/loader/extract"
)

// Seeds reads, extracts and analyses the articles under dir (the
// repository's seeds folder), as parkgraph build would, without a store.
func Seeds(tb testing.TB, dir string) *graph.Snapshot {
	tb.Helper()
	files, err := loader.Files(dir)
	if err != nil || len(files) == 0 {
		tb.Fatalf("seed articles in %s: %v", dir, err)
	}
	x, err := extract.Default()
	if err != nil {
		tb.Fatal(err)
	}
	var b graph.Builder
	for _, f := range files {
		d, err := loader.Load(f)
		if err != nil {
			tb.Fatalf("%s: %v", filepath.Base(f), err)
		}
		x.Extract(d)
		for _, q := range d.Quads(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)) {
			b.Add(q)
		}
	}
	s := b.Snapshot()
	analysis.Analyze(s, analysis.DefaultOptions())
	return s
}

// HubName is the park at the centre of a generated hub.
const HubName = "云岭智造高新区"

// Hub generates a graph whose park HubName has n enterprises located in it
// (and a few sub-parks, projects and investors besides), with honours,
// issuing bodies, investors and partner institutions around them. The same
// n gives the same graph. PageRank and communities are not computed; call
// analysis.Analyze.
func Hub(n int) *graph.Snapshot {
	r := rand.New(rand.NewPCG(uint64(n), 7))
	g := &gen{names: map[string]bool{}, seen: map[string]bool{}}
	for i := 0; i < 40; i++ {
		g.docs = append(g.docs, graph.DocumentInfo{
			ID:    fmt.Sprintf("gen-%03d", i),
			Title: fmt.Sprintf("园区动态第%d期", i+1),
			Date:  time.Date(2024, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
		})
	}
	park := g.node(graph.Park, HubName)
	var subs []int
	for _, s := range []string{"云岭科创园", "云岭北区", "云岭数字产业园"} {
		sp := g.node(graph.Park, s)
		g.edge(r, sp, graph.PartOf, park)
		subs = append(subs, sp)
	}
	var issuers, insts, investors, honours []int
	for _, s := range []string{"省科学技术厅", "省工业和信息化厅", "国家知识产权局"} {
		issuers = append(issuers, g.node(graph.Institution, s))
	}
	for _, s := range []string{"云岭大学", "滇中理工学院", "西南材料研究院", "云岭检测中心", "省智能制造创新中心"} {
		insts = append(insts, g.node(graph.Institution, s))
	}
	for _, s := range []string{"云岭产业引导基金", "滇中创投", "星火资本", "南山科技创投基金"} {
		investors = append(investors, g.node(graph.Investor, s))
	}
	for i, s := range []string{"高新技术企业", "专精特新中小企业", "瞪羚企业", "科技型中小企业", "制造业单项冠军企业",
		"国家级专精特新“小巨人”企业", "省级企业技术中心", "智能工厂", "数字化车间", "绿色工厂"} {
		h := g.node(graph.Honor, s)
		g.edge(r, h, graph.IssuedBy, issuers[i%len(issuers)])
		honours = append(honours, h)
	}
	for _, v := range investors {
		g.edge(r, v, graph.InvestsIn, park)
	}
	for i := 0; i < n; i++ {
		e := g.node(graph.Enterprise, g.company(r))
		g.edge(r, e, graph.LocatedIn, park)
		if r.IntN(10) == 0 {
			g.edge(r, e, graph.LocatedIn, subs[r.IntN(len(subs))])
		}
		// Honours follow a skewed distribution: the first are common.
		for k := 0; k < 2; k++ {
			if r.IntN(3) == 0 {
				g.edge(r, e, graph.Awarded, honours[int(float64(len(honours))*r.Float64()*r.Float64())])
			}
		}
		if r.IntN(25) == 0 {
			g.edge(r, investors[r.IntN(len(investors))], graph.InvestsIn, e)
		}
		if r.IntN(30) == 0 {
			g.edge(r, e, graph.PartnersWith, insts[r.IntN(len(insts))])
		}
		if r.IntN(40) == 0 {
			p := g.node(graph.Project, g.project(r))
			g.edge(r, e, graph.Builds, p)
			g.edge(r, p, graph.LocatedIn, park)
		}
	}
	return graph.NewSnapshot(g.nodes, g.edges, g.docs)
}

type gen struct {
	nodes []graph.Node
	edges []graph.Edge
	docs  []graph.DocumentInfo
	names map[string]bool
	seen  map[string]bool
	sent  int
}

func (g *gen) node(t graph.EntityType, name string) int {
	g.nodes = append(g.nodes, graph.Node{IRI: graph.EntityIRI(t, name), Type: t, Name: name, Docs: []string{g.docs[len(g.nodes)%len(g.docs)].ID}})
	return len(g.nodes) - 1
}

func (g *gen) edge(r *rand.Rand, s int, p graph.Predicate, o int) {
	a, b := g.nodes[s], g.nodes[o]
	if p.Symmetric() && b.IRI < a.IRI {
		a, b = b, a
	}
	doc := g.docs[r.IntN(len(g.docs))].ID
	g.sent++
	key := string(a.IRI) + " " + string(p) + " " + string(b.IRI)
	if g.seen[key] {
		return // one relation, as a snapshot aggregates it
	}
	g.seen[key] = true
	text := fmt.Sprintf("%s%s%s。", a.Name, verbs[p], b.Name)
	g.edges = append(g.edges, graph.Edge{
		Subject: a.IRI, Predicate: p, Object: b.IRI,
		Evidence: []graph.Evidence{{Sentence: graph.SentenceIRI(doc, g.sent), Doc: doc, Text: text}},
	})
}

var verbs = map[graph.Predicate]string{
	graph.LocatedIn: "落户", graph.PartOf: "隶属于", graph.Awarded: "获评", graph.IssuedBy: "由以下机构发布：",
	graph.InvestsIn: "投资", graph.PartnersWith: "与之合作：", graph.Builds: "建设", graph.ListedOn: "上市于",
}

var (
	brandChars = []rune("恒瑞达鑫华宇航科创智源睿博新联泰安盛远星辰海峰云川嘉禾银隆凯")
	industries = []string{"电子", "新材料", "生物医药", "智能装备", "光电", "新能源", "精密机械", "信息技术", "环保", "汽车零部件"}
	forms      = []string{"科技有限公司", "股份有限公司", "有限公司", "技术有限公司", "集团有限公司"}
	products   = []string{"锂电池", "光伏组件", "芯片封装", "医疗器械", "工业机器人", "氢能装备"}
)

// company makes a new, unique company name of the usual shape.
func (g *gen) company(r *rand.Rand) string {
	for {
		brand := string([]rune{brandChars[r.IntN(len(brandChars))], brandChars[r.IntN(len(brandChars))]})
		name := "云岭" + brand + industries[r.IntN(len(industries))] + forms[r.IntN(len(forms))]
		if !g.names[name] {
			g.names[name] = true
			return name
		}
		if r.IntN(4) == 0 {
			name = fmt.Sprintf("云岭%s%s%d号%s", brand, industries[r.IntN(len(industries))], r.IntN(1000), forms[r.IntN(len(forms))])
			if !g.names[name] {
				g.names[name] = true
				return name
			}
		}
	}
}

func (g *gen) project(r *rand.Rand) string {
	for {
		name := fmt.Sprintf("年产%d万套%s项目", 1+r.IntN(99), products[r.IntN(len(products))])
		if !g.names[name] {
			g.names[name] = true
			return name
		}
	}
}

// SeedParks are the parks the seed articles name.
var SeedParks = []string{"新余高新区", "常州高新区", "内江高新区", "白马园区", "沈抚改革创新示范区", "沈抚科创园", "随州高新区", "宁夏永宁工业园区", "常州高铁新城"}

// Ring generates n enterprises 节点0 … 节点n-1 partnering in a ring, each
// pair with one evidence sentence, without analysis results.
func Ring(n int) *graph.Snapshot {
	var nodes []graph.Node
	var edges []graph.Edge
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("节点%d", i)
		nodes = append(nodes, graph.Node{IRI: graph.EntityIRI(graph.Enterprise, name), Type: graph.Enterprise, Name: name, Docs: []string{"ring"}})
	}
	for i := 0; i < n; i++ {
		a, b := nodes[i].IRI, nodes[(i+1)%n].IRI
		if b < a {
			a, b = b, a
		}
		edges = append(edges, graph.Edge{Subject: a, Predicate: graph.PartnersWith, Object: b,
			Evidence: []graph.Evidence{{Sentence: graph.SentenceIRI("ring", i), Doc: "ring", Text: fmt.Sprintf("第%d句。", i)}}})
	}
	return graph.NewSnapshot(nodes, edges, []graph.DocumentInfo{{ID: "ring", Title: "环"}})
}

// Awkward returns the export fixture with names full of quotes, ampersands,
// angle brackets, control characters and emoji.
func Awkward() *graph.Snapshot { return exporttest.Snapshot() }

// HubDocuments returns Hub(n) as the documents that state it, one sentence
// a relation, ready for a store: the same graph comes back as its snapshot.
func HubDocuments(n int) []*graph.Document {
	s := Hub(n)
	byID := map[string]*graph.Document{}
	var docs []*graph.Document
	for _, info := range s.Documents {
		d := &graph.Document{ID: info.ID, Path: info.ID + ".txt", Title: info.Title, Date: info.Date, Hash: fmt.Sprintf("%064x", len(docs)+1)}
		byID[info.ID] = d
		docs = append(docs, d)
	}
	named := map[string]map[graph.EntityRef]bool{}
	mention := func(d *graph.Document, iri string) graph.EntityRef {
		n := s.Node(quad.IRI(iri))
		r := graph.EntityRef{Type: n.Type, Name: n.Name}
		if named[d.ID] == nil {
			named[d.ID] = map[graph.EntityRef]bool{}
		}
		if !named[d.ID][r] {
			named[d.ID][r] = true
			d.Entities = append(d.Entities, graph.Entity{Type: n.Type, Name: n.Name})
		}
		return r
	}
	for _, e := range s.Edges {
		ev := e.Evidence[0]
		d := byID[ev.Doc]
		start := len([]rune(d.Text))
		d.Text += ev.Text
		d.Sentences = append(d.Sentences, graph.Sentence{Index: len(d.Sentences), Text: ev.Text, Span: graph.Span{Start: start, End: start + len([]rune(ev.Text))}})
		d.Relations = append(d.Relations, graph.Relation{
			Subject: mention(d, string(e.Subject)), Predicate: e.Predicate, Object: mention(d, string(e.Object)),
			Sentence: len(d.Sentences) - 1,
		})
	}
	return docs
}
