package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	bbolt "github.com/boltdb/bolt"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// boltKV is the key-value layer under Cayley's bolt quad store, written for
// bulk writes. The generic layer Cayley uses otherwise looks every written
// key's bucket up anew (asking bolt to create it and, when it exists, to find
// it again); a large load spends a fifth of its time there. Here a
// transaction keeps the buckets it has opened.
//
// Keys are Cayley's: a top-level bucket name followed by one key inside it
// (a one-part key lives in the root bucket).
type boltKV struct {
	db *bbolt.DB
	// flatValues is set for stores made by this version: Cayley files each
	// value's hash under one of 65,536 buckets named by the hash's first two
	// bytes ('v' and 'n' followed by them); such a store keeps them all in
	// one bucket 'v' (and 'n') under the hash itself, which begins with
	// those two bytes. Finding a bucket among 131,072 and rewriting that
	// many small buckets on each commit was a tenth of a bulk load. Stores
	// made before keep the nested layout.
	flatValues bool
}

// flatValueBuckets are the buckets whose presence marks the flat layout.
var flatValueBuckets = [][]byte{[]byte("v"), []byte("n")}

// hasFlatValues reports whether a bolt database uses the flat layout.
func hasFlatValues(db *bbolt.DB) (bool, error) {
	flat := false
	err := db.View(func(tx *bbolt.Tx) error {
		flat = tx.Bucket(flatValueBuckets[0]) != nil
		return nil
	})
	return flat, err
}

var _ hkv.KV = (*boltKV)(nil)

func (k *boltKV) Close() error { return k.db.Close() }

func (k *boltKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	tx, err := k.db.Begin(rw)
	if err != nil {
		return nil, err
	}
	return &boltTx{tx: tx, rw: rw, flat: k.flatValues}, nil
}

func (k *boltKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, k, fn)
}

func (k *boltKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, k, fn)
}

type boltTx struct {
	tx      *bbolt.Tx
	rw      bool
	flat    bool // the store keeps value hashes in one bucket (boltKV.flatValues)
	buckets map[string]*bbolt.Bucket

	last     *bbolt.Bucket // the bucket of the previous key
	lastName []byte
}

// fillPercent is how full bolt packs the pages it splits in a bucket. Cayley
// numbers quads and nodes in order and keys its quad log by that number, so
// the log only ever grows at its end: packing its pages full writes fewer of
// them. The indexes, keyed by node numbers, mostly grow at the end too but
// take inserts in the middle as well; bolt's default suits the rest.
func fillPercent(bucket []byte) float64 {
	switch {
	case string(bucket) == "log":
		return 1.0
	case len(bucket) > 0 && len(bucket) <= 4 && bucket[0] != 'v' && bucket[0] != 'n' && string(bucket) != "meta":
		return 0.9
	}
	return bbolt.DefaultFillPercent
}

// bucket returns the bucket a key's first part names (the root bucket for a
// one-part key) and the key inside it; create makes missing buckets.
func (t *boltTx) bucket(key hkv.Key, create bool) (*bbolt.Bucket, []byte, error) {
	switch len(key) {
	case 0:
		return nil, nil, errors.New("empty key")
	case 1:
		return t.tx.Cursor().Bucket(), key[0], nil
	}
	if t.flat && len(key) == 2 && len(key[0]) == 3 && (key[0][0] == 'v' || key[0][0] == 'n') {
		if len(key[1]) > 0 && !bytes.HasPrefix(key[1], key[0][1:]) {
			return nil, nil, fmt.Errorf("value key %x does not begin with its bucket's bytes %x", key[1], key[0][1:])
		}
		key = hkv.Key{key[0][:1], key[1]}
	}
	var b *bbolt.Bucket
	if t.last != nil && bytes.Equal(t.lastName, key[0]) {
		b = t.last // puts come in runs to one bucket (the log, an index)
	} else if b = t.buckets[string(key[0])]; b == nil {
		name := string(key[0])
		if b = t.tx.Bucket(key[0]); b == nil && create {
			var err error
			if b, err = t.tx.CreateBucket(key[0]); err != nil {
				return nil, nil, err
			}
		}
		if b == nil {
			return nil, nil, nil
		}
		if t.buckets == nil {
			t.buckets = map[string]*bbolt.Bucket{}
		}
		t.buckets[name] = b
		if t.rw {
			b.FillPercent = fillPercent(key[0])
		}
	}
	if len(key) == 2 {
		t.last, t.lastName = b, append(t.lastName[:0], key[0]...)
	}
	for _, part := range key[1 : len(key)-1] { // deeper nesting, which Cayley does not use
		nb := b.Bucket(part)
		if nb == nil && create {
			var err error
			if nb, err = b.CreateBucket(part); err != nil {
				return nil, nil, err
			}
		}
		if nb == nil {
			return nil, nil, nil
		}
		b = nb
	}
	return b, key[len(key)-1], nil
}

