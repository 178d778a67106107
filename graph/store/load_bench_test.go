package store_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"parkgraph/graph/store"
	"parkgraph/internal/corpus"
	"parkgraph/loader"
	"parkgraph/loader/extract"
)

// benchNQuads returns the N-Quads of a generated corpus: $PARKGRAPH_BENCH_NQ
// when set (a file, as parkgraph dump writes), else PARKGRAPH_BENCH_N
// articles (default 300) read and extracted as build does.
var benchNQuads = sync.OnceValues(func() ([]byte, error) {
	if f := os.Getenv("PARKGRAPH_BENCH_NQ"); f != "" {
		return os.ReadFile(f)
	}
	n := 300
	if v, err := strconv.Atoi(os.Getenv("PARKGRAPH_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	x, err := extract.Default()
	if err != nil {
		return nil, err
	}
	c := corpus.New(corpus.Options{Articles: n})
	var buf bytes.Buffer
	w := nquads.NewWriter(&buf)
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < c.Len(); i++ {
		a := c.Article(i)
		d, err := loader.Prepare(loader.Source{Path: a.ID + ".txt", Bytes: []byte(a.Text)})
		if err != nil {
			return nil, err
		}
		x.Extract(d)
		if _, err := w.WriteQuads(d.Quads(now)); err != nil {
			return nil, err
		}
	}
	// Close flushes the writer's buffer, so it must run before the bytes are
	// taken (a return listing both would take them first).
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
})

func benchData(b *testing.B) ([]byte, int) {
	data, err := benchNQuads()
	if err != nil {
		b.Fatal(err)
	}
	return data, bytes.Count(data, []byte("\n"))
}

// BenchmarkLoadBolt measures Store.Load into a new bolt store: quads/s.
func BenchmarkLoadBolt(b *testing.B) {
	data, n := benchData(b)
	for b.Loop() {
		b.StopTimer()
		st, err := store.Open("bolt:" + filepath.Join(b.TempDir(), "db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := st.Load(context.Background(), bytes.NewReader(data), store.LoadOptions{}); err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
}

// BenchmarkLoadBoltCayleyWriter is the baseline: the path "cayley load"
// takes (Cayley's bolt backend with its default options, the single writer
// handed quad.DefaultBatch quads at a time).
func BenchmarkLoadBoltCayleyWriter(b *testing.B) {
	data, n := benchData(b)
	for b.Loop() {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "db")
		if err := cgraph.InitQuadStore("bolt", dir, nil); err != nil {
			b.Fatal(err)
		}
		qs, err := cgraph.NewQuadStore("bolt", dir, nil)
		if err != nil {
			b.Fatal(err)
		}
		qw, err := cgraph.NewQuadWriter("single", qs, cgraph.Options{"ignore_duplicate": true, "ignore_missing": true})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		w := cgraph.NewWriter(qw)
		if _, err := quad.CopyBatch(w, nquads.NewReader(bytes.NewReader(data), false), quad.DefaultBatch); err != nil {
			b.Fatal(err)
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		qs.Close()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
}
