package queries_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"parkgraph/graph/store"
	"parkgraph/internal/testenv"
	"parkgraph/loader"
	"parkgraph/loader/extract"
	"parkgraph/queries"
)

// seedStore builds the seed article into an in-memory store.
func seedStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	x, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(testenv.RepoRoot(t), "seeds", "*.txt"))
	for _, f := range files {
		d, err := loader.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		x.Extract(d)
		if _, err := st.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestSavedQueriesOnSeed(t *testing.T) {
	st := seedStore(t)
	want := map[string][]string{
		"enterprises_of_park": {"江西亿铂电子科技有限公司", "江西炬煌磁科技有限公司"},
		"honour_holders":      {"瞪羚企业", "江西航同电气科技有限公司"},
		"edge_evidence":       {"纳斯达克交易所", "pg:doc/000_50c721a1e63a8171#s"},
	}
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range all {
		t.Run(q.Name, func(t *testing.T) {
			res, err := queries.Run(context.Background(), st.QuadStore(), q.Source, nil, 1000)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(res)
			for _, w := range want[q.Name] {
				if !strings.Contains(string(b), w) {
					t.Errorf("result lacks %q: %s", w, b)
				}
			}
			if len(res) == 0 {
				t.Error("no results")
			}
		})
	}
}
