package analysis

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// Partition is a division of a graph's nodes into communities.
type Partition struct {
	Community []int32 // community of each node: 0 the largest, ties by lowest member
	Sizes     []int   // nodes per community
	Q         float64 // modularity at the resolution it was found with
	Levels    int     // aggregation levels the search went through
}

// Members returns the nodes of each community, in node order.
func (p *Partition) Members() [][]int {
	out := make([][]int, len(p.Sizes))
	for c, s := range p.Sizes {
		out[c] = make([]int, 0, s)
	}
	for u, c := range p.Community {
		out[c] = append(out[c], u)
	}
	return out
}

// Communities finds communities of g by maximising modularity at the given
// resolution (γ: above 1 favours smaller communities), with the Leiden
// algorithm (Traag, Waltman and van Eck 2019): fast local moving of nodes
// between communities, then a refinement that splits every community into
// well-connected parts grown only along edges, then aggregation of the
// refined parts into single nodes whose starting communities are the
// unrefined ones, repeated until no node moves. The refinement merges
// greedily (the θ→0 limit of Leiden's randomised merge). The whole
// algorithm runs up to iterations times (0: DefaultCommunityIterations),
// each run starting from the partition the last one found, and stops early
// when modularity no longer rises. Every returned community is connected:
// the refinement only aggregates connected parts, and a final pass splits
// any community that local moving left in pieces, which can only raise
// modularity.
//
// Node order is shuffled with seed, so a seed gives one result on any
// machine. Modularity follows gonum's community.Q: a self-loop of weight w
// adds w (not 2w) to its node's degree and to its community's inner weight.
func Communities(g *Graph, resolution float64, seed uint64, iterations int) *Partition {
	n := g.N()
	p := &Partition{Community: make([]int32, n)}
	if n == 0 {
		return p
	}
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	for i := range p.Community {
		p.Community[i] = int32(i)
	}
	k := strengths(g)
	if sum(k) == 0 {
		// No edges: every node is its own community.
		return finish(p, g, resolution, true)
	}
	if iterations <= 0 {
		iterations = DefaultCommunityIterations
	}
	best := math.Inf(-1)
	for it := 0; it < iterations; it++ {
		levels := leiden(g, k, resolution, p.Community, rng)
		p.Levels += levels
		q := Modularity(g, p.Community, resolution)
		if q <= best+1e-12 {
			break
		}
		best = q
	}
	return finish(p, g, resolution, true)
}

// DefaultCommunityIterations is how many times Communities runs Leiden,
// each run starting from the partition the previous one found, when no
// number is given; it stops earlier when a run does not raise modularity.
const DefaultCommunityIterations = 10

// leiden runs the Leiden algorithm once, improving the partition comm of g
// in place, and returns the number of aggregation levels it went through.
func leiden(g *Graph, k []float64, resolution float64, comm []int32, rng *rand.Rand) int {
	n := g.N()
	m2 := sum(k)
	memb := make([]int32, n) // original node → node of the current level
	for i := range memb {
		memb[i] = int32(i)
	}
	level := g
	part := slices.Clone(comm) // community of each node of the current level
	levels := 1
	for ; levels <= 64; levels++ {
		moved := moveNodes(level, k, m2, resolution, part, rng)
		if moved == 0 && levels > 1 {
			break
		}
		nComm := renumber(part)
		if nComm == level.N() {
			break
		}
		refined := refine(level, k, m2, resolution, part, nComm, rng)
		nRef := renumber(refined)
		if nRef == level.N() {
			// Nothing to aggregate: the communities are single nodes of
			// this level; one more pass over them changes nothing.
			break
		}
		// Aggregate by refined parts; each starts in its unrefined community.
		next := aggregate(level, refined, nRef)
		nextPart := make([]int32, nRef)
		for u, r := range refined {
			nextPart[r] = part[u]
		}
		for i, u := range memb {
			memb[i] = refined[u]
		}
		level, part = next, nextPart
		k = strengths(level)
	}
	for i, u := range memb {
		comm[i] = part[u]
	}
	return levels
}

