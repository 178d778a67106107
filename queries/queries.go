// Package queries is parkgraph's library of Gizmo queries: questions editors
// ask of the graph, as JavaScript files embedded in the binary. Each file
// starts with a comment that names the query, says what it answers and lists
// its parameters:
//
//	// enterprises_of_park: the enterprises located in a park.
//	// param park: the park's IRI, e.g. <pg:park/新余高新区>
//
// Parameters reach the script as the object params; Run binds them.
package queries

import (
	"bufio"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"

	"parkgraph/graph"
)

//go:embed *.js
var files embed.FS

// Query is one saved query.
type Query struct {
	Name        string
	Description string
	Params      []Param
	Source      string
}

// Param is a query parameter.
type Param struct {
	Name string
	Doc  string
}

// All returns the saved queries, sorted by name.
func All() ([]Query, error) {
	entries, err := fs.Glob(files, "*.js")
	if err != nil {
		return nil, err
	}
	var out []Query
	for _, e := range entries {
		b, err := files.ReadFile(e)
		if err != nil {
			return nil, err
		}
		q, err := Parse(strings.TrimSuffix(path.Base(e), ".js"), string(b))
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Get returns the saved query with the given name.
func Get(name string) (Query, error) {
	all, err := All()
	if err != nil {
		return Query{}, err
	}
	var names []string
	for _, q := range all {
		if q.Name == name {
			return q, nil
		}
		names = append(names, q.Name)
	}
	return Query{}, fmt.Errorf("no saved query %q (saved: %s)", name, strings.Join(names, ", "))
}

// Parse reads a query's header comment: "// NAME: DESCRIPTION" then
// "// param NAME: DOC" lines.
func Parse(name, src string) (Query, error) {
	q := Query{Name: name, Source: src}
	sc := bufio.NewScanner(strings.NewReader(src))
	first := true
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		c, ok := strings.CutPrefix(l, "//")
		if !ok {
			break
		}
		c = strings.TrimSpace(c)
		if first {
			n, desc, ok := strings.Cut(c, ":")
			if !ok || strings.TrimSpace(n) != name {
				return Query{}, fmt.Errorf("query %s: first line must be \"// %s: what it answers\"", name, name)
			}
			q.Description = strings.TrimSpace(desc)
			first = false
			continue
		}
		if p, ok := strings.CutPrefix(c, "param "); ok {
			pn, doc, _ := strings.Cut(p, ":")
			q.Params = append(q.Params, Param{Name: strings.TrimSpace(pn), Doc: strings.TrimSpace(doc)})
		} else if q.Description != "" && c != "" && len(q.Params) == 0 {
			q.Description += " " + c
		}
	}
	if first {
		return Query{}, fmt.Errorf("query %s: no header comment", name)
	}
	return q, nil
}

// Run executes Gizmo source against a quad store with parameters bound to
// the object params, and returns the results as JSON values. A string
// parameter written as a bare IRI (pg:park/新余高新区) is bound in angle
// brackets, the form Gizmo reads as a node. At most limit results are
// returned (no limit when limit <= 0); the query stops when ctx is done.
func Run(ctx context.Context, qs cgraph.QuadStore, src string, params map[string]any, limit int) ([]any, error) {
	return RunCollated(ctx, qs, src, params, limit, query.JSON)
}

// drainTimeout bounds how long Run waits for a stopped script to end.
const drainTimeout = 10 * time.Second

// scripts counts the scripts Run started that have not ended yet, including
// stopped ones still inside a store operation.
var scripts sync.WaitGroup

// WaitStopped waits until every script Run started has ended, or the
// timeout passes, and reports whether they all ended. Call it before closing
// a store that queries may have been cancelled on.
func WaitStopped(timeout time.Duration) bool {
	done := make(chan struct{})
	go func() { scripts.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}

// ErrStillRunning is returned when a stopped script did not end within
// drainTimeout (it is inside one long store operation); its goroutine may
// still read the store.
var ErrStillRunning = errors.New("the stopped query is still reading the store")

// RunCollated is Run with results in the given collation (query.JSON, or
// query.JSONLD as the Cayley UI asks for). Run returns only once the script
// has stopped: Gizmo runs it on a goroutine of its own that, when the query
// is cancelled, may still be reading the store, and a store must not be
// closed under it.
func RunCollated(ctx context.Context, qs cgraph.QuadStore, src string, params map[string]any, limit int, col query.Collation) (_ []any, err error) {
	bound := make(map[string]any, len(params))
	for k, v := range params {
		if s, ok := v.(string); ok && strings.HasPrefix(s, graph.Prefix) {
			v = "<" + s + ">" // pg:park/… names a node, as <pg:park/…> does
		}
		bound[k] = v
	}
	pj, err := json.Marshal(bound)
	if err != nil {
		return nil, fmt.Errorf("query parameters: %w", err)
	}
	sess := gizmo.NewSession(qs)
	it, err := sess.Execute(ctx, "var params = "+string(pj)+";\n"+src, query.Options{Collation: col, Limit: limit})
	if err != nil {
		return nil, err
	}
	scripts.Add(1)
	defer func() {
		if derr := drain(it); derr != nil && err == nil {
			err = derr
		}
	}()
	var out []any
	for it.Next(ctx) {
		out = append(out, it.Result())
	}
	if err := it.Err(); err != nil {
		return out, err
	}
	return out, ctx.Err()
}

// drain stops a Gizmo iterator and waits for its script to end; past
// drainTimeout it returns ErrStillRunning and the script is left to end on
// its own (WaitStopped waits for it).
func drain(it query.Iterator) error {
	it.Close() // cancels the script's context and interrupts its JavaScript
	done := make(chan struct{})
	go func() {
		defer scripts.Done()
		// After Close, Next only waits for the script's goroutine to end
		// (results it still sends are dropped).
		for it.Next(context.Background()) {
		}
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-time.After(drainTimeout):
		return ErrStillRunning
	}
}
