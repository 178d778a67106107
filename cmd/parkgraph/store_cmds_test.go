package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// storeFixture builds a bolt store from three small articles that name one
// company three ways, and returns its DSN and the articles' folder.
func storeFixture(t *testing.T) (db, dir string) {
	t.Helper()
	dir = t.TempDir()
	articles := map[string]string{
		"a.txt": "云南青禾科技有限公司落户云岭高新区\n\n近日，云南青禾科技有限公司正式落户云岭高新区。该公司主要从事新材料研发。\n",
		"b.txt": "青禾科技有限公司获评瞪羚企业\n\n青禾科技有限公司入选2024年度瞪羚企业名单。\n",
		"c.txt": "白鹭精工落户云岭高新区\n\n白鹭精工有限公司正式落户云岭高新区。\n",
	}
	for name, text := range articles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db = "bolt:" + filepath.Join(t.TempDir(), "db")
	if code, _, stderr := runCLI(t, "build", "--db", db, "--formats", "", dir); code != 0 {
		t.Fatalf("build: %s", stderr)
	}
	return db, dir
}

func TestWhyCommand(t *testing.T) {
	db, _ := storeFixture(t)
	code, stdout, stderr := runCLI(t, "why", "--db", db, "白鹭精工有限公司", "located_in", "云岭高新区")
	if code != 0 {
		t.Fatalf("why exited %d: %s", code, stderr)
	}
	for _, want := range []string{" sentences in 1 documents", "c  白鹭精工落户云岭高新区", "file ", "白鹭精工有限公司正式落户云岭高新区。", "<pg:doc/c#s"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("why output lacks %q:\n%s", want, stdout)
		}
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"why", "--db", db, "白鹭精工有限公司", "awarded", "云岭高新区"}, 1, "no sentence"},
		{[]string{"why", "--db", db, "无名公司", "located_in", "云岭高新区"}, 1, "no entity"},
		{[]string{"why", "--db", db, "a", "owns", "b"}, 2, "unknown predicate"},
		{[]string{"why", "--db", db, "a", "b"}, 2, "want SUBJECT PREDICATE OBJECT"},
		{[]string{"why", "--db", "bolt:" + filepath.Join(t.TempDir(), "none"), "a", "located_in", "b"}, 1, "no store at"},
	} {
		code, _, stderr := runCLI(t, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tc.args[3:], code, stderr, tc.code, tc.want)
		}
	}
}

