// Package analysis computes network measures and communities over a
// graph.Snapshot with gonum: degree, PageRank and Louvain communities. The
// results are attached to the snapshot's nodes (Node.Metrics, keyed by the
// names in graph.Measures) and its Communities, so every export carries them.
package analysis

import (
	"math/rand/v2"
	"sort"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"parkgraph/graph"
)

// Options control an analysis run. The zero value is not useful; start from
// DefaultOptions.
type Options struct {
	Damping    float64 // PageRank damping factor
	Tolerance  float64 // PageRank convergence tolerance
	Resolution float64 // modularity resolution: above 1 gives smaller communities
	Seed       uint64  // seed of the community search, so results repeat
}

// DefaultOptions are the options parkgraph uses unless told otherwise.
func DefaultOptions() Options {
	return Options{Damping: 0.85, Tolerance: 1e-8, Resolution: 1, Seed: 1}
}

// Report summarises a run.
type Report struct {
	Nodes, Edges int
	Modularity   float64
	Communities  []graph.Community
}

// Analyze computes degree, PageRank and communities on s and attaches them.
// Relations are treated as undirected links weighted by their number of
// supporting sentences, since every predicate ties its two ends together
// whichever way it reads.
func Analyze(s *graph.Snapshot, opt Options) *Report {
	n := len(s.Nodes)
	rep := &Report{Nodes: n, Edges: len(s.Edges)}
	if n == 0 {
		s.Communities = nil
		return rep
	}
	und := simple.NewWeightedUndirectedGraph(0, 0)
	dir := simple.NewDirectedGraph()
	for i := 0; i < n; i++ {
		und.AddNode(simple.Node(i))
		dir.AddNode(simple.Node(i))
	}
	in := make([]int, n)
	out := make([]int, n)
	wdeg := make([]float64, n)
	for i := range s.Edges {
		e := &s.Edges[i]
		a, b := s.Index(e.Subject), s.Index(e.Object)
		out[a]++
		in[b]++
		w := float64(e.Weight())
		wdeg[a] += w
		wdeg[b] += w
		if a == b {
			continue
		}
		prev := 0.0
		if ex := und.WeightedEdge(int64(a), int64(b)); ex != nil {
			prev = ex.Weight()
		}
		und.SetWeightedEdge(und.NewWeightedEdge(simple.Node(a), simple.Node(b), prev+w))
		dir.SetEdge(dir.NewEdge(simple.Node(a), simple.Node(b)))
		dir.SetEdge(dir.NewEdge(simple.Node(b), simple.Node(a)))
	}
	pr := network.PageRankSparse(dir, opt.Damping, opt.Tolerance)
	for i := range s.Nodes {
		nd := &s.Nodes[i]
		nd.SetMetric("in_degree", float64(in[i]))
		nd.SetMetric("out_degree", float64(out[i]))
		nd.SetMetric("degree", float64(in[i]+out[i]))
		nd.SetMetric("weighted_degree", wdeg[i])
		nd.SetMetric("pagerank", pr[int64(i)])
	}

	reduced := community.Modularize(und, opt.Resolution, rand.NewPCG(opt.Seed, 0x9e3779b97f4a7c15))
	comms := reduced.Communities()
	rep.Modularity = community.Q(und, comms, opt.Resolution)
	rep.Communities = nameCommunities(s, comms)
	s.Communities = rep.Communities
	return rep
}

// nameCommunities numbers communities by size (0 the largest; ties by their
// first node's IRI), sets each node's community and names each community
// after its member with the highest PageRank.
func nameCommunities(s *graph.Snapshot, comms [][]gg.Node) []graph.Community {
	type group struct {
		members []int
	}
	groups := make([]group, 0, len(comms))
	for _, c := range comms {
		g := group{}
		for _, nd := range c {
			g.members = append(g.members, int(nd.ID()))
		}
		sort.Ints(g.members)
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool {
		if len(groups[i].members) != len(groups[j].members) {
			return len(groups[i].members) > len(groups[j].members)
		}
		return groups[i].members[0] < groups[j].members[0]
	})
	out := make([]graph.Community, len(groups))
	for id, g := range groups {
		best := g.members[0]
		for _, m := range g.members {
			pm, _ := s.Nodes[m].Metric("pagerank")
			pb, _ := s.Nodes[best].Metric("pagerank")
			if pm > pb {
				best = m
			}
		}
		name := s.Nodes[best].Name
		for _, m := range g.members {
			s.Nodes[m].SetMetric("community", float64(id))
			s.Nodes[m].Community = name
		}
		out[id] = graph.Community{ID: id, Name: name, Size: len(g.members)}
	}
	return out
}

// Top returns the indexes of the n nodes with the highest value of a
// measure, highest first, ties broken by IRI.
func Top(s *graph.Snapshot, measure string, n int) []int {
	idx := make([]int, len(s.Nodes))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		va, _ := s.Nodes[idx[a]].Metric(measure)
		vb, _ := s.Nodes[idx[b]].Metric(measure)
		return va > vb
	})
	if n < len(idx) {
		idx = idx[:n]
	}
	return idx
}
