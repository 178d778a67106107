package analysis

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
	"gonum.org/v1/gonum/mat"
)

// testGraphs are small graphs of varied shape for comparing kernels with gonum.
func testGraphs() map[string]*Graph {
	r := rand.New(rand.NewPCG(7, 7))
	weighted := BarabasiAlbert(150, 2, 3)
	for i := range weighted {
		weighted[i].W = float64(1 + r.IntN(4))
	}
	// Three pieces, isolated nodes and self-loops.
	var pieces []Edge
	pieces = append(pieces, BarabasiAlbert(40, 2, 5)...)
	for _, e := range BarabasiAlbert(25, 1, 6) {
		pieces = append(pieces, Edge{U: e.U + 40, V: e.V + 40, W: 2})
	}
	pieces = append(pieces, Edge{U: 70, V: 71, W: 1}, Edge{U: 3, V: 3, W: 2}, Edge{U: 50, V: 50, W: 1}, Edge{U: 72, V: 72, W: 1})
	return map[string]*Graph{
		"ba300":    NewGraph(300, BarabasiAlbert(300, 3, 1)),
		"weighted": NewGraph(150, weighted),
		"pieces":   NewGraph(75, pieces),
		"karate":   karate(),
	}
}

func karate() *Graph {
	edges, n, err := readEdgeFile("testdata/karate.txt")
	if err != nil {
		panic(err)
	}
	return NewGraph(n, edges)
}

// simpleCopy is g as one of gonum's own map-based graphs.
func simpleCopy(g *Graph) *simple.WeightedUndirectedGraph {
	s := simple.NewWeightedUndirectedGraph(0, 0)
	for u := 0; u < g.N(); u++ {
		s.AddNode(simple.Node(u))
	}
	for u := 0; u < g.N(); u++ {
		for i := g.Off[u]; i < g.Off[u+1]; i++ {
			if v := int(g.Adj[i]); u < v {
				s.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: g.W[i]})
			}
		}
	}
	return s
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

func TestNewGraphMergesAndSorts(t *testing.T) {
	g := NewGraph(4, []Edge{{2, 0, 1}, {0, 2, 2}, {1, 0, 1}, {3, 3, 1}, {3, 3, 2}, {0, 3, 1}})
	if got := g.Adj[g.Off[0]:g.Off[1]]; !slices.Equal(got, []int32{1, 2, 3}) {
		t.Errorf("neighbours of 0 = %v, want [1 2 3]", got)
	}
	if w, ok := g.Weight(2, 0); !ok || w != 3 {
		t.Errorf("weight 2–0 = %v %v, want 3 (merged)", w, ok)
	}
	if w, _ := g.Weight(3, 3); w != 3 || !g.HasEdgeBetween(3, 3) {
		t.Errorf("self-loop of 3 = %v, want 3", w)
	}
	if g.HasEdgeBetween(1, 2) || g.Edge(1, 2) != nil {
		t.Error("1–2 should not be joined")
	}
	if g.Edges() != 4 || g.Strength(0) != 5 {
		t.Errorf("edges = %d, strength(0) = %v; want 4 and 5", g.Edges(), g.Strength(0))
	}
	if n := gg.NodesOf(g.From(0)); len(n) != 3 || g.From(0).Len() != 3 {
		t.Errorf("From(0) has %d nodes, want 3", len(n))
	}
}

// TestGonumAgreesOnCopy checks Graph's gonum interface: gonum algorithms give
// the same answer on Graph as on a simple graph with the same edges.
func TestGonumAgreesOnCopy(t *testing.T) {
	for name, g := range testGraphs() {
		if name == "pieces" {
			continue // self-loops: simple graphs report them differently
		}
		s := simpleCopy(g)
		a := network.Betweenness(g)
		b := network.Betweenness(s)
		for u := range g.N() {
			if !near(a[int64(u)], b[int64(u)], 1e-9) {
				t.Fatalf("%s: gonum betweenness of %d: %v on Graph, %v on a simple graph", name, u, a[int64(u)], b[int64(u)])
			}
		}
		if len(topo.ConnectedComponents(g)) != len(topo.ConnectedComponents(s)) {
			t.Fatalf("%s: component counts differ", name)
		}
	}
}