func (t *boltTx) Get(ctx context.Context, key hkv.Key) (hkv.Value, error) {
	b, k, err := t.bucket(key, false)
	if err != nil || b == nil {
		return nil, hkv.ErrNotFound
	}
	v := b.Get(k)
	if v == nil {
		return nil, hkv.ErrNotFound
	}
	return v, nil
}

func (t *boltTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	vals := make([]hkv.Value, len(keys))
	for i, key := range keys {
		v, err := t.Get(ctx, key)
		if err != nil && !errors.Is(err, hkv.ErrNotFound) {
			return nil, err
		}
		vals[i] = v
	}
	return vals, nil
}

func (t *boltTx) Put(ctx context.Context, key hkv.Key, val hkv.Value) error {
	if !t.rw {
		return hkv.ErrReadOnly
	}
	b, k, err := t.bucket(key, true)
	if err != nil {
		return err
	}
	if len(key) > 1 && len(k) == 0 && len(val) == 0 {
		return nil // a request to create the bucket
	}
	return b.Put(k, val)
}

func (t *boltTx) Del(ctx context.Context, key hkv.Key) error {
	if !t.rw {
		return hkv.ErrReadOnly
	}
	b, k, err := t.bucket(key, false)
	if err != nil || b == nil {
		return nil
	}
	return b.Delete(k)
}

func (t *boltTx) Commit(ctx context.Context) error { return t.tx.Commit() }

func (t *boltTx) Close() error { return t.tx.Rollback() }

func (t *boltTx) Scan(ctx context.Context, opts ...hkv.IteratorOption) hkv.Iterator {
	return hkv.ApplyIteratorOptions(&boltIterator{root: t.tx.Cursor().Bucket()}, opts)
}

// boltIterator walks the keys under a bucket depth first, descending into
// nested buckets, keeping those that start with a byte prefix.
type boltIterator struct {
	root  *bbolt.Bucket
	rootk hkv.Key // the key parts leading to root
	pref  []byte  // byte prefix of keys directly in root
	err   error
	done  bool

	curs []*bbolt.Cursor // one per open bucket, root first
	path hkv.Key         // the keys of the nested buckets open below root
	k, v []byte
}

var _ hkv.PrefixIterator = (*boltIterator)(nil)

// WithPrefix limits the iterator to keys starting with pref: every part but
// the last names a bucket, the last is a byte prefix within it.
func (it *boltIterator) WithPrefix(pref hkv.Key) hkv.Iterator {
	it.Reset()
	if it.err != nil || len(pref) == 0 {
		return it
	}
	b := it.root
	for _, part := range pref[:len(pref)-1] {
		if b = b.Bucket(part); b == nil {
			return &boltIterator{} // no such bucket: nothing to see
		}
	}
	it.root, it.rootk, it.pref = b, pref[:len(pref)-1].Clone(), bytes.Clone(pref[len(pref)-1])
	it.Reset()
	return it
}

func (it *boltIterator) Reset() {
	it.curs, it.path, it.k, it.v, it.done = nil, nil, nil, nil, false
}

func (it *boltIterator) Next(ctx context.Context) bool {
	if it.root == nil || it.err != nil || it.done {
		return false
	}
	if it.curs == nil {
		c := it.root.Cursor()
		it.curs = []*bbolt.Cursor{c}
		if len(it.pref) > 0 {
			it.k, it.v = c.Seek(it.pref)
		} else {
			it.k, it.v = c.First()
		}
	} else {
		it.k, it.v = it.curs[len(it.curs)-1].Next()
	}
	for {
		depth := len(it.curs) - 1
		if it.k == nil || (depth == 0 && !bytes.HasPrefix(it.k, it.pref)) {
			if depth == 0 {
				it.done, it.k, it.v = true, nil, nil
				return false
			}
			it.curs = it.curs[:depth]
			it.path = it.path[:len(it.path)-1]
			it.k, it.v = it.curs[depth-1].Next()
			continue
		}
		if it.v == nil { // a nested bucket
			if nb := it.curs[depth].Bucket().Bucket(it.k); nb != nil {
				c := nb.Cursor()
				it.curs = append(it.curs, c)
				it.path = append(it.path, bytes.Clone(it.k))
				it.k, it.v = c.First()
				continue
			}
		}
		return true
	}
}

func (it *boltIterator) Key() hkv.Key {
	if it.k == nil {
		return nil
	}
	key := make(hkv.Key, 0, len(it.rootk)+len(it.path)+1)
	key = append(key, it.rootk...)
	key = append(key, it.path...)
	return append(key, bytes.Clone(it.k))
}

func (it *boltIterator) Val() hkv.Value { return it.v }
func (it *boltIterator) Err() error     { return it.err }
func (it *boltIterator) Close() error   { it.Reset(); return nil }
