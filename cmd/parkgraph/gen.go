package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"parkgraph/internal/corpus"
)

func init() {
	register(command{name: "gen", summary: "write a generated corpus of park news with its expected extraction", run: runGen})
}

// runGen writes DIR/articles/*.txt and DIR/gold/*.json.
func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gen", stderr)
	n := fs.Int("articles", 1000, "number of `N` articles")
	seed := fs.Uint64("seed", corpus.DefaultSeed, "generator `seed`: the same seed gives the same corpus")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parkgraph gen [--articles N] [--seed S] DIR")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("give one output folder, e.g. parkgraph gen --articles 1000 /tmp/corpus")
	}
	if *n <= 0 {
		return usagef("--articles must be at least 1, not %d", *n)
	}
	dir := pos[0]
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s is a file; give a folder", dir)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	c := corpus.New(corpus.Options{Articles: *n, Seed: *seed})
	size, err := c.WriteDirContext(ctx, dir)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d articles (%.1f MB of text) to %s/articles and their expected extraction to %s/gold\n",
		*n, float64(size)/1e6, dir, dir)
	return nil
}
