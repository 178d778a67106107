package parkgraph_test

import (
	"context"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"parkgraph/graph"
	"parkgraph/graph/store"
	"parkgraph/loader"
	"parkgraph/loader/extract"
	"parkgraph/queries"
)

// TestReadmeVocabulary keeps the README's vocabulary table in step with
// graph.Vocabulary.
func TestReadmeVocabulary(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range graph.Vocabulary() {
		if !strings.Contains(string(b), "| `"+v.IRI.String()+"` |") {
			t.Errorf("README.md does not document %s", v.IRI)
		}
	}
}

// TestReadmeQueries runs every Gizmo block of the README on the seed graph.
func TestReadmeQueries(t *testing.T) {
	b, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```js\n(.*?)```").FindAllStringSubmatch(string(b), -1)
	if len(blocks) < 3 {
		t.Fatalf("README has %d Gizmo queries, want 3", len(blocks))
	}
	st, err := store.Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	x, _ := extract.Default()
	d, err := loader.Load("seeds/000_50c721a1e63a8171.txt")
	if err != nil {
		t.Fatal(err)
	}
	x.Extract(d)
	if _, err := st.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := []string{"江西炬煌磁科技有限公司", "瞪羚企业", "前不久，位于新余高新区的江西亿铂电子科技有限公司在美国纳斯达克交易所上市。"}
	for i, blk := range blocks {
		res, err := queries.Run(context.Background(), st.QuadStore(), blk[1], nil, 1000)
		if err != nil {
			t.Errorf("query %d: %v", i+1, err)
			continue
		}
		out, _ := json.Marshal(res)
		if i < len(want) && !strings.Contains(string(out), want[i]) {
			t.Errorf("query %d result lacks %q: %s", i+1, want[i], out)
		}
	}
}
