package loadtest_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"parkgraph/internal/loadtest"
	"parkgraph/internal/seedgraph"
	"parkgraph/server"
)

// TestRunOnSeed runs a short load on the seed graph: every query of the mix
// is sent and none fails.
func TestRunOnSeed(t *testing.T) {
	st := seedgraph.Open(t, "")
	srv, err := server.New(st, server.Options{LoopbackOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	rep, err := loadtest.Run(context.Background(), loadtest.Options{URL: ts.URL, Clients: 4, Duration: time.Second, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rep.Write(&out)
	t.Log("\n" + out.String())
	if rep.Total.Errors != 0 {
		t.Errorf("%d errors: %v", rep.Total.Errors, rep.Errors)
	}
	if len(rep.PerQuery) != len(loadtest.DefaultMix) {
		t.Errorf("%d of %d queries were sent", len(rep.PerQuery), len(loadtest.DefaultMix))
	}
	if rep.Total.P99 < rep.Total.P50 || rep.Total.P50 <= 0 {
		t.Errorf("percentiles: p50 %s, p99 %s", rep.Total.P50, rep.Total.P99)
	}
	if rep.Pool["community"] == 0 || rep.Pool["park"] != 9 {
		t.Errorf("parameter pool: %v", rep.Pool)
	}
	// A failing query is counted and reported.
	rep, err = loadtest.Run(context.Background(), loadtest.Options{URL: ts.URL, Clients: 1, Duration: 200 * time.Millisecond, Queries: []string{"no_such_query"}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Total.Errors == 0 || rep.Total.Errors != rep.Total.Requests {
		t.Errorf("errors: %d of %d", rep.Total.Errors, rep.Total.Requests)
	}
	for e := range rep.Errors {
		if !strings.Contains(e, "HTTP 404") {
			t.Errorf("error: %s", e)
		}
	}
}
