package main

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"parkgraph/graph/store"
)

func init() {
	register(command{name: "load", summary: "add the quads of N-Quads files (as parkgraph dump writes) to the store", run: runLoad})
}

func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("load", stderr)
	db := fs.String("db", store.DefaultDSN, store.DSNHelp)
	batch := fs.Int("batch", store.DefaultLoadBatch, "quads written per transaction")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parkgraph load [--db DSN] FILE.nq[.gz]...   (\"-\" reads standard input)")
		fs.PrintDefaults()
	}
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("no N-Quads file given; usage: parkgraph load [--db DSN] FILE.nq...")
	}
	if *batch < 1 {
		return usagef("--batch must be at least 1")
	}
	st, err := store.Open(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, name := range files {
		if err := loadFile(ctx, st, name, *batch, stdout, stderr); err != nil {
			return err
		}
	}
	return nil
}

func loadFile(ctx context.Context, st *store.Store, name string, batch int, stdout, stderr io.Writer) error {
	var r io.Reader = os.Stdin
	var size int64
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("load: %w", err)
		}
		defer f.Close()
		if fi, err := f.Stat(); err == nil {
			size = fi.Size()
		}
		r = f
		if strings.HasSuffix(name, ".gz") {
			zr, err := gzip.NewReader(f)
			if err != nil {
				return fmt.Errorf("load %s: %w", name, err)
			}
			r = zr
			size = 0
		}
	}
	cr := &countingReader{r: r}
	prog := newProgress(stderr, "load", "quads", 0, size)
	start := time.Now()
	n, err := st.Load(ctx, cr, store.LoadOptions{Batch: batch, Progress: func(q int64) { prog.update(q, cr.n) }})
	if err != nil {
		prog.interrupt()
		return fmt.Errorf("%s: %w", name, err)
	}
	prog.finish(n, cr.n)
	secs := time.Since(start).Seconds()
	fmt.Fprintf(stdout, "loaded %d quads from %s in %.1fs (%.0f quads/s)\n", n, name, secs, float64(n)/max(secs, 1e-9))
	return nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
