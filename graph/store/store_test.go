package store_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

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
