package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"parkgraph/diagram/diagramtest"
	"parkgraph/graph/store"
	"parkgraph/internal/clients"
	"parkgraph/internal/testenv"
)

var (
	seedDBOnce sync.Once
	seedDB     string
	seedDBDir  string
	seedDBErr  string
)

func TestMain(m *testing.M) {
	code := clients.Run(m)
	if seedDBDir != "" {
		os.RemoveAll(seedDBDir)
	}
	os.Exit(code)
}

// seedStore builds the seed articles into a bolt store once per test binary.
func seedStore(tb testing.TB) string {
	tb.Helper()
	seedDBOnce.Do(func() {
		dir, err := os.MkdirTemp("", "parkgraph-diagram-")
		if err != nil {
			seedDBErr = err.Error()
			return
		}
		seedDBDir = dir
		seedDB = "bolt:" + filepath.Join(dir, "db")
		var out, errb bytes.Buffer
		if code := run(context.Background(), []string{"build", "--db", seedDB, "--out", filepath.Join(dir, "out"), filepath.Join(testenv.RepoRoot(tb), "seeds")}, &out, &errb); code != 0 {
			seedDBErr = errb.String()
		}
	})
	if seedDBErr != "" {
		tb.Fatalf("build the seed store: %s", seedDBErr)
	}
	return seedDB
}

func TestDiagramCommand(t *testing.T) {
	db := seedStore(t)
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string // a part of the one-line error
		file   string // written, and starting with this
		start  string
	}{
		{"svg", []string{"diagram", "--db", db, "--ego", "新余高新区", "-o", out("a.svg")}, 0, "", out("a.svg"), "<?xml"},
		{"name as argument, flags after", []string{"diagram", "新余高新区", "--db", db, "--depth", "2", "--cluster", "type", "-o", out("b.svg")}, 0, "", out("b.svg"), "<?xml"},
		{"png", []string{"diagram", "--db", db, "随州高新区", "--dpi", "96", "-o", out("c.png")}, 0, "", out("c.png"), "\x89PNG"},
		{"dot", []string{"diagram", "--db", db, "内江高新区", "-o", out("d.dot")}, 0, "", out("d.dot"), "// 内江高新区关系图"},
		{"path", []string{"diagram", "--db", db, "--path", "江西赣锋锂业集团股份有限公司", "江西省科技厅", "--max-paths", "2", "-o", out("e.svg")}, 0, "", out("e.svg"), "<?xml"},
		{"filters", []string{"diagram", "--db", db, "新余高新区", "--depth", "2", "--types", "企业,Honor", "--predicates", "位于,awarded", "--title", "新余高新区的企业与荣誉", "-o", out("f.svg")}, 0, "", out("f.svg"), "<?xml"},
		{"unknown name", []string{"diagram", "--db", db, "新余高新", "-o", out("x.svg")}, 1, `no entity is named "新余高新"; close matches: 新余高新区（园区）`, "", ""},
		{"no output", []string{"diagram", "--db", db, "新余高新区"}, 2, "no output file", "", ""},
		{"bad extension", []string{"diagram", "--db", db, "新余高新区", "-o", out("x.pdf")}, 2, "unknown diagram format", "", ""},
		{"bad depth", []string{"diagram", "--db", db, "新余高新区", "--depth", "3", "-o", out("x.svg")}, 2, "--depth 3", "", ""},
		{"bad type", []string{"diagram", "--db", db, "新余高新区", "--types", "公司", "-o", out("x.svg")}, 2, "unknown entity type", "", ""},
		{"bad cluster", []string{"diagram", "--db", db, "新余高新区", "--cluster", "park", "-o", out("x.svg")}, 2, "unknown clustering", "", ""},
		{"path with one name", []string{"diagram", "--db", db, "--path", "新余高新区", "-o", out("x.svg")}, 2, "exactly two names", "", ""},
		{"two names without --path", []string{"diagram", "--db", db, "新余高新区", "随州高新区", "-o", out("x.svg")}, 2, "name one entity", "", ""},
		{"not connected", []string{"diagram", "--db", db, "--path", "新余高新区", "常州高新区", "-o", out("x.svg")}, 1, "not connected", "", ""},
		{"no store", []string{"diagram", "--db", "bolt:" + out("nostore"), "新余高新区", "-o", out("x.svg")}, 1, "no store at", "", ""},
		{"bad dpi", []string{"diagram", "--db", db, "新余高新区", "--dpi", "5", "-o", out("x.png")}, 2, "--dpi 5", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, c.args...)
			if c.name == "png" && code == 1 && strings.Contains(stderr, "no font with Chinese glyphs") {
				testenv.Missing(t, "a font with Chinese glyphs (Debian package fonts-noto-cjk)", strings.TrimSpace(stderr))
			}
			if code != c.code {
				t.Fatalf("exit %d, want %d: %s", code, c.code, stderr)
			}
			if c.stderr != "" && (!strings.Contains(stderr, c.stderr) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 && c.code == 1) {
				t.Errorf("stderr %q, want one line containing %q", stderr, c.stderr)
			}
			if c.file != "" {
				data, err := os.ReadFile(c.file)
				if err != nil || !bytes.HasPrefix(data, []byte(c.start)) {
					t.Errorf("%s: %v, starts %q", c.file, err, firstBytes(data, 20))
				}
			}
		})
	}
	if _, err := os.Stat(out("nostore")); !os.IsNotExist(err) {
		t.Error("a diagram of a missing store created it")
	}
	if _, err := os.Stat(out("x.svg")); !os.IsNotExist(err) {
		t.Error("a failed diagram left a file behind")
	}
}

