package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"parkgraph/graph"
	"parkgraph/graph/store"
	"parkgraph/internal/clients"
)

func seedSnapshot(t *testing.T, db string) *graph.Snapshot {
	t.Helper()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestExportSeedReaders exports the seed graph in every format and hands
// each file to the third-party readers of that format: all must see the
// store's entities and relations.
func TestExportSeedReaders(t *testing.T) {
	checkReaders(t, seedStore(t), "seed")
}

// TestExportGeneratedReaders does the same with the graph of a generated
// corpus: PARKGRAPH_EXPORT_ARTICLES articles (default 120; the readers have
// been run on larger corpora this way), built through the CLI into bolt.
func TestExportGeneratedReaders(t *testing.T) {
	n := 120
	if v := os.Getenv("PARKGRAPH_EXPORT_ARTICLES"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			t.Fatalf("PARKGRAPH_EXPORT_ARTICLES=%q: want a number of articles", v)
		}
	}
	if testing.Short() {
		t.Skip("skipped in -short mode: builds a generated corpus")
	}
	dir := t.TempDir()
	corpusDir := filepath.Join(dir, "corpus")
	if code, _, stderr := runCLI(t, "gen", "--articles", strconv.Itoa(n), corpusDir); code != 0 {
		t.Fatalf("gen: exit %d: %s", code, stderr)
	}
	db := "bolt:" + filepath.Join(dir, "db")
	if code, _, stderr := runCLI(t, "build", "--db", db, "--out", filepath.Join(dir, "out"), filepath.Join(corpusDir, "articles")); code != 0 {
		t.Fatalf("build: exit %d: %s", code, stderr)
	}
	checkReaders(t, db, "generated")
}

// checkReaders exports the graph in store db in every format and hands each
// file to the third-party readers of that format: all must see the store's
// entities and relations.
func checkReaders(t *testing.T, db, stem string) {
	s := seedSnapshot(t, db)
	n, m := len(s.Nodes), len(s.Edges)
	if n == 0 || m == 0 {
		t.Fatalf("the store holds %d entities and %d relations", n, m)
	}
	dir := t.TempDir()
	export := func(t *testing.T, name string) string {
		t.Helper()
		file := filepath.Join(dir, name)
		code, stdout, stderr := runCLI(t, "export", "--db", db, "-o", file)
		if code != 0 {
			t.Fatalf("export -o %s: exit %d: %s", name, code, stderr)
		}
		if !strings.Contains(stdout, "wrote ") {
			t.Errorf("export said %q", stdout)
		}
		return file
	}
	schemas := func(t *testing.T) string { return clients.SchemaDir(t) }
	t.Run("graphml", func(t *testing.T) {
		f := export(t, stem+".graphml")
		t.Run("xmllint", func(t *testing.T) {
			clients.XMLLint(t, f, filepath.Join(schemas(t), "graphml", "1.0", "graphml.xsd"), false)
		})
		t.Run("networkx", func(t *testing.T) { clients.Python(t, "graphml-networkx", f).Counts(t, n, m) })
		t.Run("igraph", func(t *testing.T) { clients.Python(t, "graphml-igraph", f).Counts(t, n, m) })
		t.Run("graphology", func(t *testing.T) { clients.Node(t, "graphml", f).Counts(t, n, m) })
	})
	t.Run("gexf", func(t *testing.T) {
		f := export(t, stem+".gexf")
		t.Run("jing", func(t *testing.T) { clients.Jing(t, f, filepath.Join(schemas(t), "gexf", "1.3", "gexf.rnc")) })
		t.Run("networkx", func(t *testing.T) { clients.Python(t, "gexf-networkx", f).Counts(t, n, m) })
		t.Run("graphology", func(t *testing.T) { clients.Node(t, "gexf", f).Counts(t, n, m) })
	})
	t.Run("dot", func(t *testing.T) {
		f := export(t, stem+".dot")
		t.Run("graphviz", func(t *testing.T) {
			svg := string(clients.Dot(t, f))
			if got := strings.Count(svg, `class="node"`); got != n {
				t.Errorf("Graphviz drew %d nodes, want %d", got, n)
			}
			if got := strings.Count(svg, `class="edge"`); got != m {
				t.Errorf("Graphviz drew %d edges, want %d", got, m)
			}
		})
		t.Run("pydot", func(t *testing.T) { clients.Python(t, "dot-pydot", f).Counts(t, n, m) })
	})
	t.Run("json", func(t *testing.T) {
		f := export(t, stem+".json")
		t.Run("networkx", func(t *testing.T) { clients.Python(t, "json-networkx", f).Counts(t, n, m) })
		t.Run("graphology", func(t *testing.T) { clients.Node(t, "json", f).Counts(t, n, m) })
	})
	t.Run("cyjs", func(t *testing.T) {
		f := export(t, stem+".cyjs")
		t.Run("networkx", func(t *testing.T) { clients.Python(t, "cyjs-networkx", f).Counts(t, n, m) })
		t.Run("cytoscape.js", func(t *testing.T) { clients.Node(t, "cyjs", f).Counts(t, n, m) })
	})
	t.Run("csv", func(t *testing.T) {
		export(t, stem+".csv")
		t.Run("python csv", func(t *testing.T) {
			clients.Python(t, "csv-networkx", filepath.Join(dir, stem+".nodes.csv"), filepath.Join(dir, stem+".edges.csv")).Counts(t, n, m)
		})
	})
	t.Run("nquads", func(t *testing.T) {
		f := export(t, stem+".nq")
		rdf := clients.Python(t, "nquads-rdflib", f)
		n3 := clients.Node(t, "nquads", f)
		n3.Counts(t, rdf.Nodes, rdf.Edges)
		if rdf.Nodes < n {
			t.Errorf("rdflib saw %d resources for %d entities", rdf.Nodes, n)
		}
	})
}

