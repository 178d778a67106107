package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bbolt "github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// boltBackend is Cayley's bolt layout (PATH/indexes.bolt) opened with a lock
// timeout: Cayley's own "bolt" backend waits forever when another process
// holds the database, which leaves a second parkgraph hanging in silence.
const boltBackend = "parkgraph-bolt"

// boltLockTimeout is how long Open waits for another process to release the store.
var boltLockTimeout = 2 * time.Second

func init() {
	kv.Register(boltBackend, kv.Registration{
		NewFunc:      openBolt,
		InitFunc:     createBolt,
		IsPersistent: true,
	})
}

func boltFile(dir string) string { return filepath.Join(dir, "indexes.bolt") }

func createBolt(dir string, opts cgraph.Options) (hkv.KV, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return openBolt(dir, opts)
}

func openBolt(dir string, opts cgraph.Options) (hkv.KV, error) {
	nosync, err := opts.BoolKey("nosync", false)
	if err != nil {
		return nil, err
	}
	db, err := hbolt.Open(boltFile(dir), &bbolt.Options{Timeout: boltLockTimeout})
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, fmt.Errorf("%s is in use by another process (a running parkgraph serve or build?); stop it or use another --db", dir)
	}
	if err != nil {
		return nil, err
	}
	db.DB().NoSync = nosync
	db.DB().NoGrowSync = nosync
	return db, nil
}
