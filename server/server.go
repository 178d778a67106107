// Package server serves parkgraph's graph over HTTP for editors: the Cayley
// web UI (Query, Query Shape, Visualize and, when writable, Write) and
// Cayley's HTTP API v2 on the store, the saved Gizmo queries, relationship
// diagrams, exports in every registered format and a Gephi Graph Streaming
// feed.
//
// Routes:
//
//	GET  /                      the Cayley web UI, pointed at this server
//	GET  /queries               the saved queries, each with a button that opens it in the UI
//	*    /api/v2/query|read|formats|write|delete   Cayley's HTTP API v2 (write and delete only when writable)
//	POST /api/v1/shape/{lang}   the plan of a Gizmo query (the UI's Query Shape tab)
//	GET  /api/queries           the saved queries as JSON
//	POST /api/queries/{name}    run a saved query; the body is a JSON object of parameters
//	GET  /api/diagram?ego=NAME  an SVG diagram (ego, depth, types, predicates, max-nodes, cluster, title; or from and to)
//	GET  /api/export?format=F   the graph or a part of it (the export filters as parameters)
//	GET  /gephi/gs              the graph, a filtered part or a query's result as Gephi streaming events
//	GET  /health                store backend, quad count and limits
//
// Safety: the server is read-only unless Options.Writable; every query stops
// at Options.Timeout (Gizmo's JavaScript is interrupted, so an endless loop
// does not hold a CPU); request bodies and results are capped with errors
// that say which limit was hit; requests from other origins are refused
// unless Options.CORSOrigin allows one; and when bound to loopback, requests
// naming another host are refused (DNS rebinding).
package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers gizmo
	_ "github.com/cayleygraph/cayley/query/graphql" // registers graphql
	_ "github.com/cayleygraph/cayley/query/mql"     // registers mql
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	_ "github.com/cayleygraph/quad/dot"     // quad formats for /api/v2/read and write, as Cayley serves them
	_ "github.com/cayleygraph/quad/gml"     //
	_ "github.com/cayleygraph/quad/graphml" //
	_ "github.com/cayleygraph/quad/json"    //
	_ "github.com/cayleygraph/quad/jsonld"  //
	_ "github.com/cayleygraph/quad/nquads"  //
	_ "github.com/cayleygraph/quad/pquads"  //
	"github.com/julienschmidt/httprouter"

	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/graph/store"
	"parkgraph/queries"
)

// Defaults of Options.
const (
	DefaultAddr           = "127.0.0.1:64210"
	DefaultTimeout        = 30 * time.Second
	DefaultMaxBodyBytes   = 1 << 20  // 1 MiB
	DefaultMaxResults     = 10000    // results per query
	DefaultMaxResultBytes = 32 << 20 // 32 MiB per response
)

// Options configure a Server. The zero value is a read-only server with the
// default limits.
type Options struct {
	Timeout        time.Duration // per query; 0 means DefaultTimeout
	Writable       bool          // allow /api/v2/write and /api/v2/delete
	CORSOrigin     string        // the one other origin allowed to call the API ("*" for any); "" for none
	MaxBodyBytes   int64         // request body limit; 0 means DefaultMaxBodyBytes
	MaxResults     int           // results per query; 0 means DefaultMaxResults
	MaxResultBytes int64         // response size limit of a query; 0 means DefaultMaxResultBytes
	// LoopbackOnly refuses requests whose Host header is not a loopback name
	// or address, so that a web page cannot reach the server through a DNS
	// name rebound to 127.0.0.1. Set it when listening on loopback.
	LoopbackOnly bool
	// MaxConcurrent is how many Gizmo queries run at once; others wait
	// their turn (up to Timeout), so that under load each runs at full
	// speed instead of all crawling together. 0 means 2 per CPU.
	MaxConcurrent int
	// MonacoDir is a local copy of the Monaco editor (the min/vs folder of
	// monaco-editor 0.18.1) for the UI to load instead of fetching it from
	// cdn.jsdelivr.net; "" to use the CDN.
	MonacoDir string
	Log       *log.Logger // request errors and shutdown; nil for none
}

func (o *Options) defaults() {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.MaxResults <= 0 {
		o.MaxResults = DefaultMaxResults
	}
	if o.MaxResultBytes <= 0 {
		o.MaxResultBytes = DefaultMaxResultBytes
	}
	if o.Log == nil {
		o.Log = log.New(io.Discard, "", 0)
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 2 * runtime.GOMAXPROCS(0)
	}
}

// Server is an http.Handler serving one store.
type Server struct {
	st  *store.Store
	opt Options
	api *cayleyhttp.APIv2
	v2  http.Handler
	mux *http.ServeMux
	ui  *uiFiles

	active sync.WaitGroup // requests being answered, for Serve to wait on
	slots  chan struct{}  // one per query allowed to run at once

	snapMu sync.Mutex
	snap   *graph.Snapshot // cached for diagrams, exports and Gephi; nil after a write
}

