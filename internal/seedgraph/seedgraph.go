// Package seedgraph builds the seed articles into a store the way
// "parkgraph build" does (load, extract, put, analyse), for tests that query
// the seed graph.
package seedgraph

import (
	"context"
	"path/filepath"
	"testing"

	"parkgraph/graph/analysis"
	"parkgraph/graph/store"
	"parkgraph/internal/testenv"
	"parkgraph/loader"
	"parkgraph/loader/extract"
)

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
// the store holds no analysis yet, writes the results with the store's own
// WriteAnalysis (pg:pagerank, pg:community, … under one run label), as
// "parkgraph build" does, so that Gizmo can sort and filter on them.
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
	opt := analysis.DefaultOptions()
	rep := analysis.Analyze(snap, opt)
	_, err = st.WriteAnalysis(ctx, snap, store.AnalysisRun{Modularity: rep.Modularity, Resolution: opt.Resolution, Seed: opt.Seed})
	return err
}
