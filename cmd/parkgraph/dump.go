package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"parkgraph/graph/store"
)

func init() {
	register(command{name: "dump", summary: "write the whole store as N-Quads (readable by cayley load)", run: runDump})
}

func runDump(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("dump", stderr)
	db := fs.String("db", store.DefaultDSN, store.DSNHelp)
	out := fs.String("o", "-", "file to write (\"-\" for standard output)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: parkgraph dump [--db DSN] [-o FILE.nq]")
		fs.PrintDefaults()
	}
	if pos, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return usagef("unexpected arguments %q; usage: parkgraph dump [--db DSN] [-o FILE.nq]", pos)
	}
	st, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	if *out == "-" {
		_, err := st.Dump(ctx, stdout)
		return err
	}
	// Write beside the target and rename, so a failed dump leaves no
	// truncated file behind.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".dump-*.nq")
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	defer os.Remove(tmp.Name())
	n, err := st.Dump(ctx, tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	fmt.Fprintf(stderr, "parkgraph dump: wrote %d quads to %s\n", n, *out)
	return nil
}
