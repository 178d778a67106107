package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	bbolt "github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
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

// labelIndex lists the quads of one label. Cayley's default bolt indexes
// (subject-predicate and object-predicate-subject) make finding the quads of
// a document or sentence a scan of the whole store; with it, replacing or
// removing a document reads only that document's quads.
var labelIndex = kv.QuadIndex{Dirs: []quad.Direction{quad.Label}}

// setUpNewBolt adds labelIndex and the flat value buckets (see
// boltKV.flatValues) to a freshly initialised, still empty bolt store.
// Cayley reads a store's index list from its metadata when it opens it; the
// index list cannot be set through its options.
func setUpNewBolt(dir string) error {
	db, err := hbolt.Open(boltFile(dir), &bbolt.Options{Timeout: boltLockTimeout})
	if err != nil {
		return err
	}
	defer db.Close()
	indexes := append(append([]kv.QuadIndex(nil), kv.DefaultQuadIndexes...), labelIndex)
	data, err := json.Marshal(indexes)
	if err != nil {
		return err
	}
	ctx := context.Background()
	return hkv.Update(ctx, db, func(tx hkv.Tx) error {
		if err := hkv.CreateBucket(ctx, tx, hkv.Key{[]byte{quad.Label.Prefix()}}); err != nil {
			return err
		}
		for _, b := range flatValueBuckets { // the flat layout (boltKV.flatValues)
			if err := hkv.CreateBucket(ctx, tx, hkv.Key{b}); err != nil {
				return err
			}
		}
		return tx.Put(ctx, hkv.Key{[]byte("meta"), []byte("indexes")}, data)
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
	// A large initial map saves remapping the file each time it grows; it is
	// address space, not memory.
	db, err := bbolt.Open(boltFile(dir), 0o644, &bbolt.Options{Timeout: boltLockTimeout, InitialMmapSize: 1 << 30})
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, fmt.Errorf("%s is in use by another process (a running parkgraph serve or build?); stop it or use another --db", dir)
	}
	if err != nil {
		return nil, err
	}
	flat, err := hasFlatValues(db)
	if err != nil {
		db.Close()
		return nil, err
	}
	db.NoSync = nosync
	db.NoGrowSync = nosync
	openedMu.Lock()
	opened[dir] = &boltHandle{db: db}
	openedMu.Unlock()
	return &boltKV{db: db, flatValues: flat}, nil
}

// opened hands the bolt database Cayley just opened to Open, which keeps it
// to switch syncing off during a bulk load.
var (
	openedMu sync.Mutex
	opened   = map[string]*boltHandle{}
)

func lastBolt(dir string) *boltHandle {
	openedMu.Lock()
	defer openedMu.Unlock()
	h := opened[dir]
	delete(opened, dir)
	return h
}

// boltHandle is the bolt database under a store.
type boltHandle struct {
	db *bbolt.DB
}

// setBulk turns fsync on commit off (bulk) or back on. Turning it back on
// syncs what was written meanwhile. A process killed while syncing is off
// loses nothing the operating system received; only a crash of the machine
// itself could.
func (h *boltHandle) setBulk(on bool) error {
	if h == nil || h.db.NoSync == on {
		return nil
	}
	h.db.NoSync = on
	if !on {
		return h.db.Sync()
	}
	return nil
}
