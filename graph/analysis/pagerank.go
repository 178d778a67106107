package analysis

import "math"

// PageRankResult is the outcome of PageRank.
type PageRankResult struct {
	Rank       []float64 // per node; sums to 1
	Iterations int
	Converged  bool // false when MaxIterations was reached first
}

// PageRankMaxIterations bounds the power iteration.
const PageRankMaxIterations = 10000

// PageRank computes the weighted PageRank of g, each undirected edge read
// as two arcs of its weight (self-loops ignored), by power iteration from
// the uniform vector. A node without edges spreads its rank over all nodes,
// as does the teleport term 1-damping. Iteration stops when the L1 change of
// the rank vector falls below tol. The result equals gonum's
// network.PageRankSparse on Arcs{g} within the tolerance; this kernel reads
// the CSR arrays directly, pulls rank along each row in parallel and sums in
// a fixed order, so it is deterministic.
func PageRank(g *Graph, damping, tol float64) PageRankResult {
	n := g.N()
	if n == 0 {
		return PageRankResult{Converged: true}
	}
	out := make([]float64, n) // 1 / out-strength, 0 for dangling nodes
	for u := 0; u < n; u++ {
		s := 0.0
		for _, w := range g.W[g.Off[u]:g.Off[u+1]] {
			s += w
		}
		if s > 0 {
			out[u] = 1 / s
		}
	}
	x := make([]float64, n)
	y := make([]float64, n)
	share := make([]float64, n) // x[u] / out-strength(u)
	dangling := 0.0
	for u := range x {
		x[u] = 1 / float64(n)
		share[u] = x[u] * out[u]
		if out[u] == 0 {
			dangling += x[u]
		}
	}
	var partDangling, partErr [blocks]float64
	res := PageRankResult{}
	for res.Iterations < PageRankMaxIterations {
		res.Iterations++
		base := (1-damping)/float64(n) + damping*dangling/float64(n)
		// Pull rank along each row; the next iteration's shares and
		// dangling mass are computed in the same pass, after every block
		// has read this iteration's shares from share.
		parallelBlocks(n, func(b, lo, hi int) {
			e := 0.0
			for v := lo; v < hi; v++ {
				a, z := g.Off[v], g.Off[v+1]
				adj := g.Adj[a:z]
				s := 0.0
				if g.Unit {
					for _, u := range adj {
						s += share[u]
					}
				} else {
					w := g.W[a:z]
					for i, u := range adj {
						s += w[i] * share[u]
					}
				}
				r := base + damping*s
				y[v] = r
				e += math.Abs(r - x[v])
			}
			partErr[b] = e
		})
		parallelBlocks(n, func(b, lo, hi int) {
			d := 0.0
			for u := lo; u < hi; u++ {
				if out[u] == 0 {
					d += y[u]
				}
				share[u] = y[u] * out[u]
			}
			partDangling[b] = d
		})
		err := 0.0
		for _, e := range partErr {
			err += e
		}
		dangling = 0
		for _, d := range partDangling {
			dangling += d
		}
		x, y = y, x
		if err < tol {
			res.Converged = true
			break
		}
	}
	res.Rank = x
	return res
}
