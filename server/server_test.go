package server_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"parkgraph/internal/seedgraph"
	"parkgraph/internal/testenv"
	"parkgraph/server"
)

// newServer serves the seed graph (in memory unless dsn says otherwise).
func newServer(t *testing.T, opt server.Options) *httptest.Server {
	t.Helper()
	st := seedgraph.Open(t, "")
	opt.LoopbackOnly = true
	srv, err := server.New(st, opt)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("reply is not a JSON object: %v\n%s", err, r.body)
	}
	return m
}

func (r reply) errorMessage(t *testing.T) string {
	t.Helper()
	msg, _ := r.json(t)["error"].(string)
	return msg
}

func do(t *testing.T, method, url, body string, header ...string) reply {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" {
			req.Host = header[i+1]
		} else {
			req.Header.Set(header[i], header[i+1])
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{resp.StatusCode, resp.Header, b}
}

func gizmo(t *testing.T, ts *httptest.Server, src string, header ...string) reply {
	t.Helper()
	return do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", src, header...)
}

func TestWebUI(t *testing.T) {
	ts := newServer(t, server.Options{})
	r := do(t, "GET", ts.URL+"/", "")
	if r.status != 200 || !bytes.Contains(r.body, []byte(`<div id="root">`)) || !bytes.Contains(r.body, []byte(`href="/queries"`)) {
		t.Fatalf("GET /: %d\n%s", r.status, r.body)
	}
	// Every script the page loads is served, and none still points at the
	// address the UI was built with.
	rewritten := 0
	for _, m := range bytes.Split(r.body, []byte(`src="`))[1:] {
		src := string(m[:bytes.IndexByte(m, '"')])
		if !strings.HasPrefix(src, "/") {
			continue
		}
		js := do(t, "GET", ts.URL+src, "")
		if js.status != 200 {
			t.Errorf("GET %s: %d", src, js.status)
		}
		if bytes.Contains(js.body, []byte("localhost:64210")) {
			t.Errorf("%s still names localhost:64210", src)
		}
		if bytes.Contains(js.body, []byte("window.location.origin")) {
			rewritten++
		}
	}
	if rewritten == 0 {
		t.Error("no script of the UI talks to window.location.origin")
	}
	if r := do(t, "GET", ts.URL+"/gizmo.d.ts", ""); r.status != 200 || !bytes.Contains(r.body, []byte("interface")) {
		t.Errorf("GET /gizmo.d.ts: %d", r.status)
	}
	if r := do(t, "POST", ts.URL+"/index.html", "x"); r.status != http.StatusMethodNotAllowed {
		t.Errorf("POST to the UI: %d", r.status)
	}
}

func TestAPIv2(t *testing.T) {
	ts := newServer(t, server.Options{})
	r := gizmo(t, ts, `g.V("<pg:park/白马园区>").In("<pg:located_in>").Out("<pg:name>").All()`)
	if r.status != 200 || !strings.Contains(string(r.body), `"id":"四川绿建筑钢构有限公司"`) {
		t.Errorf("gizmo: %d %s", r.status, r.body)
	}
	// The UI asks for JSON-LD, which Visualize reads node ids from.
	r = gizmo(t, ts, `g.V("<pg:park/白马园区>").Tag("target").In("<pg:located_in>").Tag("source").All()`, "Accept", "application/ld+json")
	if r.status != 200 || !strings.Contains(string(r.body), `"source":{"@id":"pg:enterprise/四川绿建筑钢构有限公司"}`) {
		t.Errorf("gizmo JSON-LD: %d %s", r.status, r.body)
	}
	r = do(t, "POST", ts.URL+"/api/v2/query?lang=graphql", `{ nodes(id: "<pg:park/白马园区>") { id, name: "<pg:name>" } }`)
	if r.status != 200 || !strings.Contains(string(r.body), "白马园区") {
		t.Errorf("graphql: %d %s", r.status, r.body)
	}
	r = do(t, "POST", ts.URL+"/api/v2/query?lang=mql", `[{"id": "<pg:park/白马园区>", "<pg:name>": null}]`)
	if r.status != 200 || !strings.Contains(string(r.body), "白马园区") {
		t.Errorf("mql: %d %s", r.status, r.body)
	}
	r = do(t, "GET", ts.URL+"/api/v2/read?format=nquads&sub=<pg:park/白马园区>&pred=<pg:part_of>", "")
	if r.status != 200 || !strings.Contains(string(r.body), "<pg:park/白马园区> <pg:part_of> <pg:park/内江高新区>") {
		t.Errorf("read: %d %s", r.status, r.body)
	}
	r = do(t, "GET", ts.URL+"/api/v2/formats", "")
	if r.status != 200 || !strings.Contains(string(r.body), `"id":"nquads"`) {
		t.Errorf("formats: %d %s", r.status, r.body)
	}
	r = gizmo(t, ts, `g.V(.All()`)
	if r.status != 400 || r.errorMessage(t) == "" {
		t.Errorf("syntax error: %d %s", r.status, r.body)
	}
}

