package store_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"parkgraph/graph"
	"parkgraph/graph/store"
	"parkgraph/internal/corpus"
	"parkgraph/loader"
	"parkgraph/loader/extract"
)

// BenchmarkSnapshot reads a bolt store holding PARKGRAPH_BENCH_N generated
// articles (default 300), stored as build stores them, back as a graph, the way build and export do, and reports the heap the
// snapshot keeps (live-B/quad, counted by the collector with the snapshot
// still referenced) and what reading it allocates (alloc-B/quad).
func BenchmarkSnapshot(b *testing.B) {
	articles := 300
	if v, err := strconv.Atoi(os.Getenv("PARKGRAPH_BENCH_N")); err == nil && v > 0 {
		articles = v
	}
	ctx := context.Background()
	st, err := store.Open("bolt:" + filepath.Join(b.TempDir(), "db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	docs := corpusDocuments(b, articles)
	for i := 0; i < len(docs); i += 200 {
		if _, err := st.PutBatch(ctx, docs[i:min(i+200, len(docs))]); err != nil {
			b.Fatal(err)
		}
	}
	n, err := st.Stats(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var live, alloc uint64
	var ms runtime.MemStats
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		base, allocBase := ms.HeapAlloc, ms.TotalAlloc
		b.StartTimer()
		snap, err := st.Snapshot(ctx)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&ms)
		if len(snap.Edges) == 0 {
			b.Fatal("empty snapshot")
		}
		live += ms.HeapAlloc - min(base, ms.HeapAlloc)
		alloc += ms.TotalAlloc - allocBase
		runtime.KeepAlive(snap)
		b.StartTimer()
	}
	b.ReportMetric(float64(live)/float64(b.N)/float64(n), "live-B/quad")
	b.ReportMetric(float64(alloc)/float64(b.N)/float64(n), "alloc-B/quad")
}

// corpusDocuments returns n generated articles, read and extracted as build
// does.
func corpusDocuments(t testing.TB, n int) []*graph.Document {
	t.Helper()
	x, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := corpus.New(corpus.Options{Articles: n})
	docs := make([]*graph.Document, 0, n)
	for i := 0; i < c.Len(); i++ {
		a := c.Article(i)
		d, err := loader.Prepare(loader.Source{Path: a.ID + ".txt", Bytes: []byte(a.Text)})
		if err != nil {
			t.Fatal(err)
		}
		x.Extract(d)
		docs = append(docs, d)
	}
	return docs
}
