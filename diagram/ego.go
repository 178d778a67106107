package diagram

import (
	"container/heap"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// buildEgo draws an entity and its neighbours up to opt.Depth relations
// away.
func buildEgo(s *graph.Snapshot, opt Options) (*Diagram, error) {
	seed, err := Resolve(s, opt.Ego)
	if err != nil {
		return nil, err
	}
	depth := opt.Depth
	if depth == 0 {
		depth = 1
	}
	f := newFilter(&opt)
	focus := map[int]bool{seed: true}
	keep := func(e *graph.Edge) bool { return f.edge(s, e, focus) }
	members, dist := s.Ego([]quad.IRI{s.Nodes[seed].IRI}, depth, keep)

	order := centralFirst(s, seed, dist, keep)
	kept, collapsed := order, []int(nil)
	if opt.MaxNodes > 0 && len(order) > opt.MaxNodes {
		k := keepCount(s, order, opt.MaxNodes)
		kept, collapsed = order[:k], order[k:]
	}

	b := newBuilder(s, EgoKind)
	// Entities by type, most central first, each type's group after it, so
	// that Graphviz keeps the kinds of things together.
	sortByTypeAndRank(s, kept[1:])
	byType := map[graph.EntityType][]int{}
	for _, i := range collapsed {
		byType[s.Nodes[i].Type] = append(byType[s.Nodes[i].Type], i)
	}
	b.addEntity(seed, true)
	for _, t := range graph.EntityTypes {
		for _, i := range kept[1:] {
			if s.Nodes[i].Type == t {
				b.addEntity(i, false)
			}
		}
		if len(byType[t]) > 0 {
			b.addGroup(t, byType[t])
		}
	}

	// Every relation among the members, merged where an end is a group.
	inEgo := make(map[int]bool, len(members))
	for _, i := range members {
		inEgo[i] = true
	}
	type key struct {
		from, to int
		pred     graph.Predicate
	}
	aggs := map[key]*edgeAgg{}
	var keys []key
	for i := range s.Edges {
		e := &s.Edges[i]
		a, c := s.Index(e.Subject), s.Index(e.Object)
		if !inEgo[a] || !inEgo[c] || !keep(e) {
			continue
		}
		from, to := b.index[a], b.index[c]
		if from == to {
			continue // inside one group
		}
		arrow := Forward
		if e.Predicate.Symmetric() {
			arrow = NoArrow
			if from > to {
				from, to = to, from
			}
		}
		k := key{from, to, e.Predicate}
		ag := aggs[k]
		if ag == nil {
			ag = &edgeAgg{from: from, to: to, arrow: arrow, pred: e.Predicate}
			aggs[k] = ag
			keys = append(keys, k)
		}
		ag.edges = append(ag.edges, e)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, c := keys[i], keys[j]
		if a.from != c.from {
			return a.from < c.from
		}
		if a.to != c.to {
			return a.to < c.to
		}
		return a.pred < c.pred
	})
	for _, k := range keys {
		b.addEdge(aggs[k])
	}

	d := b.d
	n := &s.Nodes[seed]
	d.Title = n.Name + "关系图"
	d.Subtitle = fmt.Sprintf("%s度关联 · %d 个实体 · %d 条关系", [3]string{"", "一", "二"}[depth], len(members)-1, relationCount(d))
	if len(members) == 1 {
		d.Subtitle = "图中尚无与之相连的实体"
		if len(opt.Types)+len(opt.Predicates) > 0 {
			d.Subtitle += "（在所选类型与关系中）"
		}
	}
	if len(collapsed) > 0 {
		groups := 0
		for i := range d.Nodes {
			if d.Nodes[i].Group() {
				groups++
			}
		}
		d.Subtitle += fmt.Sprintf(" · PageRank 较低的 %d 个合并为 %d 组", len(collapsed), groups)
	}
	b.finish(&opt, n.Docs)
	return d, nil
}

func relationCount(d *Diagram) int {
	n := 0
	for i := range d.Edges {
		n += d.Edges[i].Count
	}
	return n
}

// centralFirst orders the ego network's members from the seed outwards,
// always taking next the member with the highest PageRank among those next
// to the members already taken. Every prefix of the order is therefore
// connected, and the least central members come last.
func centralFirst(s *graph.Snapshot, seed int, dist map[int]int, keep func(*graph.Edge) bool) []int {
	adj := s.Adjacency()
	order := make([]int, 0, len(dist))
	taken := map[int]bool{seed: true}
	q := &rankQueue{s: s, dist: dist}
	push := func(n int) {
		for _, ei := range adj[n] {
			e := &s.Edges[ei]
			if !keep(e) {
				continue
			}
			m := s.Index(e.Subject)
			if m == n {
				m = s.Index(e.Object)
			}
			if _, in := dist[m]; in && !taken[m] {
				heap.Push(q, m)
			}
		}
	}
	order = append(order, seed)
	push(seed)
	for q.Len() > 0 {
		n := heap.Pop(q).(int)
		if taken[n] {
			continue
		}
		taken[n] = true
		order = append(order, n)
		push(n)
	}
	return order
}

// keepCount returns how many members, in central-first order, to keep so
// that they and one group per type of the rest make at most max nodes (or
// as few as possible when the groups alone exceed it).
func keepCount(s *graph.Snapshot, order []int, max int) int {
	for k := max - 1; k > 1; k-- {
		types := map[graph.EntityType]bool{}
		for _, i := range order[k:] {
			types[s.Nodes[i].Type] = true
		}
		if k+len(types) <= max {
			return k
		}
	}
	return 1
}

func sortByTypeAndRank(s *graph.Snapshot, idx []int) {
	pos := map[graph.EntityType]int{}
	for i, t := range graph.EntityTypes {
		pos[t] = i
	}
	sort.Slice(idx, func(i, j int) bool {
		a, b := &s.Nodes[idx[i]], &s.Nodes[idx[j]]
		if a.Type != b.Type {
			return pos[a.Type] < pos[b.Type]
		}
		if pa, pb := pagerank(a), pagerank(b); pa != pb {
			return pa > pb
		}
		return a.IRI < b.IRI
	})
}

// rankQueue is a max-heap of node indexes by PageRank, then nearness to the
// seed, then IRI.
type rankQueue struct {
	s    *graph.Snapshot
	dist map[int]int
	ids  []int
}

func (q *rankQueue) Len() int { return len(q.ids) }
func (q *rankQueue) Less(i, j int) bool {
	a, b := &q.s.Nodes[q.ids[i]], &q.s.Nodes[q.ids[j]]
	if pa, pb := pagerank(a), pagerank(b); pa != pb {
		return pa > pb
	}
	if da, db := q.dist[q.ids[i]], q.dist[q.ids[j]]; da != db {
		return da < db
	}
	return a.IRI < b.IRI
}
func (q *rankQueue) Swap(i, j int) { q.ids[i], q.ids[j] = q.ids[j], q.ids[i] }
func (q *rankQueue) Push(x any)    { q.ids = append(q.ids, x.(int)) }
func (q *rankQueue) Pop() any {
	n := q.ids[len(q.ids)-1]
	q.ids = q.ids[:len(q.ids)-1]
	return n
}
