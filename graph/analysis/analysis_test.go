package analysis_test

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"

	"parkgraph/graph"
	"parkgraph/graph/analysis"
)

// snapshotOf builds a snapshot of enterprises e00…e(n-1) with the given
// links (as partners_with edges); node i of the snapshot is e<i>.
func snapshotOf(n int, links [][2]int) *graph.Snapshot {
	var nodes []graph.Node
	ref := func(i int) graph.EntityRef {
		return graph.EntityRef{Type: graph.Enterprise, Name: fmt.Sprintf("e%02d", i)}
	}
	for i := 0; i < n; i++ {
		nodes = append(nodes, graph.Node{IRI: ref(i).IRI(), Type: graph.Enterprise, Name: ref(i).Name})
	}
	var edges []graph.Edge
	for _, l := range links {
		edges = append(edges, graph.Edge{Subject: ref(l[0]).IRI(), Predicate: graph.PartnersWith, Object: ref(l[1]).IRI()})
	}
	return graph.NewSnapshot(nodes, edges, nil)
}

func metric(t *testing.T, s *graph.Snapshot, i int, name string) float64 {
	t.Helper()
	v, ok := s.Nodes[i].Metric(name)
	if !ok {
		t.Fatalf("%s has no %s", s.Nodes[i].Name, name)
	}
	return v
}

func expect(t *testing.T, s *graph.Snapshot, name string, want map[int]float64, tol float64) {
	t.Helper()
	for i, w := range want {
		if got := metric(t, s, i, name); math.Abs(got-w) > tol {
			t.Errorf("%s of %s = %.6f, want %.6f", name, s.Nodes[i].Name, got, w)
		}
	}
}

func TestPath(t *testing.T) {
	s := snapshotOf(5, [][2]int{{0, 1}, {1, 2}, {2, 3}, {3, 4}})
	rep := analysis.Analyze(s, analysis.DefaultOptions())
	expect(t, s, "betweenness", map[int]float64{0: 0, 1: 0.5, 2: 4.0 / 6, 3: 0.5, 4: 0}, 1e-12)
	expect(t, s, "closeness", map[int]float64{0: 0.4, 1: 4.0 / 7, 2: 4.0 / 6}, 1e-12)
	expect(t, s, "harmonic", map[int]float64{0: 1 + 0.5 + 1.0/3 + 0.25, 2: 3}, 1e-12)
	r3 := math.Sqrt(3)
	expect(t, s, "eigenvector", map[int]float64{0: 1 / math.Sqrt(12), 1: r3 / math.Sqrt(12), 2: 2 / math.Sqrt(12)}, 1e-6)
	expect(t, s, "kcore", map[int]float64{0: 1, 2: 1, 4: 1}, 0)
	expect(t, s, "degree", map[int]float64{0: 1, 2: 2}, 0)
	if p0, p4 := metric(t, s, 0, "pagerank"), metric(t, s, 4, "pagerank"); math.Abs(p0-p4) > 1e-9 {
		t.Errorf("the ends of a path rank %v and %v; want equal", p0, p4)
	}
	if rep.Components != 1 || !rep.Paths.Exact {
		t.Errorf("report = %+v", rep)
	}
}

func TestStar(t *testing.T) {
	s := snapshotOf(6, [][2]int{{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}})
	analysis.Analyze(s, analysis.DefaultOptions())
	if top := analysis.Top(s, "pagerank", 1); s.Nodes[top[0]].Name != "e00" {
		t.Errorf("top PageRank = %s, want the hub e00", s.Nodes[top[0]].Name)
	}
	// Hub x and leaves y: x = 0.15/6 + 0.85·5y, y = 0.15/6 + 0.85·x/5.
	x := (0.025 + 4.25*0.025) / (1 - 4.25*0.17)
	expect(t, s, "pagerank", map[int]float64{0: x, 3: (1 - x) / 5}, 1e-8)
	expect(t, s, "betweenness", map[int]float64{0: 1, 1: 0}, 1e-12)
	expect(t, s, "closeness", map[int]float64{0: 1, 2: 5.0 / 9}, 1e-12)
	expect(t, s, "degree", map[int]float64{0: 5, 5: 1}, 0)
	expect(t, s, "kcore", map[int]float64{0: 1, 5: 1}, 0)
}

