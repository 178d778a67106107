package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"strings"
	"time"

	"parkgraph/graph/store"
	"parkgraph/server"
)

func init() {
	register(command{name: "serve", summary: "serve the Cayley web UI, Cayley's HTTP API and the saved queries", run: runServe})
}

const serveUsage = "usage: parkgraph serve [--db DSN] [--addr 127.0.0.1:64210] [--timeout 30s] [--writable] [--cors ORIGIN] [--max-body BYTES] [--max-results 10000] [--max-concurrent N]"

// serveOptions are the settings of one serve command.
type serveOptions struct {
	DB     string
	Addr   string
	Grace  time.Duration
	Server server.Options
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve", stderr)
	var o serveOptions
	fs.StringVar(&o.DB, "db", store.DefaultDSN, "store: bolt:PATH or memory:")
	fs.StringVar(&o.Addr, "addr", server.DefaultAddr, "address to listen on; anything but loopback makes the graph reachable from other machines")
	fs.DurationVar(&o.Server.Timeout, "timeout", server.DefaultTimeout, "stop every query after this long")
	fs.BoolVar(&o.Server.Writable, "writable", false, "allow writes and deletes through /api/v2/write and /api/v2/delete")
	fs.StringVar(&o.Server.CORSOrigin, "cors", "", "allow cross-origin requests from this origin (as https://example.org, or *)")
	fs.Int64Var(&o.Server.MaxBodyBytes, "max-body", server.DefaultMaxBodyBytes, "largest request body in bytes")
	fs.IntVar(&o.Server.MaxResults, "max-results", server.DefaultMaxResults, "most results one query may return")
	fs.IntVar(&o.Server.MaxConcurrent, "max-concurrent", 0, "queries run at once; the others wait their turn (default 2 per CPU)")
	fs.StringVar(&o.Server.MonacoDir, "monaco", os.Getenv("PARKGRAPH_MONACO"), "serve the UI's editor from this copy of monaco-editor "+"0.18.1's min/vs folder instead of cdn.jsdelivr.net (default $PARKGRAPH_MONACO)")
	fs.DurationVar(&o.Grace, "grace", 10*time.Second, "on SIGTERM or Ctrl-C, how long requests in flight may take to finish")
	fs.Usage = func() {
		fmt.Fprintln(stderr, serveUsage)
		fs.PrintDefaults()
	}
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q; %s", rest[0], serveUsage)
	}
	if o.Server.Timeout <= 0 || o.Server.MaxBodyBytes <= 0 || o.Server.MaxResults <= 0 {
		return usagef("--timeout, --max-body and --max-results must be positive")
	}
	if o.Server.CORSOrigin != "" && o.Server.CORSOrigin != "*" && !strings.Contains(o.Server.CORSOrigin, "://") {
		return usagef("--cors %q: give an origin as https://example.org (or *)", o.Server.CORSOrigin)
	}
	return serve(ctx, o, stdout, stderr)
}

func serve(ctx context.Context, o serveOptions, stdout, stderr io.Writer) error {
	if !o.Server.Writable {
		if err := store.Exists(o.DB); err != nil {
			return fmt.Errorf("%w (or serve it --writable to fill it through the API)", err)
		}
	}
	o.Server.LoopbackOnly = server.IsLoopback(o.Addr)
	o.Server.Log = log.New(stderr, "parkgraph serve: ", 0)
	st, err := store.Open(o.DB)
	if err != nil {
		return err
	}
	closed := false
	defer func() {
		if !closed {
			st.Close()
		}
	}()
	srv, err := server.New(st, o.Server)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another server running there? choose another --addr)", o.Addr, err)
	}
	if !o.Server.LoopbackOnly {
		fmt.Fprintf(stderr, "parkgraph serve: warning: listening on %s, which other machines can reach: anyone who can connect can query the graph%s\n",
			ln.Addr(), map[bool]string{true: " and change it (--writable)", false: ""}[o.Server.Writable])
	}
	mode := "read-only"
	if o.Server.Writable {
		mode = "writable"
	}
	fmt.Fprintf(stdout, "serving %s (%s) on http://%s/ — saved queries at http://%s/queries\n", o.DB, mode, ln.Addr(), ln.Addr())
	if err := srv.Serve(ctx, ln, o.Grace); err != nil {
		return err
	}
	closed = true
	if err := st.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	fmt.Fprintln(stdout, "stopped; store closed")
	return nil
}
