package main

import (
	"context"
	"fmt"
	"io"

	"parkgraph/graph"
	"parkgraph/graph/store"
)

func init() {
	register(command{name: "why", summary: "show the sentences and documents behind an edge", run: runWhy})
}

func runWhy(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("why", stderr)
	db := fs.String("db", store.DefaultDSN, store.DSNHelp)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parkgraph why [--db DSN] SUBJECT PREDICATE OBJECT")
		fmt.Fprintln(stderr, "  SUBJECT and OBJECT are entity names (any alias) or pg: IRIs;")
		fmt.Fprintln(stderr, "  PREDICATE is located_in, part_of, awarded, issued_by, invests_in, partners_with, builds, listed_on or its Chinese label")
		fs.PrintDefaults()
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 3 {
		return usagef("want SUBJECT PREDICATE OBJECT, got %d arguments; usage: parkgraph why [--db DSN] 青禾科技 located_in 云岭高新区", len(pos))
	}
	if _, err := graph.ParsePredicate(pos[1]); err != nil {
		return usageError{err.Error()}
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	ev, err := st.Why(ctx, pos[0], pos[1], pos[2])
	if err != nil {
		return err
	}
	if len(ev) == 0 {
		return fmt.Errorf("no sentence in %s states %s %s %s", *db, pos[0], pos[1], pos[2])
	}
	docs := map[string]bool{}
	for _, e := range ev {
		docs[e.Doc.ID] = true
	}
	fmt.Fprintf(stdout, "%s %s %s: %d sentences in %d documents\n", pos[0], pos[1], pos[2], len(ev), len(docs))
	last := ""
	for _, e := range ev {
		if e.Doc.ID != last {
			last = e.Doc.ID
			fmt.Fprintf(stdout, "\n%s  %s\n  file %s, sha256 %s\n", e.Doc.ID, e.Doc.Title, e.Doc.File, short(e.Doc.Hash))
		}
		fmt.Fprintf(stdout, "  %s  %s\n", e.Sentence, e.Text)
	}
	return nil
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}
