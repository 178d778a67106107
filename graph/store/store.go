// Package store keeps parkgraph's graph in Cayley.
//
// A store is opened from a DSN that names the backend:
//
//	bolt:PATH                 a bolt database in the directory PATH (the default: bolt:./parkgraph.db)
//	memory:                   an in-memory store, gone when the process ends
//	postgres://USER@HOST/DB   PostgreSQL through Cayley's SQL backend (also postgresql://)
//	cockroach://USER@HOST/DB  CockroachDB through Cayley's SQL backend
//
// Documents go in whole: Put and PutBatch replace every quad an earlier
// version of the same document contributed and add nothing when the document
// is unchanged; Remove takes a document out with every quad only it
// supported. Every quad read from text is labelled with the IRI of its
// sentence, so Why can show the sentences and documents behind any edge.
//
// Entities that different documents name differently are tied together by
// Resolve (see package resolve); Snapshot reads the graph back with those
// entities merged into one node each.
package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	_ "github.com/cayleygraph/cayley/writer" // registers the single writer
	"github.com/cayleygraph/quad"
)

// DefaultDSN is the store used when none is given.
const DefaultDSN = "bolt:./parkgraph.db"

// DSNHelp describes the accepted DSNs, for flag help texts.
const DSNHelp = "store: bolt:PATH, memory:, postgres://USER@HOST:PORT/DB?sslmode=disable or cockroach://…"

// Store is an open Cayley quad store holding parkgraph's graph.
type Store struct {
	qs      cgraph.QuadStore
	backend string
	addr    string
	dsn     string
	now     func() time.Time
	bolt    *boltHandle // nil unless the backend is bolt; guarded by boltMu
	boltMu  sync.Mutex
	reopen  bool // Reopen is opening the bolt database again; guarded by boltMu
	// loadFilters is true when Cayley holds the bloom filters it gives a
	// bolt store that was empty when opened (see Reopen).
	loadFilters bool
	canon       map[quad.IRI]quad.IRI // entity merges as the last Resolve wrote them; nil when unknown
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
			if err := setUpNewBolt(addr); err != nil {
				return nil, fmt.Errorf("create store %s: %w", dsn, err)
			}
		} else {
			opts = existingBoltOptions()
		}
	case "postgres", "cockroach":
		// Creating the tables is idempotent: an existing schema is kept.
		if err := cgraph.InitQuadStore(backend, addr, opts); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("open store %s: %w; is the server running and the database created?", redact(dsn), sqlError(err))
		}
	}
	qs, err := cgraph.NewQuadStore(backend, addr, opts)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", redact(dsn), sqlError(err))
	}
	s := &Store{qs: qs, backend: backend, addr: addr, dsn: dsn, now: time.Now}
	if backend == boltBackend {
		s.bolt = lastBolt(addr)
		// Cayley's kv store gives a store it finds empty its load filters;
		// a new store has no recorded size yet, which Size reports as 0.
		if sz, ok := qs.(interface{ Size() int64 }); ok && sz.Size() == 0 {
			s.loadFilters = true
		}
	}
	return s, nil
}

// existingBoltOptions are the options a bolt store that already holds data
// is opened with. Cayley otherwise reads every quad of the store when it
// opens it, to fill a filter that spares it an index lookup for each quad
// added: on a store of ten million quads that is half a minute and two
// gigabytes of the file read, for every command, even one that only reads.
// Quads added later carry new sentence, document or analysis labels, so
// Cayley mostly skips the lookup anyway. A new store keeps the filters
// Cayley gives an empty store for its first load.
func existingBoltOptions() cgraph.Options {
	return cgraph.Options{"no_bloom": true}
}

// sqlError shortens the errors Cayley's SQL backend returns (it wraps some
// in structs whose text is a Go value dump).
func sqlError(err error) error {
	msg := err.Error()
	if i := strings.Index(msg, "\n"); i >= 0 {
		msg = msg[:i]
	}
	return errors.New(msg)
}

