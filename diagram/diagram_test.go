package diagram

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"parkgraph/diagram/diagramtest"
	"parkgraph/export/exporttest"
	"parkgraph/graph"
	"parkgraph/graph/analysis"
	"parkgraph/internal/clients"
	"parkgraph/internal/testenv"
)

// fixture is a small park graph:
//
//	光谷科创园 -隶属→ 东湖高新区 ←位于- 星河电子, 楚天生物, 江城装备, 汉阳精工
//	星河电子 -获评→ 瞪羚企业 -发布→ 省科技厅
//	长江资本 -投资→ 楚天生物;  江城装备 -合作- 华中大学;  汉阳精工 -建设→ 年产1万台机器人项目
//	星河 is both an institution and an enterprise.
func fixture() *graph.Snapshot {
	ref := func(t graph.EntityType, name string) graph.EntityRef { return graph.EntityRef{Type: t, Name: name} }
	park := ref(graph.Park, "东湖高新区")
	sub := ref(graph.Park, "光谷科创园")
	e1 := ref(graph.Enterprise, "星河电子")
	e2 := ref(graph.Enterprise, "楚天生物")
	e3 := ref(graph.Enterprise, "江城装备")
	e4 := ref(graph.Enterprise, "汉阳精工")
	h := ref(graph.Honor, "瞪羚企业")
	gov := ref(graph.Institution, "省科技厅")
	uni := ref(graph.Institution, "华中大学")
	fund := ref(graph.Investor, "长江资本")
	proj := ref(graph.Project, "年产1万台机器人项目")
	twinA := ref(graph.Institution, "星河")
	twinB := ref(graph.Enterprise, "星河")
	pr := map[graph.EntityRef]float64{park: 0.3, sub: 0.05, e1: 0.12, e2: 0.1, e3: 0.08, e4: 0.07, h: 0.06, gov: 0.05, uni: 0.04, fund: 0.04, proj: 0.03, twinA: 0.01, twinB: 0.01}
	var nodes []graph.Node
	for r, v := range pr {
		n := graph.Node{IRI: r.IRI(), Type: r.Type, Name: r.Name, Docs: []string{"d1"}}
		if r == park {
			n.Aliases = []string{"东湖开发区"}
		}
		n.SetMetric("pagerank", v)
		n.SetMetric("community", 0)
		n.Community = "东湖高新区"
		nodes = append(nodes, n)
	}
	sent := 0
	edge := func(s graph.EntityRef, p graph.Predicate, o graph.EntityRef, doc string) graph.Edge {
		sent++
		return graph.Edge{Subject: s.IRI(), Predicate: p, Object: o.IRI(), Evidence: []graph.Evidence{{
			Sentence: graph.SentenceIRI(doc, sent), Doc: doc, Text: s.Name + p.Label() + o.Name + "。"}}}
	}
	edges := []graph.Edge{
		edge(sub, graph.PartOf, park, "d1"),
		edge(e1, graph.LocatedIn, park, "d1"),
		edge(e2, graph.LocatedIn, park, "d1"),
		edge(e3, graph.LocatedIn, park, "d2"),
		edge(e4, graph.LocatedIn, park, "d2"),
		edge(e1, graph.Awarded, h, "d1"),
		edge(h, graph.IssuedBy, gov, "d1"),
		edge(fund, graph.InvestsIn, e2, "d2"),
		edge(e3, graph.PartnersWith, uni, "d2"),
		edge(e4, graph.Builds, proj, "d2"),
	}
	docs := []graph.DocumentInfo{
		{ID: "d1", Title: "东湖高新区企业获评", Date: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)},
		{ID: "d2", Title: "东湖高新区新项目开工"},
	}
	return graph.NewSnapshot(nodes, edges, docs)
}