func TestSavedQueryAPI(t *testing.T) {
	ts := newServer(t, server.Options{})
	var list []struct {
		Name, Description, Source string
		Params                    []struct{ Name, Doc string }
	}
	r := do(t, "GET", ts.URL+"/api/queries", "")
	if err := json.Unmarshal(r.body, &list); err != nil || len(list) < 15 {
		t.Fatalf("GET /api/queries: %d queries, %v", len(list), err)
	}
	for _, q := range list {
		if q.Description == "" || q.Source == "" {
			t.Errorf("%s lacks its description or source", q.Name)
		}
	}
	r = do(t, "POST", ts.URL+"/api/queries/enterprises_of_park", `{"park": "pg:park/白马园区"}`)
	if r.status != 200 || !strings.Contains(string(r.body), `"name":"四川绿建筑钢构有限公司"`) {
		t.Errorf("run enterprises_of_park: %d %s", r.status, r.body)
	}
	r = do(t, "POST", ts.URL+"/api/queries/honour_detail", "")
	if r.status != 200 || !strings.Contains(string(r.body), "江西航同电气科技有限公司") {
		t.Errorf("run with defaults: %d %s", r.status, r.body)
	}
	for _, c := range []struct {
		name, body string
		status     int
		want       string
	}{
		{"no_such", "{}", 404, `no saved query "no_such"`},
		{"park_honours", `{"size": 3}`, 400, `has no parameter "size" (it takes: park)`},
		{"park_honours", `[1, 2]`, 400, "must be a JSON object of parameters"},
	} {
		r := do(t, "POST", ts.URL+"/api/queries/"+c.name, c.body)
		if r.status != c.status || !strings.Contains(r.errorMessage(t), c.want) {
			t.Errorf("%s %s: %d %s; want %d with %q", c.name, c.body, r.status, r.body, c.status, c.want)
		}
	}
}

func TestQueriesPage(t *testing.T) {
	ts := newServer(t, server.Options{})
	r := do(t, "GET", ts.URL+"/queries", "")
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /queries: %d %s", r.status, r.header.Get("Content-Type"))
	}
	page := string(r.body)
	for _, want := range []string{`id="q-park_honours"`, `class="open"`, `LAST_QUERY`, `name="park"`, `placeholder="&lt;pg:park/新余高新区&gt;"`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if n := strings.Count(page, `class="open"`); n < 15 {
		t.Errorf("%d open-in-editor buttons", n)
	}
}

func TestQueryShape(t *testing.T) {
	ts := newServer(t, server.Options{})
	r := do(t, "POST", ts.URL+"/api/v1/shape/gizmo", `g.V("<pg:park/白马园区>").In("<pg:located_in>").Has("<pg:type>", "<pg:Enterprise>").All()`)
	if r.status != 200 {
		t.Fatalf("shape: %d %s", r.status, r.body)
	}
	var plan struct {
		Paths []map[string]any
	}
	json.Unmarshal(r.body, &plan)
	b, _ := json.Marshal(plan.Paths)
	if len(plan.Paths) != 1 || !strings.Contains(string(b), `"shape":"Intersect"`) || !strings.Contains(string(b), "pg:park/白马园区") || !strings.Contains(string(b), "pg:Enterprise") {
		t.Errorf("plan: %s", r.body)
	}
	// Two paths run, two plans.
	r = do(t, "POST", ts.URL+"/api/v1/shape/gizmo", `g.V("<pg:park/白马园区>").Out("<pg:part_of>").All(); g.V().Has("<pg:type>", "<pg:Honor>").Count()`)
	json.Unmarshal(r.body, &plan)
	if len(plan.Paths) != 2 {
		t.Errorf("two paths: %s", r.body)
	}
	// Errors come back under a key the UI shows.
	for _, c := range []struct{ lang, body, want string }{
		{"gizmo", "g.V(.All()", "query:"},
		{"gizmo", "var x = 1;", "runs no path"},
		{"mql", "[{}]", "Gizmo only"},
	} {
		r := do(t, "POST", ts.URL+"/api/v1/shape/"+c.lang, c.body)
		m := r.json(t)
		if r.status < 400 || m["error"] != nil || !strings.Contains(m["shape_error"].(string), c.want) {
			t.Errorf("shape of %q: %d %s", c.body, r.status, r.body)
		}
	}
}

