package graph

import "github.com/cayleygraph/quad"

// Measure describes one per-node analysis result: its name (the key in
// Node.Metrics and the attribute name in exports), whether it is an integer,
// and what it means.
type Measure struct {
	Name string
	Int  bool
	Doc  string
}

// IRI is the predicate the measure is stored under: pg:<name>.
func (m Measure) IRI() quad.IRI { return quad.IRI(Prefix + m.Name) }

// The measures analysis can attach to nodes, in the order exports list them.
var Measures = []Measure{
	{"degree", true, "number of relations (in + out)"},
	{"in_degree", true, "number of relations pointing at the node"},
	{"out_degree", true, "number of relations leaving the node"},
	{"weighted_degree", false, "sum of relation weights (supporting sentences)"},
	{"pagerank", false, "PageRank on the relation graph, both directions, weighted by supporting sentences"},
	{"betweenness", false, "betweenness centrality (normalised to [0,1])"},
	{"closeness", false, "closeness centrality (Wasserman–Faust: scaled by the share of the graph reached)"},
	{"harmonic", false, "harmonic centrality"},
	{"eigenvector", false, "eigenvector centrality"},
	{"kcore", true, "k-core number"},
	{"component", true, "connected component id (0 = largest)"},
	{"community", true, "community id (0 = largest)"},
}

// MeasureByName returns the measure with the given name.
func MeasureByName(name string) (Measure, bool) {
	for _, m := range Measures {
		if m.Name == name {
			return m, true
		}
	}
	return Measure{}, false
}
