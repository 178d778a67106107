package store

import (
	"context"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// Snapshot reads the whole graph into memory, with the entities Resolve
// found to be one organisation merged into their canonical node: the other
// members' names become its aliases, and their edges, documents and evidence
// become its own.
func (s *Store) Snapshot(ctx context.Context) (*graph.Snapshot, error) {
	canon, err := s.canonicalMap(ctx)
	if err != nil {
		return nil, err
	}
	var b graph.Builder
	if err := s.EachQuad(ctx, func(q quad.Quad) {
		if q.Label == ResolutionLabel {
			return
		}
		if len(canon) > 0 {
			var ok bool
			if q, ok = mergeQuad(q, canon); !ok {
				return
			}
		}
		b.Add(q)
	}); err != nil {
		return nil, err
	}
	return b.Snapshot(), nil
}

// mergeQuad rewrites a quad so that merged entities are their canonical
// node; it reports false for a quad the merged graph does without.
func mergeQuad(q quad.Quad, canon map[quad.IRI]quad.IRI) (quad.Quad, bool) {
	if c, ok := canon[iriOf(q.Subject)]; ok {
		switch q.Predicate {
		case graph.PredName:
			q.Predicate = graph.PredAlias
		case graph.PredType:
			return q, false // the canonical node has its own
		}
		q.Subject = c
	}
	if o, ok := q.Object.(quad.IRI); ok {
		if c, ok := canon[o]; ok {
			q.Object = c
		}
	}
	if p, ok := graph.PredicateOf(iriOf(q.Predicate)); ok {
		s, o := iriOf(q.Subject), iriOf(q.Object)
		if s == o {
			return q, false // two names of one organisation related to each other
		}
		if p.Symmetric() && o < s {
			q.Subject, q.Object = o, s
		}
	}
	return q, true
}