func TestDiagramAPI(t *testing.T) {
	ts := newServer(t, server.Options{})
	r := do(t, "GET", ts.URL+"/api/diagram?ego=白马园区&depth=2", "")
	if r.status != 200 || r.header.Get("Content-Type") != "image/svg+xml" {
		t.Fatalf("diagram: %d %s", r.status, r.body)
	}
	if err := xml.Unmarshal(r.body, new(struct{ XMLName xml.Name })); err != nil {
		t.Errorf("diagram is not XML: %v", err)
	}
	for _, want := range []string{"白马园区", "内江高新区", "四川绿建筑钢构有限公司"} {
		if !bytes.Contains(r.body, []byte(want)) {
			t.Errorf("diagram lacks %s", want)
		}
	}
	r = do(t, "GET", ts.URL+"/api/diagram?from=中国联通&to=沈抚改革创新示范区", "")
	if r.status != 200 || !bytes.Contains(r.body, []byte("<svg")) {
		t.Errorf("path diagram: %d", r.status)
	}
	for _, q := range []string{"", "ego=不存在的园区", "ego=白马园区&depth=5", "ego=白马园区&types=Planet"} {
		r := do(t, "GET", ts.URL+"/api/diagram?"+q, "")
		if r.status != 400 || r.errorMessage(t) == "" {
			t.Errorf("diagram?%s: %d %s", q, r.status, r.body)
		}
	}
}

func TestExportAPI(t *testing.T) {
	ts := newServer(t, server.Options{})
	r := do(t, "GET", ts.URL+"/api/export?format=graphml&ego=白马园区&depth=1", "")
	if r.status != 200 {
		t.Fatalf("graphml: %d %s", r.status, r.body)
	}
	var gm struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>node"`
		Edges []struct{} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal(r.body, &gm); err != nil {
		t.Fatal(err)
	}
	if len(gm.Nodes) != 3 || len(gm.Edges) != 2 || r.header.Get("X-Parkgraph-Entities") != "3" {
		t.Errorf("ego 白马园区: %d nodes, %d edges", len(gm.Nodes), len(gm.Edges))
	}
	r = do(t, "GET", ts.URL+"/api/export?format=csv&types=Park", "")
	zr, err := zip.NewReader(bytes.NewReader(r.body), int64(len(r.body)))
	if err != nil || len(zr.File) != 2 {
		t.Fatalf("csv: %d, %v", r.status, err)
	}
	r = do(t, "GET", ts.URL+"/api/export?format=json&top=5", "")
	var nl struct{ Nodes []any }
	if json.Unmarshal(r.body, &nl); len(nl.Nodes) != 5 {
		t.Errorf("json top=5: %d nodes", len(nl.Nodes))
	}
	for _, q := range []string{"", "format=pdf", "format=gexf&ego=不存在", "format=gexf&depth=x", "format=gexf&colour=red"} {
		r := do(t, "GET", ts.URL+"/api/export?"+q, "")
		if r.status != 400 || r.errorMessage(t) == "" {
			t.Errorf("export?%s: %d %s", q, r.status, r.body)
		}
	}
}

// gephiEvents reads a Gephi streaming reply: one JSON event per line.
func gephiEvents(t *testing.T, body []byte) (nodes map[string]map[string]any, edges []map[string]any) {
	t.Helper()
	nodes = map[string]map[string]any{}
	sc := bufio.NewScanner(bytes.NewReader(body))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var ev map[string]map[string]map[string]any
		if err := json.Unmarshal([]byte(line), &ev); err != nil || len(ev) != 1 {
			t.Fatalf("not a streaming event: %q (%v)", line, err)
		}
		for k, objs := range ev {
			for id, attrs := range objs {
				switch k {
				case "an":
					nodes[id] = attrs
				case "ae":
					if nodes[attrs["source"].(string)] == nil || nodes[attrs["target"].(string)] == nil {
						t.Errorf("edge %s before its nodes", id)
					}
					edges = append(edges, attrs)
				default:
					t.Errorf("unexpected event %s", k)
				}
			}
		}
	}
	return nodes, edges
}

