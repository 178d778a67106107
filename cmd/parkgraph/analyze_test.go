package main

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestAnalyzeCommand(t *testing.T) {
	dir := t.TempDir()
	db := "bolt:" + filepath.Join(dir, "db")
	if code, _, stderr := runCLI(t, "build", "--db", db, "--out", filepath.Join(dir, "out"), "--formats", "csv", "../../seeds"); code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr)
	}

	code, stdout, stderr := runCLI(t, "analyze", "--db", db, "--top", "3")
	if code != 0 {
		t.Fatalf("analyze exited %d: %s", code, stderr)
	}
	for _, want := range []string{"graph: ", "pagerank: ", "betweenness: ", "closeness: ", "harmonic: ", "eigenvector: ", "kcore: ", "in_degree: ",
		"communities: ", "modularity ", "links between communities", "新余高新区",
		// build stored the same analysis already
		"the store already holds these results (analysis run pg:analysis/"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	// Each ranked table has --top rows.
	if rows := regexp.MustCompile(`(?m)^\s+3\. `).FindAllString(stdout, -1); len(rows) < 9 {
		t.Errorf("%d tables reach row 3, want one per measure:\n%s", len(rows), stdout)
	}
	// The next run replaces the stored results.
	code, stdout, _ = runCLI(t, "analyze", "--db", db, "--measures", "pagerank,communities", "--resolution", "2", "--seed", "7", "--top", "2")
	m := regexp.MustCompile(`(\d+) quads written, (\d+) of the previous run removed`).FindStringSubmatch(stdout)
	if code != 0 || m == nil || m[2] == "0" {
		t.Fatalf("second analyze: code %d\n%s", code, stdout)
	}
	if strings.Contains(stdout, "betweenness:") || !strings.Contains(stdout, "resolution 2") {
		t.Errorf("second run printed measures it was not asked for or the wrong resolution:\n%s", stdout)
	}
	// Exports read the stored run.
	out := filepath.Join(dir, "g.graphml")
	if code, _, stderr := runCLI(t, "export", "--db", db, "-o", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), `<data key="n_community">`) || strings.Contains(string(b), `<data key="n_betweenness">`) {
		t.Errorf("the export does not carry the stored run (community, no betweenness)")
	}

	// --no-write leaves the store alone.
	_, stdout, _ = runCLI(t, "analyze", "--db", db, "--no-write", "--measures", "kcore")
	if strings.Contains(stdout, "stored as") {
		t.Errorf("--no-write stored the run:\n%s", stdout)
	}
}

func TestAnalyzeProjection(t *testing.T) {
	dir := t.TempDir()
	db := "bolt:" + filepath.Join(dir, "db")
	if code, _, stderr := runCLI(t, "build", "--db", db, "--out", filepath.Join(dir, "out"), "--formats", "csv", "../../seeds"); code != 0 {
		t.Fatalf("build exited %d: %s", code, stderr)
	}
	out := filepath.Join(dir, "enterprises.graphml")
	code, stdout, stderr := runCLI(t, "analyze", "--db", db, "--projection", "enterprises", "-o", out, "--top", "3")
	if code != 0 {
		t.Fatalf("analyze --projection exited %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "projection enterprises") || strings.Contains(stdout, "stored as") || strings.Contains(stdout, "in_degree") || !strings.Contains(stdout, "pagerank: ") {
		t.Errorf("output:\n%s", stdout)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Nodes []struct{} `xml:"graph>node"`
		Edges []struct {
			Data []struct {
				Key string `xml:"key,attr"`
				V   string `xml:",chardata"`
			} `xml:"data"`
		} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal(b, &g); err != nil {
		t.Fatalf("projection GraphML does not parse: %v", err)
	}
	if len(g.Nodes) < 3 || len(g.Edges) < 2 {
		t.Fatalf("projection has %d nodes and %d edges", len(g.Nodes), len(g.Edges))
	}
	labels := map[string]bool{}
	for _, e := range g.Edges {
		for _, d := range e.Data {
			if d.Key == "e_label" {
				labels[d.V] = true
			}
		}
	}
	if !labels["同园区"] {
		t.Errorf("edge labels %v lack 同园区 (shared park)", labels)
	}
}

func TestAnalyzeErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--resolution", "0"}, 2, "--resolution must be a positive number"},
		{[]string{"--measures", "pagerank,closenes"}, 2, `unknown measure "closenes"`},
		{[]string{"--top", "-1"}, 2, "--top must be 0 or more"},
		{[]string{"--projection", "firms"}, 2, "unknown projection"},
		{[]string{"-o", "x.graphml"}, 2, "name one with --projection"},
		{[]string{"--db", "bolt:" + filepath.Join(dir, "none")}, 1, "no store at"},
		{[]string{"--db", "memory:"}, 1, "holds no entities"},
	} {
		code, _, stderr := runCLI(t, append([]string{"analyze"}, tc.args...)...)
		if code != tc.code || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("analyze %v: exit %d, stderr %q; want exit %d and one line with %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}