func TestPageRankMatchesGonum(t *testing.T) {
	for name, g := range testGraphs() {
		got := PageRank(g, 0.85, 1e-12)
		want := network.PageRankSparse(Arcs{g}, 0.85, 1e-12)
		if !got.Converged {
			t.Errorf("%s: did not converge", name)
		}
		s := 0.0
		for u, r := range got.Rank {
			s += r
			if !near(r, want[int64(u)], 1e-8) {
				t.Fatalf("%s: PageRank of %d = %v, gonum %v", name, u, r, want[int64(u)])
			}
		}
		if !near(s, 1, 1e-9) {
			t.Errorf("%s: ranks sum to %v", name, s)
		}
	}
}

func TestComponentsMatchGonum(t *testing.T) {
	for name, g := range testGraphs() {
		comp, sizes := Components(g)
		cc := topo.ConnectedComponents(g)
		if len(cc) != len(sizes) {
			t.Fatalf("%s: %d components, gonum %d", name, len(sizes), len(cc))
		}
		var gs []int
		for _, c := range cc {
			gs = append(gs, len(c))
			for _, nd := range c {
				if comp[nd.ID()] != comp[c[0].ID()] {
					t.Fatalf("%s: gonum puts %d and %d together, Components does not", name, nd.ID(), c[0].ID())
				}
			}
		}
		sort.Sort(sort.Reverse(sort.IntSlice(gs)))
		if !slices.Equal(gs, sizes) {
			t.Errorf("%s: sizes %v, gonum %v", name, sizes, gs)
		}
		if !sort.IsSorted(sort.Reverse(sort.IntSlice(sizes))) {
			t.Errorf("%s: sizes not largest first: %v", name, sizes)
		}
	}
}

func TestCoreNumbersMatchGonum(t *testing.T) {
	for name, g := range testGraphs() {
		core := CoreNumbers(g)
		kmax := slices.Max(core)
		for k := 0; k <= kmax+1; k++ {
			want := map[int64]bool{}
			if k <= kmax {
				for _, nd := range topo.KCore(k, g) {
					want[nd.ID()] = true
				}
			}
			for u, c := range core {
				if (c >= k) != want[int64(u)] {
					t.Fatalf("%s: node %d has core number %d; gonum's %d-core membership is %v", name, u, c, k, want[int64(u)])
				}
			}
		}
	}
}

func TestPathsMatchGonum(t *testing.T) {
	// Also with the breadth-first renumbering large graphs get.
	defer func(m int) { reorderMin = m }(reorderMin)
	for _, reorderMin = range []int{1 << 30, 0} {
		testPathsMatchGonum(t)
	}
}

func testPathsMatchGonum(t *testing.T) {
	for name, g := range testGraphs() {
		comp, sizes := Components(g)
		pm := Paths(g, comp, sizes, 0, 1)
		// gonum's unweighted measures: betweenness over the graph, distances
		// from all shortest paths of the unweighted view.
		bc := network.Betweenness(g)
		u := unweighted{g}
		sp := path.DijkstraAllPaths(u)
		cl := network.Closeness(u, sp)
		hm := network.Harmonic(u, sp)
		n := float64(g.N())
		for v := range g.N() {
			id := int64(v)
			if want := bc[id] / ((n - 1) * (n - 2)); !near(pm.Betweenness[v], want, 1e-9) {
				t.Fatalf("%s: betweenness of %d = %v, gonum %v (normalised)", name, v, pm.Betweenness[v], want)
			}
			if !near(pm.Harmonic[v], hm[id], 1e-9) {
				t.Fatalf("%s: harmonic of %d = %v, gonum %v", name, v, pm.Harmonic[v], hm[id])
			}
			want := 0.0
			if r := sizes[comp[v]]; r > 1 {
				want = float64(r-1) * cl[id] * float64(r-1) / (n - 1)
			}
			if !near(pm.Closeness[v], want, 1e-9) {
				t.Fatalf("%s: closeness of %d = %v, gonum %v", name, v, pm.Closeness[v], want)
			}
		}
	}
}

