package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parkgraph/graph"
	"parkgraph/graph/store"
)

func backends(t *testing.T) map[string]string {
	return map[string]string{
		"memory": "memory:",
		"bolt":   "bolt:" + filepath.Join(t.TempDir(), "db"),
	}
}

func doc(id, hash string, rels ...graph.Relation) *graph.Document {
	sents := []string{"云岭高新区青禾科技有限公司上榜“瞪羚企业”。", "白鹭精工有限公司落户云岭高新区。"}
	d := &graph.Document{ID: id, Path: id + ".txt", Hash: hash, Title: id}
	off := 0
	for i, s := range sents {
		n := len([]rune(s))
		d.Sentences = append(d.Sentences, graph.Sentence{Index: i, Text: s, Span: graph.Span{Start: off, End: off + n}})
		d.Text += s
		off += n
	}
	ents := map[string]graph.Entity{}
	for _, r := range rels {
		for _, ref := range []graph.EntityRef{r.Subject, r.Object} {
			if _, ok := ents[ref.Name]; !ok {
				ents[ref.Name] = graph.Entity{Type: ref.Type, Name: ref.Name, Mentions: []graph.Span{d.Sentences[r.Sentence].Span}}
			}
		}
	}
	for _, e := range ents {
		d.Entities = append(d.Entities, e)
	}
	d.Relations = rels
	return d
}

var (
	park    = graph.EntityRef{Type: graph.Park, Name: "云岭高新区"}
	qinghe  = graph.EntityRef{Type: graph.Enterprise, Name: "青禾科技有限公司"}
	bailu   = graph.EntityRef{Type: graph.Enterprise, Name: "白鹭精工有限公司"}
	gazelle = graph.EntityRef{Type: graph.Honor, Name: "瞪羚企业"}
)

func TestPutAndSnapshot(t *testing.T) {
	ctx := context.Background()
	for name, dsn := range backends(t) {
		t.Run(name, func(t *testing.T) {
			st, err := store.Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			d1 := doc("a", "h1",
				graph.Relation{Subject: qinghe, Predicate: graph.LocatedIn, Object: park, Sentence: 0},
				graph.Relation{Subject: qinghe, Predicate: graph.Awarded, Object: gazelle, Sentence: 0})
			res, err := st.Put(ctx, d1)
			if err != nil || res.Unchanged || res.Added == 0 {
				t.Fatalf("first Put = %+v, %v", res, err)
			}
			n1, _ := st.Stats(ctx)

			// The same document again adds nothing.
			res, err = st.Put(ctx, d1)
			if err != nil || !res.Unchanged {
				t.Fatalf("second Put = %+v, %v; want unchanged", res, err)
			}
			if n, _ := st.Stats(ctx); n != n1 {
				t.Errorf("quads after re-put = %d, want %d", n, n1)
			}

			s, err := st.Snapshot(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Nodes) != 3 || len(s.Edges) != 2 || len(s.Documents) != 1 {
				t.Fatalf("snapshot: %d nodes, %d edges, %d docs; want 3, 2, 1", len(s.Nodes), len(s.Edges), len(s.Documents))
			}
			for _, e := range s.Edges {
				if len(e.Evidence) != 1 || !strings.Contains(e.Evidence[0].Text, "上榜") {
					t.Errorf("edge %v evidence = %+v", e.Predicate, e.Evidence)
				}
			}

			// A changed version replaces the old quads exactly.
			d1b := doc("a", "h2", graph.Relation{Subject: bailu, Predicate: graph.LocatedIn, Object: park, Sentence: 1})
			res, err = st.Put(ctx, d1b)
			if err != nil || res.Removed == 0 {
				t.Fatalf("changed Put = %+v, %v", res, err)
			}
			s, _ = st.Snapshot(ctx)
			if len(s.Edges) != 1 || s.Edges[0].Subject != bailu.IRI() {
				t.Fatalf("after change: edges = %+v", s.Edges)
			}
			if s.Node(qinghe.IRI()) != nil || s.Node(gazelle.IRI()) != nil {
				t.Error("entities only the old version named are still there")
			}
			if got := s.Documents[0].Hash; got != "h2" {
				t.Errorf("document hash = %q, want h2", got)
			}

			// A second document stating the same fact adds evidence, not an edge.
			d2 := doc("b", "h3", graph.Relation{Subject: bailu, Predicate: graph.LocatedIn, Object: park, Sentence: 1})
			if _, err := st.Put(ctx, d2); err != nil {
				t.Fatal(err)
			}
			s, _ = st.Snapshot(ctx)
			if len(s.Edges) != 1 || len(s.Edges[0].Evidence) != 2 || s.Edges[0].Weight() != 2 {
				t.Fatalf("shared fact: edges = %+v", s.Edges)
			}
			if n := s.Node(park.IRI()); n == nil || len(n.Docs) != 2 {
				t.Errorf("park docs = %+v", n)
			}
		})
	}
}

func TestBoltPersists(t *testing.T) {
	ctx := context.Background()
	dsn := "bolt:" + filepath.Join(t.TempDir(), "db")
	st, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Put(ctx, doc("a", "h1", graph.Relation{Subject: qinghe, Predicate: graph.LocatedIn, Object: park})); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st, err = store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Edges) != 1 {
		t.Fatalf("after reopen: %d edges, want 1", len(s.Edges))
	}
}

func TestBoltLockedByAnother(t *testing.T) {
	dsn := "bolt:" + filepath.Join(t.TempDir(), "db")
	st, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now()
	_, err = store.Open(dsn)
	if err == nil {
		t.Fatal("second Open of a bolt store succeeded")
	}
	if !strings.Contains(err.Error(), "in use") || time.Since(start) > 10*time.Second {
		t.Errorf("second Open: %v after %v; want a prompt \"in use\" error", err, time.Since(start))
	}
}

func TestOpenErrors(t *testing.T) {
	for _, dsn := range []string{"mysql://x", "bolt:", "nonsense"} {
		if _, err := store.Open(dsn); err == nil {
			t.Errorf("Open(%q) succeeded", dsn)
		}
	}
}
