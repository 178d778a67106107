package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"

	"parkgraph/queries"
)

// planLimit bounds how long and how far a query runs to show its plan.
const (
	planResults = 1
	planTimeout = 5 * time.Second
)

// serveShape answers the UI's Query Shape tab (POST /api/v1/shape/{lang},
// which Cayley itself leaves unimplemented) with the plan of a Gizmo query:
// for every path the script runs, the shape Cayley's optimiser hands to the
// store, as a tree of {"shape": TYPE, …fields}. Nodes are shown by value.
//
// A failure is answered as {"shape_error": MESSAGE}, not {"error": …}: the
// UI shows the body of a reply unless it has an "error" key, and an error
// the tab does not show helps no one.
func (s *Server) serveShape(w http.ResponseWriter, r *http.Request) {
	fail := func(code int, msg string) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		writeJSON(w, map[string]string{"shape_error": msg})
	}
	lang := r.PathValue("lang")
	if lang != "gizmo" {
		fail(http.StatusNotImplemented, fmt.Sprintf("query shape is shown for Gizmo only, not %s: pick Gizmo in the editor", lang))
		return
	}
	body, status, msg := s.readBody(r)
	if status != 0 {
		fail(status, msg)
		return
	}
	timeout := min(s.opt.Timeout, planTimeout)
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	rec := &planRecorder{QuadStore: s.st.QuadStore()}
	_, err := queries.Run(ctx, rec, string(body), nil, planResults)
	if err != nil && ctx.Err() == nil {
		fail(http.StatusBadRequest, "query: "+err.Error())
		return
	}
	roots := rec.roots()
	if len(roots) == 0 {
		fail(http.StatusUnprocessableEntity, "the script runs no path, so it has no plan (a path runs when it ends in All, ToArray, ForEach, Count, ToValue …)")
		return
	}
	paths := make([]any, len(roots))
	for i, sh := range roots {
		paths[i] = describe(rec.QuadStore, reflect.ValueOf(sh), 0)
	}
	w.Header().Set("Content-Type", "application/json")
	writeJSON(w, map[string]any{
		"language": "gizmo",
		"note":     "the optimised shape of each path the script runs, in order; the store builds its iterators from these",
		"paths":    paths,
	})
}

// planRecorder is the store as a Gizmo session sees it, recording the shapes
// Cayley's optimiser passes to the store.
type planRecorder struct {
	cgraph.QuadStore
	mu     sync.Mutex
	shapes []shape.Shape
}

var _ shape.Optimizer = (*planRecorder)(nil)

// OptimizeShape lets the store optimise as it would, and records the result.
func (p *planRecorder) OptimizeShape(ctx context.Context, s shape.Shape) (shape.Shape, bool) {
	opt := false
	if o, ok := p.QuadStore.(shape.Optimizer); ok {
		s, opt = o.OptimizeShape(ctx, s)
	}
	p.mu.Lock()
	if len(p.shapes) < 1000 {
		p.shapes = append(p.shapes, s)
	}
	p.mu.Unlock()
	return s, opt
}

// roots returns the recorded shapes that are not part of a later one: the
// optimiser works bottom up, so the last shape of each path is its whole tree.
func (p *planRecorder) roots() []shape.Shape {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []shape.Shape
	for i, s := range p.shapes {
		inner := false
		for _, later := range p.shapes[i+1:] {
			if containsShape(reflect.ValueOf(later), s, 0) {
				inner = true
				break
			}
		}
		if !inner {
			out = append(out, s)
		}
	}
	return out
}

var shapeType = reflect.TypeOf((*shape.Shape)(nil)).Elem()

func containsShape(v reflect.Value, s shape.Shape, depth int) bool {
	if !v.IsValid() || depth > 40 {
		return false
	}
	if v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return false
		}
		if depth > 0 && v.Type().Implements(shapeType) && reflect.DeepEqual(v.Interface(), s) {
			return true
		}
		return containsShape(v.Elem(), s, depth+1)
	}
	if depth > 0 && v.CanInterface() && v.Type().Implements(shapeType) && reflect.DeepEqual(v.Interface(), s) {
		return true
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() && containsShape(v.Field(i), s, depth+1) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if containsShape(v.Index(i), s, depth+1) {
				return true
			}
		}
	}
	return false
}

// describe turns a shape into JSON-ready values: structs as objects with a
// "shape" key naming their type, store references as the values they stand
// for.
func describe(qs cgraph.QuadStore, v reflect.Value, depth int) any {
	if !v.IsValid() {
		return nil
	}
	if depth > 40 {
		return "…"
	}
	if v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		if v.Kind() == reflect.Interface {
			return describe(qs, v.Elem(), depth+1)
		}
	}
	if v.CanInterface() {
		switch x := v.Interface().(type) {
		case quad.Direction:
			return x.String()
		case quad.Value:
			return quad.StringOf(x)
		case refs.Ref:
			if val, err := qs.NameOf(x); err == nil && val != nil {
				return quad.StringOf(val)
			}
			return fmt.Sprint(x.Key())
		case json.Marshaler, fmt.Stringer:
			if _, isShape := x.(shape.Shape); !isShape {
				return fmt.Sprint(x)
			}
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		return describe(qs, v.Elem(), depth+1)
	case reflect.Struct:
		out := map[string]any{"shape": v.Type().Name()}
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			if d := describe(qs, v.Field(i), depth+1); d != nil && !isEmpty(d) {
				out[f.Name] = d
			}
		}
		return out
	case reflect.Slice, reflect.Array:
		items := make([]any, v.Len())
		for i := range items {
			items[i] = describe(qs, v.Index(i), depth+1)
		}
		if v.Type().Implements(shapeType) {
			return map[string]any{"shape": v.Type().Name(), "of": items}
		}
		return items
	case reflect.Map:
		out := map[string]any{}
		for _, k := range v.MapKeys() {
			out[fmt.Sprint(k.Interface())] = describe(qs, v.MapIndex(k), depth+1)
		}
		return out
	case reflect.Bool, reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Uint64, reflect.Float64, reflect.String:
		return v.Interface()
	}
	if v.CanInterface() {
		return fmt.Sprint(v.Interface())
	}
	return nil
}

func isEmpty(v any) bool {
	switch x := v.(type) {
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	case string:
		return x == ""
	}
	return false
}