// unweighted hides Graph's weights, so gonum's shortest paths count hops.
type unweighted struct{ g *Graph }

func (u unweighted) Node(id int64) gg.Node          { return u.g.Node(id) }
func (u unweighted) Nodes() gg.Nodes                { return u.g.Nodes() }
func (u unweighted) From(id int64) gg.Nodes         { return u.g.From(id) }
func (u unweighted) HasEdgeBetween(x, y int64) bool { return x != y && u.g.HasEdgeBetween(x, y) }
func (u unweighted) Edge(x, y int64) gg.Edge {
	if x == y || !u.g.HasEdgeBetween(x, y) {
		return nil
	}
	return simple.Edge{F: simple.Node(x), T: simple.Node(y)}
}

func TestSampledBetweennessIsClose(t *testing.T) {
	g := NewGraph(2000, BarabasiAlbert(2000, 3, 9))
	comp, sizes := Components(g)
	exact := Paths(g, comp, sizes, 0, 1)
	est := Paths(g, comp, sizes, 256, 1)
	if est.Exact || est.Pivots != 256 {
		t.Fatalf("sampled run reports exact=%v pivots=%d", est.Exact, est.Pivots)
	}
	bound := BetweennessErrorBound(g.N(), 256, 0.05)
	worst := 0.0
	for v := range g.N() {
		worst = math.Max(worst, math.Abs(est.Betweenness[v]-exact.Betweenness[v]))
	}
	if worst > bound {
		t.Errorf("largest error %v exceeds the documented bound %v", worst, bound)
	}
	// The ranking editors read: the top 10 should mostly agree.
	top := func(x []float64) map[int]bool {
		idx := make([]int, len(x))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] > x[idx[b]] })
		m := map[int]bool{}
		for _, i := range idx[:10] {
			m[i] = true
		}
		return m
	}
	te, ts := top(exact.Betweenness), top(est.Betweenness)
	common := 0
	for i := range te {
		if ts[i] {
			common++
		}
	}
	if common < 8 {
		t.Errorf("sampled top 10 shares %d nodes with the exact top 10, want at least 8", common)
	}
	t.Logf("largest error %.4f, bound %.4f, top-10 overlap %d", worst, bound, common)
	// Closeness and harmonic centrality come from the same sources: within
	// 15% for every node and 3% on average (256 of 2000 sources).
	sumRel := map[string]float64{}
	for v := range g.N() {
		for name, pair := range map[string][2]float64{"closeness": {est.Closeness[v], exact.Closeness[v]}, "harmonic": {est.Harmonic[v], exact.Harmonic[v]}} {
			rel := math.Abs(pair[0]-pair[1]) / pair[1]
			sumRel[name] += rel
			if rel > 0.15 {
				t.Fatalf("sampled %s of %d = %v, exact %v", name, v, pair[0], pair[1])
			}
		}
	}
	for name, s := range sumRel {
		if mean := s / float64(g.N()); mean > 0.03 {
			t.Errorf("sampled %s is off by %.1f%% on average", name, 100*mean)
		}
	}
	again := Paths(g, comp, sizes, 256, 1)
	if !slices.Equal(again.Betweenness, est.Betweenness) {
		t.Error("same seed, different estimate")
	}
}

func TestEigenvectorMatchesGonumEigen(t *testing.T) {
	for name, g := range testGraphs() {
		if name == "pieces" {
			continue // disconnected: the principal eigenvector is not unique in general
		}
		x, _, ok := Eigenvector(g, 1e-12)
		if !ok {
			t.Fatalf("%s: did not converge", name)
		}
		n := g.N()
		a := mat.NewSymDense(n, nil)
		for u := range n {
			for i := g.Off[u]; i < g.Off[u+1]; i++ {
				a.SetSym(u, int(g.Adj[i]), g.W[i])
			}
		}
		var es mat.EigenSym
		if !es.Factorize(a, true) {
			t.Fatalf("%s: gonum could not factorise", name)
		}
		var vec mat.Dense
		es.VectorsTo(&vec)
		vals := es.Values(nil)
		top := 0
		for i, v := range vals {
			if v > vals[top] {
				top = i
			}
		}
		sign := 1.0
		if vec.At(0, top) < 0 {
			sign = -1
		}
		for u := range n {
			if want := sign * vec.At(u, top); !near(x[u], want, 1e-6) {
				t.Fatalf("%s: eigenvector centrality of %d = %v, gonum's eigenvector %v", name, u, x[u], want)
			}
		}
	}
}

