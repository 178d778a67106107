package diagram

import (
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// ClusterBy names how nodes are framed into clusters.
type ClusterBy string

const (
	NoClusters         ClusterBy = ""
	ClusterByType      ClusterBy = "type"
	ClusterByCommunity ClusterBy = "community"
)

// Options choose what a diagram shows. Set Ego for an ego network, or From
// and To for the paths between two entities. Names are canonical names or
// aliases; "类型:名称" (or "park:名称") picks one of several entities with
// the same name, and an IRI ("pg:park/新余高新区") names one exactly.
type Options struct {
	Ego      string
	From, To string

	Depth      int                // ego network: 1 or 2 relations away (0 means 1)
	Types      []graph.EntityType // entity types to show besides the focus; nil for all
	Predicates []graph.Predicate  // relations to follow and draw; nil for all
	MaxNodes   int                // ego network: at most this many nodes, collapsing the rest; 0 for no limit
	MaxPaths   int                // paths: how many shortest paths (0 means 3)
	Cluster    ClusterBy
	Title      string // "" for a title made from the names
}

// DefaultMaxNodes is the node limit the command line uses.
const DefaultMaxNodes = 40

// ParseTypes reads a comma-separated list of entity types, in English or
// Chinese ("Enterprise,荣誉").
func ParseTypes(s string) ([]graph.EntityType, error) {
	var out []graph.EntityType
	for _, f := range splitList(s) {
		t, err := graph.ParseEntityType(f)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// ParsePredicates reads a comma-separated list of predicates, by name or
// Chinese label ("located_in,获评").
func ParsePredicates(s string) ([]graph.Predicate, error) {
	var out []graph.Predicate
	for _, f := range splitList(s) {
		p, err := graph.ParsePredicate(f)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// ParseClusterBy reads "type", "community" or "" (none).
func ParseClusterBy(s string) (ClusterBy, error) {
	switch c := ClusterBy(strings.ToLower(strings.TrimSpace(s))); c {
	case NoClusters, ClusterByType, ClusterByCommunity:
		return c, nil
	case "none":
		return NoClusters, nil
	}
	return "", fmt.Errorf("unknown clustering %q (want type or community)", s)
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func (o *Options) check() error {
	switch {
	case o.Ego != "" && (o.From != "" || o.To != ""):
		return fmt.Errorf("give either an entity for an ego network or two entities for paths, not both")
	case o.Ego == "" && o.From == "" && o.To == "":
		return fmt.Errorf("no entity given: name one for an ego network or two for the paths between them")
	case o.Ego == "" && (o.From == "" || o.To == ""):
		return fmt.Errorf("paths need two entities")
	case o.Depth < 0 || o.Depth > 2:
		return fmt.Errorf("depth %d: want 1 or 2", o.Depth)
	case o.MaxNodes < 0:
		return fmt.Errorf("max nodes %d: want 0 (no limit) or more", o.MaxNodes)
	case o.MaxNodes > 0 && o.MaxNodes < 2:
		return fmt.Errorf("max nodes %d: want at least 2 (the entity and one other)", o.MaxNodes)
	case o.MaxPaths < 0:
		return fmt.Errorf("max paths %d: want 1 or more", o.MaxPaths)
	}
	for _, t := range o.Types {
		if !t.Valid() {
			return fmt.Errorf("unknown entity type %q", t)
		}
	}
	for _, p := range o.Predicates {
		if !p.Valid() {
			return fmt.Errorf("unknown predicate %q", p)
		}
	}
	if _, err := ParseClusterBy(string(o.Cluster)); err != nil {
		return err
	}
	return nil
}

// filter decides which entities and relations a diagram may show.
type filter struct {
	types map[graph.EntityType]bool
	preds map[graph.Predicate]bool
}

func newFilter(o *Options) *filter {
	f := &filter{}
	if len(o.Types) > 0 {
		f.types = map[graph.EntityType]bool{}
		for _, t := range o.Types {
			f.types[t] = true
		}
	}
	if len(o.Predicates) > 0 {
		f.preds = map[graph.Predicate]bool{}
		for _, p := range o.Predicates {
			f.preds[p] = true
		}
	}
	return f
}

// edge reports whether e may be followed and drawn, given the entities that
// are always shown (the focus) whatever their type.
func (f *filter) edge(s *graph.Snapshot, e *graph.Edge, focus map[int]bool) bool {
	if f.preds != nil && !f.preds[e.Predicate] {
		return false
	}
	if f.types == nil {
		return true
	}
	for _, iri := range [2]quad.IRI{e.Subject, e.Object} {
		i := s.Index(iri)
		if !focus[i] && !f.types[s.Nodes[i].Type] {
			return false
		}
	}
	return true
}
