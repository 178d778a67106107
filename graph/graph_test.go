package graph_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"

	"parkgraph/graph"
)

func TestEntityIRI(t *testing.T) {
	tests := []struct {
		name string
		typ  graph.EntityType
		in   string
		want quad.IRI
	}{
		{"plain", graph.Park, "新余高新区", "pg:park/新余高新区"},
		{"full-width brackets fold", graph.Enterprise, "梅特勒·托利多（常州）测量技术有限公司", "pg:enterprise/梅特勒·托利多(常州)测量技术有限公司"},
		{"spaces dropped", graph.Institution, "中南 大学", "pg:institution/中南大学"},
		{"unsafe characters escaped", graph.Honor, `A<B>"C"{x}|^` + "`" + `\%#`, `pg:honor/A%3CB%3E%22C%22%7Bx%7D%7C%5E%60%5C%25%23`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := graph.EntityIRI(tc.typ, tc.in); got != tc.want {
				t.Errorf("EntityIRI(%s, %q) = %q, want %q", tc.typ, tc.in, got, tc.want)
			}
		})
	}
}

func TestDocumentIDRoundTrip(t *testing.T) {
	for _, id := range []string{"000_50c721a1e63a8171", "新闻 稿#1", "a%b"} {
		s := graph.SentenceIRI(id, 7)
		got, ok := graph.DocumentIDOf(s)
		if !ok || got != id {
			t.Errorf("DocumentIDOf(%q) = %q, %v; want %q", s, got, ok, id)
		}
	}
}

func TestParse(t *testing.T) {
	if p, err := graph.ParsePredicate("位于"); err != nil || p != graph.LocatedIn {
		t.Errorf("ParsePredicate(位于) = %v, %v", p, err)
	}
	if _, err := graph.ParsePredicate("owns"); err == nil {
		t.Error("ParsePredicate(owns) succeeded")
	}
	if ty, err := graph.ParseEntityType("park"); err != nil || ty != graph.Park {
		t.Errorf("ParseEntityType(park) = %v, %v", ty, err)
	}
	if !graph.Awarded.Allows(graph.Enterprise, graph.Honor) || graph.Awarded.Allows(graph.Honor, graph.Enterprise) {
		t.Error("Awarded domain wrong")
	}
}

// sampleDocument is a small extracted article.
func sampleDocument() *graph.Document {
	text := "云岭高新区3家企业上榜。其中，青禾科技有限公司上榜“瞪羚企业”。云岭高新区出资2亿元设立星火基金。"
	d := &graph.Document{ID: "doc1", Path: "news/doc1.txt", Title: "云岭高新区", Hash: "abc", Text: text}
	d.Sentences = []graph.Sentence{
		{Index: 0, Text: "云岭高新区3家企业上榜。", Span: graph.Span{Start: 0, End: 12}},
		{Index: 1, Text: "其中，青禾科技有限公司上榜“瞪羚企业”。", Span: graph.Span{Start: 12, End: 32}},
		{Index: 2, Text: "云岭高新区出资2亿元设立星火基金。", Span: graph.Span{Start: 32, End: 49}},
	}
	park := graph.Entity{Type: graph.Park, Name: "云岭高新区", Aliases: []string{"高新区"}, Mentions: []graph.Span{{0, 5}, {32, 37}}}
	ent := graph.Entity{Type: graph.Enterprise, Name: "青禾科技有限公司", Mentions: []graph.Span{{15, 23}}}
	hon := graph.Entity{Type: graph.Honor, Name: "瞪羚企业", Mentions: []graph.Span{{26, 30}}}
	fund := graph.Entity{Type: graph.Investor, Name: "星火基金", Mentions: []graph.Span{{44, 48}}}
	d.Entities = []graph.Entity{park, ent, hon, fund}
	d.Relations = []graph.Relation{
		{Subject: ent.Ref(), Predicate: graph.LocatedIn, Object: park.Ref(), Sentence: 1},
		{Subject: ent.Ref(), Predicate: graph.Awarded, Object: hon.Ref(), Sentence: 1},
		{Subject: park.Ref(), Predicate: graph.InvestsIn, Object: fund.Ref(), Sentence: 2, Amount: graph.Amount{Text: "2亿元", Yuan: 2e8}},
		{Subject: park.Ref(), Predicate: graph.PartnersWith, Object: ent.Ref(), Sentence: 2},
	}
	return d
}

