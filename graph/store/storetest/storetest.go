// Package storetest is the conformance suite every store backend must pass:
// whole-document puts, idempotent re-puts, exact replacement and removal,
// provenance (Why), entity resolution and the N-Quads round trip.
//
// A backend's test calls Run with a function that returns the DSN of a new,
// empty store each time it is called.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"parkgraph/graph"
	"parkgraph/graph/resolve"
	"parkgraph/graph/store"
)

// Run runs the suite. newDSN returns the DSN of a fresh, empty store.
func Run(t *testing.T, newDSN func(t *testing.T) string) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, newDSN func(t *testing.T) string)
	}{
		{"PutAndSnapshot", testPutAndSnapshot},
		{"IdempotentPut", testIdempotent},
		{"ReplaceExactly", testReplaceExactly},
		{"PutBatch", testPutBatch},
		{"Remove", testRemove},
		{"Why", testWhy},
		{"Resolve", testResolve},
		{"ResolveRules", testResolveRules},
		{"DumpLoad", testDumpLoad},
		{"Reopen", testReopen},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, newDSN) })
	}
}

// Open opens the store a DSN names and closes it when the test ends.
func Open(t *testing.T, dsn string) *store.Store {
	t.Helper()
	st, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Ref is shorthand for an entity reference.
func Ref(t graph.EntityType, name string) graph.EntityRef {
	return graph.EntityRef{Type: t, Name: name}
}

// Fixture entities.
var (
	Park    = Ref(graph.Park, "云岭高新区")
	Qinghe  = Ref(graph.Enterprise, "青禾科技有限公司")
	Bailu   = Ref(graph.Enterprise, "白鹭精工有限公司")
	Gazelle = Ref(graph.Honor, "瞪羚企业")
)

// Doc builds a document whose sentence i is sents[i] and whose entities are
// those the relations name (plus extra), each first mentioned in the
// sentence of its first relation. aliases gives an entity's other forms.
func Doc(id, hash string, sents []string, aliases map[string][]string, rels ...graph.Relation) *graph.Document {
	d := &graph.Document{ID: id, Path: id + ".txt", Hash: hash, Title: "标题 " + id}
	off := 0
	for i, s := range sents {
		n := len([]rune(s))
		d.Sentences = append(d.Sentences, graph.Sentence{Index: i, Text: s, Span: graph.Span{Start: off, End: off + n}})
		d.Text += s
		off += n
	}
	seen := map[graph.EntityRef]bool{}
	for _, r := range rels {
		for _, ref := range []graph.EntityRef{r.Subject, r.Object} {
			if seen[ref] {
				continue
			}
			seen[ref] = true
			d.Entities = append(d.Entities, graph.Entity{Type: ref.Type, Name: ref.Name,
				Aliases: aliases[ref.Name], Mentions: []graph.Span{d.Sentences[r.Sentence].Span}})
		}
	}
	d.Relations = rels
	return d
}

var twoSentences = []string{"云岭高新区青禾科技有限公司上榜“瞪羚企业”。", "白鹭精工有限公司落户云岭高新区。"}

func rel(s graph.EntityRef, p graph.Predicate, o graph.EntityRef, sentence int) graph.Relation {
	return graph.Relation{Subject: s, Predicate: p, Object: o, Sentence: sentence}
}

func put(t *testing.T, st *store.Store, d *graph.Document) store.PutResult {
	t.Helper()
	res, err := st.Put(context.Background(), d)
	if err != nil {
		t.Fatalf("Put %s: %v", d.ID, err)
	}
	return res
}

func snapshot(t *testing.T, st *store.Store) *graph.Snapshot {
	t.Helper()
	s, err := st.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func stats(t *testing.T, st *store.Store) int64 {
	t.Helper()
	n, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Quads returns every quad of the store as sorted N-Quads lines.
func Quads(t *testing.T, st *store.Store) []string {
	t.Helper()
	var out []string
	if err := st.EachQuad(context.Background(), func(q quad.Quad) { out = append(out, q.NQuad()) }); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func labelledBy(lines []string, doc string) []string {
	var out []string
	for _, l := range lines {
		if strings.Contains(l, "<pg:doc/"+doc+"> .") || strings.Contains(l, "<pg:doc/"+doc+"#") {
			out = append(out, l)
		}
	}
	return out
}

func testPutAndSnapshot(t *testing.T, newDSN func(t *testing.T) string) {
	st := Open(t, newDSN(t))
	d := Doc("a", "h1", twoSentences, nil,
		rel(Qinghe, graph.LocatedIn, Park, 0), rel(Qinghe, graph.Awarded, Gazelle, 0))
	if res := put(t, st, d); res.Unchanged || res.Added == 0 {
		t.Fatalf("first Put = %+v", res)
	}
	s := snapshot(t, st)
	if len(s.Nodes) != 3 || len(s.Edges) != 2 || len(s.Documents) != 1 {
		t.Fatalf("snapshot: %d nodes, %d edges, %d docs; want 3, 2, 1", len(s.Nodes), len(s.Edges), len(s.Documents))
	}
	for _, e := range s.Edges {
		if len(e.Evidence) != 1 || !strings.Contains(e.Evidence[0].Text, "上榜") || e.Evidence[0].Doc != "a" {
			t.Errorf("edge %v evidence = %+v", e.Predicate, e.Evidence)
		}
	}
	doc := s.Documents[0]
	if doc.ID != "a" || doc.File != "a.txt" || doc.Title != "标题 a" || doc.Hash != "h1" || doc.Ingested.IsZero() {
		t.Errorf("document node = %+v", doc)
	}
	// Every quad read from text carries its sentence as label; sentence
	// and document nodes carry the document.
	for _, l := range Quads(t, st) {
		if !strings.HasSuffix(l, "<pg:doc/a> .") && !strings.Contains(l, "<pg:doc/a#s") {
			t.Errorf("quad without provenance label: %s", l)
		}
	}
}

func testIdempotent(t *testing.T, newDSN func(t *testing.T) string) {
	st := Open(t, newDSN(t))
	d := Doc("a", "h1", twoSentences, nil, rel(Qinghe, graph.LocatedIn, Park, 0))
	put(t, st, d)
	before := Quads(t, st)
	n1 := stats(t, st)
	res := put(t, st, d)
	if !res.Unchanged || res.Added != 0 {
		t.Fatalf("second Put = %+v; want unchanged", res)
	}
	if n := stats(t, st); n != n1 {
		t.Errorf("quads after re-put = %d, want %d", n, n1)
	}
	if after := Quads(t, st); strings.Join(after, "") != strings.Join(before, "") {
		t.Error("re-put changed the store")
	}
}

func testReplaceExactly(t *testing.T, newDSN func(t *testing.T) string) {
	st := Open(t, newDSN(t))
	put(t, st, Doc("a", "h1", twoSentences, nil,
		rel(Qinghe, graph.LocatedIn, Park, 0), rel(Qinghe, graph.Awarded, Gazelle, 0)))
	put(t, st, Doc("b", "h9", twoSentences, nil, rel(Bailu, graph.LocatedIn, Park, 1)))
	bBefore := labelledBy(Quads(t, st), "b")

	res := put(t, st, Doc("a", "h2", twoSentences, nil, rel(Bailu, graph.LocatedIn, Park, 1)))
	if !res.Replaced || res.Removed == 0 || res.Added == 0 {
		t.Fatalf("changed Put = %+v", res)
	}
	all := Quads(t, st)
	if bAfter := labelledBy(all, "b"); strings.Join(bAfter, "\n") != strings.Join(bBefore, "\n") {
		t.Errorf("replacing a changed b's quads:\nbefore %v\nafter  %v", bBefore, bAfter)
	}
	for _, l := range all {
		if strings.Contains(l, "<pg:doc/a#s0>") {
			t.Errorf("a quad of the old version's sentence 0 is left: %s", l)
		}
	}
	s := snapshot(t, st)
	if len(s.Edges) != 1 || s.Edges[0].Subject != Bailu.IRI() || len(s.Edges[0].Evidence) != 2 {
		t.Fatalf("after change: edges = %+v", s.Edges)
	}
	if s.Node(Qinghe.IRI()) != nil || s.Node(Gazelle.IRI()) != nil {
		t.Error("entities only the old version named are still there")
	}
	if d := s.Document("a"); d == nil || d.Hash != "h2" {
		t.Errorf("document a = %+v, want hash h2", d)
	}
	// Stored once: exactly one hash and one ingest time per document.
	hashes := 0
	for _, l := range all {
		if strings.HasPrefix(l, "<pg:doc/a> <pg:hash>") || strings.HasPrefix(l, "<pg:doc/a> <pg:ingested>") {
			hashes++
		}
	}
	if hashes != 2 {
		t.Errorf("document a has %d hash/ingested quads, want 2", hashes)
	}
}

func testPutBatch(t *testing.T, newDSN func(t *testing.T) string) {
	ctx := context.Background()
	st := Open(t, newDSN(t))
	put(t, st, Doc("a", "h1", twoSentences, nil, rel(Qinghe, graph.LocatedIn, Park, 0)))
	put(t, st, Doc("b", "h2", twoSentences, nil, rel(Bailu, graph.LocatedIn, Park, 1)))
	res, err := st.PutBatch(ctx, []*graph.Document{
		Doc("a", "h1", twoSentences, nil, rel(Qinghe, graph.LocatedIn, Park, 0)),  // unchanged
		Doc("b", "h3", twoSentences, nil, rel(Bailu, graph.Awarded, Gazelle, 1)),  // changed
		Doc("c", "h4", twoSentences, nil, rel(Qinghe, graph.Awarded, Gazelle, 0)), // new
		Doc("c", "h5", twoSentences, nil, rel(Qinghe, graph.PartnersWith, Bailu, 0)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 4 || !res[0].Unchanged || !res[1].Replaced || res[2].Replaced || res[2].Unchanged || !res[3].Replaced {
		t.Fatalf("PutBatch results = %+v", res)
	}
	s := snapshot(t, st)
	if d := s.Document("c"); d == nil || d.Hash != "h5" {
		t.Errorf("the later of two versions of c should win: %+v", d)
	}
	want := map[graph.Predicate]int{graph.LocatedIn: 1, graph.Awarded: 1, graph.PartnersWith: 1}
	got := s.CountByPredicate()
	for p, n := range want {
		if got[p] != n {
			t.Errorf("%s edges = %d, want %d (%+v)", p, got[p], n, s.Edges)
		}
	}
	docs, err := st.Documents(ctx)
	if err != nil || len(docs) != 3 || docs[0].ID != "a" || docs[2].ID != "c" {
		t.Errorf("Documents = %+v, %v", docs, err)
	}
}

func testRemove(t *testing.T, newDSN func(t *testing.T) string) {
	ctx := context.Background()
	st := Open(t, newDSN(t))
	put(t, st, Doc("a", "h1", twoSentences, nil,
		rel(Qinghe, graph.LocatedIn, Park, 0), rel(Qinghe, graph.Awarded, Gazelle, 0)))
	only := Quads(t, st)
	put(t, st, Doc("b", "h2", twoSentences, nil, rel(Qinghe, graph.LocatedIn, Park, 0), rel(Bailu, graph.LocatedIn, Park, 1)))

	n, err := st.Remove(ctx, "b")
	if err != nil || n == 0 {
		t.Fatalf("Remove(b) = %d, %v", n, err)
	}
	if after := Quads(t, st); strings.Join(after, "\n") != strings.Join(only, "\n") {
		t.Errorf("after removing b the store differs from a alone:\nwant %v\ngot  %v", only, after)
	}
	s := snapshot(t, st)
	if s.Node(Bailu.IRI()) != nil {
		t.Error("an entity only b named is still there")
	}
	if e := s.Node(Qinghe.IRI()); e == nil || len(e.Docs) != 1 {
		t.Errorf("an entity a names too must stay, with one document: %+v", e)
	}
	if _, err := st.Remove(ctx, "b"); !errors.Is(err, store.ErrNoDocument) {
		t.Errorf("second Remove(b) = %v, want ErrNoDocument", err)
	}
	if _, err := st.Remove(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if n := stats(t, st); n != 0 {
		t.Errorf("after removing every document %d quads are left: %v", n, Quads(t, st))
	}
}

func testWhy(t *testing.T, newDSN func(t *testing.T) string) {
	ctx := context.Background()
	st := Open(t, newDSN(t))
	aliases := map[string][]string{Qinghe.Name: {"青禾"}}
	put(t, st, Doc("a", "h1", twoSentences, aliases, rel(Qinghe, graph.LocatedIn, Park, 0), rel(Qinghe, graph.PartnersWith, Bailu, 1)))
	put(t, st, Doc("b", "h2", []string{"头一句。", "青禾科技有限公司位于云岭高新区。"}, nil, rel(Qinghe, graph.LocatedIn, Park, 1)))

	ev, err := st.Why(ctx, "青禾", "位于", "云岭高新区")
	if err != nil {
		t.Fatal(err)
	}
	if len(ev) != 2 || ev[0].Doc.ID != "a" || ev[1].Doc.ID != "b" || ev[1].Text != "青禾科技有限公司位于云岭高新区。" ||
		ev[0].Sentence != graph.SentenceIRI("a", 0) || ev[0].Doc.Title != "标题 a" || ev[0].Doc.File != "a.txt" {
		t.Fatalf("Why = %+v", ev)
	}
	// A symmetric relation answers in both directions.
	for _, args := range [][2]string{{Qinghe.Name, Bailu.Name}, {Bailu.Name, Qinghe.Name}} {
		ev, err := st.Why(ctx, args[0], "partners_with", args[1])
		if err != nil || len(ev) != 1 || ev[0].Sentence != graph.SentenceIRI("a", 1) {
			t.Errorf("Why(%s partners_with %s) = %+v, %v", args[0], args[1], ev, err)
		}
	}
	if ev, err := st.Why(ctx, Bailu.Name, "located_in", Park.Name); err != nil || len(ev) != 0 {
		t.Errorf("Why of an edge no sentence states = %+v, %v", ev, err)
	}
	if _, err := st.Why(ctx, "无此公司", "located_in", Park.Name); !errors.Is(err, store.ErrNoEntity) {
		t.Errorf("Why with an unknown name: %v, want ErrNoEntity", err)
	}
	if _, err := st.Why(ctx, Qinghe.Name, "owns", Park.Name); err == nil {
		t.Error("Why with an unknown predicate succeeded")
	}
}

// resolutionDocs name the same companies in different ways, and two
// different companies that share a short form.
func resolutionDocs() []*graph.Document {
	yn := Ref(graph.Enterprise, "云南青禾科技有限公司")
	plain := Ref(graph.Enterprise, "青禾科技有限公司")
	short := Ref(graph.Enterprise, "青禾科技")
	jxBailu := Ref(graph.Enterprise, "江西白鹭精工有限公司")
	ynBailu := Ref(graph.Enterprise, "云南白鹭精工有限公司")
	shortBailu := Ref(graph.Enterprise, "白鹭精工")
	s := []string{"第一句。", "第二句。"}
	return []*graph.Document{
		Doc("d1", "h1", s, nil, rel(yn, graph.LocatedIn, Park, 0), rel(jxBailu, graph.Awarded, Gazelle, 1)),
		Doc("d2", "h2", s, nil, rel(plain, graph.Awarded, Gazelle, 0), rel(ynBailu, graph.LocatedIn, Park, 1)),
		Doc("d3", "h3", s, nil, rel(short, graph.LocatedIn, Park, 0), rel(shortBailu, graph.Awarded, Gazelle, 1)),
	}
}

func testResolve(t *testing.T, newDSN func(t *testing.T) string) {
	ctx := context.Background()
	st := Open(t, newDSN(t))
	for _, d := range resolutionDocs() {
		put(t, st, d)
	}
	clusters, err := st.Resolve(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(clusters) != 1 || clusters[0].Name != "云南青禾科技有限公司" ||
		strings.Join(clusters[0].Aliases, ",") != "青禾科技,青禾科技有限公司" ||
		strings.Join(clusters[0].Docs, ",") != "d1,d2,d3" {
		t.Fatalf("clusters = %+v", clusters)
	}
	s := snapshot(t, st)
	q := s.Find("青禾科技")
	if len(q) != 1 || q[0].Name != "云南青禾科技有限公司" || len(q[0].Docs) != 3 {
		t.Fatalf("青禾 nodes = %+v", q)
	}
	located := 0
	for _, e := range s.Edges {
		if e.Subject == q[0].IRI && e.Predicate == graph.LocatedIn {
			located++
			if len(e.Evidence) != 2 {
				t.Errorf("merged located_in edge has %d sentences, want 2", len(e.Evidence))
			}
		}
	}
	if located != 1 {
		t.Errorf("merged node has %d located_in edges, want 1", located)
	}
	for _, name := range []string{"江西白鹭精工有限公司", "云南白鹭精工有限公司", "白鹭精工"} {
		if n := s.Find(name); len(n) != 1 || n[0].Name != name {
			t.Errorf("%s should stay its own node: %+v", name, n)
		}
	}
	// Evidence follows the merge.
	ev, err := st.Why(ctx, "青禾科技", "located_in", Park.Name)
	if err != nil || len(ev) != 2 {
		t.Errorf("Why through a merged name = %+v, %v", ev, err)
	}
	// Resolving again changes nothing.
	before := Quads(t, st)
	if _, err := st.Resolve(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if after := Quads(t, st); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Error("a second Resolve changed the store")
	}
}

func testResolveRules(t *testing.T, newDSN func(t *testing.T) string) {
	ctx := context.Background()
	st := Open(t, newDSN(t))
	for _, d := range resolutionDocs() {
		put(t, st, d)
	}
	rules, err := resolve.ParseRules(strings.NewReader(
		"# the bare short form is the Jiangxi company\n"+
			"merge: 江西白鹭精工有限公司 | 白鹭精工\n"+
			"split: 青禾科技 | 云南青禾科技有限公司\n"), "aliases.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Resolve(ctx, rules); err != nil {
		t.Fatal(err)
	}
	s := snapshot(t, st)
	if n := s.Find("白鹭精工"); len(n) != 1 || n[0].Name != "江西白鹭精工有限公司" {
		t.Errorf("merge rule: 白鹭精工 → %+v", n)
	}
	if n := s.Find("云南白鹭精工有限公司"); len(n) != 1 || n[0].Name != "云南白鹭精工有限公司" {
		t.Errorf("merge rule pulled in another company: %+v", n)
	}
	if n := s.Find("青禾科技"); len(n) != 1 || n[0].Name != "青禾科技" {
		t.Errorf("split rule: 青禾科技 → %+v", n)
	}
	// The rules are stored: a later Resolve without rules keeps them.
	if _, err := st.Resolve(ctx, nil); err != nil {
		t.Fatal(err)
	}
	got, err := st.Aliases(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range got {
		names = append(names, c.Name+"="+strings.Join(c.Aliases, ","))
	}
	sort.Strings(names)
	if want := "云南青禾科技有限公司=青禾科技有限公司;江西白鹭精工有限公司=白鹭精工"; strings.Join(names, ";") != want {
		t.Errorf("aliases after a resolve with stored rules = %q, want %q", strings.Join(names, ";"), want)
	}
}

func testDumpLoad(t *testing.T, newDSN func(t *testing.T) string) {
	ctx := context.Background()
	st := Open(t, newDSN(t))
	docs := resolutionDocs()
	d := Doc("y", "h9", twoSentences, map[string][]string{Qinghe.Name: {"青禾"}}, rel(Qinghe, graph.InvestsIn, Bailu, 1))
	d.Relations[0].Year = 2023
	d.Relations[0].Amount = graph.Amount{Text: "2亿元", Yuan: 2e8}
	docs = append(docs, d)
	for _, d := range docs {
		put(t, st, d)
	}
	if _, err := st.Resolve(ctx, nil); err != nil {
		t.Fatal(err)
	}
	var dump bytes.Buffer
	n, err := st.Dump(ctx, &dump)
	if err != nil || n != stats(t, st) {
		t.Fatalf("Dump = %d, %v; store has %d quads", n, err, stats(t, st))
	}
	// Cayley's own N-Quads reader (the one "cayley load" uses) reads it all.
	r := nquads.NewReader(bytes.NewReader(dump.Bytes()), false)
	all, err := quad.ReadAll(r)
	if err != nil || int64(len(all)) != n {
		t.Fatalf("nquads reader: %d quads, %v", len(all), err)
	}

	st2 := Open(t, newDSN(t))
	m, err := st2.Load(ctx, bytes.NewReader(dump.Bytes()), store.LoadOptions{Batch: 7})
	if err != nil || m != n {
		t.Fatalf("Load = %d, %v; want %d", m, err, n)
	}
	if a, b := Quads(t, st), Quads(t, st2); strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatalf("the loaded store differs from the dumped one")
	}
	var dump2 bytes.Buffer
	if _, err := st2.Dump(ctx, &dump2); err != nil {
		t.Fatal(err)
	}
	if lines(dump.String()) != lines(dump2.String()) {
		t.Error("dump → load → dump changed the quads")
	}
	// Loading again adds nothing; the loaded store answers like the first.
	if _, err := st2.Load(ctx, bytes.NewReader(dump.Bytes()), store.LoadOptions{}); err != nil || stats(t, st2) != n {
		t.Errorf("second Load: %v, %d quads, want %d", err, stats(t, st2), n)
	}
	s1, s2 := snapshot(t, st), snapshot(t, st2)
	if len(s1.Nodes) != len(s2.Nodes) || len(s1.Edges) != len(s2.Edges) {
		t.Errorf("snapshots differ: %d/%d nodes, %d/%d edges", len(s1.Nodes), len(s2.Nodes), len(s1.Edges), len(s2.Edges))
	}
	for _, e := range s2.Edges {
		if e.Predicate == graph.InvestsIn && (e.Year != 2023 || e.Amount.Yuan != 2e8) {
			t.Errorf("invests_in after load = %+v", e)
		}
	}
	// A syntax error names where it is and keeps the store whole.
	before := stats(t, st2)
	bad := "<pg:a> <pg:b> <pg:c> .\n<pg:a> <pg:b> \"unterminated .\n"
	if _, err := st2.Load(ctx, strings.NewReader(bad), store.LoadOptions{}); err == nil {
		t.Error("Load of broken N-Quads succeeded")
	}
	if after := stats(t, st2); after != before+1 {
		t.Errorf("after a failed load the store has %d quads, want %d (the valid line before the error)", after, before+1)
	}
	// The same in batches of one: every batch before the error is kept and
	// the error names the line.
	before = stats(t, st2)
	bad = "<pg:d> <pg:e> <pg:f> .\n<pg:d> <pg:e> <pg:g> .\n<pg:d> <pg:e> \"unterminated .\n<pg:d> <pg:e> <pg:h> .\n"
	n2, err := st2.Load(ctx, strings.NewReader(bad), store.LoadOptions{Batch: 1})
	if err == nil || !strings.Contains(err.Error(), "quad 3") || n2 != 2 {
		t.Errorf("Load in batches of one = %d, %v; want 2 and an error at quad 3", n2, err)
	}
	if after := stats(t, st2); after != before+2 {
		t.Errorf("after a failed load in batches the store has %d quads, want %d", after, before+2)
	}
}

// lines returns the sorted lines of s, joined.
func lines(s string) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	sort.Strings(l)
	return strings.Join(l, "\n")
}

func testReopen(t *testing.T, newDSN func(t *testing.T) string) {
	dsn := newDSN(t)
	if dsn == "memory:" {
		t.Skip("an in-memory store does not outlive its process")
	}
	st, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	put(t, st, Doc("a", "h1", twoSentences, nil, rel(Qinghe, graph.LocatedIn, Park, 0)))
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st = Open(t, dsn)
	if s := snapshot(t, st); len(s.Edges) != 1 || len(s.Documents) != 1 {
		t.Fatalf("after reopen: %d edges, %d documents; want 1, 1", len(s.Edges), len(s.Documents))
	}
	if res := put(t, st, Doc("a", "h1", twoSentences, nil, rel(Qinghe, graph.LocatedIn, Park, 0))); !res.Unchanged {
		t.Errorf("re-put after reopen = %+v, want unchanged", res)
	}
}