func TestResolve(t *testing.T) {
	s := fixture()
	for _, c := range []struct {
		name, in string
		want     string // canonical name; "" when an error is expected
		errHas   []string
	}{
		{"canonical", "东湖高新区", "东湖高新区", nil},
		{"alias", "东湖开发区", "东湖高新区", nil},
		{"full-width space ignored", "东湖　高新区", "东湖高新区", nil},
		{"IRI", "pg:park/东湖高新区", "东湖高新区", nil},
		{"qualified in Chinese", "机构:星河", "星河", nil},
		{"qualified in English", "enterprise：星河", "星河", nil},
		{"ambiguous", "星河", "", []string{`"星河" names 2 entities`, "机构:星河", "企业:星河", "pg:institution/星河"}},
		{"unknown, close by containment", "东湖", "", []string{`no entity is named "东湖"`, "东湖高新区（园区）"}},
		{"unknown, close by edits", "东湖高薪区", "", []string{"close matches: 东湖高新区（园区）"}},
		{"unknown, close to an alias", "东湖开发", "", []string{"东湖高新区（园区，别名 东湖开发区）"}},
		{"unknown, nothing close", "完全无关的名字", "", []string{"no name is close"}},
		{"empty", "  ", "", []string{"no entity is named"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			i, err := Resolve(s, c.in)
			if c.want != "" {
				if err != nil {
					t.Fatal(err)
				}
				if got := s.Nodes[i].Name; got != c.want {
					t.Errorf("Resolve(%q) = %s, want %s", c.in, got, c.want)
				}
				return
			}
			var ne *NameError
			if !errors.As(err, &ne) {
				t.Fatalf("Resolve(%q) = %v, %v; want a NameError", c.in, i, err)
			}
			for _, want := range c.errHas {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func names(d *Diagram) []string {
	var out []string
	for _, n := range d.Nodes {
		out = append(out, n.Name)
	}
	return out
}

func edgesOf(d *Diagram) []string {
	var out []string
	for _, e := range d.Edges {
		out = append(out, d.Nodes[e.From].Name+" "+e.Label+" "+d.Nodes[e.To].Name)
	}
	return out
}

func TestEgo(t *testing.T) {
	s := fixture()
	for _, c := range []struct {
		name  string
		opt   Options
		nodes string // in drawing order
		edges string
	}{
		{"depth 1", Options{Ego: "东湖高新区"},
			"东湖高新区 光谷科创园 星河电子 楚天生物 江城装备 汉阳精工",
			"光谷科创园 隶属 东湖高新区|星河电子 位于 东湖高新区|楚天生物 位于 东湖高新区|江城装备 位于 东湖高新区|汉阳精工 位于 东湖高新区"},
		{"depth 2", Options{Ego: "东湖开发区", Depth: 2},
			"东湖高新区 光谷科创园 星河电子 楚天生物 江城装备 汉阳精工 华中大学 瞪羚企业 长江资本 年产1万台机器人项目",
			"光谷科创园 隶属 东湖高新区|星河电子 位于 东湖高新区|星河电子 获评 瞪羚企业|楚天生物 位于 东湖高新区|江城装备 位于 东湖高新区|江城装备 合作 华中大学|汉阳精工 位于 东湖高新区|汉阳精工 建设 年产1万台机器人项目|长江资本 投资 楚天生物"},
		{"types", Options{Ego: "东湖高新区", Depth: 2, Types: []graph.EntityType{graph.Enterprise, graph.Honor}},
			"东湖高新区 星河电子 楚天生物 江城装备 汉阳精工 瞪羚企业",
			"星河电子 位于 东湖高新区|星河电子 获评 瞪羚企业|楚天生物 位于 东湖高新区|江城装备 位于 东湖高新区|汉阳精工 位于 东湖高新区"},
		{"predicates", Options{Ego: "星河电子", Depth: 2, Predicates: []graph.Predicate{graph.Awarded, graph.IssuedBy}},
			"星河电子 省科技厅 瞪羚企业",
			"星河电子 获评 瞪羚企业|瞪羚企业 发布 省科技厅"},
		{"focus of another type", Options{Ego: "瞪羚企业"},
			"瞪羚企业 星河电子 省科技厅",
			"瞪羚企业 发布 省科技厅|星河电子 获评 瞪羚企业"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Build(s, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(names(d), " "); got != c.nodes {
				t.Errorf("nodes:\n got %s\nwant %s", got, c.nodes)
			}
			if got := strings.Join(edgesOf(d), "|"); got != c.edges {
				t.Errorf("edges:\n got %s\nwant %s", got, c.edges)
			}
			if !d.Nodes[0].Focus || d.Nodes[0].FontSize != focusFontSize {
				t.Errorf("first node %+v is not the focus", d.Nodes[0])
			}
		})
	}
}

func TestEgoDetails(t *testing.T) {
	d, err := Build(fixture(), Options{Ego: "东湖高新区", Depth: 2, Cluster: ClusterByType})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "东湖高新区关系图" || !strings.HasPrefix(d.Subtitle, "二度关联 · 9 个实体 · 9 条关系") {
		t.Errorf("title %q, subtitle %q", d.Title, d.Subtitle)
	}
	if got := d.SourceLine(); got != "来源：《东湖高新区企业获评》（2024-05-01）；《东湖高新区新项目开工》" {
		t.Errorf("source line %q", got)
	}
	var legend []string
	for _, t := range d.Legend {
		legend = append(legend, t.Label())
	}
	if got := strings.Join(legend, " "); got != "园区 企业 机构 荣誉 投资方 项目" {
		t.Errorf("legend %s", got)
	}
	var clusters []string
	for _, c := range d.Clusters {
		clusters = append(clusters, c.Label)
	}
	if got := strings.Join(clusters, " "); got != "园区（2） 企业（4） 机构（1） 荣誉（1） 投资方（1） 项目（1）" {
		t.Errorf("clusters %s", got)
	}
	for _, e := range d.Edges {
		if e.Predicate == graph.PartnersWith && e.Arrow != NoArrow {
			t.Errorf("symmetric %s has an arrow", e.Label)
		}
		if !strings.Contains(e.Tooltip, "「") || !strings.Contains(e.Tooltip, "《") {
			t.Errorf("tooltip of %s lacks evidence and source: %q", e.ID, e.Tooltip)
		}
	}
	if n := d.Nodes[0]; !strings.Contains(n.Tooltip, "别名：东湖开发区") || !strings.Contains(n.Tooltip, "PageRank 0.3000") {
		t.Errorf("focus tooltip %q", n.Tooltip)
	}
	if d.Nodes[0].FontSize <= d.Nodes[len(d.Nodes)-1].FontSize {
		t.Errorf("sizes do not follow PageRank: %v, %v", d.Nodes[0].FontSize, d.Nodes[len(d.Nodes)-1].FontSize)
	}
}

func TestEgoIsolated(t *testing.T) {
	d, err := Build(fixture(), Options{Ego: "企业:星河"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Nodes) != 1 || len(d.Edges) != 0 || !strings.Contains(d.Subtitle, "尚无") {
		t.Errorf("isolated entity: %v, %q", names(d), d.Subtitle)
	}
	if len(d.Sources) != 1 || d.Sources[0].ID != "d1" {
		t.Errorf("sources of an isolated entity: %+v", d.Sources)
	}
}

func TestCollapse(t *testing.T) {
	s := diagramtest.Hub(2000)
	analysis.Analyze(s, analysis.DefaultOptions())
	for _, max := range []int{40, 12, 2} {
		d, err := Build(s, Options{Ego: diagramtest.HubName, MaxNodes: max})
		if err != nil {
			t.Fatal(err)
		}
		ego, _ := s.Ego([]quad.IRI{s.Nodes[mustResolve(t, s, diagramtest.HubName)].IRI}, 1, nil)
		if max >= 12 && len(d.Nodes) > max {
			t.Errorf("max %d: %d nodes", max, len(d.Nodes))
		}
		covered := 0
		minKept, maxCollapsed := 1.0, 0.0
		groups := 0
		for _, n := range d.Nodes {
			if !n.Group() {
				covered++
				if !n.Focus && n.PageRank < minKept {
					minKept = n.PageRank
				}
				continue
			}
			groups++
			covered += len(n.Members)
			if want := groupLabel(n.Type, len(n.Members)); n.Name != want || n.Lines[0] != want {
				t.Errorf("group label %q, want %q", n.Name, want)
			}
			for _, m := range n.Members {
				if pr := pagerank(s.Node(m)); pr > maxCollapsed {
					maxCollapsed = pr
				}
			}
		}
		if covered != len(ego) {
			t.Errorf("max %d: nodes and groups cover %d entities, the ego network has %d", max, covered, len(ego))
		}
		if groups == 0 {
			t.Errorf("max %d: nothing collapsed", max)
		}
		if maxCollapsed > minKept {
			t.Errorf("max %d: a collapsed entity (PageRank %g) is more central than a kept one (%g)", max, maxCollapsed, minKept)
		}
		if max == 40 {
			found := false
			for _, n := range d.Nodes {
				if n.Group() && n.Type == graph.Enterprise && strings.HasSuffix(n.Name, " 家企业") && strings.HasPrefix(n.Name, "+") {
					found = true
				}
			}
			if !found {
				t.Errorf("no \"+N 家企业\" node among %v", names(d))
			}
			if !strings.Contains(d.Subtitle, "合并为") {
				t.Errorf("subtitle %q does not mention the collapse", d.Subtitle)
			}
		}
	}
}

func mustResolve(t *testing.T, s *graph.Snapshot, name string) int {
	i, err := Resolve(s, name)
	if err != nil {
		t.Fatal(err)
	}
	return i
}

func TestPaths(t *testing.T) {
	s := fixture()
	d, err := Build(s, Options{From: "星河电子", To: "华中大学", MaxPaths: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(edgesOf(d), "|"); got != "星河电子 位于 [1] 东湖高新区|东湖高新区 位于 [2] 江城装备|江城装备 合作 [3] 华中大学" {
		t.Errorf("path edges: %s", got)
	}
	if d.Edges[1].Arrow != Back || d.Edges[0].Arrow != Forward || d.Edges[2].Arrow != NoArrow {
		t.Errorf("arrows %v %v %v: want forward, back (江城装备 is the subject), none", d.Edges[0].Arrow, d.Edges[1].Arrow, d.Edges[2].Arrow)
	}
	if len(d.Footnotes) != 3 || d.Footnotes[0].Text != "「星河电子位于东湖高新区。」（《东湖高新区企业获评》，2024-05-01）" {
		t.Errorf("footnotes %+v", d.Footnotes)
	}
	if !d.Nodes[0].Focus || !d.Nodes[len(d.Nodes)-1].Focus || d.Title != "星河电子与华中大学的关联" {
		t.Errorf("ends %v, title %q", names(d), d.Title)
	}

	// A ring gives two paths of equal length, shortest first, then a longer one.
	ring := diagramtest.Ring(6)
	d, err = Build(ring, Options{From: "节点0", To: "节点3", MaxPaths: 3})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names(d), " "); got != "节点0 节点1 节点2 节点5 节点4 节点3" {
		t.Errorf("ring paths visit %s", got)
	}
	if !strings.Contains(d.Subtitle, "最短路径 2 条 · 3 步") {
		t.Errorf("subtitle %q", d.Subtitle)
	}
}

func TestPathErrors(t *testing.T) {
	s := fixture()
	for _, c := range []struct {
		name string
		opt  Options
		want string
	}{
		{"not connected", Options{From: "东湖高新区", To: "企业:星河"}, "not connected by any chain"},
		{"not connected within the filter", Options{From: "星河电子", To: "华中大学", Predicates: []graph.Predicate{graph.LocatedIn}}, "allow more types or predicates"},
		{"same entity", Options{From: "东湖高新区", To: "东湖开发区"}, "are the same entity"},
		{"unknown end", Options{From: "东湖高新区", To: "光谷"}, "光谷科创园（园区）"},
		{"one end", Options{From: "东湖高新区"}, "paths need two entities"},
		{"both kinds", Options{Ego: "东湖高新区", From: "a", To: "b"}, "not both"},
		{"depth", Options{Ego: "东湖高新区", Depth: 3}, "depth 3"},
		{"community without analysis", Options{Ego: "n", Cluster: ClusterByCommunity}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := s
			if c.opt.Cluster == ClusterByCommunity {
				src = diagramtest.Ring(3)
				c.want = "no communities"
			}
			_, err := Build(src, c.opt)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

func TestBreakLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"新余高新区", "新余高新区"},
		{"江西赣锋锂业集团股份有限公司", "江西赣锋锂业|集团股份有限公司"},
		{"湖北晶星科技股份有限公司", "湖北晶星科技|股份有限公司"},
		{"西南氢能装备研发制造基地项目", "西南氢能装备|研发制造基地项目"},
		{"海关AEO高级认证企业ABCDEFGH", "海关AEO高级认证|企业ABCDEFGH"},
		{"年产3000吨氯代苯甲腈和年产3000吨氯代苯甲酸一期项目", "年产3000吨氯代苯|甲腈和年产3000吨氯|代苯甲酸一期项目"},
	} {
		if got := strings.Join(breakLines(c.in, lineEms), "|"); got != c.want {
			t.Errorf("breakLines(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// TestDOTWithGraphviz renders the DOT of every seed park, of a path and of
// the awkward fixture with the system's Graphviz, which measures text with
// the real font: any "cell size too small" warning means a label was
// measured too narrow.
func TestDOTWithGraphviz(t *testing.T) {
	seeds := diagramtest.Seeds(t, filepath.Join(testenv.RepoRoot(t), "seeds"))
	var cases []struct {
		name string
		s    *graph.Snapshot
		opt  Options
	}
	for _, p := range diagramtest.SeedParks {
		cases = append(cases, struct {
			name string
			s    *graph.Snapshot
			opt  Options
		}{p, seeds, Options{Ego: p, Depth: 2, Cluster: ClusterByType}})
	}
	cases = append(cases, struct {
		name string
		s    *graph.Snapshot
		opt  Options
	}{"awkward names", exporttest.Snapshot(), Options{Ego: "云岭高新区", Depth: 2, Cluster: ClusterByCommunity}})
	dir := t.TempDir()
	for i, c := range cases {
		d, err := Build(c.s, c.opt)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var buf bytes.Buffer
		if err := WriteDOT(&buf, d); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "d"+string(rune('a'+i))+".dot")
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Run(c.name, func(t *testing.T) {
			svg := clients.Dot(t, file)
			for _, n := range d.Nodes {
				for _, l := range n.Lines {
					if !bytes.Contains(svg, []byte(htmlEscape(l))) && !bytes.Contains(svg, []byte(l)) {
						t.Errorf("Graphviz's SVG lacks the label line %q", l)
					}
				}
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	dot := func() []byte {
		s := diagramtest.Hub(300)
		analysis.Analyze(s, analysis.DefaultOptions())
		d, err := Build(s, Options{Ego: diagramtest.HubName, Depth: 2, MaxNodes: 30, Cluster: ClusterByType})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		WriteDOT(&b, d)
		return b.Bytes()
	}
	// PageRank differs in its last bits from run to run (see pagerank), so
	// compare several runs.
	a := dot()
	for i := 0; i < 5; i++ {
		if !bytes.Equal(a, dot()) {
			t.Fatal("two builds of the same graph give different DOT")
		}
	}
}