func TestExportFilters(t *testing.T) {
	db := seedStore(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "ego.json")
	code, stdout, stderr := runCLI(t, "export", "--db", db, "-o", out, "--ego", "新余高新区", "--depth", "1", "--types", "Park,Enterprise")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "of ") {
		t.Errorf("summary %q does not say what the filter kept of how much", stdout)
	}
	var d struct {
		Nodes []struct{ ID, Type string } `json:"nodes"`
	}
	b, _ := os.ReadFile(out)
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	centre := false
	for _, nd := range d.Nodes {
		if nd.ID == "pg:park/新余高新区" {
			centre = true
		}
		if nd.Type != "Park" && nd.Type != "Enterprise" {
			t.Errorf("%s of type %s kept", nd.ID, nd.Type)
		}
	}
	if !centre || len(d.Nodes) < 3 {
		t.Errorf("ego graph of 新余高新区: %v", d.Nodes)
	}

	// standard output, with the format named
	code, stdout, stderr = runCLI(t, "export", "--db", db, "-o", "-", "--format", "graphml", "--top", "5")
	if code != 0 || strings.Count(stdout, "<node ") != 5 || !strings.Contains(stderr, "5 entities") {
		t.Errorf("export -o - --top 5: exit %d, %d nodes, stderr %q", code, strings.Count(stdout, "<node "), stderr)
	}
}

func TestExportErrors(t *testing.T) {
	db := seedStore(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no output", []string{"export", "--db", db}, 2, "no output file"},
		{"unknown extension", []string{"export", "--db", db, "-o", filepath.Join(dir, "g.pdf")}, 2, "no export format for"},
		{"unknown format", []string{"export", "--db", db, "-o", filepath.Join(dir, "g.x"), "--format", "svgz"}, 2, "unknown export format"},
		{"stdout without format", []string{"export", "--db", db, "-o", "-"}, 2, "needs --format"},
		{"bad option", []string{"export", "--db", db, "-o", filepath.Join(dir, "g.dot"), "--cluster", "city"}, 2, `unknown cluster "city"`},
		{"bad filter", []string{"export", "--db", db, "-o", filepath.Join(dir, "g.dot"), "--types", "City"}, 2, "unknown entity type"},
		{"unknown ego", []string{"export", "--db", db, "-o", filepath.Join(dir, "g.dot"), "--ego", "新余"}, 1, "close matches: 新余高新区"},
		{"nothing left", []string{"export", "--db", db, "-o", filepath.Join(dir, "g.dot"), "--types", "Honor", "--predicates", "located_in", "--min-degree", "1"}, 1, "the filters leave no entities"},
		{"no store", []string{"export", "--db", "bolt:" + filepath.Join(dir, "none"), "-o", filepath.Join(dir, "g.dot")}, 1, "no store at"},
		{"empty store", []string{"export", "--db", "memory:", "-o", filepath.Join(dir, "g.dot")}, 1, "holds no entities"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("exit %d, stderr %q; want %d and one line with %q", code, stderr, tc.code, tc.want)
			}
		})
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
		t.Errorf("failed exports left files: %v", left)
	}
}
