// Package clients runs installed third-party readers on exported files in
// tests: xmllint and jing with the official schemas, Graphviz dot, networkx,
// igraph, pydot and rdflib under Debian's python3 (read.py), and graphology,
// Cytoscape.js and N3.js under node (node/read.cjs, with the packages
// scripts/test-deps.sh installs into node/node_modules).
//
// A missing reader skips the check with a message naming it, or fails it
// under PARKGRAPH_REQUIRE_ALL=1; Main prints, after a package's tests, the
// readers that were skipped, so a plain "go test ./..." says so too.
package clients

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"parkgraph/internal/testenv"
)

var (
	skippedMu sync.Mutex
	skipped   = map[string]string{}
)

// missing records a missing reader, then skips or fails the test.
func missing(t testing.TB, what, why string) {
	t.Helper()
	skippedMu.Lock()
	skipped[what] = why
	skippedMu.Unlock()
	testenv.Missing(t, what, why)
}

// Main runs a package's tests and then prints the readers that were
// skipped because they are not installed. Call it from TestMain.
func Main(m *testing.M) { os.Exit(Run(m)) }

// Run runs the tests, lists the readers they skipped and returns the exit
// code, for a TestMain that has more to do afterwards.
func Run(m *testing.M) int {
	code := m.Run()
	skippedMu.Lock()
	if len(skipped) > 0 {
		names := make([]string, 0, len(skipped))
		for k, why := range skipped {
			names = append(names, k+" ("+why+")")
		}
		sort.Strings(names)
		fmt.Fprintf(os.Stderr, "third-party readers skipped, not installed: %s; scripts/test-deps.sh installs them\n", strings.Join(names, "; "))
	}
	skippedMu.Unlock()
	return code
}

// program returns the path of an installed program, or skips the test.
func program(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name, "Debian package "+pkg)
	}
	return p
}

// SchemaDir returns the folder of the official schemas (../shared/graph-schemas).
func SchemaDir(t testing.TB) string { return testenv.Shared(t, "graph-schemas") }

// XMLLint validates file against an XSD (or, with relaxng, a RELAX NG
// grammar) and fails the test with xmllint's messages. Messages matching
// ignore (known schema bugs) are not failures.
func XMLLint(t testing.TB, file, schema string, relaxng bool, ignore ...*regexp.Regexp) {
	t.Helper()
	bin := program(t, "xmllint", "libxml2-utils")
	flag := "--schema"
	if relaxng {
		flag = "--relaxng"
	}
	cmd := exec.Command(bin, "--noout", "--nonet", flag, schema, file)
	cmd.Env = append(cmd.Environ(), "XML_CATALOG_FILES="+filepath.Join(catalogDir(schema), "catalog.xml"))
	out, err := cmd.CombinedOutput()
	if err == nil {
		return
	}
	var errs []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if l == "" || strings.HasSuffix(l, "fails to validate") || matchesAny(l, ignore) {
			continue
		}
		errs = append(errs, l)
	}
	if len(errs) > 0 {
		t.Errorf("xmllint %s %s: %v\n%s", flag, filepath.Base(schema), err, firstLines([]byte(strings.Join(errs, "\n")), 12))
	}
}

// catalogDir finds the schema folder holding catalog.xml above a schema.
func catalogDir(schema string) string {
	dir := filepath.Dir(schema)
	for i := 0; i < 4; i++ {
		if _, err := os.Stat(filepath.Join(dir, "catalog.xml")); err == nil {
			return dir
		}
		dir = filepath.Dir(dir)
	}
	return filepath.Dir(schema)
}

func matchesAny(s string, res []*regexp.Regexp) bool {
	for _, re := range res {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// Jing validates file against a RELAX NG compact grammar with jing.
func Jing(t testing.TB, file, rnc string) {
	t.Helper()
	bin := program(t, "jing", "jing")
	out, err := exec.Command(bin, "-c", rnc, file).CombinedOutput()
	var errs []string
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if l != "" && !strings.Contains(l, "Unable to locate") { // the Debian wrapper's note about an optional jar
			errs = append(errs, l)
		}
	}
	if err != nil || len(errs) > 0 {
		t.Errorf("jing -c %s: %v\n%s", filepath.Base(rnc), err, firstLines([]byte(strings.Join(errs, "\n")), 12))
	}
}

// Dot renders a DOT file to SVG with Graphviz and returns the SVG, failing
// on errors, warnings, a font that Graphviz had to substitute, or a
// character no installed font has a glyph for (it would show as a box).
func Dot(t testing.TB, file string) []byte {
	t.Helper()
	bin := program(t, "dot", "graphviz")
	cmd := exec.Command(bin, "-v", "-Tsvg", file)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("dot -Tsvg %s: %v\n%s", file, err, firstLines(stderr.Bytes(), 12))
	}
	for _, l := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(l, "Warning") || strings.Contains(l, "Error") {
			t.Errorf("dot: %s", l)
		}
		// fontname: "Noto Sans CJK SC" resolved to: (PangoCairoFcFont) "Noto Sans CJK SC, Regular" /usr/share/…
		if rest, ok := strings.CutPrefix(l, "fontname: \""); ok {
			want, resolved, _ := strings.Cut(rest, "\" resolved to:")
			if !strings.Contains(resolved, "\""+want) {
				t.Errorf("dot substituted font %q: %s", want, l)
			}
		}
	}
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if miss := missingGlyphs(t, string(src)); len(miss) > 0 {
		t.Errorf("no installed font has a glyph for %q: they render as boxes (fonts-noto-cjk, fonts-noto-color-emoji)", miss)
	}
	return stdout.Bytes()
}

var (
	coverageOnce sync.Once
	coverage     [][2]rune // union of every installed font's character ranges
	coverageErr  error
)

