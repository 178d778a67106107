package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"parkgraph/graph/store"
	"parkgraph/queries"
)

func init() {
	register(command{name: "query", summary: "run a saved or ad-hoc Gizmo query and print its results", run: runQuery})
}

const queryUsage = "usage: parkgraph query NAME|FILE.js [--param k=v]... [--format json|table] [--db DSN] [--limit N] [--timeout 30s]"

// queryOptions are the settings of one query command.
type queryOptions struct {
	DB      string
	Query   queries.Query
	Params  map[string]any
	Format  string
	Limit   int
	Timeout time.Duration
}

func runQuery(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("query", stderr)
	o := queryOptions{Params: map[string]any{}}
	fs.StringVar(&o.DB, "db", store.DefaultDSN, "store: bolt:PATH or memory:")
	fs.StringVar(&o.Format, "format", "table", "output: table or json")
	fs.IntVar(&o.Limit, "limit", 1000, "most results to print (0: no limit)")
	fs.DurationVar(&o.Timeout, "timeout", 30*time.Second, "stop the query after this long")
	var paramErr error
	fs.Func("param", "a query parameter as NAME=VALUE (repeatable)", func(v string) error {
		k, val, ok := strings.Cut(v, "=")
		if !ok || k == "" {
			paramErr = fmt.Errorf("--param %q: want NAME=VALUE", v)
			return nil
		}
		o.Params[k] = paramValue(val)
		return nil
	})
	fs.Usage = func() {
		fmt.Fprintln(stderr, queryUsage)
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "\nSaved queries:")
		listQueries(stderr)
	}
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if paramErr != nil {
		return usageError{paramErr.Error()}
	}
	if len(rest) == 0 {
		fmt.Fprintln(stdout, "Saved queries (parkgraph query NAME [--param k=v]...):")
		listQueries(stdout)
		return usagef("name a saved query or a .js file; %s", queryUsage)
	}
	if len(rest) > 1 {
		return usagef("unexpected argument %q; %s", rest[1], queryUsage)
	}
	if o.Format != "table" && o.Format != "json" {
		return usagef("--format %q: want table or json", o.Format)
	}
	if o.Query, err = loadQuery(rest[0]); err != nil {
		return usageError{err.Error()}
	}
	if len(o.Query.Params) > 0 {
		for k := range o.Params {
			if !hasParam(o.Query, k) {
				return usagef("query %s has no parameter %q (it takes: %s)", o.Query.Name, k, paramNames(o.Query))
			}
		}
	}
	return queryStore(ctx, o, stdout)
}

// paramValue reads a number as a number and anything else as a string.
func paramValue(s string) any {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return s
}

// loadQuery finds a saved query by name, or reads a .js file.
func loadQuery(arg string) (queries.Query, error) {
	if strings.HasSuffix(arg, ".js") || strings.ContainsRune(arg, os.PathSeparator) {
		b, err := os.ReadFile(arg)
		if err != nil {
			return queries.Query{}, fmt.Errorf("read query: %w", err)
		}
		name := strings.TrimSuffix(filepath.Base(arg), ".js")
		q, err := queries.Parse(name, string(b))
		if err != nil { // an ad-hoc query needs no header
			q = queries.Query{Name: name, Source: string(b)}
		}
		return q, nil
	}
	return queries.Get(arg)
}

func hasParam(q queries.Query, name string) bool {
	for _, p := range q.Params {
		if p.Name == name {
			return true
		}
	}
	return false
}

func paramNames(q queries.Query) string {
	var ns []string
	for _, p := range q.Params {
		ns = append(ns, p.Name)
	}
	return strings.Join(ns, ", ")
}

func listQueries(w io.Writer) {
	all, err := queries.All()
	if err != nil {
		fmt.Fprintln(w, "  ", err)
		return
	}
	for _, q := range all {
		fmt.Fprintf(w, "  %-26s %s\n", q.Name, q.Description)
		for _, p := range q.Params {
			fmt.Fprintf(w, "  %-26s   --param %s=…  %s\n", "", p.Name, p.Doc)
		}
	}
}

func queryStore(ctx context.Context, o queryOptions, stdout io.Writer) error {
	st, err := openExisting(o.DB)
	if err != nil {
		return err
	}
	defer func() {
		queries.WaitStopped(10 * time.Second) // a stopped query may still read the store
		st.Close()
	}()
	qctx, cancel := context.WithTimeout(ctx, o.Timeout)
	defer cancel()
	res, err := queries.Run(qctx, st.QuadStore(), o.Query.Source, o.Params, o.Limit)
	if errors.Is(err, context.DeadlineExceeded) || (err != nil && qctx.Err() == context.DeadlineExceeded) {
		return fmt.Errorf("query %s stopped after %s (--timeout); narrow it or allow longer", o.Query.Name, o.Timeout)
	}
	if err != nil {
		return fmt.Errorf("query %s: %w", o.Query.Name, err)
	}
	if o.Format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if res == nil {
			res = []any{}
		}
		return enc.Encode(res)
	}
	return queries.WriteTable(stdout, res)
}
