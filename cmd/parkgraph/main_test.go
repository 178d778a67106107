package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parkgraph/internal/corpus"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestBuildSeeds(t *testing.T) {
	dir := t.TempDir()
	db := "bolt:" + filepath.Join(dir, "db")
	outDir := filepath.Join(dir, "out")
	code, stdout, stderr := runCLI(t, "build", "--db", db, "--out", outDir, "../../seeds")
	if code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr)
	}
	for _, want := range []string{"entities:", "relations:", "top 10 by PageRank:", "communities:", "新余高新区"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	gm, err := os.ReadFile(filepath.Join(outDir, "graph.graphml"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Nodes []struct {
			Data []struct {
				Key string `xml:"key,attr"`
				V   string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"graph>node"`
	}
	if err := xml.Unmarshal(gm, &g); err != nil {
		t.Fatalf("graph.graphml: %v", err)
	}
	if len(g.Nodes) < 20 {
		t.Errorf("graph.graphml has %d nodes", len(g.Nodes))
	}
	keys := map[string]bool{}
	for _, d := range g.Nodes[0].Data {
		keys[d.Key] = true
	}
	for _, k := range []string{"label", "n_type", "n_pagerank"} {
		if !keys[k] {
			t.Errorf("first node lacks %s", k)
		}
	}
	if _, err := os.Stat(filepath.Join(outDir, "graph.gexf")); err != nil {
		t.Errorf("build wrote no GEXF by default: %v", err)
	}
	dot, err := os.ReadFile(filepath.Join(outDir, "graph.dot"))
	if err != nil || !strings.Contains(string(dot), `fontname="Noto Sans CJK SC"`) {
		t.Errorf("graph.dot: %v", err)
	}

	// A second build of the same files adds nothing.
	code, stdout, _ = runCLI(t, "build", "--db", db, "--out", outDir, "../../seeds")
	if code != 0 || !strings.Contains(stdout, "0 new, 0 changed, 1 unchanged") {
		t.Errorf("rebuild: code %d\n%s", code, stdout)
	}
}

func TestExtractJSON(t *testing.T) {
	code, stdout, stderr := runCLI(t, "extract", "--json", "../../seeds")
	if code != 0 {
		t.Fatalf("extract exited %d: %s", code, stderr)
	}
	var doc jsonDoc
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc.Doc != "000_50c721a1e63a8171" || len(doc.Entities) < 20 || len(doc.Relations) < 10 {
		t.Errorf("doc %q: %d entities, %d relations", doc.Doc, len(doc.Entities), len(doc.Relations))
	}
	for _, r := range doc.Relations {
		if r.Evidence == "" || !strings.Contains(r.Evidence, "") {
			t.Errorf("relation %s %s %s has no evidence", r.Subject, r.Predicate, r.Object)
		}
	}
}

// TestExtractParallelKeepsOrder checks that extracting a folder on several
// workers prints what one worker prints, byte for byte and in file order,
// messages about unreadable files included, also when the workers run
// far ahead of the output (a window of 4 files per worker, 90 files).
func TestExtractParallelKeepsOrder(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpus.New(corpus.Options{Articles: 90, Seed: 5}).WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	articles := filepath.Join(dir, "articles")
	for _, bad := range []string{"g000010.txt", "g000055.txt"} { // among the others, in file order
		if err := os.WriteFile(filepath.Join(articles, bad), []byte{0, 1, 2, 3}, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code1, out1, err1 := runCLI(t, "extract", "--json", "--workers", "1", articles)
	code4, out4, err4 := runCLI(t, "extract", "--json", "--workers", "4", articles)
	if code1 != 1 || code4 != 1 {
		t.Fatalf("exit codes %d and %d, want 1 (two files unreadable)", code1, code4)
	}
	if out1 != out4 {
		t.Errorf("4 workers print other documents than 1 (%d against %d bytes)", len(out4), len(out1))
	}
	if err1 != err4 || strings.Count(err4, "binary") != 2 || strings.Index(err4, "g000010") > strings.Index(err4, "g000055") {
		t.Errorf("messages differ or are out of order:\n1 worker: %s\n4 workers: %s", err1, err4)
	}
	if n := strings.Count(out4, "\n"); n != 88 {
		t.Errorf("%d documents printed, want 88", n)
	}
	var prev string
	for line := range strings.SplitSeq(strings.TrimSpace(out4), "\n") {
		var doc jsonDoc
		if err := json.Unmarshal([]byte(line), &doc); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
		if doc.Doc <= prev {
			t.Errorf("document %s printed after %s", doc.Doc, prev)
		}
		prev = doc.Doc
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "x.txt")
	os.WriteFile(bin, []byte{0, 1, 2, 3, 0, 0}, 0o644)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"build without paths", []string{"build", "--db", "memory:"}, 2, "no articles"},
		{"missing file", []string{"extract", "--json", filepath.Join(dir, "none.txt")}, 1, "no such file"},
		{"binary file", []string{"extract", "--json", bin}, 1, "binary"},
		{"bad store", []string{"build", "--db", "mongo://x", "../../seeds"}, 1, "unknown store"},
		{"bad flag", []string{"build", "--nope"}, 2, "flag provided but not defined"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.want)
			}
		})
	}
}