func twoCliques() [][2]int {
	var links [][2]int
	for _, base := range []int{0, 5} {
		for i := 0; i < 5; i++ {
			for j := i + 1; j < 5; j++ {
				links = append(links, [2]int{base + i, base + j})
			}
		}
	}
	return append(links, [2]int{4, 5}) // the bridge
}

func TestTwoCliquesWithBridge(t *testing.T) {
	s := snapshotOf(10, twoCliques())
	rep := analysis.Analyze(s, analysis.DefaultOptions())
	if len(rep.Communities) != 2 || rep.Communities[0].Size != 5 || rep.Communities[1].Size != 5 {
		t.Fatalf("communities = %+v, want two of five", rep.Communities)
	}
	if c0, c9 := metric(t, s, 0, "community"), metric(t, s, 9, "community"); c0 == c9 {
		t.Error("the two cliques share a community")
	}
	// m = 21; each clique holds 10 edges and total degree 21.
	if want := 2 * (20.0/42 - 0.25); math.Abs(rep.Modularity-want) > 1e-12 {
		t.Errorf("modularity = %.6f, want %.6f", rep.Modularity, want)
	}
	// The bridge's ends carry every path between the cliques: 4·5 of 36 pairs.
	expect(t, s, "betweenness", map[int]float64{4: 20.0 / 36, 5: 20.0 / 36, 0: 0}, 1e-12)
	expect(t, s, "kcore", map[int]float64{0: 4, 4: 4, 9: 4}, 0)
	// Communities are named after their highest-ranked member: a bridge end.
	for _, c := range rep.Communities {
		if c.Name != "e04" && c.Name != "e05" {
			t.Errorf("community %d is named %s, want a bridge end", c.ID, c.Name)
		}
	}
	if len(rep.Links) != 1 || rep.Links[0].Relations != 1 || rep.Links[0].ByPredicate[0].Predicate != graph.PartnersWith {
		t.Errorf("links = %+v, want the bridge alone", rep.Links)
	}
	// Same input, same seed: same result.
	s2 := snapshotOf(10, twoCliques())
	rep2 := analysis.Analyze(s2, analysis.DefaultOptions())
	for i := range s.Nodes {
		if metric(t, s, i, "community") != metric(t, s2, i, "community") {
			t.Fatalf("community of %s differs between runs", s.Nodes[i].Name)
		}
	}
	if rep.Modularity != rep2.Modularity {
		t.Error("modularity differs between runs")
	}
}

func TestIsolatedNodesAndSelfLoops(t *testing.T) {
	// e00–e01–e02, a self-loop on e02, a self-loop on e03 and nothing else,
	// e04 alone.
	s := snapshotOf(5, [][2]int{{0, 1}, {1, 2}, {2, 2}, {3, 3}})
	rep := analysis.Analyze(s, analysis.DefaultOptions())
	expect(t, s, "degree", map[int]float64{2: 3, 3: 2, 4: 0}, 0)
	expect(t, s, "component", map[int]float64{0: 0, 2: 0, 3: 1, 4: 2}, 0)
	expect(t, s, "kcore", map[int]float64{0: 1, 2: 1, 3: 0, 4: 0}, 0)
	expect(t, s, "betweenness", map[int]float64{1: 1.0 / 6, 3: 0}, 1e-12)
	// e01 reaches both others at distance 1: 2 of the 4 other nodes.
	expect(t, s, "closeness", map[int]float64{1: 0.5, 0: 2.0 / 3 * 0.5, 3: 0, 4: 0}, 1e-12)
	expect(t, s, "harmonic", map[int]float64{4: 0}, 0)
	sum := 0.0
	for i := range s.Nodes {
		sum += metric(t, s, i, "pagerank")
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("PageRank sums to %v", sum)
	}
	if metric(t, s, 3, "pagerank") != metric(t, s, 4, "pagerank") {
		t.Error("an isolated node with a self-loop ranks differently from one without")
	}
	if rep.Components != 3 {
		t.Errorf("components = %d, want 3", rep.Components)
	}
	c3, c4 := metric(t, s, 3, "community"), metric(t, s, 4, "community")
	if c3 == c4 || c3 == metric(t, s, 0, "community") {
		t.Error("isolated nodes should be communities of their own")
	}
	for i := range s.Nodes {
		for name, v := range s.Nodes[i].Metrics {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("%s of %s is %v", name, s.Nodes[i].Name, v)
			}
		}
	}
}