func TestGephiStream(t *testing.T) {
	ts := newServer(t, server.Options{})
	r := do(t, "GET", ts.URL+"/gephi/gs", "")
	nodes, edges := gephiEvents(t, r.body)
	if len(nodes) != 69 || len(edges) != 56 {
		t.Errorf("whole graph: %d nodes, %d edges; want 69 and 56", len(nodes), len(edges))
	}
	if n := nodes["pg:park/新余高新区"]; n == nil || n["label"] != "新余高新区" || n["size"] == nil || n["r"] == nil {
		t.Errorf("新余高新区: %v", n)
	}
	r = do(t, "GET", ts.URL+"/gephi/gs?ego=白马园区&operation=getGraph", "")
	nodes, edges = gephiEvents(t, r.body)
	if len(nodes) != 3 || len(edges) != 2 {
		t.Errorf("ego 白马园区: %d nodes, %d edges", len(nodes), len(edges))
	}
	r = do(t, "GET", ts.URL+"/gephi/gs?query=viz_park&park=pg:park/内江高新区", "")
	nodes, edges = gephiEvents(t, r.body)
	if nodes["pg:park/白马园区"] == nil || len(edges) < 3 {
		t.Errorf("query viz_park: %d nodes, %d edges: %s", len(nodes), len(edges), r.body)
	}
	for _, q := range []string{"query=nope", "query=viz_park&size=1", "colour=red"} {
		r := do(t, "GET", ts.URL+"/gephi/gs?"+q, "")
		if r.status < 400 || r.errorMessage(t) == "" {
			t.Errorf("gephi?%s: %d %s", q, r.status, r.body)
		}
	}
}

func TestHealth(t *testing.T) {
	ts := newServer(t, server.Options{Timeout: 7 * time.Second})
	m := do(t, "GET", ts.URL+"/health", "").json(t)
	if m["status"] != "ok" || m["quads"].(float64) < 400 || m["writable"] != false || m["timeout"] != "7s" {
		t.Errorf("health: %v", m)
	}
}

