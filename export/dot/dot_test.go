package dot_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gdot "gonum.org/v1/gonum/graph/formats/dot"
	"gonum.org/v1/gonum/graph/formats/dot/ast"

	"parkgraph/export"
	"parkgraph/export/dot"
	"parkgraph/export/exporttest"
	"parkgraph/internal/clients"
)

func encode(t *testing.T, opt export.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := dot.NewEncoder(&buf, opt).Encode(exporttest.Snapshot()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' {
		return strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n").Replace(s[1 : len(s)-1])
	}
	return s
}

// TestParseBack reads the DOT with gonum's parser (independent of the
// writer) and checks nodes, edges, fonts and Chinese edge labels.
func TestParseBack(t *testing.T) {
	for _, cluster := range []string{"", "community", "park"} {
		t.Run("cluster="+cluster, func(t *testing.T) {
			out := encode(t, export.Options{Cluster: cluster})
			f, err := gdot.ParseBytes(out)
			if err != nil {
				t.Fatalf("gonum cannot parse the DOT: %v\n%s", err, out)
			}
			g := f.Graphs[0]
			if !g.Directed {
				t.Error("not a digraph")
			}
			fonts := map[ast.Kind]string{}
			nodes := map[string]map[string]string{}
			var edgeLabels []string
			clusters := 0
			for _, st := range g.Stmts {
				switch st := st.(type) {
				case *ast.AttrStmt:
					for _, a := range st.Attrs {
						if a.Key == "fontname" {
							fonts[st.Kind] = unquote(a.Val)
						}
					}
				case *ast.NodeStmt:
					attrs := map[string]string{}
					for _, a := range st.Attrs {
						attrs[a.Key] = unquote(a.Val)
					}
					nodes[unquote(st.Node.ID)] = attrs
				case *ast.EdgeStmt:
					for _, a := range st.Attrs {
						if a.Key == "label" {
							edgeLabels = append(edgeLabels, unquote(a.Val))
						}
					}
				case *ast.Subgraph:
					clusters++
				}
			}
			for _, k := range []ast.Kind{ast.GraphKind, ast.NodeKind, ast.EdgeKind} {
				if fonts[k] != export.DefaultFont {
					t.Errorf("%v font = %q, want %q", k, fonts[k], export.DefaultFont)
				}
			}
			s := exporttest.Snapshot()
			if len(nodes) != len(s.Nodes) || len(edgeLabels) != len(s.Edges) {
				t.Fatalf("parsed %d nodes, %d edges; want %d, %d", len(nodes), len(edgeLabels), len(s.Nodes), len(s.Edges))
			}
			for _, n := range s.Nodes {
				a := nodes[string(n.IRI)]
				if a == nil {
					t.Errorf("node %s missing", n.IRI)
					continue
				}
				want := strings.Map(func(r rune) rune {
					if r < 0x20 {
						return -1
					}
					return r
				}, n.Name)
				if strings.ReplaceAll(a["label"], "\n", "") != want || !strings.HasSuffix(a["tooltip"], want) {
					t.Errorf("label %q, tooltip %q; want %q", a["label"], a["tooltip"], want)
				}
				if a["shape"] == "" || a["fillcolor"] == "" {
					t.Errorf("node %s has no shape or colour", n.Name)
				}
			}
			for _, l := range edgeLabels {
				if !strings.Contains("位于隶属获评发布投资合作建设上市", l) || l == "" {
					t.Errorf("edge label %q is not a Chinese predicate label", l)
				}
			}
			if cluster != "" && clusters == 0 {
				t.Errorf("--cluster %s wrote no clusters", cluster)
			}
		})
	}
}

func TestFontOverride(t *testing.T) {
	out := string(encode(t, export.Options{Font: "Noto Serif CJK SC"}))
	if strings.Count(out, `fontname="Noto Serif CJK SC"`) != 3 {
		t.Errorf("font override not applied to graph, node and edge:\n%s", out[:300])
	}
}

func TestMain(m *testing.M) { clients.Main(m) }

func TestConformance(t *testing.T) { exporttest.Conformance(t, "dot") }

func TestWrap(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"云岭高新区", "云岭高新区"},
		{strings.Repeat("材", 20), strings.Repeat("材", 20)},
		{strings.Repeat("材", 21), strings.Repeat("材", 16) + "\n" + strings.Repeat("材", 5)},
	} {
		if got := dot.Wrap(tc.in, 16); got != tc.want {
			t.Errorf("Wrap(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestLargeGraph checks that a graph too large for dot's layered layout
// names sfdp, which lays it out in seconds.
func TestLargeGraph(t *testing.T) {
	s := exporttest.Generate(dot.LargeGraph+1, 3*dot.LargeGraph, 1)
	var buf bytes.Buffer
	if err := dot.NewEncoder(&buf, export.Options{}).Encode(s); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("layout=sfdp")) {
		t.Error("no layout=sfdp on a large graph")
	}
	if bytes.Contains(encode(t, export.Options{}), []byte("layout=sfdp")) {
		t.Error("layout=sfdp on the small fixture")
	}
}

// TestGraphviz renders the DOT with Graphviz when installed: no errors or
// warnings, the CJK font found, and every Chinese label present as text.
func TestGraphviz(t *testing.T) {
	file := filepath.Join(t.TempDir(), "fixture.dot")
	if err := os.WriteFile(file, encode(t, export.Options{Cluster: "community"}), 0o644); err != nil {
		t.Fatal(err)
	}
	s := exporttest.Snapshot()
	t.Run("pydot", func(t *testing.T) {
		got := clients.Python(t, "dot-pydot", file)
		got.Counts(t, len(s.Nodes), len(s.Edges))
	})
	svg := string(clients.Dot(t, file))
	if n := strings.Count(svg, `class="node"`); n != len(s.Nodes) {
		t.Errorf("Graphviz drew %d nodes, want %d", n, len(s.Nodes))
	}
	if n := strings.Count(svg, `class="edge"`); n != len(s.Edges) {
		t.Errorf("Graphviz drew %d edges, want %d", n, len(s.Edges))
	}
	for _, want := range []string{"云岭高新区", "位于", "获评", "年产5万吨正极材料项目", "瞪羚企业🦌"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}
