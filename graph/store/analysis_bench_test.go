package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/graph/store"
)

// BenchmarkWriteAnalysis writes the analysis of a generated corpus into a
// bolt store that was reopened after its documents went in, as build does,
// at two corpus sizes; ns/quad that stays level from one size to the next
// means the cost grows linearly with the graph.
func BenchmarkWriteAnalysis(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{1000, 4000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			st, snap, run := analysedCorpusStore(b, n)
			quads, round := 0, uint64(0)
			for b.Loop() {
				round++
				// Each round replaces the previous round's results.
				run.Seed = round
				res, err := st.WriteAnalysis(ctx, snap, run)
				if err != nil {
					b.Fatal(err)
				}
				quads += res.Added
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(max(quads, 1)), "ns/quad")
		})
	}
}

// analysedCorpusStore writes n generated articles into a new bolt store,
// reopens it as build does, and returns it with its graph, analysed, and
// the description of an analysis run of it. The store closes with tb.
func analysedCorpusStore(tb testing.TB, n int) (*store.Store, *graph.Snapshot, store.AnalysisRun) {
	tb.Helper()
	ctx := context.Background()
	docs := corpusDocuments(tb, n)
	st, err := store.Open("bolt:" + filepath.Join(tb.TempDir(), "db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	for i := 0; i < len(docs); i += 500 {
		if _, err := st.PutBatch(ctx, docs[i:min(i+500, len(docs))]); err != nil {
			tb.Fatal(err)
		}
	}
	if err := st.Reopen(); err != nil {
		tb.Fatal(err)
	}
	snap, err := st.Snapshot(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	opt := analysis.DefaultOptions()
	rep := analysis.Analyze(snap, opt)
	return st, snap, store.AnalysisRun{Modularity: rep.Modularity, Resolution: opt.Resolution, Seed: opt.Seed}
}
