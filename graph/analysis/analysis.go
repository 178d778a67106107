// Package analysis computes network measures and communities over a
// graph.Snapshot: degree, PageRank, betweenness, closeness, harmonic and
// eigenvector centrality, k-core numbers, connected components and Leiden
// communities, plus the one-mode projections Gephi users build by hand.
//
// The graph is read into Graph, a compact CSR structure that implements
// gonum's graph interfaces, so any gonum algorithm runs on it; the measures
// themselves are this package's own kernels over the CSR arrays, parallel
// where the algorithm allows and deterministic for a seed, each checked
// against gonum's result in the tests. gonum's map-based graphs and
// algorithms are orders of magnitude slower on a national-scale graph.
//
// Analyze attaches the results to the snapshot's nodes (Node.Metrics, keyed
// by the names in graph.Measures; Node.Community) and its Communities, so
// every export carries them; graph/store writes them back into Cayley.
package analysis

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"parkgraph/graph"
)

// Options control an analysis run. Start from DefaultOptions; a zero
// Damping, Tolerance or Resolution means the default value.
type Options struct {
	// Measures names what to compute (names of graph.Measures); nil means
	// all. Naming communities needs PageRank, which is then computed too.
	Measures []string

	Damping   float64 // PageRank damping factor
	Tolerance float64 // PageRank and eigenvector convergence tolerance (L1 change)

	Resolution float64 // modularity resolution γ: above 1 gives smaller communities
	Seed       uint64  // seed of the community search and of pivot sampling
	Iterations int     // Leiden runs, each from the last partition; 0 means DefaultCommunityIterations

	// Pivots is the number of sources the shortest-path measures
	// (betweenness, closeness, harmonic) are estimated from. 0 chooses:
	// exact up to ExactPathsLimit nodes, DefaultPivots sources above. A
	// negative number always computes them exactly.
	Pivots int
}

// ExactPathsLimit is the largest graph whose shortest-path measures are
// computed exactly when Options.Pivots is 0 (about a minute on 2 cores).
const ExactPathsLimit = 20000

// DefaultPivots is the number of sampled sources above ExactPathsLimit.
const DefaultPivots = 1024

// DefaultOptions are the options parkgraph uses unless told otherwise.
func DefaultOptions() Options {
	return Options{Damping: 0.85, Tolerance: 1e-9, Resolution: 1, Seed: 1}
}

