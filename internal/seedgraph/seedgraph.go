// Package seedgraph builds the seed articles into a store the way
// "parkgraph build" does (load, extract, put, analyse), for tests that query
// the seed graph.
package seedgraph

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/graph/store"
	"parkgraph/internal/testenv"
	"parkgraph/loader"
	"parkgraph/loader/extract"
)

// RunIRI labels the analysis quads Build writes.
const RunIRI quad.IRI = "pg:run/seed"

// Open opens a store at dsn (memory: when empty), builds the seed articles
// into it and closes it when the test ends.
func Open(t testing.TB, dsn string) *store.Store {
	t.Helper()
	if dsn == "" {
		dsn = "memory:"
	}
	st, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	files, err := filepath.Glob(filepath.Join(testenv.RepoRoot(t), "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	if err := Build(context.Background(), st, files); err != nil {
		t.Fatal(err)
	}
	return st
}

// Build loads, extracts and stores the files, analyses the graph and, when
// the store holds no analysis yet, writes the measures as quads (pg:pagerank,
// pg:community, …) labelled RunIRI, so that Gizmo can sort and filter on them.
func Build(ctx context.Context, st *store.Store, files []string) error {
	x, err := extract.Default()
	if err != nil {
		return err
	}
	for _, f := range files {
		d, err := loader.Load(f)
		if err != nil {
			return err
		}
		x.Extract(d)
		if _, err := st.Put(ctx, d); err != nil {
			return err
		}
	}
	snap, err := st.Snapshot(ctx)
	if err != nil {
		return err
	}
	for i := range snap.Nodes {
		if _, ok := snap.Nodes[i].Metric("pagerank"); ok {
			return nil // the store already holds an analysis
		}
	}
	analysis.Analyze(snap, analysis.DefaultOptions())
	return WriteMeasures(st, snap)
}

// WriteMeasures writes the snapshot's per-node measures and community names
// into the store, labelled RunIRI.
func WriteMeasures(st *store.Store, snap *graph.Snapshot) error {
	qw, err := cgraph.NewQuadWriter("single", st.QuadStore(), cgraph.Options{
		"ignore_duplicate": true,
		"ignore_missing":   true,
	})
	if err != nil {
		return err
	}
	tx := cgraph.NewTransaction()
	tx.AddQuad(quad.Make(RunIRI, graph.PredType, graph.ClassRun, RunIRI))
	for i := range snap.Nodes {
		n := &snap.Nodes[i]
		for _, m := range graph.Measures {
			v, ok := n.Metrics[m.Name]
			if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			var o quad.Value = quad.Float(v)
			if m.Int {
				o = quad.Int(int64(v))
			}
			tx.AddQuad(quad.Make(n.IRI, m.IRI(), o, RunIRI))
		}
		if n.Community != "" {
			tx.AddQuad(quad.Make(n.IRI, graph.PredCommunityName, quad.String(n.Community), RunIRI))
		}
	}
	if err := qw.ApplyTransaction(tx); err != nil {
		return fmt.Errorf("write analysis: %w", err)
	}
	return nil
}
