package analysis

import (
	"fmt"
	"slices"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// Graph is a compact, immutable, weighted undirected graph in compressed
// sparse row form: nodes are the integers 0…N-1, the neighbours of node u are
// Adj[Off[u]:Off[u+1]] (sorted, without duplicates and without u itself) and
// W holds the matching edge weights. A self-loop is kept apart, as Loop[u].
//
// Graph implements gonum's graph.WeightedUndirected, so every gonum
// algorithm runs on it unchanged; the kernels of this package read the
// arrays directly. Arcs gives the same graph as a graph.WeightedDirected.
type Graph struct {
	Off  []int     // len N+1
	Adj  []int32   // len 2·(edges without self-loops)
	W    []float64 // weights, parallel to Adj
	Loop []float64 // self-loop weight per node (0 without one)

	// Unit is true when every edge weight (self-loops aside) is 1, which
	// lets kernels skip reading W.
	Unit bool
}

// Edge is one undirected edge given to NewGraph.
type Edge struct {
	U, V int32
	W    float64
}

// Compile-time checks that Graph and Arcs satisfy gonum's interfaces.
var (
	_ gg.WeightedUndirected = (*Graph)(nil)
	_ gg.WeightedDirected   = Arcs{}
)

// NewGraph builds a graph of n nodes from undirected edges. Repeated edges
// (in either orientation) are merged by adding their weights; an edge from a
// node to itself becomes that node's self-loop. It panics on a node outside
// 0…n-1 or a negative weight: both are programming errors.
func NewGraph(n int, edges []Edge) *Graph {
	g := &Graph{Off: make([]int, n+1), Loop: make([]float64, n)}
	for _, e := range edges {
		if e.U < 0 || int(e.U) >= n || e.V < 0 || int(e.V) >= n {
			panic(fmt.Sprintf("analysis: edge %d–%d outside a graph of %d nodes", e.U, e.V, n))
		}
		if e.W < 0 || e.W != e.W {
			panic(fmt.Sprintf("analysis: edge %d–%d has weight %v", e.U, e.V, e.W))
		}
		if e.U == e.V {
			g.Loop[e.U] += e.W
			continue
		}
		g.Off[e.U+1]++
		g.Off[e.V+1]++
	}
	for i := 0; i < n; i++ {
		g.Off[i+1] += g.Off[i]
	}
	adj := make([]int32, g.Off[n])
	w := make([]float64, g.Off[n])
	next := slices.Clone(g.Off[:n])
	for _, e := range edges {
		if e.U == e.V {
			continue
		}
		adj[next[e.U]], w[next[e.U]] = e.V, e.W
		next[e.U]++
		adj[next[e.V]], w[next[e.V]] = e.U, e.W
		next[e.V]++
	}
	// Sort each row and merge repeated neighbours, compacting in place.
	parallelFor(n, func(lo, hi int) {
		var idx []int
		var ta []int32
		var tw []float64
		for u := lo; u < hi; u++ {
			a, b := g.Off[u], g.Off[u+1]
			row := adj[a:b]
			if sorted32(row) {
				continue
			}
			idx = idx[:0]
			for i := range row {
				idx = append(idx, i)
			}
			slices.SortFunc(idx, func(x, y int) int { return int(row[x]) - int(row[y]) })
			ta, tw = ta[:0], tw[:0]
			for _, i := range idx {
				ta = append(ta, row[i])
				tw = append(tw, w[a+i])
			}
			copy(row, ta)
			copy(w[a:b], tw)
		}
	})
	out := 0
	for u := 0; u < n; u++ {
		a, b := g.Off[u], g.Off[u+1]
		g.Off[u] = out
		for i := a; i < b; i++ {
			if i > a && adj[i] == adj[i-1] {
				w[out-1] += w[i]
				continue
			}
			adj[out], w[out] = adj[i], w[i]
			out++
		}
	}
	g.Off[n] = out
	g.Adj = adj[:out:out]
	g.W = w[:out:out]
	g.Unit = true
	for _, x := range g.W {
		if x != 1 {
			g.Unit = false
			break
		}
	}
	return g
}

func sorted32(s []int32) bool {
	for i := 1; i < len(s); i++ {
		if s[i] <= s[i-1] {
			return false
		}
	}
	return true
}

// N is the number of nodes.
func (g *Graph) N() int { return len(g.Off) - 1 }

// Edges is the number of undirected edges, self-loops included.
func (g *Graph) Edges() int {
	m := len(g.Adj) / 2
	for _, l := range g.Loop {
		if l > 0 {
			m++
		}
	}
	return m
}

// Degree is the number of neighbours of u (its self-loop not counted).
func (g *Graph) Degree(u int) int { return g.Off[u+1] - g.Off[u] }

// Strength is the total weight of u's edges, its self-loop counted once:
// the node degree k_u of gonum's modularity.
func (g *Graph) Strength(u int) float64 {
	s := g.Loop[u]
	for _, w := range g.W[g.Off[u]:g.Off[u+1]] {
		s += w
	}
	return s
}

// find returns the position of v in u's row, or -1.
func (g *Graph) find(u, v int64) int {
	if u < 0 || v < 0 || u >= int64(g.N()) || v >= int64(g.N()) {
		return -1
	}
	row := g.Adj[g.Off[u]:g.Off[u+1]]
	i, ok := slices.BinarySearch(row, int32(v))
	if !ok {
		return -1
	}
	return g.Off[u] + i
}

func (g *Graph) has(id int64) bool { return id >= 0 && id < int64(g.N()) }

// Node returns the node with the given ID, or nil (gonum graph.Graph).
func (g *Graph) Node(id int64) gg.Node {
	if !g.has(id) {
		return nil
	}
	return simple.Node(id)
}

// Nodes returns all nodes in ID order (gonum graph.Graph).
func (g *Graph) Nodes() gg.Nodes {
	if g.N() == 0 {
		return gg.Empty
	}
	return iterator.NewImplicitNodes(0, g.N(), func(id int) gg.Node { return simple.Node(id) })
}

// From returns the neighbours of id, without id itself (gonum graph.Graph).
func (g *Graph) From(id int64) gg.Nodes {
	if !g.has(id) || g.Degree(int(id)) == 0 {
		return gg.Empty
	}
	return &rowNodes{row: g.Adj[g.Off[id]:g.Off[id+1]], i: -1}
}

// HasEdgeBetween reports whether x and y are joined (gonum graph.Graph).
func (g *Graph) HasEdgeBetween(x, y int64) bool {
	if x == y {
		return g.has(x) && g.Loop[x] > 0
	}
	return g.find(x, y) >= 0
}

// Edge returns the edge between u and v, or nil (gonum graph.Graph).
func (g *Graph) Edge(u, v int64) gg.Edge { return g.WeightedEdge(u, v) }

// EdgeBetween returns the edge between x and y, or nil (gonum graph.Undirected).
func (g *Graph) EdgeBetween(x, y int64) gg.Edge { return g.WeightedEdge(x, y) }

// WeightedEdgeBetween returns the edge between x and y, or nil (gonum
// graph.WeightedUndirected).
func (g *Graph) WeightedEdgeBetween(x, y int64) gg.WeightedEdge { return g.WeightedEdge(x, y) }

// WeightedEdge returns the edge from u to v with its weight, or nil (gonum
// graph.Weighted). The result must be compared with nil as a WeightedEdge.
func (g *Graph) WeightedEdge(u, v int64) gg.WeightedEdge {
	w, ok := g.Weight(u, v)
	if !ok || (u == v && w == 0) {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(u), T: simple.Node(v), W: w}
}

// Weight returns the weight of the edge between x and y (gonum
// graph.Weighted). For x == y it is the self-loop weight, 0 without one, and
// ok is true, as for gonum's simple graphs with a zero self weight.
func (g *Graph) Weight(x, y int64) (float64, bool) {
	if x == y {
		if !g.has(x) {
			return 0, false
		}
		return g.Loop[x], true
	}
	if i := g.find(x, y); i >= 0 {
		return g.W[i], true
	}
	return 0, false
}

// Arcs is a Graph seen as a directed graph: each undirected edge is a pair
// of opposite arcs of the same weight. It is what gonum's PageRank and HITS
// expect.
type Arcs struct{ *Graph }

// HasEdgeFromTo reports whether an arc runs from u to v (gonum graph.Directed).
func (a Arcs) HasEdgeFromTo(u, v int64) bool { return a.HasEdgeBetween(u, v) }

// To returns the nodes with an arc to id (gonum graph.Directed).
func (a Arcs) To(id int64) gg.Nodes { return a.From(id) }

// rowNodes iterates over one row of the adjacency array.
type rowNodes struct {
	row []int32
	i   int
}

func (r *rowNodes) Next() bool {
	if r.i+1 >= len(r.row) {
		r.i = len(r.row)
		return false
	}
	r.i++
	return true
}

func (r *rowNodes) Len() int {
	if r.i >= len(r.row) {
		return 0
	}
	return len(r.row) - r.i - 1
}

func (r *rowNodes) Node() gg.Node {
	if r.i < 0 || r.i >= len(r.row) {
		return nil
	}
	return simple.Node(r.row[r.i])
}

func (r *rowNodes) Reset() { r.i = -1 }