func TestRmCommand(t *testing.T) {
	db, dir := storeFixture(t)
	code, stdout, stderr := runCLI(t, "rm", "--db", db, filepath.Join(dir, "c.txt"))
	if code != 0 || !strings.Contains(stdout, "removed c (") {
		t.Fatalf("rm: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "why", "--db", db, "白鹭精工有限公司", "located_in", "云岭高新区"); code != 1 || !strings.Contains(stderr, "no entity") {
		t.Errorf("after rm the company only c named is still there: %s", stderr)
	}
	// The park, which a.txt names too, stays.
	if code, _, stderr := runCLI(t, "why", "--db", db, "云南青禾科技有限公司", "located_in", "云岭高新区"); code != 0 {
		t.Errorf("rm c removed a's evidence: %s", stderr)
	}
	if code, _, stderr := runCLI(t, "rm", "--db", db, "c"); code != 1 || !strings.Contains(stderr, "no such document") {
		t.Errorf("second rm: exit %d, %s", code, stderr)
	}
	// A rebuild puts c back and leaves the others alone.
	code, stdout, _ = runCLI(t, "build", "--db", db, "--formats", "", dir)
	if code != 0 || !strings.Contains(stdout, "1 new, 0 changed, 2 unchanged") {
		t.Errorf("rebuild after rm:\n%s", stdout)
	}
}

func TestAliasesCommand(t *testing.T) {
	db, dir := storeFixture(t)
	code, stdout, stderr := runCLI(t, "aliases", "--db", db)
	if code != 0 {
		t.Fatalf("aliases: %s", stderr)
	}
	if !strings.Contains(stdout, "云南青禾科技有限公司 (Enterprise)") || !strings.Contains(stdout, "aliases:   青禾科技有限公司") ||
		!strings.Contains(stdout, "documents: a, b") || !strings.Contains(stdout, "1 merged entities") {
		t.Errorf("aliases output:\n%s", stdout)
	}
	// The graph the exports see has one node for the company.
	out := filepath.Join(t.TempDir(), "g.json")
	if code, _, stderr := runCLI(t, "export", "--db", db, "-o", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	b, _ := os.ReadFile(out)
	if n := strings.Count(string(b), "青禾科技有限公司\""); n == 0 || strings.Contains(string(b), "\"pg:enterprise/青禾科技有限公司\"") {
		t.Errorf("export still has the merged alias as a node of its own:\n%s", b)
	}

	// An aliases file splits them on the next build.
	rules := filepath.Join(t.TempDir(), "aliases.txt")
	os.WriteFile(rules, []byte("# two companies\nsplit: 云南青禾科技有限公司 | 青禾科技有限公司\n"), 0o644)
	if code, stdout, _ := runCLI(t, "aliases", "--db", db, "--aliases", rules); code != 0 || !strings.Contains(stdout, "no entities are merged") {
		t.Errorf("aliases --aliases preview:\n%s", stdout)
	}
	if code, _, stderr := runCLI(t, "build", "--db", db, "--formats", "", "--aliases", rules, dir); code != 0 {
		t.Fatalf("build --aliases: %s", stderr)
	}
	code, stdout, _ = runCLI(t, "aliases", "--db", db, "--json")
	var got []struct{ Name string }
	if code != 0 || json.Unmarshal([]byte(stdout), &got) != nil || len(got) != 0 {
		t.Errorf("after the split: %s", stdout)
	}
	// A later build without --aliases keeps the stored rules.
	runCLI(t, "build", "--db", db, "--formats", "", dir)
	if _, stdout, _ := runCLI(t, "aliases", "--db", db); !strings.Contains(stdout, "no entities are merged") {
		t.Errorf("a build without --aliases dropped the stored rules:\n%s", stdout)
	}
	bad := filepath.Join(t.TempDir(), "bad.txt")
	os.WriteFile(bad, []byte("merge: 青禾\n"), 0o644)
	if code, _, stderr := runCLI(t, "build", "--db", db, "--aliases", bad, dir); code != 1 || !strings.Contains(stderr, "bad.txt:1: merge needs at least two") {
		t.Errorf("bad aliases file: exit %d, %s", code, stderr)
	}
}

func TestDumpLoadCommands(t *testing.T) {
	db, _ := storeFixture(t)
	nq := filepath.Join(t.TempDir(), "graph.nq")
	if code, _, stderr := runCLI(t, "dump", "--db", db, "-o", nq); code != 0 || !strings.Contains(stderr, "wrote") {
		t.Fatalf("dump: %s", stderr)
	}
	db2 := "bolt:" + filepath.Join(t.TempDir(), "db2")
	code, stdout, stderr := runCLI(t, "load", "--db", db2, nq)
	if code != 0 || !strings.Contains(stdout, "loaded ") {
		t.Fatalf("load: %s%s", stdout, stderr)
	}
	nq2 := filepath.Join(t.TempDir(), "again.nq")
	runCLI(t, "dump", "--db", db2, "-o", nq2)
	a, _ := os.ReadFile(nq)
	b, _ := os.ReadFile(nq2)
	if len(a) == 0 || string(a) != string(b) {
		t.Errorf("dump → load → dump differs (%d vs %d bytes)", len(a), len(b))
	}
	// The loaded store answers questions like the original.
	if code, _, stderr := runCLI(t, "why", "--db", db2, "青禾科技有限公司", "awarded", "瞪羚企业"); code != 0 {
		t.Errorf("why on the loaded store: %s", stderr)
	}
	broken := filepath.Join(t.TempDir(), "broken.nq")
	os.WriteFile(broken, []byte("<pg:a> <pg:b> \"open .\n"), 0o644)
	if code, _, stderr := runCLI(t, "load", "--db", db2, broken); code != 1 || !strings.Contains(stderr, "broken.nq") {
		t.Errorf("broken N-Quads: exit %d, %s", code, stderr)
	}
}

func TestBuildProgressLines(t *testing.T) {
	_, dir := storeFixture(t)
	db := "bolt:" + filepath.Join(t.TempDir(), "db")
	code, _, stderr := runCLI(t, "build", "--db", db, "--formats", "", "--batch", "1", dir)
	if code != 0 || !strings.Contains(stderr, "parkgraph build: done in ") || !strings.Contains(stderr, "3/3 files") || strings.Contains(stderr, "\r") {
		t.Errorf("build on a non-terminal should log plain lines: %q", stderr)
	}
}