func firstBytes(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return string(b)
}

func TestDiagramStdoutAndRepeat(t *testing.T) {
	db := seedStore(t)
	code, svg1, stderr := runCLI(t, "diagram", "--db", db, "新余高新区", "--depth", "2", "-o", "-")
	if code != 0 || !strings.Contains(svg1, "<svg") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	_, svg2, _ := runCLI(t, "diagram", "--db", db, "新余高新区", "--depth", "2", "-o", "-")
	if svg1 != svg2 {
		t.Error("the same diagram twice gives different SVG")
	}
	code, dot, _ := runCLI(t, "diagram", "--db", db, "新余高新区", "--format", "dot", "-o", "-")
	if code != 0 || !strings.Contains(dot, "digraph diagram") {
		t.Errorf("--format dot to stdout: exit %d", code)
	}
}

// BenchmarkDiagramCommand runs the built parkgraph binary as a person
// would, start-up included: one diagram of each seed park (SVG and PNG),
// and one of a generated park with 2,000 neighbours, collapsed to 40 nodes.
// The seed parks' figures are also reported relative to the binary's own
// start ("parkgraph help", measured in the same run).
func BenchmarkDiagramCommand(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "parkgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	db := seedStore(b)
	outDir := b.TempDir()
	exe := func(b *testing.B, args ...string) {
		cmd := exec.Command(bin, args...)
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("parkgraph %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	var start float64
	b.Run("start", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			exe(b, "help")
		}
		start = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	for _, format := range []string{"svg", "png"} {
		for i, park := range diagramtest.SeedParks {
			b.Run(fmt.Sprintf("seed/%s/park%d", format, i), func(b *testing.B) {
				for j := 0; j < b.N; j++ {
					exe(b, "diagram", "--db", db, park, "-o", filepath.Join(outDir, fmt.Sprintf("p%d.%s", i, format)))
				}
				if start > 0 {
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/start, "x-start")
				}
			})
		}
	}
	for _, n := range []int{500, 2000} {
		hubDB := "bolt:" + filepath.Join(b.TempDir(), "hub")
		st, err := store.Open(hubDB)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range diagramtest.HubDocuments(n) {
			if _, err := st.Put(context.Background(), d); err != nil {
				b.Fatal(err)
			}
		}
		st.Close()
		for _, format := range []string{"svg", "png"} {
			b.Run(fmt.Sprintf("hub/%s/n=%d", format, n), func(b *testing.B) {
				for j := 0; j < b.N; j++ {
					exe(b, "diagram", "--db", hubDB, diagramtest.HubName, "--max-nodes", "40", "-o", filepath.Join(outDir, "hub."+format))
				}
				if start > 0 {
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/start, "x-start")
				}
			})
		}
	}
}
