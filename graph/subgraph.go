package graph

import (
	"sort"

	"github.com/cayleygraph/quad"
)

// Subgraph returns a new snapshot with the nodes keepNode accepts and the
// edges between them that keepEdge accepts (nil accepts all). Nodes, edges
// and documents are copied shallowly; metrics stay attached; communities are
// recounted over the kept nodes.
func (s *Snapshot) Subgraph(keepNode func(*Node) bool, keepEdge func(*Edge) bool) *Snapshot {
	nodes := make([]Node, 0, len(s.Nodes))
	kept := make(map[quad.IRI]bool, len(s.Nodes))
	for i := range s.Nodes {
		if keepNode == nil || keepNode(&s.Nodes[i]) {
			nodes = append(nodes, s.Nodes[i])
			kept[s.Nodes[i].IRI] = true
		}
	}
	edges := make([]Edge, 0, len(s.Edges))
	for i := range s.Edges {
		e := &s.Edges[i]
		if kept[e.Subject] && kept[e.Object] && (keepEdge == nil || keepEdge(e)) {
			edges = append(edges, *e)
		}
	}
	docs := append([]DocumentInfo(nil), s.Documents...)
	out := &Snapshot{Nodes: nodes, Edges: edges, Documents: docs}
	out.reindex()
	out.objects = make([]int32, len(edges))
	for i := range edges {
		out.objects[i] = int32(out.index[edges[i].Object])
	}
	out.Communities = recount(s.Communities, nodes)
	return out
}

func recount(cs []Community, nodes []Node) []Community {
	if len(cs) == 0 {
		return nil
	}
	size := map[int]int{}
	for i := range nodes {
		if c, ok := nodes[i].Metric("community"); ok {
			size[int(c)]++
		}
	}
	var out []Community
	for _, c := range cs {
		if n := size[c.ID]; n > 0 {
			c.Size = n
			out = append(out, c)
		}
	}
	return out
}

// Adjacency lists, for every node index, the indexes of the edges that
// touch it (as subject or object), in edge order.
func (s *Snapshot) Adjacency() [][]int {
	adj := make([][]int, len(s.Nodes))
	for i := range s.Edges {
		a, b := s.Index(s.Edges[i].Subject), s.Index(s.Edges[i].Object)
		adj[a] = append(adj[a], i)
		if b != a {
			adj[b] = append(adj[b], i)
		}
	}
	return adj
}

// Ego returns the indexes of the nodes within depth hops of the seeds,
// following edges in either direction that keepEdge accepts (nil accepts
// all), with their distance from the nearest seed. The result is sorted by
// distance, then index.
func (s *Snapshot) Ego(seeds []quad.IRI, depth int, keepEdge func(*Edge) bool) (nodes []int, dist map[int]int) {
	adj := s.Adjacency()
	dist = map[int]int{}
	var frontier []int
	for _, iri := range seeds {
		if i := s.Index(iri); i >= 0 {
			if _, seen := dist[i]; !seen {
				dist[i] = 0
				frontier = append(frontier, i)
			}
		}
	}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []int
		for _, n := range frontier {
			for _, ei := range adj[n] {
				e := &s.Edges[ei]
				if keepEdge != nil && !keepEdge(e) {
					continue
				}
				m := s.Index(e.Subject)
				if m == n {
					m = s.Index(e.Object)
				}
				if _, seen := dist[m]; !seen {
					dist[m] = d
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	for i := range dist {
		nodes = append(nodes, i)
	}
	sort.Slice(nodes, func(a, b int) bool {
		if dist[nodes[a]] != dist[nodes[b]] {
			return dist[nodes[a]] < dist[nodes[b]]
		}
		return nodes[a] < nodes[b]
	})
	return nodes, dist
}
