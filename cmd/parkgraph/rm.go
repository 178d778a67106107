package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"parkgraph/graph/store"
	"parkgraph/loader"
)

func init() {
	register(command{name: "rm", summary: "remove documents and every quad only they supported", run: runRm})
}

func runRm(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("rm", stderr)
	db := fs.String("db", store.DefaultDSN, store.DSNHelp)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parkgraph rm [--db DSN] DOC...")
		fmt.Fprintln(stderr, "  DOC is a document ID (the file name without extension) or the article's path")
		fs.PrintDefaults()
	}
	docs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(docs) == 0 {
		return usagef("no document given; usage: parkgraph rm [--db DSN] DOC...")
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	missing := 0
	for _, d := range docs {
		id := loader.DocumentID(d)
		n, err := st.Remove(ctx, id)
		if errors.Is(err, store.ErrNoDocument) {
			fmt.Fprintf(stderr, "parkgraph rm: %s: no such document in %s (\"parkgraph aliases\" and the exports list the documents)\n", id, *db)
			missing++
			continue
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "removed %s (%d quads)\n", id, n)
	}
	// Merges may have rested on what was removed.
	if _, err := st.Resolve(ctx, nil); err != nil {
		return err
	}
	if missing > 0 {
		return fmt.Errorf("%d of %d documents were not in the store", missing, len(docs))
	}
	return nil
}