// redact hides a password in a DSN.
func redact(dsn string) string {
	if i := strings.Index(dsn, "://"); i >= 0 {
		rest := dsn[i+3:]
		if at := strings.IndexByte(rest, '@'); at >= 0 {
			if c := strings.IndexByte(rest[:at], ':'); c >= 0 {
				return dsn[:i+3] + rest[:c] + ":***" + rest[at:]
			}
		}
	}
	return dsn
}

// Exists returns an error when the DSN names a bolt store that has not been
// created, so that commands which only read do not create an empty store
// under a mistyped path. Other backends are checked by Open.
func Exists(dsn string) error {
	if dsn == "" {
		dsn = DefaultDSN
	}
	backend, addr, err := parseDSN(dsn)
	if err != nil {
		return err
	}
	if backend == boltBackend {
		if _, err := os.Stat(boltFile(addr)); err != nil {
			return fmt.Errorf("no store at %s (%s is missing); build one with \"parkgraph build --db %s PATH…\" or pass --db", dsn, boltFile(addr), dsn)
		}
	}
	return nil
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
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return "postgres", dsn, nil
	case strings.HasPrefix(dsn, "cockroach://"):
		// The pgx driver Cayley uses for CockroachDB speaks the PostgreSQL
		// wire protocol and takes a postgres:// URL.
		return "cockroach", "postgres://" + strings.TrimPrefix(dsn, "cockroach://"), nil
	}
	return "", "", fmt.Errorf("unknown store %q: use bolt:PATH, memory:, postgres://… or cockroach://…", redact(dsn))
}

// QuadStore is the underlying Cayley quad store, for queries.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Backend is the Cayley backend name (bolt, memstore, postgres, …).
func (s *Store) Backend() string {
	if s.backend == boltBackend {
		return "bolt"
	}
	return s.backend
}

// Close flushes and closes the store.
func (s *Store) Close() error {
	if s.bolt != nil {
		s.bolt.setBulk(false) // sync whatever a bulk load left unsynced
	}
	return s.qs.Close()
}

// SetBulk switches a bolt store into bulk mode (on) and out of it (off).
// In bulk mode commits are not synced to disk one by one; leaving bulk mode,
// and Close, sync them. A process killed in bulk mode loses nothing it
// committed, as the operating system holds the writes; only a crash of the
// machine itself could lose the last ones. Other backends ignore it.
func (s *Store) SetBulk(on bool) error {
	if s.bolt == nil {
		return nil
	}
	return s.bolt.setBulk(on)
}

// ReleasePages drops the pages of a bolt store's file that reads and writes
// have brought into the process's memory map from its resident set. They
// stay in the operating system's page cache and are mapped again when next
// read, so nothing is lost but the charge: without it a process that has
// read a large store whole is charged for the whole file. Other backends, and
// systems other than Linux, ignore it. It must not run while the same
// goroutine holds a write transaction.
func (s *Store) ReleasePages() error {
	s.boltMu.Lock()
	h, reopen := s.bolt, s.reopen
	s.boltMu.Unlock()
	if h == nil && reopen {
		// Cayley reads the store's whole log while it opens it; the
		// database it is reading is the one openBolt has just handed over.
		openedMu.Lock()
		h = opened[s.addr]
		openedMu.Unlock()
	}
	if h == nil {
		return nil
	}
	return releaseMapped(h)
}

