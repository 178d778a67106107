package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	bbolt "github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"

	"parkgraph/graph/store"
	"parkgraph/graph/store/storetest"
	"parkgraph/internal/testenv"
)

func TestMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) string { return "memory:" })
}

func TestBolt(t *testing.T) {
	storetest.Run(t, func(t *testing.T) string { return "bolt:" + filepath.Join(t.TempDir(), "db") })
}

// PostgresDSN is the server the PostgreSQL tests use: $PARKGRAPH_POSTGRES, or
// the one scripts/postgres.sh starts.
func postgresDSN() string {
	if dsn := os.Getenv("PARKGRAPH_POSTGRES"); dsn != "" {
		return dsn
	}
	return "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
}

var schemaSeq atomic.Int64

// newPostgresDSN makes an empty schema on the server for one test and
// returns a DSN whose tables live in it; the schema is dropped afterwards.
func newPostgresDSN(t *testing.T) string {
	t.Helper()
	base := postgresDSN()
	db, err := sql.Open("postgres", base)
	if err == nil {
		err = db.Ping()
	}
	if err != nil {
		testenv.Missing(t, "PostgreSQL at "+base, err.Error()+"; scripts/postgres.sh starts one")
	}
	schema := fmt.Sprintf("pgtest_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e6, schemaSeq.Add(1))
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		db.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db.Exec("DROP SCHEMA " + schema + " CASCADE")
		db.Close()
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

func TestPostgres(t *testing.T) {
	storetest.Run(t, newPostgresDSN)
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
	for _, tc := range []struct{ dsn, want string }{
		{"mysql://x", "unknown store"},
		{"bolt:", "needs a path"},
		{"nonsense", "unknown store"},
		{"postgres://nobody:secret@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", "is the server running"},
	} {
		_, err := store.Open(tc.dsn)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Open(%q) = %v, want an error saying %q", tc.dsn, err, tc.want)
		} else if strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%q) error shows the password: %v", tc.dsn, err)
		}
	}
}

// TestBoltNestedLayout runs the suite on stores in the layout Cayley's own
// bolt backend makes (each value hash under one of 65,536 buckets, no label
// index), as stores written before the flat layout are.
func TestBoltNestedLayout(t *testing.T) {
	storetest.Run(t, func(t *testing.T) string {
		dir := filepath.Join(t.TempDir(), "db")
		if err := cgraph.InitQuadStore("bolt", dir, nil); err != nil {
			t.Fatal(err)
		}
		return "bolt:" + dir
	})
}

// TestBoltFlatLayout checks that a new store keeps value hashes in one
// bucket each for values and reference counts, and none in nested buckets.
func TestBoltFlatLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	st, err := store.Open("bolt:" + dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.PutBatch(context.Background(), corpusDocuments(t, 5)); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := bbolt.Open(filepath.Join(dir, "indexes.bolt"), 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bbolt.Tx) error {
		for _, name := range []string{"v", "n"} {
			b := tx.Bucket([]byte(name))
			if b == nil {
				t.Fatalf("no bucket %q", name)
			}
			if n := b.Stats().KeyN; n < 100 {
				t.Errorf("bucket %q holds %d keys, want one per value", name, n)
			}
		}
		return tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
			if len(name) == 3 && (name[0] == 'v' || name[0] == 'n') {
				t.Errorf("nested value bucket %x in a new store", name)
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}