func strengths(g *Graph) []float64 {
	k := make([]float64, g.N())
	parallelFor(g.N(), func(lo, hi int) {
		for u := lo; u < hi; u++ {
			k[u] = g.Strength(u)
		}
	})
	return k
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// renumber maps community labels to 0…c-1 in order of first appearance and
// returns c.
func renumber(part []int32) int {
	id := make(map[int32]int32, 64)
	dense := make([]int32, len(part))
	for i := range dense {
		dense[i] = -1
	}
	next := int32(0)
	for i, c := range part {
		if int(c) < len(dense) {
			if dense[c] < 0 {
				dense[c] = next
				next++
			}
			part[i] = dense[c]
			continue
		}
		v, ok := id[c]
		if !ok {
			v = next
			id[c] = v
			next++
		}
		part[i] = v
	}
	return int(next)
}

// neighbourWeights gathers, for one node, the weight of its edges to each
// neighbouring community, reusing its arrays between calls.
type neighbourWeights struct {
	acc     []weightSlot
	touched []int32
}

// weightSlot keeps a community's gathered weight, whether it is listed in
// touched and (for moveNodes) its total strength on one cache line.
type weightSlot struct {
	w    float64
	tot  float64
	seen bool
}

func newNeighbourWeights(n int) *neighbourWeights {
	return &neighbourWeights{acc: make([]weightSlot, n)}
}

func (nw *neighbourWeights) add(c int32, w float64) {
	a := &nw.acc[c]
	if !a.seen {
		a.seen = true
		nw.touched = append(nw.touched, c)
	}
	a.w += w
}

// weight is the weight gathered for community c.
func (nw *neighbourWeights) weight(c int32) float64 { return nw.acc[c].w }

func (nw *neighbourWeights) reset() {
	for _, c := range nw.touched {
		nw.acc[c].w, nw.acc[c].seen = 0, false
	}
	nw.touched = nw.touched[:0]
}

// moveNodes is Leiden's fast local moving: nodes wait in a queue (first in
// a random order); each moves to the neighbouring community that raises
// modularity most, and when it moves, its neighbours outside its new
// community queue again. It returns the number of moves.
func moveNodes(g *Graph, k []float64, m2, gamma float64, part []int32, rng *rand.Rand) int {
	n := g.N()
	nw := newNeighbourWeights(n)
	slot := nw.acc // slot[c].tot is the total strength of community c
	for u, c := range part {
		slot[c].tot += k[u]
	}
	queue := make([]int32, n)
	for i, j := range rng.Perm(n) {
		queue[i] = int32(j)
	}
	inQueue := make([]bool, n)
	for i := range inQueue {
		inQueue[i] = true
	}
	moves := 0
	scale := gamma / m2
	for h := 0; h < len(queue); h++ {
		if h >= n && h*2 > len(queue) {
			// Compact the queue so it does not grow without bound.
			queue = append(queue[:0], queue[h:]...)
			h = 0
		}
		u := queue[h]
		inQueue[u] = false
		cu := part[u]
		ku := k[u]
		a, z := g.Off[u], g.Off[u+1]
		for i := a; i < z; i++ {
			nw.add(part[g.Adj[i]], g.W[i])
		}
		slot[cu].tot -= ku
		best, bestGain := cu, slot[cu].w-ku*slot[cu].tot*scale
		for _, c := range nw.touched {
			if c == cu {
				continue
			}
			gain := slot[c].w - ku*slot[c].tot*scale
			if gain > bestGain || (gain == bestGain && c < best && best != cu) {
				best, bestGain = c, gain
			}
		}
		// An empty community (gain -0) is no better than staying alone.
		slot[best].tot += ku
		nw.reset()
		if best == cu {
			continue
		}
		part[u] = best
		moves++
		for i := a; i < z; i++ {
			v := g.Adj[i]
			if part[v] != best && !inQueue[v] {
				inQueue[v] = true
				queue = append(queue, v)
			}
		}
	}
	return moves
}

// refine splits each community of part into well-connected parts, each
// grown from single nodes by merging a node only into a part it has an edge
// to, so every part is connected. It returns the part of each node.
func refine(g *Graph, k []float64, m2, gamma float64, part []int32, nComm int, rng *rand.Rand) []int32 {
	n := g.N()
	ref := make([]int32, n)
	for i := range ref {
		ref[i] = int32(i)
	}
	commTot := make([]float64, nComm)
	for u, c := range part {
		commTot[c] += k[u]
	}
	refTot := make([]float64, n) // strength of each refined part
	copy(refTot, k)
	ext := make([]float64, n) // weight from the refined part to the rest of its community
	parallelFor(n, func(lo, hi int) {
		for u := lo; u < hi; u++ {
			for i := g.Off[u]; i < g.Off[u+1]; i++ {
				if part[g.Adj[i]] == part[u] {
					ext[u] += g.W[i]
				}
			}
		}
	})
	single := make([]bool, n)
	for i := range single {
		single[i] = true
	}
	scale := gamma / m2

	// Communities are refined independently, each visiting its nodes in
	// the order of one random permutation of all nodes, so they run in
	// parallel with the result of a sequential pass.
	start := make([]int, nComm+1)
	for _, c := range part {
		start[c+1]++
	}
	for c := 0; c < nComm; c++ {
		start[c+1] += start[c]
	}
	byComm := make([]int32, n)
	next := slices.Clone(start[:nComm])
	for _, j := range rng.Perm(n) {
		c := part[j]
		byComm[next[c]] = int32(j)
		next[c]++
	}
	pool := make(chan *neighbourWeights, workers())
	nb := min(blocks, nComm)
	runTasks(nb, func(b int) {
		var nw *neighbourWeights
		select {
		case nw = <-pool:
		default:
			nw = newNeighbourWeights(n)
		}
		defer func() { pool <- nw }()
		for _, u := range byComm[start[nComm*b/nb]:start[nComm*(b+1)/nb]] {
			if !single[u] {
				continue
			}
			cu := part[u]
			ku := k[u]
			// Only nodes well connected to their community move.
			if ext[u] < ku*(commTot[cu]-ku)*scale {
				continue
			}
			for i := g.Off[u]; i < g.Off[u+1]; i++ {
				v := g.Adj[i]
				if part[v] == cu && v != u {
					nw.add(ref[v], g.W[i])
				}
			}
			best, bestGain := ref[u], 0.0
			for _, r := range nw.touched {
				if r == ref[u] {
					continue
				}
				// The target must itself be well connected to its community.
				if ext[r] < refTot[r]*(commTot[cu]-refTot[r])*scale {
					continue
				}
				gain := nw.weight(r) - ku*refTot[r]*scale
				if gain > bestGain || (gain == bestGain && gain > 0 && r < best) {
					best, bestGain = r, gain
				}
			}
			if best != ref[u] {
				wur := nw.weight(best)
				old := ref[u]
				ref[u] = best
				refTot[best] += ku
				refTot[old] = 0
				ext[best] += ext[old] - 2*wur
				ext[old] = 0
				single[u] = false
				single[best] = false // the part's seed is no longer alone either
			}
			nw.reset()
		}
	})
	return ref
}

// aggregate collapses each part into one node; edges between parts add up
// and edges inside a part become its self-loop (counted from both ends, so
// that the new node's strength equals the part's). Rows are built part by
// part from the members' rows, blocks of parts in parallel, and joined in
// part order.
func aggregate(g *Graph, parts []int32, nParts int) *Graph {
	n := g.N()
	start := make([]int, nParts+1)
	for _, p := range parts {
		start[p+1]++
	}
	for p := 0; p < nParts; p++ {
		start[p+1] += start[p]
	}
	members := make([]int32, n)
	next := slices.Clone(start[:nParts])
	for u, p := range parts {
		members[next[p]] = int32(u)
		next[p]++
	}
	out := &Graph{Off: make([]int, nParts+1), Loop: make([]float64, nParts)}
	type rows struct {
		adj []int32
		w   []float64
	}
	nb := min(blocks, nParts)
	built := make([]rows, nb)
	pool := make(chan *neighbourWeights, workers())
	runTasks(nb, func(b int) {
		var nw *neighbourWeights
		select {
		case nw = <-pool:
		default:
			nw = newNeighbourWeights(nParts)
		}
		defer func() { pool <- nw }()
		var r rows
		for p := int32(nParts * b / nb); p < int32(nParts*(b+1)/nb); p++ {
			loop := 0.0
			for _, u := range members[start[p]:start[p+1]] {
				loop += g.Loop[u]
				for i := g.Off[u]; i < g.Off[u+1]; i++ {
					if q := parts[g.Adj[i]]; q == p {
						loop += g.W[i]
					} else {
						nw.add(q, g.W[i])
					}
				}
			}
			out.Loop[p] = loop
			slices.Sort(nw.touched)
			for _, q := range nw.touched {
				r.adj = append(r.adj, q)
				r.w = append(r.w, nw.weight(q))
			}
			out.Off[p+1] = len(nw.touched) // degree for now
			nw.reset()
		}
		built[b] = r
	})
	for p := 0; p < nParts; p++ {
		out.Off[p+1] += out.Off[p]
	}
	out.Adj = make([]int32, 0, out.Off[nParts])
	out.W = make([]float64, 0, out.Off[nParts])
	for _, r := range built {
		out.Adj = append(out.Adj, r.adj...)
		out.W = append(out.W, r.w...)
	}
	return out
}

// finish splits disconnected communities when asked, numbers communities
// by size and computes modularity.
func finish(p *Partition, g *Graph, gamma float64, split bool) *Partition {
	if split {
		splitDisconnected(g, p.Community)
	}
	nc := renumber(p.Community)
	raw := make([]int, nc)
	first := make([]int, nc)
	for i := range first {
		first[i] = -1
	}
	for u, c := range p.Community {
		raw[c]++
		if first[c] < 0 {
			first[c] = u
		}
	}
	order := make([]int, nc)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		if raw[order[a]] != raw[order[b]] {
			return raw[order[a]] > raw[order[b]]
		}
		return first[order[a]] < first[order[b]]
	})
	rename := make([]int32, nc)
	p.Sizes = make([]int, nc)
	for newID, old := range order {
		rename[old] = int32(newID)
		p.Sizes[newID] = raw[old]
	}
	for u, c := range p.Community {
		p.Community[u] = rename[c]
	}
	p.Q = Modularity(g, p.Community, gamma)
	return p
}

