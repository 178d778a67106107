package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/graph/store"
	"parkgraph/queries"
)

// analysisDoc is an article naming a park, three enterprises in it, an
// honour two of them won and a partnership.
func analysisDoc() *graph.Document {
	sents := []string{
		"青禾科技有限公司、白鹭精工有限公司和星澜光学有限公司位于云岭高新区。",
		"青禾科技有限公司和白鹭精工有限公司上榜“瞪羚企业”。",
		"星澜光学有限公司与白鹭精工有限公司签署合作协议。",
	}
	d := &graph.Document{ID: "analysis", Path: "analysis.txt", Hash: "h", Title: "t"}
	off := 0
	for i, s := range sents {
		n := len([]rune(s))
		d.Sentences = append(d.Sentences, graph.Sentence{Index: i, Text: s, Span: graph.Span{Start: off, End: off + n}})
		d.Text += s
		off += n
	}
	park := graph.EntityRef{Type: graph.Park, Name: "云岭高新区"}
	honour := graph.EntityRef{Type: graph.Honor, Name: "瞪羚企业"}
	ents := []graph.EntityRef{park, honour}
	for _, name := range []string{"青禾科技有限公司", "白鹭精工有限公司", "星澜光学有限公司"} {
		e := graph.EntityRef{Type: graph.Enterprise, Name: name}
		ents = append(ents, e)
		d.Relations = append(d.Relations, graph.Relation{Subject: e, Predicate: graph.LocatedIn, Object: park, Sentence: 0})
	}
	d.Relations = append(d.Relations,
		graph.Relation{Subject: ents[2], Predicate: graph.Awarded, Object: honour, Sentence: 1},
		graph.Relation{Subject: ents[3], Predicate: graph.Awarded, Object: honour, Sentence: 1},
		graph.Relation{Subject: ents[4], Predicate: graph.PartnersWith, Object: ents[3], Sentence: 2})
	for _, e := range ents {
		d.Entities = append(d.Entities, graph.Entity{Type: e.Type, Name: e.Name, Mentions: []graph.Span{d.Sentences[0].Span}})
	}
	return d
}

