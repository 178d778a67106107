package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/query"

	"parkgraph/diagram"
	"parkgraph/diagram/render"
	"parkgraph/export"
	_ "parkgraph/export/all" // every export format
	"parkgraph/queries"
)

func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	quads, err := s.st.Stats(ctx)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "store unavailable: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	writeJSON(w, map[string]any{
		"status":           "ok",
		"backend":          s.st.Backend(),
		"quads":            quads,
		"writable":         s.opt.Writable,
		"timeout":          s.opt.Timeout.String(),
		"max_results":      s.opt.MaxResults,
		"max_body_bytes":   s.opt.MaxBodyBytes,
		"max_result_bytes": s.opt.MaxResultBytes,
	})
}

// savedQuery is a saved query as /api/queries lists it.
type savedQuery struct {
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Params      []queries.Param `json:"params"`
	Source      string          `json:"source"`
}

func listQueries() ([]savedQuery, error) {
	all, err := queries.All()
	if err != nil {
		return nil, err
	}
	out := make([]savedQuery, len(all))
	for i, q := range all {
		ps := q.Params
		if ps == nil {
			ps = []queries.Param{}
		}
		out[i] = savedQuery{q.Name, q.Description, ps, q.Source}
	}
	return out, nil
}

func (s *Server) serveQueryList(w http.ResponseWriter, r *http.Request) {
	list, err := listQueries()
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	writeJSON(w, list)
}

// serveSavedQuery runs a saved query; the body is a JSON object of its
// parameters (empty for the query's defaults).
func (s *Server) serveSavedQuery(w http.ResponseWriter, r *http.Request) {
	q, err := queries.Get(r.PathValue("name"))
	if err != nil {
		writeError(w, http.StatusNotFound, err.Error())
		return
	}
	body, status, msg := s.readBody(r)
	if status != 0 {
		writeError(w, status, msg)
		return
	}
	params := map[string]any{}
	if len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, &params); err != nil {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("the body must be a JSON object of parameters, as {\"park\": \"<pg:park/新余高新区>\"}: %v", err))
			return
		}
	}
	for k := range params {
		if !hasParam(q, k) {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("query %s has no parameter %q (it takes: %s)", q.Name, k, paramNames(q)))
			return
		}
	}
	res, status, msg := s.runQuery(r.Context(), q.Source, params)
	if status != http.StatusOK {
		writeError(w, status, msg)
		return
	}
	s.writeResults(w, "application/json", res)
}

// runQuery runs Gizmo source under the server's timeout and result cap and
// returns the results, or an HTTP status and a message.
func (s *Server) runQuery(ctx context.Context, src string, params map[string]any) ([]any, int, string) {
	return s.runCollated(ctx, src, params, query.JSON)
}

func (s *Server) runCollated(ctx context.Context, src string, params map[string]any, col query.Collation) ([]any, int, string) {
	wait := time.NewTimer(s.opt.Timeout)
	defer wait.Stop()
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	case <-wait.C:
		return nil, http.StatusServiceUnavailable, fmt.Sprintf("the server is busy: %d queries have been running for longer than %s (--timeout); try again", s.opt.MaxConcurrent, s.opt.Timeout)
	case <-ctx.Done():
		return nil, http.StatusServiceUnavailable, "request cancelled while waiting for a query slot"
	}
	ctx, cancel := context.WithTimeout(ctx, s.opt.Timeout)
	defer cancel()
	res, err := queries.RunCollated(ctx, s.st.QuadStore(), src, params, s.opt.MaxResults+1, col)
	switch {
	case errors.Is(err, queries.ErrStillRunning):
		s.opt.Log.Printf("a stopped query did not end within 10s")
		return nil, http.StatusServiceUnavailable, s.timeoutMessage()
	case ctx.Err() == context.DeadlineExceeded:
		return nil, http.StatusServiceUnavailable, s.timeoutMessage()
	case err != nil:
		return nil, http.StatusBadRequest, err.Error()
	case len(res) > s.opt.MaxResults:
		return nil, http.StatusRequestEntityTooLarge, s.resultCountMessage()
	}
	return res, http.StatusOK, ""
}