func TestZeroOptionsMeanDefaults(t *testing.T) {
	a, b := snapshotOf(10, twoCliques()), snapshotOf(10, twoCliques())
	ra := analysis.Analyze(a, analysis.Options{Seed: 1})
	rb := analysis.Analyze(b, analysis.DefaultOptions())
	if ra.Modularity != rb.Modularity || metric(t, a, 4, "pagerank") != metric(t, b, 4, "pagerank") {
		t.Error("zero options differ from the defaults")
	}
}

func TestEmpty(t *testing.T) {
	s := graph.NewSnapshot(nil, nil, nil)
	rep := analysis.Analyze(s, analysis.DefaultOptions())
	if rep.Nodes != 0 || len(rep.Communities) != 0 || rep.Modularity != 0 || len(rep.Measures) != 0 {
		t.Errorf("empty graph report = %+v", rep)
	}
	// Nodes without any relation.
	s = snapshotOf(3, nil)
	rep = analysis.Analyze(s, analysis.DefaultOptions())
	if len(rep.Communities) != 3 || rep.Modularity != 0 {
		t.Errorf("three lone nodes: %d communities, Q %v; want 3 and 0", len(rep.Communities), rep.Modularity)
	}
	expect(t, s, "pagerank", map[int]float64{0: 1.0 / 3}, 1e-12)
}

// karateSnapshot is Zachary's karate club as a snapshot: member i is e<i>.
func karateSnapshot(t *testing.T) *graph.Snapshot {
	f, err := os.Open("testdata/karate.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var links [][2]int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var a, b int
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		if _, err := fmt.Sscan(sc.Text(), &a, &b); err != nil {
			t.Fatal(err)
		}
		links = append(links, [2]int{a, b})
	}
	if len(links) != 78 {
		t.Fatalf("karate club has %d edges, want 78", len(links))
	}
	return snapshotOf(34, links)
}

// TestKarateClub checks the published values for Zachary's karate club
// (those networkx's documentation and Newman's "Networks" give).
func TestKarateClub(t *testing.T) {
	s := karateSnapshot(t)
	rep := analysis.Analyze(s, analysis.DefaultOptions())
	expect(t, s, "betweenness", map[int]float64{0: 0.437635, 33: 0.304075, 32: 0.145247, 2: 0.143657, 31: 0.138276}, 1e-6)
	// networkx stops PageRank when the L1 change is below n·1e-6, so its
	// values are good to about 1e-5.
	expect(t, s, "pagerank", map[int]float64{33: 0.100918, 0: 0.097002, 32: 0.071692, 2: 0.057078, 1: 0.052878}, 1e-5)
	expect(t, s, "eigenvector", map[int]float64{33: 0.373371, 0: 0.355483, 2: 0.317189, 32: 0.308651, 1: 0.265954}, 1e-5)
	expect(t, s, "closeness", map[int]float64{0: 0.568966, 2: 0.559322, 33: 0.55, 31: 0.540984, 8: 0.515625}, 1e-6)
	expect(t, s, "harmonic", map[int]float64{33: 23.25, 0: 23.166667, 2: 21, 32: 20.916667}, 1e-6)
	expect(t, s, "kcore", map[int]float64{0: 4, 4: 3, 9: 2, 11: 1, 33: 4}, 0)
	// The best known modularity of the club is 0.4198 (four communities).
	if rep.Modularity < 0.415 || rep.Modularity > 0.4199 {
		t.Errorf("modularity = %.4f, want ≈ 0.42", rep.Modularity)
	}
	if metric(t, s, 0, "community") == metric(t, s, 33, "community") {
		t.Error("the instructor and the administrator share a community")
	}
	if top := analysis.Top(s, "betweenness", 2); s.Nodes[top[0]].Name != "e00" || s.Nodes[top[1]].Name != "e33" {
		t.Errorf("top betweenness = %v, want e00 then e33", top)
	}
	t.Logf("Q = %.4f, %d communities", rep.Modularity, len(rep.Communities))
}