// splitDisconnected gives each connected piece of a community its own label.
func splitDisconnected(g *Graph, comm []int32) {
	n := g.N()
	label := make([]int32, n)
	for i := range label {
		label[i] = -1
	}
	next := int32(0)
	var queue []int32
	for s := 0; s < n; s++ {
		if label[s] >= 0 {
			continue
		}
		label[s] = next
		queue = append(queue[:0], int32(s))
		for h := 0; h < len(queue); h++ {
			u := queue[h]
			for _, v := range g.Adj[g.Off[u]:g.Off[u+1]] {
				if label[v] < 0 && comm[v] == comm[u] {
					label[v] = next
					queue = append(queue, v)
				}
			}
		}
		next++
	}
	copy(comm, label)
}

// Modularity is the modularity of a partition of g at resolution γ,
//
//	Q = 1/2m Σ_c [ in_c − γ K_c² / 2m ],
//
// with in_c the weight inside community c (edges counted from both ends,
// self-loops once) and K_c its total strength: the value gonum's
// community.Q gives for the same graph and partition.
func Modularity(g *Graph, comm []int32, gamma float64) float64 {
	n := g.N()
	nc := 0
	for _, c := range comm {
		nc = max(nc, int(c)+1)
	}
	in := make([]float64, nc)
	tot := make([]float64, nc)
	m2 := 0.0
	for u := 0; u < n; u++ {
		c := comm[u]
		ku := g.Loop[u]
		in[c] += g.Loop[u]
		for i := g.Off[u]; i < g.Off[u+1]; i++ {
			ku += g.W[i]
			if comm[g.Adj[i]] == c {
				in[c] += g.W[i]
			}
		}
		tot[c] += ku
		m2 += ku
	}
	if m2 == 0 {
		return 0
	}
	q := 0.0
	for c := range nc {
		q += in[c] - gamma*tot[c]*tot[c]/m2
	}
	return q / m2
}