// TestHostile sends what a careless or hostile client might.
func TestHostile(t *testing.T) {
	ts := newServer(t, server.Options{Timeout: 500 * time.Millisecond, MaxResults: 50, MaxBodyBytes: 64 << 10})

	t.Run("endless loop", func(t *testing.T) {
		start := time.Now()
		r := gizmo(t, ts, `while (true) {}`)
		if took := time.Since(start); took > 3*time.Second {
			t.Errorf("the endless query answered after %s", took)
		}
		if r.status != http.StatusServiceUnavailable || !strings.Contains(r.errorMessage(t), "stopped after 500ms") {
			t.Errorf("%d %s", r.status, r.body)
		}
		// The loop must not keep running: the process uses (almost) no CPU
		// once the query has been answered.
		time.Sleep(100 * time.Millisecond)
		cpu := testenv.CPUTime()
		time.Sleep(time.Second)
		if used := testenv.CPUTime() - cpu; used > 300*time.Millisecond {
			t.Errorf("%s of CPU used in the second after the query was stopped", used)
		}
	})
	t.Run("endless loop of results", func(t *testing.T) {
		r := gizmo(t, ts, `var i = 0; while (true) { g.Emit(i++); }`)
		if r.status < 400 || r.errorMessage(t) == "" {
			t.Errorf("%d %s", r.status, r.body)
		}
	})
	t.Run("plan of an endless loop", func(t *testing.T) {
		start := time.Now()
		r := do(t, "POST", ts.URL+"/api/v1/shape/gizmo", `while (true) {}`)
		if r.status < 400 || time.Since(start) > 3*time.Second {
			t.Errorf("%d after %s: %s", r.status, time.Since(start), r.body)
		}
	})
	t.Run("huge result", func(t *testing.T) {
		r := gizmo(t, ts, `g.V().All()`)
		if r.status != http.StatusRequestEntityTooLarge || !strings.Contains(r.errorMessage(t), "more than 50 results") {
			t.Errorf("%d %s", r.status, r.body)
		}
		if r := gizmo(t, ts, `g.V().Limit(50).All()`); r.status != 200 {
			t.Errorf("50 results: %d %s", r.status, r.body)
		}
		r = do(t, "POST", ts.URL+"/api/queries/document_entities", "")
		if r.status != http.StatusRequestEntityTooLarge || !strings.Contains(r.errorMessage(t), "more than 50 results") {
			t.Errorf("saved query: %d %s", r.status, r.body)
		}
		r = gizmo(t, ts, `var s = "x"; for (var i = 0; i < 16; i++) { s = s + s; } for (var j = 0; j < 40; j++) { g.Emit(s + j); }`)
		if r.status != 200 {
			t.Errorf("40 results of 64 KiB: %d", r.status)
		}
	})
	t.Run("oversize body", func(t *testing.T) {
		big := "// " + strings.Repeat("x", 100<<10) + "\ng.V().Limit(1).All()"
		r := gizmo(t, ts, big)
		if r.status != http.StatusRequestEntityTooLarge || !strings.Contains(r.errorMessage(t), "request body over 64 KiB") {
			t.Errorf("%d %s", r.status, r.body)
		}
		// Without a Content-Length, the body is cut at the limit.
		req, _ := http.NewRequest("POST", ts.URL+"/api/v2/query?lang=gizmo", io.MultiReader(strings.NewReader(big)))
		req.ContentLength = -1
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(b), "64 KiB") {
			t.Errorf("chunked: %d %s", resp.StatusCode, b)
		}
		r = do(t, "POST", ts.URL+"/api/queries/park_honours", `{"park": "`+strings.Repeat("x", 100<<10)+`"}`)
		if r.status != http.StatusRequestEntityTooLarge {
			t.Errorf("saved query: %d", r.status)
		}
	})
	t.Run("write while read-only", func(t *testing.T) {
		for _, path := range []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"} {
			r := do(t, "POST", ts.URL+path, `<pg:park/x> <pg:name> "x" .`)
			if r.status != http.StatusForbidden || !strings.Contains(r.errorMessage(t), "--writable") {
				t.Errorf("%s: %d %s", path, r.status, r.body)
			}
		}
		if r := gizmo(t, ts, `g.V("<pg:park/x>").Out("<pg:name>").All()`); strings.Contains(string(r.body), `"x"`) {
			t.Errorf("the write went through: %s", r.body)
		}
	})
	t.Run("cross origin", func(t *testing.T) {
		r := gizmo(t, ts, `g.V().Limit(1).All()`, "Origin", "http://evil.example")
		if r.status != http.StatusForbidden || !strings.Contains(r.errorMessage(t), "--cors http://evil.example") {
			t.Errorf("%d %s", r.status, r.body)
		}
		if r.header.Get("Access-Control-Allow-Origin") != "" {
			t.Error("CORS header without --cors")
		}
		if r := gizmo(t, ts, `g.V().Limit(1).All()`, "Origin", ts.URL); r.status != 200 {
			t.Errorf("same origin: %d %s", r.status, r.body)
		}
	})
	t.Run("foreign host", func(t *testing.T) {
		r := do(t, "GET", ts.URL+"/health", "", "Host", "rebound.example:80")
		if r.status != http.StatusForbidden || !strings.Contains(r.errorMessage(t), "loopback") {
			t.Errorf("%d %s", r.status, r.body)
		}
	})
}

func TestCORS(t *testing.T) {
	ts := newServer(t, server.Options{CORSOrigin: "https://gephi.example"})
	r := do(t, "OPTIONS", ts.URL+"/api/v2/query?lang=gizmo", "", "Origin", "https://gephi.example", "Access-Control-Request-Method", "POST")
	if r.status != http.StatusNoContent || r.header.Get("Access-Control-Allow-Origin") != "https://gephi.example" {
		t.Errorf("preflight: %d %v", r.status, r.header)
	}
	r = gizmo(t, ts, `g.V().Limit(1).All()`, "Origin", "https://gephi.example")
	if r.status != 200 || r.header.Get("Access-Control-Allow-Origin") != "https://gephi.example" {
		t.Errorf("allowed origin: %d %v", r.status, r.header)
	}
	if r := gizmo(t, ts, `g.V().Limit(1).All()`, "Origin", "https://other.example"); r.status != http.StatusForbidden {
		t.Errorf("other origin: %d", r.status)
	}
}