func TestModularityMatchesGonumQ(t *testing.T) {
	for name, g := range testGraphs() {
		for _, gamma := range []float64{0.5, 1, 2} {
			p := Communities(g, gamma, 1, 0)
			var comms [][]gg.Node
			for _, mem := range p.Members() {
				var c []gg.Node
				for _, u := range mem {
					c = append(c, simple.Node(u))
				}
				comms = append(comms, c)
			}
			want := community.Q(g, comms, gamma)
			if !near(p.Q, want, 1e-9) {
				t.Errorf("%s γ=%v: Q = %v, gonum community.Q = %v", name, gamma, p.Q, want)
			}
			// And on a partition nobody optimised.
			r := make([]int32, g.N())
			for u := range r {
				r[u] = int32(u % 3)
			}
			if got, want := Modularity(g, r, gamma), community.Q(g, groups(r), gamma); !near(got, want, 1e-9) {
				t.Errorf("%s γ=%v: Q of a fixed partition = %v, gonum %v", name, gamma, got, want)
			}
		}
	}
}

func groups(comm []int32) [][]gg.Node {
	m := map[int32][]gg.Node{}
	for u, c := range comm {
		m[c] = append(m[c], simple.Node(u))
	}
	var out [][]gg.Node
	for c := int32(0); int(c) < len(comm); c++ {
		if len(m[c]) > 0 {
			out = append(out, m[c])
		}
	}
	return out
}

func TestCommunitiesAreConnectedAndBeatGonum(t *testing.T) {
	for name, g := range testGraphs() {
		p := Communities(g, 1, 1, 0)
		assertConnected(t, name, g, p)
		ref := community.Modularize(g, 1, rand.NewPCG(1, 1))
		q := community.Q(g, ref.Communities(), 1)
		if p.Q < q-0.02 {
			t.Errorf("%s: Q = %.4f, gonum's Louvain %.4f", name, p.Q, q)
		}
		t.Logf("%s: Q %.4f in %d communities (gonum %.4f)", name, p.Q, len(p.Sizes), q)
	}
}

func assertConnected(t *testing.T, name string, g *Graph, p *Partition) {
	t.Helper()
	for c, mem := range p.Members() {
		if len(mem) != p.Sizes[c] {
			t.Fatalf("%s: community %d has %d members, Sizes says %d", name, c, len(mem), p.Sizes[c])
		}
		seen := map[int32]bool{int32(mem[0]): true}
		queue := []int32{int32(mem[0])}
		for h := 0; h < len(queue); h++ {
			u := queue[h]
			for _, v := range g.Adj[g.Off[u]:g.Off[u+1]] {
				if !seen[v] && p.Community[v] == int32(c) {
					seen[v] = true
					queue = append(queue, v)
				}
			}
		}
		if len(seen) != len(mem) {
			t.Fatalf("%s: community %d is not connected (%d of %d reachable)", name, c, len(seen), len(mem))
		}
	}
}

func ExampleCommunities() {
	// Two triangles joined by one edge.
	g := NewGraph(6, []Edge{{0, 1, 1}, {1, 2, 1}, {0, 2, 1}, {3, 4, 1}, {4, 5, 1}, {3, 5, 1}, {2, 3, 1}})
	p := Communities(g, 1, 1, 0)
	fmt.Printf("%v Q=%.4f\n", p.Community, p.Q)
	// Output: [0 0 0 1 1 1] Q=0.3571
}
