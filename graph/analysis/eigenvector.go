package analysis

import "math"

// EigenvectorMaxIterations bounds the power iteration of Eigenvector.
const EigenvectorMaxIterations = 10000

// Eigenvector computes eigenvector centrality: the principal eigenvector of
// the weighted adjacency matrix (self-loops ignored), scaled to unit
// Euclidean length, by power iteration on A+I from the all-ones vector (the
// shift by I has the same eigenvectors and stops the oscillation a bipartite
// graph would cause). It stops when the L1 change falls below n·tol, as
// networkx does, and reports whether it converged. On a disconnected graph
// the weight concentrates on the component with the largest eigenvalue.
func Eigenvector(g *Graph, tol float64) (x []float64, iterations int, converged bool) {
	n := g.N()
	if n == 0 {
		return nil, 0, true
	}
	x = make([]float64, n)
	y := make([]float64, n)
	for i := range x {
		x[i] = 1 / math.Sqrt(float64(n))
	}
	var partSq, partErr [blocks]float64
	for iterations < EigenvectorMaxIterations {
		iterations++
		parallelBlocks(n, func(b, lo, hi int) {
			sq := 0.0
			for v := lo; v < hi; v++ {
				s := x[v]
				a, z := g.Off[v], g.Off[v+1]
				adj, w := g.Adj[a:z], g.W[a:z]
				for i, u := range adj {
					s += w[i] * x[u]
				}
				y[v] = s
				sq += s * s
			}
			partSq[b] = sq
		})
		norm := 0.0
		for _, s := range partSq {
			norm += s
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			return y, iterations, true
		}
		parallelBlocks(n, func(b, lo, hi int) {
			e := 0.0
			for v := lo; v < hi; v++ {
				y[v] /= norm
				e += math.Abs(y[v] - x[v])
			}
			partErr[b] = e
		})
		err := 0.0
		for _, e := range partErr {
			err += e
		}
		x, y = y, x
		if err < float64(n)*tol {
			return x, iterations, true
		}
	}
	return x, iterations, false
}