// serveGizmo answers /api/v2/query?lang=gizmo as Cayley's API v2 does
// (the query in the body, or in qu= with GET; {"result": […]}; JSON-LD when
// the Accept header asks for it), through queries.Run, which returns only
// when the script has stopped, so that a timed-out query never outlives its
// request.
func (s *Server) serveGizmo(w http.ResponseWriter, r *http.Request) {
	var src string
	if r.Method == http.MethodGet {
		src = r.URL.Query().Get("qu")
	} else {
		b, status, msg := s.readBody(r)
		if status != 0 {
			writeError(w, status, msg)
			return
		}
		src = string(b)
	}
	if strings.TrimSpace(src) == "" {
		writeError(w, http.StatusBadRequest, "query is empty")
		return
	}
	// Scripts always run with JSON collation, so that the values they see
	// (ToArray, ToValue, TagArray) are the same whoever asks: IRIs as
	// "<pg:…>", which g.V() takes back. A client asking for JSON-LD, as
	// the web UI does, gets nodes as {"@id": …} in the results.
	res, status, msg := s.runCollated(r.Context(), src, nil, query.JSON)
	if status != http.StatusOK {
		writeError(w, status, msg)
		return
	}
	if accept := r.Header.Get("Accept"); strings.HasPrefix(accept, "application/ld+json") {
		for i := range res {
			res[i] = toJSONLD(res[i])
		}
		s.writeResults(w, "application/ld+json", res)
		return
	}
	s.writeResults(w, "application/json", res)
}