// ParseMeasures turns a comma-separated list of measure names into
// Options.Measures; "" and "all" mean every measure. Names are those of
// graph.Measures; "degrees" stands for the four degree measures and
// "centrality" for pagerank, betweenness, closeness, harmonic and
// eigenvector.
func ParseMeasures(list string) ([]string, error) {
	list = strings.TrimSpace(list)
	if list == "" || list == "all" {
		return nil, nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(names ...string) {
		for _, n := range names {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	for _, f := range strings.Split(list, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		switch f {
		case "":
		case "all":
			return nil, nil
		case "degrees":
			add("degree", "in_degree", "out_degree", "weighted_degree")
		case "centrality":
			add("pagerank", "betweenness", "closeness", "harmonic", "eigenvector")
		case "communities":
			add("community")
		default:
			if _, ok := graph.MeasureByName(f); !ok {
				var names []string
				for _, m := range graph.Measures {
					names = append(names, m.Name)
				}
				return nil, fmt.Errorf("unknown measure %q (want all, degrees, centrality or any of %s)", f, strings.Join(names, ", "))
			}
			add(f)
		}
	}
	return out, nil
}

// Report summarises a run.
type Report struct {
	Nodes, Edges int
	Measures     []string // the measures attached, in graph.Measures order

	Modularity  float64
	Resolution  float64
	Communities []graph.Community
	Links       []CommunityLink // relations between communities, strongest first
	Components  int

	PageRankIterations int
	Paths              PathsInfo
	Took               map[string]time.Duration // wall time per measure group
}

// PathsInfo says how the shortest-path measures were computed.
type PathsInfo struct {
	Exact  bool
	Pivots int
	// ErrorBound is, for sampled betweenness, the ε such that every node's
	// value is within ε of the exact one with probability 0.95 (see
	// BetweennessErrorBound); 0 when exact.
	ErrorBound float64
}

// CommunityLink summarises the relations between two communities.
type CommunityLink struct {
	A, B        int // community ids, A < B
	Relations   int // edges with one end in each
	Weight      int // their supporting sentences
	ByPredicate []PredicateCount
}

// PredicateCount is the number of relations of one predicate.
type PredicateCount struct {
	Predicate graph.Predicate
	Relations int
}

// FromSnapshot is the snapshot as an undirected weighted Graph: node i is
// s.Nodes[i], and two nodes are joined by the total weight (supporting
// sentences) of every relation between them, whichever way it reads, since
// every predicate ties its two ends together. A relation of a node with
// itself becomes a self-loop.
func FromSnapshot(s *graph.Snapshot) *Graph {
	edges := make([]Edge, 0, len(s.Edges))
	for i := range s.Edges {
		e := &s.Edges[i]
		a, b := s.Index(e.Subject), s.Index(e.Object)
		edges = append(edges, Edge{U: int32(a), V: int32(b), W: float64(e.Weight())})
	}
	return NewGraph(len(s.Nodes), edges)
}

// Analyze computes the measures opt asks for on s and attaches them,
// replacing any results s carried (from the store or an earlier run).
// Independent measures run at the same time, each kernel itself using every
// core where it can; the results depend only on s and opt.
func Analyze(s *graph.Snapshot, opt Options) *Report {
	def := DefaultOptions()
	if opt.Damping == 0 {
		opt.Damping = def.Damping
	}
	if opt.Tolerance == 0 {
		opt.Tolerance = def.Tolerance
	}
	if opt.Resolution == 0 {
		opt.Resolution = def.Resolution
	}
	want := map[string]bool{}
	if opt.Measures == nil {
		for _, m := range graph.Measures {
			want[m.Name] = true
		}
	}
	for _, m := range opt.Measures {
		want[m] = true
	}
	if want["community"] {
		want["pagerank"] = true // communities are named after their highest-ranked member
	}
	if want["closeness"] {
		want["component"] = true // closeness is relative to the component's size
	}
	n := len(s.Nodes)
	rep := &Report{Nodes: n, Edges: len(s.Edges), Resolution: opt.Resolution, Took: map[string]time.Duration{}}
	for i := range s.Nodes {
		s.Nodes[i].Metrics = nil
		s.Nodes[i].Community = ""
	}
	s.Communities = nil
	g := FromSnapshot(s)

	var mu sync.Mutex
	timed := func(name string, fn func()) {
		t0 := time.Now()
		fn()
		mu.Lock()
		rep.Took[name] = time.Since(t0)
		mu.Unlock()
	}
	set := func(name string, vals []float64) {
		for i := range s.Nodes {
			s.Nodes[i].SetMetric(name, vals[i])
		}
	}

	// Communities run beside everything else: the search is sequential.
	var part *Partition
	var wg sync.WaitGroup
	if want["community"] {
		wg.Add(1)
		go func() {
			defer wg.Done()
			timed("communities", func() { part = Communities(g, opt.Resolution, opt.Seed, opt.Iterations) })
		}()
	}

	if want["degree"] || want["in_degree"] || want["out_degree"] || want["weighted_degree"] {
		timed("degree", func() {
			in := make([]float64, n)
			out := make([]float64, n)
			wdeg := make([]float64, n)
			for i := range s.Edges {
				e := &s.Edges[i]
				a, b := s.Index(e.Subject), s.Index(e.Object)
				out[a]++
				in[b]++
				w := float64(e.Weight())
				wdeg[a] += w
				wdeg[b] += w
			}
			deg := make([]float64, n)
			for i := range deg {
				deg[i] = in[i] + out[i]
			}
			for name, v := range map[string][]float64{"degree": deg, "in_degree": in, "out_degree": out, "weighted_degree": wdeg} {
				if want[name] {
					set(name, v)
				}
			}
		})
	}
	var comp []int32
	var sizes []int
	if want["component"] || want["betweenness"] || want["harmonic"] {
		timed("components", func() { comp, sizes = Components(g) })
		rep.Components = len(sizes)
		if want["component"] {
			v := make([]float64, n)
			for i, c := range comp {
				v[i] = float64(c)
			}
			set("component", v)
		}
	}
	if want["pagerank"] {
		timed("pagerank", func() {
			pr := PageRank(g, opt.Damping, opt.Tolerance)
			rep.PageRankIterations = pr.Iterations
			set("pagerank", pr.Rank)
		})
	}
	if want["eigenvector"] {
		timed("eigenvector", func() {
			x, _, _ := Eigenvector(g, opt.Tolerance)
			set("eigenvector", x)
		})
	}
	if want["kcore"] {
		timed("kcore", func() {
			core := CoreNumbers(g)
			v := make([]float64, n)
			for i, c := range core {
				v[i] = float64(c)
			}
			set("kcore", v)
		})
	}
	if want["betweenness"] || want["closeness"] || want["harmonic"] {
		pivots := opt.Pivots
		if pivots == 0 && n > ExactPathsLimit {
			pivots = DefaultPivots
		}
		timed("paths", func() {
			pm := Paths(g, comp, sizes, pivots, opt.Seed)
			rep.Paths = PathsInfo{Exact: pm.Exact, Pivots: pm.Pivots}
			if !pm.Exact {
				rep.Paths.ErrorBound = BetweennessErrorBound(n, pm.Pivots, 0.05)
			}
			for name, v := range map[string][]float64{"betweenness": pm.Betweenness, "closeness": pm.Closeness, "harmonic": pm.Harmonic} {
				if want[name] {
					set(name, v)
				}
			}
		})
	}
	wg.Wait()
	if part != nil {
		rep.Modularity = part.Q
		rep.Communities = nameCommunities(s, part)
		rep.Links = CommunityLinks(s)
		s.Communities = rep.Communities
	}
	for _, m := range graph.Measures {
		if n > 0 && want[m.Name] {
			rep.Measures = append(rep.Measures, m.Name)
		}
	}
	return rep
}

// nameCommunities sets each node's community id and name and returns the
// communities, each named after its member with the highest PageRank (ties:
// the lower IRI).
func nameCommunities(s *graph.Snapshot, p *Partition) []graph.Community {
	best := make([]int, len(p.Sizes))
	for i := range best {
		best[i] = -1
	}
	for u, c := range p.Community {
		if b := best[c]; b < 0 || s.Nodes[u].Metrics["pagerank"] > s.Nodes[b].Metrics["pagerank"] {
			best[c] = u
		}
	}
	out := make([]graph.Community, len(p.Sizes))
	for c := range out {
		out[c] = graph.Community{ID: c, Name: s.Nodes[best[c]].Name, Size: p.Sizes[c]}
	}
	for u, c := range p.Community {
		s.Nodes[u].SetMetric("community", float64(c))
		s.Nodes[u].Community = out[c].Name
	}
	return out
}

// CommunityLinks summarises the relations between different communities of
// an analysed snapshot: for each pair of communities joined by at least one
// relation, how many relations join them, their weight and their
// predicates. Strongest links (by weight, then relations) come first.
func CommunityLinks(s *graph.Snapshot) []CommunityLink {
	type key struct{ a, b int }
	links := map[key]*CommunityLink{}
	by := map[key]map[graph.Predicate]int{}
	for i := range s.Edges {
		e := &s.Edges[i]
		ca, ok1 := s.Node(e.Subject).Metric("community")
		cb, ok2 := s.Node(e.Object).Metric("community")
		if !ok1 || !ok2 || ca == cb {
			continue
		}
		k := key{int(min(ca, cb)), int(max(ca, cb))}
		l := links[k]
		if l == nil {
			l = &CommunityLink{A: k.a, B: k.b}
			links[k] = l
			by[k] = map[graph.Predicate]int{}
		}
		l.Relations++
		l.Weight += e.Weight()
		by[k][e.Predicate]++
	}
	out := make([]CommunityLink, 0, len(links))
	for k, l := range links {
		for p, c := range by[k] {
			l.ByPredicate = append(l.ByPredicate, PredicateCount{p, c})
		}
		sort.Slice(l.ByPredicate, func(i, j int) bool {
			x, y := l.ByPredicate[i], l.ByPredicate[j]
			if x.Relations != y.Relations {
				return x.Relations > y.Relations
			}
			return x.Predicate < y.Predicate
		})
		out = append(out, *l)
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Weight != y.Weight {
			return x.Weight > y.Weight
		}
		if x.Relations != y.Relations {
			return x.Relations > y.Relations
		}
		if x.A != y.A {
			return x.A < y.A
		}
		return x.B < y.B
	})
	return out
}

// Top returns the indexes of the n nodes with the highest value of a
// measure, highest first, ties broken by IRI. Nodes without the measure
// are left out.
func Top(s *graph.Snapshot, measure string, n int) []int {
	idx := make([]int, 0, len(s.Nodes))
	for i := range s.Nodes {
		if _, ok := s.Nodes[i].Metric(measure); ok {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		va, _ := s.Nodes[idx[a]].Metric(measure)
		vb, _ := s.Nodes[idx[b]].Metric(measure)
		return va > vb
	})
	if n >= 0 && n < len(idx) {
		idx = idx[:n]
	}
	return idx
}
