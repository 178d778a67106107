package main

import (
	"context"
	"sync"

	"parkgraph/graph"
	"parkgraph/loader"
	"parkgraph/loader/extract"
)

// extracted is one file after reading and extraction.
type extracted struct {
	doc  *graph.Document
	err  error
	size int64 // the file's bytes
}

// extraction reads and extracts files on worker goroutines while its user
// takes the documents in file order. A file is taken by a worker only
// when fewer than window files are taken and not yet released by the user
// (see release), so memory follows the window, not the number of files.
type extraction struct {
	ring   []chan extracted // file i's result goes to ring[i%len(ring)]
	slots  chan struct{}    // one per file taken and not released
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// startExtraction starts workers goroutines reading and extracting files
// with x, at most window files ahead of the last one released. Stop must
// be called when the user is done.
func startExtraction(ctx context.Context, x *extract.Extractor, files []string, workers, window int) *extraction {
	ctx, cancel := context.WithCancel(ctx)
	e := &extraction{ring: make([]chan extracted, window), slots: make(chan struct{}, window), cancel: cancel}
	for i := range e.ring {
		e.ring[i] = make(chan extracted, 1)
	}
	// File i+window is taken only once file i is released, which is after
	// its result was read: a ring of window channels holds every result.
	next := make(chan int)
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		defer close(next)
		for i := range files {
			select {
			case e.slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		e.wg.Add(1)
		go func() {
			defer e.wg.Done()
			for i := range next {
				var r extracted
				if src, err := loader.ReadSource(files[i]); err != nil {
					r.err = err
				} else if r.doc, r.err = loader.Prepare(src); r.err == nil {
					r.size = int64(len(src.Bytes))
					x.Extract(r.doc)
				}
				e.ring[i%len(e.ring)] <- r
			}
		}()
	}
	return e
}

// result waits for file i's result; the files must be asked for in order,
// each once.
func (e *extraction) result(ctx context.Context, i int) (extracted, error) {
	select {
	case r := <-e.ring[i%len(e.ring)]:
		return r, nil
	case <-ctx.Done():
		return extracted{}, ctx.Err()
	}
}

// release tells that the user is done with one file taken, which lets the
// workers take another. A file's result must be read before it is
// released.
func (e *extraction) release() { <-e.slots }

// stop stops the workers and waits for them to finish. No worker is ever
// blocked on a result: the ring channel a result goes to was emptied
// before its file could be taken.
func (e *extraction) stop() {
	e.cancel()
	e.wg.Wait()
}