// missingGlyphs returns the non-ASCII characters of s that no installed
// font covers, from fc-list's character sets.
func missingGlyphs(t testing.TB, s string) []string {
	t.Helper()
	bin := program(t, "fc-list", "fontconfig")
	coverageOnce.Do(func() {
		out, err := exec.Command(bin, "--format", "%{charset}\n").Output()
		if err != nil {
			coverageErr = err
			return
		}
		for _, r := range strings.Fields(string(out)) {
			lo, hi, isRange := strings.Cut(r, "-")
			a, err1 := strconv.ParseUint(lo, 16, 32)
			b := a
			var err2 error
			if isRange {
				b, err2 = strconv.ParseUint(hi, 16, 32)
			}
			if err1 == nil && err2 == nil {
				coverage = append(coverage, [2]rune{rune(a), rune(b)})
			}
		}
	})
	if coverageErr != nil {
		t.Fatalf("fc-list: %v", coverageErr)
	}
	seen := map[rune]bool{}
	var miss []string
	for _, r := range s {
		if r < 0x80 || seen[r] || r == 0xFE0F || r == 0x200D {
			continue
		}
		seen[r] = true
		covered := false
		for _, c := range coverage {
			if r >= c[0] && r <= c[1] {
				covered = true
				break
			}
		}
		if !covered {
			miss = append(miss, string(r))
		}
	}
	return miss
}

// Result is what a third-party reader saw in a file.
type Result struct {
	Client     string   `json:"client"` // the library and its version
	Nodes      int      `json:"nodes"`
	Edges      int      `json:"edges"`
	Labels     []any    `json:"labels"` // node labels, where the format has them
	NodeKeys   []string `json:"nodeKeys"`
	EdgeKeys   []string `json:"edgeKeys"`
	Positioned *bool    `json:"positioned"` // every node has a position
	Colored    *bool    `json:"colored"`
	Spells     int      `json:"spells"`   // nodes with a time spell
	Lines      []int    `json:"lines"`    // CSV: lines per file
	Warnings   []string `json:"warnings"` // what the reader warned about
}

// Python reads files with one of read.py's readers (graphml-networkx,
// graphml-igraph, gexf-networkx, json-networkx, cyjs-networkx,
// csv-networkx, nquads-rdflib, dot-pydot) under Debian's /usr/bin/python3.
func Python(t testing.TB, reader string, files ...string) Result {
	t.Helper()
	py := "/usr/bin/python3"
	module := map[string]string{"graphml-igraph": "igraph", "nquads-rdflib": "rdflib", "dot-pydot": "pydot"}[reader]
	pkg := "python3-" + module
	if module == "" {
		module, pkg = "networkx", "python3-networkx"
	}
	if err := exec.Command(py, "-c", "import "+module).Run(); err != nil {
		missing(t, "python3 module "+module, "Debian package "+pkg)
	}
	script := filepath.Join(testenv.RepoRoot(t), "internal", "clients", "read.py")
	return runReader(t, reader, exec.Command(py, append([]string{script, reader}, files...)...))
}

// Node reads a file with one of node/read.cjs's readers: graphml and gexf
// (graphology's parsers, as in Gephi Lite), json (node-link into
// graphology, as Sigma.js uses it), cyjs (Cytoscape.js) and nquads (N3.js).
func Node(t testing.TB, reader, file string) Result {
	t.Helper()
	bin := program(t, "node", "nodejs")
	dir := filepath.Join(testenv.RepoRoot(t), "internal", "clients", "node")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "graphology")); err != nil {
		missing(t, "npm packages in internal/clients/node", "npm ci there, as scripts/test-deps.sh does")
	}
	return runReader(t, "node "+reader, exec.Command(bin, filepath.Join(dir, "read.cjs"), reader, file))
}

func runReader(t testing.TB, name string, cmd *exec.Cmd) Result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s cannot read the file: %v\n%s", name, err, firstLines(stderr.Bytes(), 20))
	}
	var r Result
	if err := json.Unmarshal(stdout.Bytes(), &r); err != nil {
		t.Fatalf("%s: unreadable report %q: %v", name, firstLines(stdout.Bytes(), 3), err)
	}
	t.Logf("%s: %d nodes, %d edges", r.Client, r.Nodes, r.Edges)
	return r
}

// Counts fails the test unless a reader saw the wanted numbers of nodes
// and edges.
func (r Result) Counts(t testing.TB, nodes, edges int) {
	t.Helper()
	if r.Nodes != nodes || r.Edges != edges {
		t.Errorf("%s read %d nodes and %d edges; the snapshot has %d and %d", r.Client, r.Nodes, r.Edges, nodes, edges)
	}
}

// HasLabels fails the test unless every wanted label is among the labels
// the reader saw, exactly.
func (r Result) HasLabels(t testing.TB, want ...string) {
	t.Helper()
	got := map[string]bool{}
	for _, l := range r.Labels {
		if s, ok := l.(string); ok {
			got[s] = true
		}
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("%s: label %q did not survive", r.Client, w)
		}
	}
}

// HasKeys fails the test unless the reader saw the wanted node attributes.
func (r Result) HasKeys(t testing.TB, want ...string) {
	t.Helper()
	got := map[string]bool{}
	for _, k := range r.NodeKeys {
		got[k] = true
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("%s: no node attribute %q (saw %v)", r.Client, w, r.NodeKeys)
		}
	}
}

func firstLines(b []byte, n int) string {
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(bytes.TrimSpace(b)))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		if len(lines) == n {
			lines = append(lines, "…")
			break
		}
		lines = append(lines, sc.Text())
	}
	return strings.Join(lines, "\n")
}