// Reopen closes a bolt store that was empty when it was opened and opens it
// again, which frees what Cayley keeps in memory for such a store as long as
// it is open: bloom filters that speed up its first load, about 300 MB
// whatever the load's size. The reopened store has only the filter every
// open store has (75 MB), which Cayley fills from the store's log. A build
// reopens its store when its documents are in. A store that was not empty
// when opened, and other backends, are left as they are. Leave bulk mode
// first: the reopened store syncs every commit.
func (s *Store) Reopen() error {
	if s.backend != boltBackend || !s.loadFilters {
		return nil
	}
	s.boltMu.Lock()
	s.bolt, s.reopen = nil, true
	s.boltMu.Unlock()
	defer func() {
		s.boltMu.Lock()
		s.reopen = false
		s.boltMu.Unlock()
	}()
	if err := s.qs.Close(); err != nil {
		return fmt.Errorf("reopen store %s: %w", s.dsn, err)
	}
	qs, err := cgraph.NewQuadStore(s.backend, s.addr, existingBoltOptions())
	if err != nil {
		// s.qs stays the closed store; closing it again does nothing.
		return fmt.Errorf("reopen store %s: %w", s.dsn, err)
	}
	h := lastBolt(s.addr)
	s.boltMu.Lock()
	s.qs, s.bolt, s.loadFilters = qs, h, false
	s.boltMu.Unlock()
	return nil
}

// ReleasePagesEvery calls ReleasePages every d until stop is called, so that
// long phases that read or write the store in transactions of their own
// (Cayley's, which a caller cannot interrupt) keep no more of its file
// resident than they touch in d. It is safe while other goroutines read and
// write the store: the release holds a read transaction, which bolt's
// remapping waits for. For backends other than bolt it does nothing.
func (s *Store) ReleasePagesEvery(d time.Duration) (stop func()) {
	if s.bolt == nil || d <= 0 {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(d)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				s.ReleasePages() // an error leaves the pages resident, nothing worse
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(done)
			<-finished
		})
	}
}

// releaseEvery is how many quads a full scan reads between two
// ReleasePages.
const releaseEvery = 1 << 16

// Stats returns the number of quads in the store.
func (s *Store) Stats(ctx context.Context) (quads int64, err error) {
	// Backends that keep an exact quad count answer without a scan (an
	// exact Stats on bolt also counts every node, minutes on a big store);
	// the others are asked for an exact count.
	st, err := s.qs.Stats(ctx, false)
	if err == nil && !st.Quads.Exact {
		st, err = s.qs.Stats(ctx, true)
	}
	if err != nil {
		return 0, err
	}
	return st.Quads.Value, nil
}

// EachQuad calls fn for every quad in the store, in the store's order.
func (s *Store) EachQuad(ctx context.Context, fn func(quad.Quad)) error {
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("read store: %w", err)
		}
		fn(q)
		// A scan touches every page of the store once; keeping them all
		// resident would charge the process for the whole file.
		if n++; n%releaseEvery == 0 {
			if err := s.ReleasePages(); err != nil {
				return err
			}
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return s.ReleasePages()
}

// eachQuad calls fn for every quad whose value in direction dir is v.
func (s *Store) eachQuad(ctx context.Context, dir quad.Direction, v quad.Value, fn func(quad.Quad)) error {
	ref, err := s.qs.ValueOf(v)
	if err != nil {
		return err
	}
	if ref == nil {
		return nil
	}
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

// apply writes deltas in one transaction.
func (s *Store) apply(deltas []cgraph.Delta) error {
	if len(deltas) == 0 {
		return nil
	}
	s.canon = nil
	return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
}

func adds(qs []quad.Quad) []cgraph.Delta {
	d := make([]cgraph.Delta, len(qs))
	for i, q := range qs {
		d[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
	}
	return d
}

func deletes(qs []quad.Quad) []cgraph.Delta {
	d := make([]cgraph.Delta, len(qs))
	for i, q := range qs {
		d[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
	}
	return d
}

// replace removes del and then adds add. Deletions and additions go in two
// transactions, deletions first: Cayley's kv backends lose terms of added
// quads when one transaction also lowers the reference count of a node those
// quads use. Callers arrange for a crash between the two to leave whole
// documents only (see PutBatch).
func (s *Store) replace(del, add []quad.Quad) error {
	if err := s.apply(deletes(del)); err != nil {
		return err
	}
	return s.apply(adds(add))
}
