// Package clients runs installed third-party readers on exported files in
// tests: xmllint with the official schemas, Graphviz dot, and networkx and
// igraph under Debian's python3. A missing reader skips the check with a
// message naming it, or fails it under PARKGRAPH_REQUIRE_ALL=1.
package clients

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"parkgraph/internal/testenv"
)

// SchemaDir returns the folder of the official schemas (../shared/graph-schemas).
func SchemaDir(t testing.TB) string { return testenv.Shared(t, "graph-schemas") }

// XMLLint validates file against an XSD (or, with relaxng, a RELAX NG
// grammar) and fails the test with xmllint's messages.
func XMLLint(t testing.TB, file, schema string, relaxng bool) {
	t.Helper()
	bin := testenv.Program(t, "xmllint")
	flag := "--schema"
	if relaxng {
		flag = "--relaxng"
	}
	cmd := exec.Command(bin, "--noout", "--nonet", flag, schema, file)
	cmd.Env = append(cmd.Environ(), "XML_CATALOG_FILES="+filepath.Join(filepath.Dir(filepath.Dir(filepath.Dir(schema))), "catalog.xml"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("xmllint %s %s: %v\n%s", flag, filepath.Base(schema), err, firstLines(out, 12))
	}
}

// Dot renders a DOT file to SVG with Graphviz and returns the SVG, failing
// on errors, warnings or a CJK font that Graphviz had to substitute.
func Dot(t testing.TB, file string) []byte {
	t.Helper()
	bin := testenv.Program(t, "dot")
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
	return stdout.Bytes()
}

// Python runs a script with Debian's /usr/bin/python3 after checking that
// the modules it needs import; it returns the script's standard output.
func Python(t testing.TB, modules []string, script string, args ...string) string {
	t.Helper()
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import "+strings.Join(modules, ", ")).Run(); err != nil {
		testenv.Missing(t, "python3 modules "+strings.Join(modules, ", "), "Debian packages python3-networkx and python3-igraph")
	}
	cmd := exec.Command(py, append([]string{"-c", script}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("python: %v\n%s", err, firstLines(stderr.Bytes(), 20))
	}
	return strings.TrimSpace(stdout.String())
}

func firstLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) > n {
		lines = append(lines[:n], "…")
	}
	return strings.Join(lines, "\n")
}