func TestWritable(t *testing.T) {
	ts := newServer(t, server.Options{Writable: true})
	before := do(t, "GET", ts.URL+"/gephi/gs?types=Park", "")
	r := do(t, "POST", ts.URL+"/api/v2/write", `<pg:park/测试园区> <pg:type> <pg:Park> <pg:doc/t#s0> .
<pg:park/测试园区> <pg:name> "测试园区" <pg:doc/t#s0> .
<pg:park/测试园区> <pg:mentioned_in> <pg:doc/t> <pg:doc/t#s0> .
<pg:park/测试园区> <pg:part_of> <pg:park/内江高新区> <pg:doc/t#s0> .
`)
	if r.status != 200 || !strings.Contains(string(r.body), `"count":4`) {
		t.Fatalf("write: %d %s", r.status, r.body)
	}
	if r := gizmo(t, ts, `g.V("<pg:park/测试园区>").Out("<pg:part_of>").All()`); !strings.Contains(string(r.body), "内江高新区") {
		t.Errorf("written quad not found: %s", r.body)
	}
	// Diagrams, exports and the Gephi stream see the write.
	after := do(t, "GET", ts.URL+"/gephi/gs?types=Park", "")
	if bytes.Contains(before.body, []byte("测试园区")) || !bytes.Contains(after.body, []byte("测试园区")) {
		t.Errorf("the Gephi stream does not follow the write")
	}
	r = do(t, "POST", ts.URL+"/api/v2/delete", `<pg:park/测试园区> <pg:part_of> <pg:park/内江高新区> <pg:doc/t#s0> .`)
	if r.status != 200 || !strings.Contains(string(r.body), `"count": 1`) {
		t.Errorf("delete: %d %s", r.status, r.body)
	}
}

// TestGracefulShutdown stops a server while a request is in flight: the
// request completes, Serve returns, and a query running past the grace
// period is cancelled.
func TestGracefulShutdown(t *testing.T) {
	st := seedgraph.Open(t, "")
	srv, err := server.New(st, server.Options{Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln, 300*time.Millisecond) }()
	url := "http://" + ln.Addr().String()

	if r := do(t, "GET", url+"/health", ""); r.status != 200 {
		t.Fatalf("health: %d", r.status)
	}
	endless := make(chan int, 1)
	go func() {
		resp, err := http.Post(url+"/api/v2/query?lang=gizmo", "text/plain", strings.NewReader("while (true) {}"))
		if err != nil {
			endless <- -1
			return
		}
		resp.Body.Close()
		endless <- resp.StatusCode
	}()
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	stop()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after shutdown")
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("shutdown took %s", took)
	}
	select {
	case <-endless:
	case <-time.After(5 * time.Second):
		t.Error("the endless query was not stopped by the shutdown")
	}
	if _, err := http.Get(url + "/health"); err == nil {
		t.Error("still answering after shutdown")
	}
	if err := st.Close(); err != nil {
		t.Errorf("close store after shutdown: %v", err)
	}
}

func TestResultBytesCap(t *testing.T) {
	ts := newServer(t, server.Options{MaxResultBytes: 1 << 20})
	big := `var s = "x"; for (var i = 0; i < 16; i++) { s = s + s; } for (var j = 0; j < 40; j++) { g.Emit(s + j); }`
	r := gizmo(t, ts, big)
	if r.status != http.StatusRequestEntityTooLarge || !strings.Contains(r.errorMessage(t), "more than 1 MiB") {
		t.Errorf("2.5 MiB of results: %d %s", r.status, r.body)
	}
	if r := gizmo(t, ts, strings.Replace(big, "j < 40", "j < 10", 1)); r.status != 200 {
		t.Errorf("640 KiB of results: %d", r.status)
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:64210": true, "localhost:64210": true, "[::1]:64210": true, "127.1.2.3:80": true,
		"0.0.0.0:64210": false, ":64210": false, "192.168.1.20:64210": false, "[::]:64210": false, "example.org:80": false,
	} {
		if got := server.IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

// TestQueriesTakeTurns runs one query at a time: a quick query waits for an
// endless one to be stopped, then runs.
func TestQueriesTakeTurns(t *testing.T) {
	ts := newServer(t, server.Options{Timeout: 600 * time.Millisecond, MaxConcurrent: 1})
	go gizmo(t, ts, `while (true) {}`)
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	r := gizmo(t, ts, `g.V("<pg:park/白马园区>").All()`)
	took := time.Since(start)
	if r.status != 200 {
		t.Errorf("the waiting query: %d %s", r.status, r.body)
	}
	if took < 300*time.Millisecond {
		t.Errorf("the quick query ran after %s, beside the endless one", took)
	}
}
