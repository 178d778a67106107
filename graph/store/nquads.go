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
	// Parsing runs beside writing, one batch ahead, so the store's writer
	// never waits for the parser (and the parser uses a core of its own).
	type parsed struct {
		quads []quad.Quad
		read  int64 // quads read up to the end of this batch
		err   error // a syntax error after these quads, which ends the load
	}
	batches := make(chan parsed, 1)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(batches)
		qr := nquads.NewReader(bufio.NewReaderSize(r, 1<<20), false)
		defer qr.Close()
		buf := make([]quad.Quad, 0, batch)
		var n int64
		send := func(p parsed) bool {
			select {
			case batches <- p:
				return true
			case <-done:
				return false
			}
		}
		for {
			q, err := qr.ReadQuad()
			if errors.Is(err, io.EOF) {
				break
			}
			if err == nil && !q.IsValid() {
				err = fmt.Errorf("quad %d (%s) lacks a subject, predicate or object", n+1, q)
			} else if err != nil {
				err = fmt.Errorf("quad %d: %w", n+1, err)
			}
			if err != nil {
				send(parsed{quads: buf, read: n, err: err})
				return
			}
			buf = append(buf, q)
			n++
			if len(buf) == batch {
				if !send(parsed{quads: buf, read: n}) {
					return
				}
				buf = make([]quad.Quad, 0, batch)
			}
		}
		if len(buf) > 0 {
			send(parsed{quads: buf, read: n})
		}
	}()
	var n int64
	for p := range batches {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		if len(p.quads) > 0 {
			if err := s.apply(adds(p.quads)); err != nil {
				return n, fmt.Errorf("load: %w", err)
			}
		}
		n = p.read
		if o.Progress != nil && len(p.quads) > 0 {
			o.Progress(n)
		}
		if p.err != nil {
			return n, fmt.Errorf("load: %w", p.err)
		}
	}
	return n, nil
}
