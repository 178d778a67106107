package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"parkgraph/export"
	"parkgraph/graph"
	"parkgraph/queries"
)

// serveGephi streams the graph as Gephi Graph Streaming events (the JSON
// protocol the Graph Streaming plugin reads when it connects as a client):
// one event per line, {"an":{ID:{attributes}}} for a node and
// {"ae":{ID:{"source":…,"target":…,"directed":true,…}}} for an edge.
//
// Without parameters it streams the whole graph; the export filters (ego,
// depth, types, predicates, community, min-degree, top, doc) select a part;
// query=NAME streams a saved query's result instead, with its parameters as
// further URL parameters: rows with source and target become edges, other
// rows' id a node.
func (s *Server) serveGephi(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	v.Del("operation") // Gephi's own servers take ?operation=getGraph
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	snap, ok := s.snapshotOrError(ctx, w)
	if !ok {
		return
	}
	var part *graph.Snapshot
	var links [][2]quad.IRI // query results
	var lone []quad.IRI
	if name := v.Get("query"); name != "" {
		q, err := queries.Get(name)
		if err != nil {
			writeError(w, http.StatusNotFound, err.Error())
			return
		}
		params := map[string]any{}
		for k, vals := range v {
			if k == "query" {
				continue
			}
			if !hasParam(q, k) {
				writeError(w, http.StatusBadRequest, fmt.Sprintf("query %s has no parameter %q (it takes: %s)", q.Name, k, paramNames(q)))
				return
			}
			params[k] = vals[0]
		}
		res, status, msg := s.runQuery(r.Context(), q.Source, params)
		if status != http.StatusOK {
			writeError(w, status, msg)
			return
		}
		links, lone = resultGraph(res)
		if len(links) == 0 && len(lone) == 0 {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("query %s returned no nodes to stream (rows need an id, or source and target)", q.Name))
			return
		}
	} else {
		var filter export.Filter
		for _, p := range export.FilterParams {
			for _, val := range v[p.Name] {
				if err := filter.Set(p.Name, val); err != nil {
					writeError(w, http.StatusBadRequest, p.Name+": "+err.Error())
					return
				}
			}
		}
		for k := range v {
			if !isFilterParam(k) {
				writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown parameter %q; give query=NAME or filters: %s", k, filterNames()))
				return
			}
		}
		var err error
		if part, err = filter.Apply(snap); err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
	}

	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-cache")
	bw := bufio.NewWriterSize(w, 32<<10)
	gs := gephiStream{w: bw, snap: snap, maxRank: export.MaxMetric(snap, "pagerank"), seen: map[quad.IRI]bool{}}
	if part != nil {
		for i := range part.Nodes {
			gs.node(part.Nodes[i].IRI)
		}
		for i := range part.Edges {
			e := &part.Edges[i]
			gs.edge(e.Subject, e.Object, e.Predicate.Label(), e)
		}
	} else {
		for _, id := range lone {
			gs.node(id)
		}
		for _, l := range links {
			gs.node(l[0])
			gs.node(l[1])
			gs.edge(l[0], l[1], "", nil)
		}
	}
	if err := bw.Flush(); err != nil {
		s.opt.Log.Printf("gephi stream: %v", err)
	}
}

func isFilterParam(k string) bool {
	for _, p := range export.FilterParams {
		if p.Name == k {
			return true
		}
	}
	return false
}

// resultGraph reads nodes and links from query results (JSON collation:
// IRIs as "<pg:…>").
func resultGraph(res []any) (links [][2]quad.IRI, lone []quad.IRI) {
	seen := map[[2]quad.IRI]bool{}
	for _, r := range res {
		m, ok := r.(map[string]any)
		if !ok {
			continue
		}
		src, sok := iriOf(m["source"])
		dst, dok := iriOf(m["target"])
		if sok && dok {
			k := [2]quad.IRI{src, dst}
			if !seen[k] {
				seen[k] = true
				links = append(links, k)
			}
			continue
		}
		if id, ok := iriOf(m["id"]); ok {
			lone = append(lone, id)
		}
	}
	return links, lone
}

func iriOf(v any) (quad.IRI, bool) {
	s, ok := v.(string)
	if !ok || !strings.HasPrefix(s, "<") || !strings.HasSuffix(s, ">") {
		return "", false
	}
	return quad.IRI(s[1 : len(s)-1]), true
}

// gephiStream writes node and edge events, each node once.
type gephiStream struct {
	w       *bufio.Writer
	snap    *graph.Snapshot
	maxRank float64
	seen    map[quad.IRI]bool
	edges   int
}

func (g *gephiStream) event(kind, id string, attrs map[string]any) {
	b, _ := json.Marshal(map[string]map[string]map[string]any{kind: {id: attrs}})
	g.w.Write(b)
	g.w.WriteString("\r\n")
}

func (g *gephiStream) node(iri quad.IRI) {
	if g.seen[iri] {
		return
	}
	g.seen[iri] = true
	attrs := map[string]any{"label": string(iri)}
	if n := g.snap.Node(iri); n != nil {
		r, gr, b := export.RGB(export.NodeColor(n, false))
		attrs = map[string]any{
			"label": n.Name, "type": string(n.Type), "type_label": n.Type.Label(),
			"size": export.NodeSize(n, g.maxRank), "r": float64(r) / 255, "g": float64(gr) / 255, "b": float64(b) / 255,
		}
		if n.Community != "" {
			attrs["community_name"] = n.Community
		}
		keys := make([]string, 0, len(n.Metrics))
		for k := range n.Metrics {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			attrs[k] = n.Metrics[k]
		}
	}
	g.event("an", string(iri), attrs)
}

func (g *gephiStream) edge(src, dst quad.IRI, label string, e *graph.Edge) {
	attrs := map[string]any{"source": string(src), "target": string(dst), "directed": true}
	id := string(src) + " → " + string(dst)
	if e != nil {
		id = string(src) + " " + string(e.Predicate) + " " + string(dst)
		attrs["label"] = label
		attrs["predicate"] = string(e.Predicate)
		attrs["weight"] = float64(e.Weight())
		if e.Year != 0 {
			attrs["year"] = e.Year
		}
		if !e.Amount.IsZero() {
			attrs["amount"] = e.Amount.Text
		}
	}
	g.edges++
	g.event("ae", id, attrs)
}