func TestWriteAnalysis(t *testing.T) {
	ctx := context.Background()
	for name, dsn := range map[string]string{
		"memory": "memory:",
		"bolt":   "bolt:" + filepath.Join(t.TempDir(), "db"),
	} {
		t.Run(name, func(t *testing.T) {
			st, err := store.Open(dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, err := st.Put(ctx, analysisDoc()); err != nil {
				t.Fatal(err)
			}
			before, _ := st.Stats(ctx)
			snap, err := st.Snapshot(ctx)
			if err != nil {
				t.Fatal(err)
			}
			rep := analysis.Analyze(snap, analysis.DefaultOptions())
			res, err := st.WriteAnalysis(ctx, snap, store.AnalysisRun{Modularity: rep.Modularity, Resolution: 1, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if res.Added == 0 || res.Removed != 0 || !strings.HasPrefix(string(res.Run), "pg:analysis/") {
				t.Fatalf("first write = %+v", res)
			}
			if n, _ := st.Stats(ctx); n != before+int64(res.Added) {
				t.Errorf("store holds %d quads, want %d + %d", n, before, res.Added)
			}

			// Read back: every export of the stored graph carries the results.
			back, err := st.Snapshot(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for i := range snap.Nodes {
				a, b := &snap.Nodes[i], back.Node(snap.Nodes[i].IRI)
				for _, m := range graph.Measures {
					if a.Metrics[m.Name] != b.Metrics[m.Name] {
						t.Errorf("%s of %s: wrote %v, read %v", m.Name, a.Name, a.Metrics[m.Name], b.Metrics[m.Name])
					}
				}
				if a.Community != b.Community || a.Community == "" {
					t.Errorf("community of %s: wrote %q, read %q", a.Name, a.Community, b.Community)
				}
			}
			if fmt.Sprint(back.Communities) != fmt.Sprint(snap.Communities) {
				t.Errorf("communities read back %v, want %v", back.Communities, snap.Communities)
			}

			// Gizmo can filter and sort on the results.
			out, err := queries.Run(ctx, st.QuadStore(), `g.V().Has("<pg:degree>", 3).Out("<pg:name>").All();`, nil, 100)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(out); len(out) != 2 || !strings.Contains(got, "云岭高新区") || !strings.Contains(got, "白鹭精工有限公司") {
				t.Errorf("Gizmo found %v with degree 3, want the park and 白鹭精工有限公司", out)
			}

			// The same results again write nothing.
			same, err := st.WriteAnalysis(ctx, snap, store.AnalysisRun{Modularity: rep.Modularity, Resolution: 1, Seed: 1})
			if err != nil || !same.Unchanged || same.Run != res.Run || same.Added != 0 {
				t.Errorf("rewriting the same results = %+v, %v; want unchanged under %s", same, err, res.Run)
			}

			// A second run replaces the first: only its own measures remain.
			opt := analysis.DefaultOptions()
			opt.Measures = []string{"degree"}
			analysis.Analyze(back, opt)
			res2, err := st.WriteAnalysis(ctx, back, store.AnalysisRun{Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if res2.Removed != res.Added {
				t.Errorf("second write removed %d quads, want the first run's %d", res2.Removed, res.Added)
			}
			again, _ := st.Snapshot(ctx)
			for i := range again.Nodes {
				n := &again.Nodes[i]
				if _, ok := n.Metric("pagerank"); ok || n.Community != "" {
					t.Fatalf("%s keeps results of the replaced run: %v %q", n.Name, n.Metrics, n.Community)
				}
				if _, ok := n.Metric("degree"); !ok {
					t.Fatalf("%s lacks the new run's degree", n.Name)
				}
			}
			runs, labelled := 0, 0
			st.EachQuad(ctx, func(q quad.Quad) {
				if q.Predicate == graph.PredType && q.Object == graph.ClassRun {
					runs++
				}
				if graph.IsRunIRI(q.Label) {
					labelled++
				}
			})
			if labelled != res2.Added {
				t.Errorf("%d quads carry a run label, want the %d the second run wrote", labelled, res2.Added)
			}
			if runs != 1 {
				t.Errorf("store describes %d analysis runs, want 1", runs)
			}
			if n, _ := st.Stats(ctx); n != before+int64(res2.Added) {
				t.Errorf("store holds %d quads after the second run, want %d + %d", n, before, res2.Added)
			}
		})
	}
}

// TestWriteAnalysisParts checks that a run's results are labelled in parts
// of at most graph.RunPartSize quads, and that the next run finds and
// removes every one of them.
func TestWriteAnalysisParts(t *testing.T) {
	ctx := context.Background()
	st, snap, run := analysedCorpusStore(t, 300)
	run.Seed = 1
	first, err := st.WriteAnalysis(ctx, snap, run)
	if err != nil {
		t.Fatal(err)
	}
	if first.Added < 3*graph.RunPartSize {
		t.Fatalf("the run wrote %d quads; the test needs several parts", first.Added)
	}
	run.Seed = 2
	second, err := st.WriteAnalysis(ctx, snap, run)
	if err != nil {
		t.Fatal(err)
	}
	if second.Removed != first.Added || second.Added != first.Added {
		t.Errorf("second run removed %d and added %d quads, want %d and %d", second.Removed, second.Added, first.Added, first.Added)
	}
	perLabel := map[quad.Value]int{}
	runs := 0
	if err := st.EachQuad(ctx, func(q quad.Quad) {
		if graph.IsRunIRI(q.Label) {
			perLabel[q.Label]++
			if q.Predicate == graph.PredType && q.Object == graph.ClassRun {
				runs++
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	total := 0
	for l, n := range perLabel {
		total += n
		if n > graph.RunPartSize+1 {
			t.Errorf("%d quads carry the label %v, want at most %d", n, l, graph.RunPartSize+1)
		}
	}
	if runs != 1 || total != second.Added {
		t.Errorf("the store holds %d runs and %d quads of runs, want 1 and %d", runs, total, second.Added)
	}
	if len(perLabel) < 4 {
		t.Errorf("results in %d labels, want the run and its parts", len(perLabel))
	}
}
