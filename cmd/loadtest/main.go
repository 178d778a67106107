// Command loadtest puts parkgraph's server under load on loopback: it serves
// a store (or uses a server already running on this machine) and runs many
// clients sending a mix of saved queries for a while, then prints requests,
// errors and latency percentiles, overall and per query. It exits 1 when any
// request failed.
//
//	go run ./cmd/loadtest --db bolt:./parkgraph.db --clients 50 --duration 30s
//	go run ./cmd/loadtest --url http://127.0.0.1:64210
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"parkgraph/graph/store"
	"parkgraph/internal/loadtest"
	"parkgraph/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	db := fs.String("db", store.DefaultDSN, "store to serve (bolt:PATH)")
	target := fs.String("url", "", "load a server already running on this machine instead (http://127.0.0.1:PORT)")
	var o loadtest.Options
	fs.IntVar(&o.Clients, "clients", 50, "concurrent clients")
	fs.DurationVar(&o.Duration, "duration", 30*time.Second, "how long the clients send")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed of the clients' choices")
	timeout := fs.Duration("timeout", server.DefaultTimeout, "the server's query timeout (with --db)")
	mix := fs.String("queries", strings.Join(loadtest.DefaultMix, ","), "saved queries to mix, comma-separated")
	if err := fs.Parse(args); err != nil {
		return err
	}
	o.Queries = strings.Split(*mix, ",")

	if *target != "" {
		u, err := url.Parse(*target)
		if err != nil || !server.IsLoopback(u.Host) {
			return fmt.Errorf("--url %s: the load test runs on loopback only (http://127.0.0.1:PORT)", *target)
		}
		o.URL = strings.TrimRight(*target, "/")
	} else {
		if err := store.Exists(*db); err != nil {
			return err
		}
		st, err := store.Open(*db)
		if err != nil {
			return err
		}
		defer st.Close()
		quads, _ := st.Stats(ctx)
		srv, err := server.New(st, server.Options{Timeout: *timeout, LoopbackOnly: true})
		if err != nil {
			return err
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		sctx, cancel := context.WithCancel(context.Background())
		served := make(chan error, 1)
		go func() { served <- srv.Serve(sctx, ln, 5*time.Second) }()
		defer func() { cancel(); <-served }() // before the store closes
		o.URL = "http://" + ln.Addr().String()
		fmt.Printf("serving %s (%d quads, %s) on %s, GOMAXPROCS %d\n", *db, quads, st.Backend(), o.URL, runtime.GOMAXPROCS(0))
	}
	rep, err := loadtest.Run(ctx, o)
	if err != nil {
		return err
	}
	fmt.Printf("parameters drawn from: %v\n", rep.Pool)
	rep.Write(os.Stdout)
	if rep.Total.Errors > 0 {
		return fmt.Errorf("%d of %d requests failed", rep.Total.Errors, rep.Total.Requests)
	}
	return nil
}
