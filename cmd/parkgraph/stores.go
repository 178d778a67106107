package main

import (
	"context"
	"fmt"

	"parkgraph/graph"
	"parkgraph/graph/store"
)

// openExisting opens a store for reading, refusing to create a bolt store
// that is not there (a mistyped --db would otherwise answer "empty").
func openExisting(dsn string) (*store.Store, error) {
	if err := store.Exists(dsn); err != nil {
		return nil, err
	}
	return store.Open(dsn)
}

// nonEmptySnapshot reads the whole graph of an open store and refuses an
// empty one, with the command that fills it.
func nonEmptySnapshot(ctx context.Context, st *store.Store, dsn string) (*graph.Snapshot, error) {
	snap, err := st.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	if len(snap.Nodes) == 0 {
		return nil, fmt.Errorf("store %s holds no entities; add articles with: parkgraph build --db %s ARTICLES", dsn, dsn)
	}
	return snap, nil
}

// readSnapshot reads the graph of an existing, non-empty store and closes it.
func readSnapshot(ctx context.Context, dsn string) (*graph.Snapshot, error) {
	st, err := openExisting(dsn)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return nonEmptySnapshot(ctx, st, dsn)
}
