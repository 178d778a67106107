package diagram

import (
	"fmt"
	"sort"

	"parkgraph/graph"
)

// DefaultMaxPaths is how many paths a path diagram shows unless told.
const DefaultMaxPaths = 3

// PathError says that two entities are not connected.
type PathError struct {
	From, To string
	Filtered bool // only some types or predicates were allowed
}

func (e *PathError) Error() string {
	if e.Filtered {
		return fmt.Sprintf("%s and %s are not connected through the entity types and relations allowed; allow more types or predicates", e.From, e.To)
	}
	return fmt.Sprintf("%s and %s are not connected by any chain of relations in the graph", e.From, e.To)
}

// buildPaths draws the shortest paths between two entities: the shortest,
// then the next shortest that differ from it (Yen's algorithm over the
// relations read in either direction), up to opt.MaxPaths.
func buildPaths(s *graph.Snapshot, opt Options) (*Diagram, error) {
	from, err := Resolve(s, opt.From)
	if err != nil {
		return nil, err
	}
	to, err := Resolve(s, opt.To)
	if err != nil {
		return nil, err
	}
	if from == to {
		return nil, fmt.Errorf("%q and %q are the same entity, %s", opt.From, opt.To, s.Nodes[from].Name)
	}
	k := opt.MaxPaths
	if k == 0 {
		k = DefaultMaxPaths
	}
	f := newFilter(&opt)
	g := newLinks(s, f, map[int]bool{from: true, to: true})
	paths := g.shortestPaths(from, to, k)
	if len(paths) == 0 {
		return nil, &PathError{From: s.Nodes[from].Name, To: s.Nodes[to].Name, Filtered: len(opt.Types)+len(opt.Predicates) > 0}
	}

	b := newBuilder(s, PathKind)
	b.addEntity(from, true)
	for _, p := range paths {
		for _, n := range p[1 : len(p)-1] {
			b.addEntity(n, false)
		}
	}
	b.addEntity(to, true)

	drawn := map[int]bool{} // snapshot edges already drawn
	for _, p := range paths {
		for i := 0; i+1 < len(p); i++ {
			u, v := p[i], p[i+1]
			for _, ei := range g.between(u, v) {
				if drawn[ei] {
					continue
				}
				drawn[ei] = true
				e := &s.Edges[ei]
				a := &edgeAgg{from: b.index[u], to: b.index[v], pred: e.Predicate, edges: []*graph.Edge{e}}
				switch {
				case e.Predicate.Symmetric():
					a.arrow = NoArrow
				case s.Index(e.Subject) != u:
					a.arrow = Back
				}
				de := b.addEdge(a)
				b.footnote(de, e)
			}
		}
	}

	d := b.d
	d.Title = s.Nodes[from].Name + "与" + s.Nodes[to].Name + "的关联"
	shortest, longest := len(paths[0])-1, len(paths[len(paths)-1])-1
	steps := fmt.Sprintf("%d 步", shortest)
	if longest != shortest {
		steps = fmt.Sprintf("%d–%d 步", shortest, longest)
	}
	d.Subtitle = fmt.Sprintf("最短路径 %d 条 · %s · 脚注为原文证据", len(paths), steps)
	b.finish(&opt, nil)
	return d, nil
}

// footnote marks a drawn relation with the number of the footnote quoting
// its first evidence sentence; relations read from the same sentence share
// the footnote.
func (b *builder) footnote(de *Edge, e *graph.Edge) {
	if len(e.Evidence) == 0 {
		return
	}
	ev := e.Evidence[0]
	n, ok := b.notes[ev.Sentence]
	if !ok {
		n = len(b.d.Footnotes) + 1
		b.notes[ev.Sentence] = n
		b.d.Footnotes = append(b.d.Footnotes, Footnote{N: n, Text: "「" + ev.Text + "」" + b.docRef(ev.Doc)})
	}
	de.Footnotes = append(de.Footnotes, n)
	de.Label = fmt.Sprintf("%s [%d]", de.Label, n)
}

// links is the snapshot as an undirected graph of the relations a filter
// lets through.
type links struct {
	adj   [][]int          // sorted neighbours of each node
	edges map[[2]int][]int // snapshot edges between two nodes (lower index first)
}

func newLinks(s *graph.Snapshot, f *filter, focus map[int]bool) *links {
	g := &links{adj: make([][]int, len(s.Nodes)), edges: map[[2]int][]int{}}
	for i := range s.Edges {
		e := &s.Edges[i]
		if !f.edge(s, e, focus) {
			continue
		}
		a, b := s.Index(e.Subject), s.Index(e.Object)
		if a == b {
			continue
		}
		k := pairKey(a, b)
		if len(g.edges[k]) == 0 {
			g.adj[a] = append(g.adj[a], b)
			g.adj[b] = append(g.adj[b], a)
		}
		g.edges[k] = append(g.edges[k], i)
	}
	for i := range g.adj {
		sort.Ints(g.adj[i])
	}
	return g
}

func pairKey(a, b int) [2]int {
	if a > b {
		a, b = b, a
	}
	return [2]int{a, b}
}

func (g *links) between(a, b int) []int { return g.edges[pairKey(a, b)] }

// bfs returns a shortest path from src to dst avoiding the blocked nodes
// and links, or nil. Neighbours are visited in index order, so the path is
// the same on every run.
func (g *links) bfs(src, dst int, blockedNode map[int]bool, blockedLink map[[2]int]bool) []int {
	prev := map[int]int{src: -1}
	queue := []int{src}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if n == dst {
			var p []int
			for ; n >= 0; n = prev[n] {
				p = append(p, n)
			}
			for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
				p[i], p[j] = p[j], p[i]
			}
			return p
		}
		for _, m := range g.adj[n] {
			if _, seen := prev[m]; seen || blockedNode[m] || blockedLink[pairKey(n, m)] {
				continue
			}
			prev[m] = n
			queue = append(queue, m)
		}
	}
	return nil
}

// shortestPaths returns up to k loopless paths from src to dst, shortest
// first (Yen's algorithm); paths of equal length are ordered by their node
// indexes.
func (g *links) shortestPaths(src, dst, k int) [][]int {
	first := g.bfs(src, dst, nil, nil)
	if first == nil {
		return nil
	}
	found := [][]int{first}
	var candidates [][]int
	seen := map[string]bool{pathKey(first): true}
	for len(found) < k {
		last := found[len(found)-1]
		for i := 0; i+1 < len(last); i++ {
			spur, root := last[i], last[:i+1]
			blockedLink := map[[2]int]bool{}
			for _, p := range found {
				if len(p) > i+1 && equalInts(p[:i+1], root) {
					blockedLink[pairKey(p[i], p[i+1])] = true
				}
			}
			blockedNode := map[int]bool{}
			for _, n := range root[:i] {
				blockedNode[n] = true
			}
			tail := g.bfs(spur, dst, blockedNode, blockedLink)
			if tail == nil {
				continue
			}
			p := append(append([]int(nil), root[:i]...), tail...)
			if key := pathKey(p); !seen[key] {
				seen[key] = true
				candidates = append(candidates, p)
			}
		}
		if len(candidates) == 0 {
			break
		}
		sort.Slice(candidates, func(i, j int) bool { return lessPath(candidates[i], candidates[j]) })
		found = append(found, candidates[0])
		candidates = candidates[1:]
	}
	return found
}

func lessPath(a, b []int) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func pathKey(p []int) string { return fmt.Sprint(p) }
