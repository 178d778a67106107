package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

// Dump writes every quad of the store as N-Quads, in the store's order,
// which a Load into an empty store preserves. It returns the number of quads
// written.
func (s *Store) Dump(ctx context.Context, w io.Writer) (int64, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	qw := nquads.NewWriter(bw)
	var n int64
	var werr error
	err := s.EachQuad(ctx, func(q quad.Quad) {
		if werr != nil {
			return
		}
		if werr = qw.WriteQuad(q); werr == nil {
			n++
		}
	})
	if err == nil {
		err = werr
	}
	if cerr := qw.Close(); err == nil {
		err = cerr
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return n, fmt.Errorf("dump: %w", err)
	}
	return n, nil
}

// DefaultLoadBatch is how many quads Load writes in one transaction.
const DefaultLoadBatch = 50_000

// LoadOptions tune Load.
type LoadOptions struct {
	Batch    int               // quads per transaction; DefaultLoadBatch when 0
	Progress func(quads int64) // called after each batch with the quads read so far
}

// Load reads N-Quads and adds them to the store, Batch quads per transaction.
// Quads the store already holds are skipped, so loading a file twice adds
// nothing the second time. A syntax error stops the load with the line it is
// on; the batches before it stay. It returns the number of quads read.
func (s *Store) Load(ctx context.Context, r io.Reader, o LoadOptions) (int64, error) {
	batch := o.Batch
	if batch <= 0 {
		batch = DefaultLoadBatch
	}
	// Bulk loading allocates many short-lived values; collecting less often
	// costs memory proportional to the batch, not to the file.
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	if s.bolt != nil {
		s.bolt.setBulk(true)
		defer s.bolt.setBulk(false)
	}
	qr := nquads.NewReader(bufio.NewReaderSize(r, 1<<20), false)
	defer qr.Close()
	buf := make([]quad.Quad, 0, batch)
	var n int64
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		if err := s.apply(adds(buf)); err != nil {
			return err
		}
		buf = buf[:0]
		if o.Progress != nil {
			o.Progress(n)
		}
		return nil
	}
	for {
		q, err := qr.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if ferr := flush(); ferr != nil {
				return n, fmt.Errorf("load: %w", ferr)
			}
			return n, fmt.Errorf("load: quad %d: %w", n+1, err)
		}
		if !q.IsValid() {
			return n, fmt.Errorf("load: quad %d (%s) lacks a subject, predicate or object", n+1, q)
		}
		buf = append(buf, q)
		n++
		if len(buf) == batch {
			if err := ctx.Err(); err != nil {
				return n, err
			}
			if err := flush(); err != nil {
				return n, fmt.Errorf("load: %w", err)
			}
		}
	}
	if err := flush(); err != nil {
		return n, fmt.Errorf("load: %w", err)
	}
	return n, nil
}
