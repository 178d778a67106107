package analysis

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// Projection is a one-mode projection: entities of one type linked when
// they share neighbours of another kind.
type Projection struct {
	Name  string
	Doc   string
	Keep  graph.EntityType // the entities the projection links
	Links []Link
}

// Link is one way two kept entities come to be linked: both relate, by
// Predicate, to the same entity of a type in Via (any type when Via is
// empty). KeptIsSubject says which end of the relation the kept entity is
// (for a symmetric predicate, either end counts).
type Link struct {
	Predicate     graph.Predicate
	KeptIsSubject bool
	Via           []graph.EntityType
	Makes         graph.Predicate // the projection edge it makes
}

// Projections are the projections parkgraph offers, by name.
var Projections = []Projection{
	{Name: "enterprises", Doc: "enterprise–enterprise through shared honours, parks and investors", Keep: graph.Enterprise, Links: []Link{
		{graph.Awarded, true, []graph.EntityType{graph.Honor}, graph.SharesHonor},
		{graph.LocatedIn, true, []graph.EntityType{graph.Park}, graph.SharesPark},
		{graph.InvestsIn, false, []graph.EntityType{graph.Investor}, graph.SharesInvestor},
	}},
	{Name: "enterprises-by-honour", Doc: "enterprise–enterprise through shared honours", Keep: graph.Enterprise, Links: []Link{
		{graph.Awarded, true, []graph.EntityType{graph.Honor}, graph.SharesHonor},
	}},
	{Name: "enterprises-by-park", Doc: "enterprise–enterprise through a shared park", Keep: graph.Enterprise, Links: []Link{
		{graph.LocatedIn, true, []graph.EntityType{graph.Park}, graph.SharesPark},
	}},
	{Name: "enterprises-by-investor", Doc: "enterprise–enterprise through shared investors", Keep: graph.Enterprise, Links: []Link{
		{graph.InvestsIn, false, []graph.EntityType{graph.Investor}, graph.SharesInvestor},
	}},
	{Name: "investors", Doc: "investor–investor co-investment: funding the same enterprise, project, fund or park", Keep: graph.Investor, Links: []Link{
		{graph.InvestsIn, true, nil, graph.CoInvests},
	}},
	{Name: "parks", Doc: "park–park through shared enterprises and shared partners", Keep: graph.Park, Links: []Link{
		{graph.LocatedIn, false, []graph.EntityType{graph.Enterprise}, graph.SharesEnterprise},
		{graph.PartnersWith, true, nil, graph.SharesPartner},
	}},
}

// ProjectionByName returns the projection with the given name.
func ProjectionByName(name string) (Projection, error) {
	var names []string
	for _, p := range Projections {
		if p.Name == name {
			return p, nil
		}
		names = append(names, p.Name)
	}
	return Projection{}, fmt.Errorf("unknown projection %q (want one of %s)", name, strings.Join(names, ", "))
}

// DefaultMaxShared is the default ProjectOptions.MaxShared.
const DefaultMaxShared = 1000

// ProjectOptions tune Project.
type ProjectOptions struct {
	// MaxShared skips shared neighbours with more kept entities than this
	// (a national honour list or a huge park would otherwise link
	// thousands of entities to each other, n² edges that say little);
	// 0 means DefaultMaxShared, a negative number no limit.
	MaxShared int
}

// ProjectionResult is a projection as a snapshot, ready to analyse and
// export like the main graph, and the hubs it skipped.
type ProjectionResult struct {
	*graph.Snapshot
	Skipped []quad.IRI // shared neighbours over MaxShared, sorted
}

// Project builds a projection of s. The result holds the kept entities
// that gained at least one link (copied without analysis results) and one
// edge per pair and link kind, subject IRI < object IRI, whose Via lists
// the shared neighbours, so its Weight is their number.
func Project(s *graph.Snapshot, p Projection, opt ProjectOptions) ProjectionResult {
	limit := opt.MaxShared
	if limit == 0 {
		limit = DefaultMaxShared
	}
	type pairKey struct {
		a, b  int
		makes graph.Predicate
	}
	shared := map[pairKey][]quad.IRI{}
	var skipped []quad.IRI
	for _, l := range p.Links {
		members := map[int][]int{} // via node → kept nodes
		add := func(kept, via int) {
			if s.Nodes[kept].Type != p.Keep || kept == via || !typeIn(s.Nodes[via].Type, l.Via) {
				return
			}
			members[via] = append(members[via], kept)
		}
		for i := range s.Edges {
			e := &s.Edges[i]
			if e.Predicate != l.Predicate {
				continue
			}
			a, b := s.Index(e.Subject), s.Index(e.Object)
			if l.KeptIsSubject || e.Predicate.Symmetric() {
				add(a, b)
			}
			if !l.KeptIsSubject || e.Predicate.Symmetric() {
				add(b, a)
			}
		}
		vias := make([]int, 0, len(members))
		for v := range members {
			vias = append(vias, v)
		}
		sort.Ints(vias)
		for _, v := range vias {
			ms := members[v]
			sort.Ints(ms)
			ms = compactInts(ms)
			if limit > 0 && len(ms) > limit {
				skipped = append(skipped, s.Nodes[v].IRI)
				continue
			}
			for i, a := range ms {
				for _, b := range ms[i+1:] {
					k := pairKey{a, b, l.Makes}
					shared[k] = append(shared[k], s.Nodes[v].IRI)
				}
			}
		}
	}
	used := map[int]bool{}
	edges := make([]graph.Edge, 0, len(shared))
	for k, via := range shared {
		used[k.a], used[k.b] = true, true
		sort.Slice(via, func(i, j int) bool { return via[i] < via[j] })
		edges = append(edges, graph.Edge{Subject: s.Nodes[k.a].IRI, Predicate: k.makes, Object: s.Nodes[k.b].IRI, Via: via})
	}
	nodes := make([]graph.Node, 0, len(used))
	docs := map[string]bool{}
	for i := range s.Nodes {
		if used[i] {
			n := s.Nodes[i]
			n.Metrics, n.Community = nil, ""
			nodes = append(nodes, n)
			for _, d := range n.Docs {
				docs[d] = true
			}
		}
	}
	var infos []graph.DocumentInfo
	for _, d := range s.Documents {
		if docs[d.ID] {
			infos = append(infos, d)
		}
	}
	sort.Slice(skipped, func(i, j int) bool { return skipped[i] < skipped[j] })
	return ProjectionResult{Snapshot: graph.NewSnapshot(nodes, edges, infos), Skipped: skipped}
}

func typeIn(t graph.EntityType, ts []graph.EntityType) bool {
	if len(ts) == 0 {
		return true
	}
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

func compactInts(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