// New makes a server for st. The store stays the caller's to close, after
// the server has stopped.
func New(st *store.Store, opt Options) (*Server, error) {
	opt.defaults()
	qw, err := cgraph.NewQuadWriter("single", st.QuadStore(), cgraph.Options{
		"ignore_duplicate": true,
		"ignore_missing":   true,
	})
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	ui, err := newUIFiles(opt.MonacoDir)
	if err != nil {
		return nil, fmt.Errorf("web UI: %w", err)
	}
	s := &Server{st: st, opt: opt, mux: http.NewServeMux(), ui: ui, slots: make(chan struct{}, opt.MaxConcurrent)}
	router := httprouter.New()
	s.api = cayleyhttp.NewBoundAPIv2(&cgraph.Handle{QuadStore: st.QuadStore(), QuadWriter: qw}, router)
	s.api.SetReadOnly(!opt.Writable)
	s.api.SetQueryTimeout(opt.Timeout)
	// One more than the cap, so that a result over it can be told from one at it.
	s.api.SetQueryLimit(opt.MaxResults + 1)
	s.v2 = router

	s.mux.HandleFunc("GET /health", s.serveHealth)
	s.mux.HandleFunc("GET /queries", s.serveQueriesPage)
	s.mux.HandleFunc("GET /api/queries", s.serveQueryList)
	s.mux.HandleFunc("POST /api/queries/{name}", s.serveSavedQuery)
	s.mux.HandleFunc("GET /api/diagram", s.serveDiagram)
	s.mux.HandleFunc("GET /api/export", s.serveExport)
	s.mux.HandleFunc("GET /gephi/gs", s.serveGephi)
	s.mux.HandleFunc("POST /api/v1/shape/{lang}", s.serveShape)
	s.mux.HandleFunc("/api/v1/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "Cayley's API v1 is not served; use /api/v2 (query, read, formats, write, delete)")
	})
	s.mux.HandleFunc("/api/v2/", s.serveV2)
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no API at "+r.URL.Path+"; see /queries and /api/queries")
	})
	s.mux.Handle("/", s.ui)
	return s, nil
}

// ServeHTTP checks the request's host, origin and body size, then routes it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.active.Add(1)
	defer s.active.Done()
	if s.opt.LoopbackOnly && !loopbackHost(r.Host) {
		writeError(w, http.StatusForbidden, fmt.Sprintf("host %q refused: this server listens on loopback only; open it as http://127.0.0.1 or http://localhost", r.Host))
		return
	}
	if origin := r.Header.Get("Origin"); origin != "" && !sameOrigin(origin, r) {
		if s.opt.CORSOrigin == "" || (s.opt.CORSOrigin != "*" && s.opt.CORSOrigin != origin) {
			writeError(w, http.StatusForbidden, fmt.Sprintf("cross-origin request from %s refused; start the server with --cors %s to allow it", origin, origin))
			return
		}
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Add("Vary", "Origin")
		if r.Method == http.MethodOptions {
			w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			w.Header().Set("Access-Control-Allow-Headers", "Content-Type, Accept, Accept-Encoding, Content-Encoding")
			w.Header().Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
	}
	if r.ContentLength > s.opt.MaxBodyBytes {
		writeError(w, http.StatusRequestEntityTooLarge, s.bodyLimitMessage())
		return
	}
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBodyBytes)
	}
	s.mux.ServeHTTP(w, r)
}

func (s *Server) bodyLimitMessage() string {
	return fmt.Sprintf("request body over %s, the server's limit (--max-body)", byteSize(s.opt.MaxBodyBytes))
}

// serveV2 runs Cayley's API v2 with parkgraph's limits: writes refused when
// read-only, query results and their size capped, and Cayley's terse errors
// for those cases replaced with ones that say what to do.
func (s *Server) serveV2(w http.ResponseWriter, r *http.Request) {
	write := r.URL.Path == "/api/v2/write" || r.URL.Path == "/api/v2/delete" || r.URL.Path == "/api/v2/node/delete"
	if write && !s.opt.Writable {
		writeError(w, http.StatusForbidden, "the server is read-only; start it with --writable to allow writes and deletes")
		return
	}
	if r.URL.Path == "/api/v2/query" && r.URL.Query().Get("lang") == "gizmo" {
		s.serveGizmo(w, r)
		return
	}
	if r.URL.Path != "/api/v2/query" {
		if write {
			defer s.invalidate()
		}
		s.v2.ServeHTTP(w, r)
		return
	}
	start := time.Now()
	bw := &bufferedWriter{header: http.Header{}, max: s.opt.MaxResultBytes}
	s.v2.ServeHTTP(bw, r)
	elapsed := time.Since(start)
	if bw.overflow {
		writeError(w, http.StatusRequestEntityTooLarge, s.resultBytesMessage())
		return
	}
	if bw.status >= 400 {
		var e struct{ Error string }
		_ = json.Unmarshal(bw.buf.Bytes(), &e)
		switch {
		case isTimeout(e.Error) || elapsed >= s.opt.Timeout:
			writeError(w, http.StatusServiceUnavailable, s.timeoutMessage())
			return
		case strings.Contains(e.Error, "request body too large"), strings.Contains(e.Error, "request is too large"):
			writeError(w, http.StatusRequestEntityTooLarge, s.bodyLimitMessage())
			return
		}
	}
	if bw.status < 400 && bytes.HasPrefix(bw.buf.Bytes(), []byte(`{"result":`)) {
		var res struct{ Result []json.RawMessage }
		if json.Unmarshal(bw.buf.Bytes(), &res) == nil && len(res.Result) > s.opt.MaxResults {
			writeError(w, http.StatusRequestEntityTooLarge, s.resultCountMessage())
			return
		}
	}
	for k, v := range bw.header {
		w.Header()[k] = v
	}
	if bw.status == 0 {
		bw.status = http.StatusOK
	}
	w.WriteHeader(bw.status)
	w.Write(bw.buf.Bytes())
}

