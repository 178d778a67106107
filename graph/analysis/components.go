package analysis

import "sort"

// Components labels the connected components of g: comp[u] is u's
// component, numbered by size, 0 the largest (ties: the component holding
// the lower node first); sizes[c] is the size of component c. It is a
// breadth-first search over the CSR arrays, linear in nodes plus edges.
func Components(g *Graph) (comp []int32, sizes []int) {
	n := g.N()
	comp = make([]int32, n)
	for i := range comp {
		comp[i] = -1
	}
	queue := make([]int32, 0, 64)
	var raw []int
	for s := 0; s < n; s++ {
		if comp[s] >= 0 {
			continue
		}
		c := int32(len(raw))
		comp[s] = c
		queue = append(queue[:0], int32(s))
		for h := 0; h < len(queue); h++ {
			u := queue[h]
			for _, v := range g.Adj[g.Off[u]:g.Off[u+1]] {
				if comp[v] < 0 {
					comp[v] = c
					queue = append(queue, v)
				}
			}
		}
		raw = append(raw, len(queue))
	}
	// Renumber by size; components were found in order of their lowest node.
	order := make([]int, len(raw))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return raw[order[a]] > raw[order[b]] })
	rename := make([]int32, len(raw))
	sizes = make([]int, len(raw))
	for newID, old := range order {
		rename[old] = int32(newID)
		sizes[newID] = raw[old]
	}
	for i, c := range comp {
		comp[i] = rename[c]
	}
	return comp, sizes
}

// CoreNumbers returns the k-core number of every node: the largest k such
// that the node belongs to a subgraph in which every node has at least k
// neighbours. Self-loops and weights are ignored. It is the linear-time
// bucket algorithm of Batagelj and Zaveršnik (2003).
func CoreNumbers(g *Graph) []int {
	n := g.N()
	deg := make([]int, n)
	maxDeg := 0
	for u := 0; u < n; u++ {
		deg[u] = g.Degree(u)
		maxDeg = max(maxDeg, deg[u])
	}
	bin := make([]int, maxDeg+1)
	for _, d := range deg {
		bin[d]++
	}
	start := 0
	for d := range bin {
		c := bin[d]
		bin[d] = start
		start += c
	}
	pos := make([]int, n)
	vert := make([]int, n)
	for u := 0; u < n; u++ {
		pos[u] = bin[deg[u]]
		vert[pos[u]] = u
		bin[deg[u]]++
	}
	for d := maxDeg; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	if maxDeg >= 0 && len(bin) > 0 {
		bin[0] = 0
	}
	for i := 0; i < n; i++ {
		v := vert[i]
		for _, u32 := range g.Adj[g.Off[v]:g.Off[v+1]] {
			u := int(u32)
			if deg[u] > deg[v] {
				du, pu := deg[u], pos[u]
				pw := bin[du]
				w := vert[pw]
				if u != w {
					pos[u], pos[w] = pw, pu
					vert[pu], vert[pw] = w, u
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	return deg
}
