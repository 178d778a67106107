// Package loadtest puts a parkgraph server under load: many clients, each
// running saved queries one after another for a while, with parameters drawn
// from the graph (its parks, enterprises, honours, institutions, documents
// and communities), and reports errors and latency percentiles per query.
package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"
)

// Options configure a run.
type Options struct {
	URL      string        // the server, as http://127.0.0.1:64210
	Clients  int           // concurrent clients
	Duration time.Duration // how long each client keeps sending
	Seed     uint64        // seed of the clients' choices
	Queries  []string      // saved queries to mix; nil for DefaultMix
}

// DefaultMix is the saved queries a run mixes: those an editor runs about one
// park, enterprise, honour, institution, document or community. Left out
// are the reports over the whole graph (rankings, visualisations of
// everything) and the two that walk far from their start: connections (every
// path of up to three relations) and park_investors (everything located in
// a park and its sub-parks), which take seconds at the largest parks of a
// generated graph; add them with Options.Queries.
var DefaultMix = []string{
	"enterprises_of_park", "park_honours", "park_projects", "sub_parks", "viz_park",
	"enterprise_profile", "honour_detail", "institution_partners", "edge_evidence",
	"document_entities", "community_members", "top_pagerank_in_community",
}

// Stats are the outcome of one query (or of all).
type Stats struct {
	Name     string
	Requests int
	Errors   int
	P50, P99 time.Duration
	Max      time.Duration
}

// Report is the outcome of a run.
type Report struct {
	Clients  int
	Duration time.Duration
	Total    Stats
	PerQuery []Stats
	Errors   map[string]int // error message (first 200 bytes) → count
	Pool     map[string]int // how many candidate values of each kind the parameters were drawn from
}

// Throughput is requests per second.
func (r *Report) Throughput() float64 { return float64(r.Total.Requests) / r.Duration.Seconds() }

// pool holds the values queries take as parameters.
type pool map[string][]string

func (p pool) pick(rng *rand.Rand, kind string) string {
	vs := p[kind]
	if len(vs) == 0 {
		return ""
	}
	return vs[rng.IntN(len(vs))]
}

// params draws parameters for a query; nil when the graph has nothing the
// query could be asked about.
func (p pool) params(rng *rand.Rand, name string) map[string]any {
	one := func(k, kind string) map[string]any {
		v := p.pick(rng, kind)
		if v == "" {
			return nil
		}
		return map[string]any{k: v}
	}
	switch name {
	case "enterprises_of_park", "park_honours", "park_investors", "park_projects", "sub_parks", "viz_park":
		return one("park", "park")
	case "enterprise_profile":
		return one("enterprise", "enterprise")
	case "honour_detail":
		return one("honour", "honour")
	case "institution_partners":
		return one("institution", "institution")
	case "document_entities", "document_contributions":
		return one("doc", "doc")
	case "community_members":
		return one("community", "community")
	case "top_pagerank_in_community":
		m := one("community", "community")
		if m != nil {
			m["n"] = 10
		}
		return m
	case "edge_evidence":
		e := p.pick(rng, "enterprise")
		if e == "" {
			return nil
		}
		return map[string]any{"subject": e, "predicate": "<pg:located_in>"}
	case "connections":
		a, b := p.pick(rng, "enterprise"), p.pick(rng, "park")
		if a == "" || b == "" {
			return nil
		}
		return map[string]any{"from": a, "to": b}
	}
	return map[string]any{}
}

// gizmo runs an ad-hoc query on the server's API and returns the "id" of
// each result.
func gizmo(ctx context.Context, c *http.Client, url, src string) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", url+"/api/v2/query?lang=gizmo", strings.NewReader(src))
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out struct {
		Result []map[string]any
		Error  string
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	if out.Error != "" {
		return nil, fmt.Errorf("%s", out.Error)
	}
	var ids []string
	for _, r := range out.Result {
		if s, ok := r["id"].(string); ok {
			ids = append(ids, s)
		} else if f, ok := r["id"].(float64); ok {
			ids = append(ids, fmt.Sprint(int64(f)))
		}
	}
	return ids, nil
}

// samplePool asks the server for up to 2,000 values of each kind.
func samplePool(ctx context.Context, c *http.Client, url string) (pool, error) {
	const n = 2000
	kinds := map[string]string{
		"park":        `g.V().Has("<pg:type>", "<pg:Park>").Unique().Limit(%d).All()`,
		"enterprise":  `g.V().Has("<pg:type>", "<pg:Enterprise>").Unique().Limit(%d).All()`,
		"honour":      `g.V().Has("<pg:type>", "<pg:Honor>").Unique().Limit(%d).All()`,
		"institution": `g.V().Has("<pg:type>", "<pg:Institution>").Unique().Limit(%d).All()`,
		"doc":         `g.V().Has("<pg:type>", "<pg:Document>").Unique().Limit(%d).All()`,
	}
	p := pool{}
	for kind, src := range kinds {
		ids, err := gizmo(ctx, c, url, fmt.Sprintf(src, n))
		if err != nil {
			return nil, fmt.Errorf("sample %ss: %w", kind, err)
		}
		p[kind] = ids
	}
	// Communities are numbered from 0 (the largest); ask for the first 30
	// one by one (a lookup by value is quick, a scan of every node is not).
	for i := 0; i < 30; i++ {
		ids, err := gizmo(ctx, c, url, fmt.Sprintf(`g.V().Has("<pg:community>", %d).Limit(1).All()`, i))
		if err != nil {
			return nil, fmt.Errorf("sample communities: %w", err)
		}
		if len(ids) == 0 {
			break
		}
		p["community"] = append(p["community"], fmt.Sprint(i))
	}
	if len(p["park"]) == 0 {
		return nil, fmt.Errorf("the graph at %s has no parks; build one first", url)
	}
	return p, nil
}