func (s *Server) timeoutMessage() string {
	return fmt.Sprintf("query stopped after %s, the server's limit (--timeout); narrow it or add .Limit(N)", s.opt.Timeout)
}

func (s *Server) resultCountMessage() string {
	return fmt.Sprintf("the query returns more than %d results, the server's limit (--max-results); add .Limit(N) or narrow it", s.opt.MaxResults)
}

func (s *Server) resultBytesMessage() string {
	return fmt.Sprintf("the query's results take more than %s, the server's limit; add .Limit(N) or return fewer fields", byteSize(s.opt.MaxResultBytes))
}

func isTimeout(msg string) bool {
	return strings.Contains(msg, context.DeadlineExceeded.Error())
}

// bufferedWriter holds a response so that it can be checked before it is
// sent; past max bytes it keeps nothing and records the overflow.
type bufferedWriter struct {
	header   http.Header
	status   int
	buf      bytes.Buffer
	max      int64
	overflow bool
}

func (b *bufferedWriter) Header() http.Header { return b.header }
func (b *bufferedWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}
func (b *bufferedWriter) Write(p []byte) (int, error) {
	if b.overflow || int64(b.buf.Len()+len(p)) > b.max {
		b.overflow = true
		b.buf.Reset()
		return 0, errors.New("response too large")
	}
	return b.buf.Write(p)
}

// snapshotOrError returns the graph a request reads, or writes 503 with
// the reason and reports false.
func (s *Server) snapshotOrError(ctx context.Context, w http.ResponseWriter) (*graph.Snapshot, bool) {
	snap, err := s.snapshot(ctx)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return nil, false
	}
	return snap, true
}

// snapshot returns the graph in memory, analysed, for diagrams, exports and
// Gephi. It is read once and kept until a write through the API.
func (s *Server) snapshot(ctx context.Context) (*graph.Snapshot, error) {
	s.snapMu.Lock()
	defer s.snapMu.Unlock()
	if s.snap != nil {
		return s.snap, nil
	}
	snap, err := s.st.Snapshot(ctx)
	if err != nil {
		return nil, err
	}
	analysed := false
	for i := range snap.Nodes {
		if _, ok := snap.Nodes[i].Metric("pagerank"); ok {
			analysed = true
			break
		}
	}
	if !analysed {
		analysis.Analyze(snap, analysis.DefaultOptions())
	}
	s.snap = snap
	return snap, nil
}

func (s *Server) invalidate() {
	s.snapMu.Lock()
	s.snap = nil
	s.snapMu.Unlock()
}

// Serve answers requests on ln until ctx is done, then stops accepting,
// lets requests in flight finish for up to grace and returns. Queries still
// running then are cancelled.
func (s *Server) Serve(ctx context.Context, ln net.Listener, grace time.Duration) error {
	base, cancel := context.WithCancel(context.Background())
	defer cancel()
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          s.opt.Log,
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, scancel := context.WithTimeout(context.Background(), grace)
	defer scancel()
	err := hs.Shutdown(sctx)
	if errors.Is(err, context.DeadlineExceeded) {
		cancel() // stop the queries still running
		err = hs.Close()
	}
	<-done
	// Close does not wait for handlers; their queries, cancelled above,
	// end before the caller may close the store.
	s.active.Wait()
	if !queries.WaitStopped(30 * time.Second) {
		s.opt.Log.Printf("a stopped query is still reading the store after 30s")
	}
	return err
}

// writeError answers with {"error": msg}, the shape Cayley's API uses.
func writeError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	writeJSON(w, map[string]string{"error": msg})
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// IsLoopback reports whether a listen address's host is a loopback name or
// address ("" and "0.0.0.0" are not: they listen on every interface).
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func loopbackHost(hostport string) bool {
	if hostport == "" {
		return false
	}
	return IsLoopback(hostport)
}

func sameOrigin(origin string, r *http.Request) bool {
	scheme := "http://"
	if r.TLS != nil {
		scheme = "https://"
	}
	return origin == scheme+r.Host
}
