package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
	"parkgraph/graph/resolve"
)

// The quads that record entity resolution, all labelled ResolutionLabel:
//
//	<member> pg:canonical <canonical entity>   for every entity merged into another
//	pg:resolution pg:rules "merge: …"          the aliases file in force
const (
	PredCanonical   = graph.PredCanonical
	PredRules       = graph.PredRules
	ResolutionLabel = graph.ResolutionLabel
)

// Entities reads every entity node with its names, aliases and documents.
func (s *Store) Entities(ctx context.Context) ([]resolve.Entity, error) {
	byIRI := map[quad.IRI]*resolve.Entity{}
	aliases := map[quad.IRI]map[string]bool{}
	docs := map[quad.IRI]map[string]bool{}
	ent := func(v quad.Value) *resolve.Entity {
		iri, _ := v.(quad.IRI)
		e := byIRI[iri]
		if e == nil {
			e = &resolve.Entity{IRI: iri}
			byIRI[iri] = e
		}
		return e
	}
	add := func(m map[quad.IRI]map[string]bool, k quad.IRI, v string) {
		if m[k] == nil {
			m[k] = map[string]bool{}
		}
		m[k][v] = true
	}
	// One pass over the store: without a predicate index each predicate
	// lookup would scan it whole.
	err := s.EachQuad(ctx, func(q quad.Quad) {
		switch q.Predicate {
		case graph.PredType:
			if t, ok := graph.EntityTypeOf(iriOf(q.Object)); ok {
				ent(q.Subject).Type = t
			}
		case graph.PredName:
			ent(q.Subject).Name = quad.ToString(q.Object)
		case graph.PredAlias:
			add(aliases, iriOf(q.Subject), quad.ToString(q.Object))
		case graph.PredMentionedIn:
			if id, ok := graph.DocumentIDOf(iriOf(q.Object)); ok {
				add(docs, iriOf(q.Subject), id)
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read entities: %w", err)
	}
	out := make([]resolve.Entity, 0, len(byIRI))
	for iri, e := range byIRI {
		if !e.Type.Valid() || e.Name == "" {
			continue
		}
		e.Aliases = slices.Sorted(maps.Keys(aliases[iri]))
		e.Docs = slices.Sorted(maps.Keys(docs[iri]))
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IRI < out[j].IRI })
	return out, nil
}

func iriOf(v quad.Value) quad.IRI { iri, _ := v.(quad.IRI); return iri }

// Rules returns the aliases rules stored by the last Resolve (none when
// there are none).
func (s *Store) Rules(ctx context.Context) (*resolve.Rules, error) {
	var text string
	if err := s.eachQuad(ctx, quad.Subject, ResolutionLabel, func(q quad.Quad) {
		if q.Predicate == PredRules {
			text = quad.ToString(q.Object)
		}
	}); err != nil {
		return nil, err
	}
	return resolve.ParseRules(strings.NewReader(text), "stored aliases rules")
}

// Aliases computes the clusters of entities that are one organisation, with
// the stored rules; it writes nothing.
func (s *Store) Aliases(ctx context.Context) ([]resolve.Cluster, error) {
	rules, err := s.Rules(ctx)
	if err != nil {
		return nil, err
	}
	ents, err := s.Entities(ctx)
	if err != nil {
		return nil, err
	}
	return resolve.Resolve(ents, rules), nil
}

// Resolve merges the entities that are one organisation across documents
// and records the result as pg:canonical quads, replacing the earlier
// result. rules replaces the stored aliases rules; nil keeps them.
func (s *Store) Resolve(ctx context.Context, rules *resolve.Rules) ([]resolve.Cluster, error) {
	if rules == nil {
		var err error
		if rules, err = s.Rules(ctx); err != nil {
			return nil, err
		}
	}
	ents, err := s.Entities(ctx)
	if err != nil {
		return nil, err
	}
	clusters := resolve.Resolve(ents, rules)

	want := map[quad.Quad]bool{}
	if text := rules.String(); text != "" {
		want[quad.Quad{Subject: ResolutionLabel, Predicate: PredRules, Object: quad.String(text), Label: ResolutionLabel}] = true
	}
	for _, c := range clusters {
		for _, m := range c.Members {
			if m != c.Canonical {
				want[quad.Quad{Subject: m, Predicate: PredCanonical, Object: c.Canonical, Label: ResolutionLabel}] = true
			}
		}
	}
	var del, add []quad.Quad
	if err := s.eachQuad(ctx, quad.Label, ResolutionLabel, func(q quad.Quad) {
		if want[q] {
			delete(want, q)
		} else {
			del = append(del, q)
		}
	}); err != nil {
		return nil, fmt.Errorf("resolve entities: %w", err)
	}
	for q := range want {
		add = append(add, q)
	}
	graph.SortQuads(add)
	if err := s.replace(del, add); err != nil {
		return nil, fmt.Errorf("resolve entities: %w", err)
	}
	canon := map[quad.IRI]quad.IRI{}
	for _, c := range clusters {
		for _, m := range c.Members {
			if m != c.Canonical {
				canon[m] = c.Canonical
			}
		}
	}
	s.canon = canon
	return clusters, nil
}

// canonicalMap reads the stored pg:canonical links: member → canonical. The
// map the last Resolve wrote is kept until the next write.
func (s *Store) canonicalMap(ctx context.Context) (map[quad.IRI]quad.IRI, error) {
	if s.canon != nil {
		return s.canon, nil
	}
	m := map[quad.IRI]quad.IRI{}
	err := s.eachQuad(ctx, quad.Predicate, PredCanonical, func(q quad.Quad) {
		m[iriOf(q.Subject)] = iriOf(q.Object)
	})
	return m, err
}