func TestDocumentQuads(t *testing.T) {
	d := sampleDocument()
	qs := d.Quads(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	D := graph.DocumentIRI("doc1")
	var sawRelation, sawAmount bool
	for _, q := range qs {
		label, ok := q.Label.(quad.IRI)
		if !ok {
			t.Fatalf("quad without IRI label: %v", q)
		}
		if _, isRel := graph.PredicateOf(q.Predicate.(quad.IRI)); isRel {
			sawRelation = true
			if label == D || !strings.HasPrefix(string(label), string(D)+"#s") {
				t.Errorf("relation %v is not labelled with its sentence", q)
			}
		}
		if q.Predicate == graph.PredAmount && quad.ToString(q.Object) == "2亿元" {
			sawAmount = true
		}
		if q.Predicate == graph.PartnersWith.IRI() {
			s, o := q.Subject.(quad.IRI), q.Object.(quad.IRI)
			if o < s {
				t.Errorf("symmetric relation not ordered: %v", q)
			}
		}
	}
	if !sawRelation || !sawAmount {
		t.Errorf("missing relation (%v) or amount (%v) quads", sawRelation, sawAmount)
	}
	again := d.Quads(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	if len(again) != len(qs) {
		t.Fatalf("not deterministic: %d then %d quads", len(qs), len(again))
	}
	for i := range qs {
		if qs[i].NQuad() != again[i].NQuad() {
			t.Fatalf("not deterministic at %d: %s vs %s", i, qs[i].NQuad(), again[i].NQuad())
		}
	}
}

func TestBuilderRoundTrip(t *testing.T) {
	d := sampleDocument()
	var b graph.Builder
	for _, q := range d.Quads(time.Now()) {
		b.Add(q)
	}
	s := b.Snapshot()
	if len(s.Nodes) != 4 {
		t.Fatalf("nodes = %d, want 4", len(s.Nodes))
	}
	if len(s.Edges) != 4 {
		t.Fatalf("edges = %d, want 4", len(s.Edges))
	}
	park := s.Node(graph.EntityIRI(graph.Park, "云岭高新区"))
	if park == nil || park.Type != graph.Park || len(park.Aliases) != 1 || park.Aliases[0] != "高新区" {
		t.Fatalf("park node = %+v", park)
	}
	if got := s.Find("高新区"); len(got) != 1 || got[0] != park {
		t.Errorf("Find(高新区) = %v", got)
	}
	for _, e := range s.Edges {
		if len(e.Evidence) != 1 || e.Evidence[0].Doc != "doc1" || e.Evidence[0].Text == "" {
			t.Errorf("edge %s %s %s evidence = %+v", e.Subject, e.Predicate, e.Object, e.Evidence)
		}
		if e.Predicate == graph.InvestsIn && (e.Amount.Text != "2亿元" || e.Amount.Yuan != 2e8) {
			t.Errorf("invests_in amount = %+v", e.Amount)
		}
	}
	doc := s.Document("doc1")
	if doc == nil || doc.Hash != "abc" || doc.File != "news/doc1.txt" {
		t.Errorf("document = %+v", doc)
	}
}

func TestSubgraphAndEgo(t *testing.T) {
	d := sampleDocument()
	var b graph.Builder
	for _, q := range d.Quads(time.Now()) {
		b.Add(q)
	}
	s := b.Snapshot()
	park := graph.EntityIRI(graph.Park, "云岭高新区")
	nodes, dist := s.Ego([]quad.IRI{park}, 1, nil)
	if len(nodes) != 3 || s.Nodes[nodes[0]].IRI != park || dist[nodes[0]] != 0 {
		t.Fatalf("ego(park, 1) = %v %v", nodes, dist)
	}
	nodes, _ = s.Ego([]quad.IRI{park}, 2, nil)
	if len(nodes) != 4 {
		t.Errorf("ego(park, 2) has %d nodes, want 4", len(nodes))
	}
	onlyLoc := func(e *graph.Edge) bool { return e.Predicate == graph.LocatedIn }
	nodes, _ = s.Ego([]quad.IRI{park}, 2, onlyLoc)
	if len(nodes) != 2 {
		t.Errorf("ego over located_in has %d nodes, want 2", len(nodes))
	}
	sub := s.Subgraph(func(n *graph.Node) bool { return n.Type != graph.Honor }, nil)
	if len(sub.Nodes) != 3 || len(sub.Edges) != 3 {
		t.Errorf("subgraph without honours: %d nodes, %d edges; want 3, 3", len(sub.Nodes), len(sub.Edges))
	}
	if sub.Node(park) == nil || sub.Index(park) < 0 {
		t.Error("subgraph lost its index")
	}
}

func TestEdgeObject(t *testing.T) {
	nodes := []graph.Node{
		{IRI: "pg:park/b", Type: graph.Park, Name: "b"},
		{IRI: "pg:enterprise/a", Type: graph.Enterprise, Name: "a"},
		{IRI: "pg:enterprise/c", Type: graph.Enterprise, Name: "c"},
	}
	edges := []graph.Edge{
		{Subject: "pg:enterprise/c", Predicate: graph.LocatedIn, Object: "pg:park/b"},
		{Subject: "pg:enterprise/a", Predicate: graph.PartnersWith, Object: "pg:enterprise/c"},
		{Subject: "pg:enterprise/a", Predicate: graph.LocatedIn, Object: "pg:park/missing"},
	}
	s := graph.NewSnapshot(nodes, edges, nil)
	check := func(s *graph.Snapshot) {
		t.Helper()
		for i, e := range s.Edges {
			j := s.EdgeObject(i)
			if j < 0 || s.Nodes[j].IRI != e.Object {
				t.Errorf("edge %d (%s → %s): EdgeObject gives %d", i, e.Subject, e.Object, j)
			}
		}
	}
	if len(s.Edges) != 2 {
		t.Fatalf("edges to a missing node are dropped: got %d edges, want 2", len(s.Edges))
	}
	check(s)
	check(s.Subgraph(func(n *graph.Node) bool { return n.Name != "b" }, nil))
	lit := &graph.Snapshot{Nodes: s.Nodes, Edges: s.Edges} // made without NewSnapshot
	check(lit)
}

func TestNormalizeNameAgreesWithNFKC(t *testing.T) {
	for _, name := range []string{"新余高新区", "AEO高级认证企业", "Ｈ股", "（江西）公司", "中 国", "ｓｍｅ", "專精特新", "A\u3000B", "丰田\uf900"} {
		want := strings.Join(strings.Fields(norm.NFKC.String(name)), "")
		want = strings.ReplaceAll(want, "\u3000", "")
		if got := graph.NormalizeName(name); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", name, got, want)
		}
	}
}

// A store may hand the builder the same statement more than once (the same
// quad under two labels, or a snapshot built from two reads); sets stay sets.
func TestBuilderRepeatedQuads(t *testing.T) {
	d := sampleDocument()
	qs := d.Quads(time.Now())
	var once, twice graph.Builder
	for _, q := range qs {
		once.Add(q)
		twice.Add(q)
	}
	for i := len(qs) - 1; i >= 0; i-- {
		twice.Add(qs[i])
	}
	a, b := once.Snapshot(), twice.Snapshot()
	if len(a.Nodes) != len(b.Nodes) || len(a.Edges) != len(b.Edges) {
		t.Fatalf("repeated quads: %d nodes, %d edges; want %d, %d", len(b.Nodes), len(b.Edges), len(a.Nodes), len(a.Edges))
	}
	for i := range a.Nodes {
		x, y := a.Nodes[i], b.Nodes[i]
		if !slices.Equal(x.Aliases, y.Aliases) || !slices.Equal(x.Docs, y.Docs) {
			t.Errorf("node %s: aliases %v docs %v, want %v %v", x.IRI, y.Aliases, y.Docs, x.Aliases, x.Docs)
		}
	}
	for i := range a.Edges {
		if !slices.Equal(a.Edges[i].Evidence, b.Edges[i].Evidence) {
			t.Errorf("edge %d evidence %+v, want %+v", i, b.Edges[i].Evidence, a.Edges[i].Evidence)
		}
	}
	// An edge stated without a sentence is an edge with no evidence.
	var bare graph.Builder
	for _, q := range qs {
		if _, ok := graph.PredicateOf(q.Predicate.(quad.IRI)); ok {
			q.Label = nil
		}
		bare.Add(q)
	}
	s := bare.Snapshot()
	if len(s.Edges) != len(a.Edges) {
		t.Fatalf("edges without labels: %d, want %d", len(s.Edges), len(a.Edges))
	}
	for _, e := range s.Edges {
		if len(e.Evidence) != 0 || e.Weight() != 1 {
			t.Errorf("edge %s %s %s: evidence %+v, weight %d", e.Subject, e.Predicate, e.Object, e.Evidence, e.Weight())
		}
	}
}
