// Package store keeps parkgraph's graph in Cayley.
//
// A store is opened from a DSN that names the backend:
//
//	bolt:PATH            a bolt database in the directory PATH (the default: bolt:./parkgraph.db)
//	memory:              an in-memory store, gone when the process ends
//
// Documents go in whole: Put replaces every quad an earlier version of the
// same document contributed, in one transaction, and adds nothing when the
// document is unchanged. Snapshot reads the whole graph back.
package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/writer" // registers the single writer
	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// DefaultDSN is the store used when none is given.
const DefaultDSN = "bolt:./parkgraph.db"

// Store is an open Cayley quad store holding parkgraph's graph.
type Store struct {
	qs      cgraph.QuadStore
	qw      cgraph.QuadWriter
	backend string
	addr    string
	now     func() time.Time
}

// Open opens (creating when needed) the store a DSN names.
func Open(dsn string) (*Store, error) {
	if dsn == "" {
		dsn = DefaultDSN
	}
	backend, addr, err := parseDSN(dsn)
	if err != nil {
		return nil, err
	}
	opts := cgraph.Options{}
	switch backend {
	case boltBackend:
		if fi, err := os.Stat(addr); err == nil && !fi.IsDir() {
			return nil, fmt.Errorf("open store %s: %s is a file, not a store directory; choose another path", dsn, addr)
		}
		if _, err := os.Stat(filepath.Join(addr, "indexes.bolt")); errors.Is(err, os.ErrNotExist) {
			if err := cgraph.InitQuadStore(backend, addr, opts); err != nil {
				return nil, fmt.Errorf("create store %s: %w", dsn, err)
			}
		}
	}
	qs, err := cgraph.NewQuadStore(backend, addr, opts)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dsn, err)
	}
	qw, err := cgraph.NewQuadWriter("single", qs, cgraph.Options{
		"ignore_duplicate": true,
		"ignore_missing":   true,
	})
	if err != nil {
		qs.Close()
		return nil, fmt.Errorf("open store %s: %w", dsn, err)
	}
	return &Store{qs: qs, qw: qw, backend: backend, addr: addr, now: time.Now}, nil
}

func parseDSN(dsn string) (backend, addr string, err error) {
	switch {
	case dsn == "memory:" || dsn == "memory":
		return "memstore", "", nil
	case strings.HasPrefix(dsn, "bolt:"):
		addr = strings.TrimPrefix(dsn, "bolt:")
		if addr == "" {
			return "", "", fmt.Errorf("store %q: bolt needs a path, as in bolt:./parkgraph.db", dsn)
		}
		return boltBackend, addr, nil
	}
	return "", "", fmt.Errorf("unknown store %q: use bolt:PATH or memory:", dsn)
}

// QuadStore is the underlying Cayley quad store, for queries.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Backend is the Cayley backend name (bolt, memstore, …).
func (s *Store) Backend() string { return s.backend }

// Close flushes and closes the store.
func (s *Store) Close() error {
	err := s.qw.Close()
	if cerr := s.qs.Close(); err == nil {
		err = cerr
	}
	return err
}

// PutResult says what Put changed.
type PutResult struct {
	Unchanged bool // the stored document had the same hash; nothing was written
	Added     int  // quads added
	Removed   int  // quads removed
}

// Put stores a document, replacing the quads of an earlier version of it in
// one transaction. A document whose hash is already stored is left alone.
func (s *Store) Put(ctx context.Context, d *graph.Document) (PutResult, error) {
	D := graph.DocumentIRI(d.ID)
	old, oldHash, err := s.documentQuads(ctx, D)
	if err != nil {
		return PutResult{}, fmt.Errorf("put %s: %w", d.ID, err)
	}
	if oldHash != "" && oldHash == d.Hash {
		return PutResult{Unchanged: true}, nil
	}
	add := d.Quads(s.now())
	keep := make(map[string]bool, len(add))
	for _, q := range add {
		keep[q.NQuad()] = true
	}
	var res PutResult
	del := cgraph.NewTransactionN(len(old))
	for _, q := range old {
		if q.Predicate == graph.PredIngested || q.Predicate == graph.PredHash || !keep[q.NQuad()] {
			del.RemoveQuad(q)
			res.Removed++
		} else {
			delete(keep, q.NQuad())
		}
	}
	ins := cgraph.NewTransactionN(len(add))
	for _, q := range add {
		if keep[q.NQuad()] {
			ins.AddQuad(q)
			res.Added++
		}
	}
	// Deletions and additions go in two transactions, deletions first.
	// Cayley's kv backends lose terms of added quads when one transaction
	// also lowers the reference count of a node those quads use. The hash
	// quad is always among the deletions, so a process killed between the
	// two leaves the document absent (never half there) and the next build
	// adds it again.
	if len(del.Deltas) > 0 {
		if err := s.qw.ApplyTransaction(del); err != nil {
			return PutResult{}, fmt.Errorf("put %s: %w", d.ID, err)
		}
	}
	if err := s.qw.ApplyTransaction(ins); err != nil {
		return PutResult{}, fmt.Errorf("put %s: %w", d.ID, err)
	}
	return res, nil
}

// documentQuads returns every quad a stored document contributed: those
// labelled with the document and those labelled with one of its sentences,
// and the document's stored hash ("" when it is not stored).
func (s *Store) documentQuads(ctx context.Context, D quad.IRI) ([]quad.Quad, string, error) {
	ref, err := s.qs.ValueOf(D)
	if err != nil || ref == nil {
		return nil, "", err
	}
	var out []quad.Quad
	hash := ""
	sentences := []quad.Value{}
	if err := s.eachQuad(ctx, quad.Label, ref, func(q quad.Quad) {
		out = append(out, q)
		switch q.Predicate {
		case graph.PredHash:
			hash = quad.ToString(q.Object)
		case graph.PredInDoc:
			sentences = append(sentences, q.Subject)
		}
	}); err != nil {
		return nil, "", err
	}
	for _, sv := range sentences {
		sref, err := s.qs.ValueOf(sv)
		if err != nil {
			return nil, "", err
		}
		if sref == nil {
			continue
		}
		if err := s.eachQuad(ctx, quad.Label, sref, func(q quad.Quad) { out = append(out, q) }); err != nil {
			return nil, "", err
		}
	}
	return out, hash, nil
}

func (s *Store) eachQuad(ctx context.Context, dir quad.Direction, ref cgraph.Ref, fn func(quad.Quad)) error {
	it := s.qs.QuadIterator(dir, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		fn(q)
	}
	return it.Err()
}

// Snapshot reads the whole graph into memory.
func (s *Store) Snapshot(ctx context.Context) (*graph.Snapshot, error) {
	var b graph.Builder
	if err := s.EachQuad(ctx, b.Add); err != nil {
		return nil, err
	}
	return b.Snapshot(), nil
}

// EachQuad calls fn for every quad in the store.
func (s *Store) EachQuad(ctx context.Context, fn func(quad.Quad)) error {
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		fn(q)
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return nil
}

// Stats returns the number of quads in the store.
func (s *Store) Stats(ctx context.Context) (quads int64, err error) {
	st, err := s.qs.Stats(ctx, true)
	if err != nil {
		return 0, err
	}
	return st.Quads.Value, nil
}
