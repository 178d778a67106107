package analysis

import "sort"

// Components labels the connected components of g: comp[u] is u's
// component, numbered by size, 0 the largest (ties: the component holding
// the lower node first); sizes[c] is the size of component c.
//
// It is union–find in the manner of Afforest (Sutton et al. 2018): first
// link every node to its first two neighbours, find the component most
// nodes already share, then finish the other nodes' edges only, so a giant
// component's edges are mostly never read.
func Components(g *Graph) (comp []int32, sizes []int) {
	n := g.N()
	parent := make([]int32, n)
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]] // path halving
			x = parent[x]
		}
		return x
	}
	// union links the higher root under the lower one, so every root is
	// the lowest node of its tree.
	union := func(a, b int32) {
		ra, rb := find(a), find(b)
		if ra > rb {
			ra, rb = rb, ra
		}
		if ra != rb {
			parent[rb] = ra
		}
	}
	const sampled = 2
	for u := 0; u < n; u++ {
		a, z := g.Off[u], g.Off[u+1]
		for i := a; i < min(z, a+sampled); i++ {
			union(int32(u), g.Adj[i])
		}
	}
	for u := range parent {
		parent[u] = parent[parent[u]]
	}
	// The most common root among a sample of nodes is almost surely the
	// giant component's (any choice is correct; a good one saves work).
	giant := int32(-1)
	if n > 0 {
		count := map[int32]int{}
		best := 0
		step := max(1, n/1024)
		for u := 0; u < n; u += step {
			r := find(int32(u))
			count[r]++
			if count[r] > best || (count[r] == best && r < giant) {
				giant, best = r, count[r]
			}
		}
	}
	for u := 0; u < n; u++ {
		if find(int32(u)) == giant {
			continue
		}
		a, z := g.Off[u], g.Off[u+1]
		for i := min(z, a+sampled); i < z; i++ {
			union(int32(u), g.Adj[i])
		}
	}
	// Every root is its component's lowest node; number components by
	// size, then by that node.
	comp = make([]int32, n)
	var raw []int
	id := make([]int32, n)
	for u := 0; u < n; u++ {
		r := find(int32(u))
		if int(r) == u {
			id[u] = int32(len(raw))
			raw = append(raw, 0)
		}
		c := id[r]
		comp[u] = c
		raw[c]++
	}
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