// toJSONLD writes the IRIs of JSON-collated results ("<pg:…>") as JSON-LD
// node references ({"@id": "pg:…"}).
func toJSONLD(v any) any {
	switch x := v.(type) {
	case string:
		if len(x) > 2 && x[0] == '<' && x[len(x)-1] == '>' {
			return map[string]any{"@id": x[1 : len(x)-1]}
		}
	case []any:
		for i := range x {
			x[i] = toJSONLD(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = toJSONLD(x[k])
		}
	}
	return v
}

// writeResults answers {"result": res}, unless it is over the size cap.
func (s *Server) writeResults(w http.ResponseWriter, ctype string, res []any) {
	if res == nil {
		res = []any{}
	}
	var buf bytes.Buffer
	writeJSON(&buf, map[string]any{"result": res})
	if int64(buf.Len()) > s.opt.MaxResultBytes {
		writeError(w, http.StatusRequestEntityTooLarge, s.resultBytesMessage())
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(buf.Bytes())
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
	if len(q.Params) == 0 {
		return "none"
	}
	var ns []string
	for _, p := range q.Params {
		ns = append(ns, p.Name)
	}
	return strings.Join(ns, ", ")
}

// serveDiagram draws an ego network (ego=NAME) or the paths between two
// entities (from=A&to=B) as SVG.
func (s *Server) serveDiagram(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	var o diagram.Options
	var err error
	o.Ego, o.From, o.To, o.Title = v.Get("ego"), v.Get("from"), v.Get("to"), v.Get("title")
	switch {
	case o.Ego != "" && (o.From != "" || o.To != ""):
		err = errors.New("give ego=NAME or from=A&to=B, not both")
	case o.Ego == "" && (o.From == "" || o.To == ""):
		err = errors.New("give ego=NAME for an entity's neighbourhood, or from=A&to=B for how two entities connect")
	}
	if err == nil {
		o.Depth, err = intParam(v.Get("depth"), 1, 1, 2, "depth")
	}
	if err == nil {
		o.MaxNodes, err = intParam(v.Get("max-nodes"), diagram.DefaultMaxNodes, 0, 500, "max-nodes")
	}
	if err == nil {
		o.MaxPaths, err = intParam(v.Get("max-paths"), diagram.DefaultMaxPaths, 1, 20, "max-paths")
	}
	if err == nil {
		o.Types, err = diagram.ParseTypes(v.Get("types"))
	}
	if err == nil {
		o.Predicates, err = diagram.ParsePredicates(v.Get("predicates"))
	}
	if err == nil {
		o.Cluster, err = diagram.ParseClusterBy(v.Get("cluster"))
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	snap, ok := s.snapshotOrError(ctx, w)
	if !ok {
		return
	}
	d, err := diagram.Build(snap, o)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	var buf bytes.Buffer
	if err := render.Write(ctx, &buf, d, render.Options{Format: render.SVG}); err != nil {
		writeError(w, http.StatusInternalServerError, "draw diagram: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Write(buf.Bytes())
}

func intParam(s string, def, lo, hi int, name string) (int, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%s=%q: want a whole number from %d to %d", name, s, lo, hi)
	}
	return n, nil
}

// serveExport writes the graph, or the part the export filters select, in
// one registered format: format=NAME, the filters (types, predicates, ego,
// depth, community, min-degree, top, doc) and the format options (color,
// cluster, layout, font, seed) as parameters.
func (s *Server) serveExport(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	name := v.Get("format")
	if name == "" {
		writeError(w, http.StatusBadRequest, "give format=NAME, one of: "+formatNames())
		return
	}
	f, err := export.Lookup(name)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	var filter export.Filter
	for _, p := range export.FilterParams {
		for _, val := range v[p.Name] {
			if err := filter.Set(p.Name, val); err != nil {
				writeError(w, http.StatusBadRequest, p.Name+": "+err.Error())
				return
			}
		}
	}
	opt := export.Options{Color: v.Get("color"), Cluster: v.Get("cluster"), Layout: v.Get("layout"), Font: v.Get("font")}
	if seed := v.Get("seed"); seed != "" {
		if opt.Seed, err = strconv.ParseUint(seed, 10, 64); err != nil {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("seed=%q: want a whole number", seed))
			return
		}
	}
	if err := opt.Check(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	known := map[string]bool{"format": true, "color": true, "cluster": true, "layout": true, "font": true, "seed": true}
	for _, p := range export.FilterParams {
		known[p.Name] = true
	}
	for k := range v {
		if !known[k] {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("unknown parameter %q; filters: %s", k, filterNames()))
			return
		}
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	snap, ok := s.snapshotOrError(ctx, w)
	if !ok {
		return
	}
	part, err := filter.Apply(snap)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	var buf bytes.Buffer
	if err := f.New(&buf, opt).Encode(part); err != nil {
		writeError(w, http.StatusInternalServerError, "write "+f.Name+": "+err.Error())
		return
	}
	ext := f.Exts[0]
	if len(f.Parts) > 0 {
		ext = ".zip" // several files in one stream
	}
	w.Header().Set("Content-Type", f.MIME)
	w.Header().Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", path.Base("graph"+ext)))
	w.Header().Set("X-Parkgraph-Entities", strconv.Itoa(len(part.Nodes)))
	w.Header().Set("X-Parkgraph-Relations", strconv.Itoa(len(part.Edges)))
	w.Write(buf.Bytes())
}

func formatNames() string {
	var ns []string
	for _, f := range export.Formats() {
		ns = append(ns, f.Name)
	}
	return strings.Join(ns, ", ")
}

func filterNames() string {
	var ns []string
	for _, p := range export.FilterParams {
		ns = append(ns, p.Name)
	}
	return strings.Join(ns, ", ")
}

// readBody reads a request's body within the server's limit. On failure it
// returns the HTTP status and message to answer with; status is 0 otherwise.
func (s *Server) readBody(r *http.Request) (body []byte, status int, msg string) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, http.StatusRequestEntityTooLarge, s.bodyLimitMessage()
		}
		return nil, http.StatusBadRequest, "read request: " + err.Error()
	}
	return body, 0, ""
}