type sample struct {
	name    string
	latency time.Duration
	err     string
}

// Run loads the server and reports what happened.
func Run(ctx context.Context, o Options) (*Report, error) {
	if o.Clients <= 0 {
		o.Clients = 50
	}
	if o.Duration <= 0 {
		o.Duration = 30 * time.Second
	}
	mix := o.Queries
	if mix == nil {
		mix = DefaultMix
	}
	tr := &http.Transport{MaxIdleConns: o.Clients * 2, MaxIdleConnsPerHost: o.Clients * 2, IdleConnTimeout: time.Minute}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 5 * time.Minute}
	p, err := samplePool(ctx, c, o.URL)
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	var samples []sample
	start := time.Now()
	deadline := start.Add(o.Duration)
	var wg sync.WaitGroup
	for i := 0; i < o.Clients; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(o.Seed, uint64(i)))
			var mine []sample
			for time.Now().Before(deadline) && ctx.Err() == nil {
				name := mix[rng.IntN(len(mix))]
				params := p.params(rng, name)
				if params == nil {
					continue
				}
				mine = append(mine, request(ctx, c, o.URL, name, params))
			}
			mu.Lock()
			samples = append(samples, mine...)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	rep := &Report{Clients: o.Clients, Duration: time.Since(start), Errors: map[string]int{}, Pool: map[string]int{}}
	for k, v := range p {
		rep.Pool[k] = len(v)
	}
	by := map[string][]sample{}
	for _, s := range samples {
		by[s.name] = append(by[s.name], s)
		if s.err != "" {
			rep.Errors[s.err]++
		}
	}
	rep.Total = stats("all", samples)
	for name, ss := range by {
		rep.PerQuery = append(rep.PerQuery, stats(name, ss))
	}
	sort.Slice(rep.PerQuery, func(i, j int) bool { return rep.PerQuery[i].Name < rep.PerQuery[j].Name })
	return rep, ctx.Err()
}

func request(ctx context.Context, c *http.Client, url, name string, params map[string]any) sample {
	body, _ := json.Marshal(params)
	t0 := time.Now()
	req, err := http.NewRequestWithContext(ctx, "POST", url+"/api/queries/"+name, bytes.NewReader(body))
	if err != nil {
		return sample{name, 0, err.Error()}
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.Do(req)
	if err != nil {
		return sample{name, time.Since(t0), name + ": " + err.Error()}
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	lat := time.Since(t0)
	switch {
	case err != nil:
		return sample{name, lat, name + ": " + err.Error()}
	case resp.StatusCode != http.StatusOK:
		msg := string(b)
		if len(msg) > 200 {
			msg = msg[:200]
		}
		return sample{name, lat, fmt.Sprintf("%s: HTTP %d %s", name, resp.StatusCode, strings.TrimSpace(msg))}
	case !bytes.HasPrefix(b, []byte(`{"result":`)):
		return sample{name, lat, name + ": reply without results"}
	}
	return sample{name, lat, ""}
}

func stats(name string, ss []sample) Stats {
	st := Stats{Name: name, Requests: len(ss)}
	lats := make([]time.Duration, 0, len(ss))
	for _, s := range ss {
		if s.err != "" {
			st.Errors++
		}
		lats = append(lats, s.latency)
	}
	if len(lats) == 0 {
		return st
	}
	sort.Slice(lats, func(i, j int) bool { return lats[i] < lats[j] })
	q := func(f float64) time.Duration { return lats[min(len(lats)-1, int(f*float64(len(lats))))] }
	st.P50, st.P99, st.Max = q(0.50), q(0.99), lats[len(lats)-1]
	return st
}

// Write prints the report as a table.
func (r *Report) Write(w io.Writer) {
	fmt.Fprintf(w, "%d clients for %s: %d requests (%.1f/s), %d errors; latency p50 %s, p99 %s, max %s\n",
		r.Clients, r.Duration.Round(time.Millisecond), r.Total.Requests, r.Throughput(), r.Total.Errors,
		ms(r.Total.P50), ms(r.Total.P99), ms(r.Total.Max))
	fmt.Fprintf(w, "%-28s %8s %6s %10s %10s %10s\n", "query", "requests", "errors", "p50", "p99", "max")
	for _, s := range r.PerQuery {
		fmt.Fprintf(w, "%-28s %8d %6d %10s %10s %10s\n", s.Name, s.Requests, s.Errors, ms(s.P50), ms(s.P99), ms(s.Max))
	}
	var errs []string
	for e := range r.Errors {
		errs = append(errs, e)
	}
	sort.Strings(errs)
	for _, e := range errs {
		fmt.Fprintf(w, "error ×%d: %s\n", r.Errors[e], e)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/float64(time.Millisecond)) }