func TestMeasuresSelection(t *testing.T) {
	s := karateSnapshot(t)
	ms, err := analysis.ParseMeasures("kcore, degrees")
	if err != nil {
		t.Fatal(err)
	}
	opt := analysis.DefaultOptions()
	opt.Measures = ms
	rep := analysis.Analyze(s, opt)
	want := []string{"degree", "in_degree", "out_degree", "weighted_degree", "kcore"}
	if !slices.Equal(rep.Measures, want) {
		t.Errorf("measures = %v, want %v", rep.Measures, want)
	}
	if _, ok := s.Nodes[0].Metric("pagerank"); ok || len(s.Communities) != 0 {
		t.Error("pagerank or communities computed without being asked for")
	}
	if _, err := analysis.ParseMeasures("pagerank,centralty"); err == nil || !strings.Contains(err.Error(), "centralty") {
		t.Errorf("unknown measure error = %v", err)
	}
}

// TestSameOnAnyCoreCount: parallel kernels sum in a fixed order.
func TestSameOnAnyCoreCount(t *testing.T) {
	g := analysis.NewGraph(6000, analysis.BarabasiAlbert(6000, 3, 4))
	comp, sizes := analysis.Components(g)
	prev := runtime.GOMAXPROCS(1)
	pr1 := analysis.PageRank(g, 0.85, 1e-10).Rank
	pm1 := analysis.Paths(g, comp, sizes, 64, 1)
	ev1, _, _ := analysis.Eigenvector(g, 1e-10)
	c1 := analysis.Communities(g, 1, 1, 0)
	runtime.GOMAXPROCS(max(2, prev))
	pr2 := analysis.PageRank(g, 0.85, 1e-10).Rank
	pm2 := analysis.Paths(g, comp, sizes, 64, 1)
	ev2, _, _ := analysis.Eigenvector(g, 1e-10)
	c2 := analysis.Communities(g, 1, 1, 0)
	runtime.GOMAXPROCS(prev)
	if !slices.Equal(c1.Community, c2.Community) || c1.Q != c2.Q {
		t.Error("communities depend on the number of cores")
	}
	if !slices.Equal(pr1, pr2) || !slices.Equal(pm1.Betweenness, pm2.Betweenness) || !slices.Equal(ev1, ev2) {
		t.Error("results depend on the number of cores")
	}
}

func ExampleAnalyze() {
	// A park with three enterprises, two of which work together.
	park := graph.EntityRef{Type: graph.Park, Name: "云岭高新区"}
	a := graph.EntityRef{Type: graph.Enterprise, Name: "青禾科技有限公司"}
	b := graph.EntityRef{Type: graph.Enterprise, Name: "白鹭精工有限公司"}
	c := graph.EntityRef{Type: graph.Enterprise, Name: "星澜光学有限公司"}
	var nodes []graph.Node
	for _, r := range []graph.EntityRef{park, a, b, c} {
		nodes = append(nodes, graph.Node{IRI: r.IRI(), Type: r.Type, Name: r.Name})
	}
	edges := []graph.Edge{
		{Subject: a.IRI(), Predicate: graph.LocatedIn, Object: park.IRI()},
		{Subject: b.IRI(), Predicate: graph.LocatedIn, Object: park.IRI()},
		{Subject: c.IRI(), Predicate: graph.LocatedIn, Object: park.IRI()},
		{Subject: b.IRI(), Predicate: graph.PartnersWith, Object: c.IRI()},
	}
	s := graph.NewSnapshot(nodes, edges, nil)
	rep := analysis.Analyze(s, analysis.DefaultOptions())
	for _, i := range analysis.Top(s, "betweenness", 1) {
		n := s.Nodes[i]
		fmt.Printf("most between: %s %.3f\n", n.Name, n.Metrics["betweenness"])
	}
	for _, c := range rep.Communities {
		fmt.Printf("community %d: %s (%d members)\n", c.ID, c.Name, c.Size)
	}
	// Output:
	// most between: 云岭高新区 0.667
	// community 0: 星澜光学有限公司 (2 members)
	// community 1: 云岭高新区 (2 members)
}
