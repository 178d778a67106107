package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// ErrNoDocument is returned for a document the store does not hold.
var ErrNoDocument = errors.New("no such document in the store")

// PutResult says what Put changed for one document.
type PutResult struct {
	ID        string
	Unchanged bool // the stored document had the same hash; nothing was written
	Replaced  bool // an earlier version was stored and has been replaced
	Added     int  // quads added
	Removed   int  // quads removed
}

// Put stores a document, replacing the quads of an earlier version of it.
// A document whose hash is already stored is left alone.
func (s *Store) Put(ctx context.Context, d *graph.Document) (PutResult, error) {
	res, err := s.PutBatch(ctx, []*graph.Document{d})
	if err != nil {
		return PutResult{}, err
	}
	return res[0], nil
}

// PutBatch stores several documents with as few transactions as it can: one
// removing every quad of the earlier versions of changed documents (when
// there are any) and one adding the quads of every new or changed document.
// A process killed between the two leaves a changed document absent, never
// half there, and the next build adds it again. A document whose hash is stored is left alone.
// When the same document ID occurs twice, the later one wins.
func (s *Store) PutBatch(ctx context.Context, docs []*graph.Document) ([]PutResult, error) {
	res := make([]PutResult, len(docs))
	seen := make(map[string]int, len(docs))
	for i, d := range docs {
		if _, dup := seen[d.ID]; dup {
			// Store what came before, then continue with the rest.
			head, err := s.PutBatch(ctx, docs[:i])
			if err != nil {
				return nil, err
			}
			rest, err := s.PutBatch(ctx, docs[i:])
			if err != nil {
				return nil, err
			}
			return append(head, rest...), nil
		}
		seen[d.ID] = i
	}

	now := s.now()
	var del, add []quad.Quad
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res[i].ID = d.ID
		old, oldHash, err := s.documentQuads(ctx, graph.DocumentIRI(d.ID))
		if err != nil {
			return nil, fmt.Errorf("put %s: %w", d.ID, err)
		}
		if oldHash != "" && oldHash == d.Hash {
			res[i].Unchanged = true
			continue
		}
		qs := d.Quads(now)
		if len(old) == 0 {
			add = append(add, qs...)
			res[i].Added = len(qs)
			continue
		}
		// The old version goes whole and the new one comes whole, so that a
		// crash between the two transactions leaves no part of either. The
		// counts report the net change.
		res[i].Replaced = true
		del = append(del, old...)
		add = append(add, qs...)
		inNew := make(map[quad.Quad]bool, len(qs))
		for _, q := range qs {
			inNew[q] = true
		}
		same := 0
		for _, q := range old {
			if inNew[q] {
				same++
			}
		}
		res[i].Removed = len(old) - same
		res[i].Added = len(qs) - same
	}
	if err := s.replace(del, add); err != nil {
		return nil, fmt.Errorf("put %d documents: %w", len(docs), err)
	}
	return res, nil
}

// Remove takes a document out of the store with every quad it contributed, in
// one transaction. Entities and edges that other documents also state stay:
// their quads carry those documents' sentence labels. It returns the number
// of quads removed, or an error wrapping ErrNoDocument.
func (s *Store) Remove(ctx context.Context, id string) (int, error) {
	old, hash, err := s.documentQuads(ctx, graph.DocumentIRI(id))
	if err != nil {
		return 0, fmt.Errorf("remove %s: %w", id, err)
	}
	if hash == "" && len(old) == 0 {
		return 0, fmt.Errorf("remove %s: %w", id, ErrNoDocument)
	}
	if err := s.apply(deletes(old)); err != nil {
		return 0, fmt.Errorf("remove %s: %w", id, err)
	}
	return len(old), nil
}

// documentQuads returns every quad a stored document contributed: those
// labelled with the document and those labelled with one of its sentences,
// and the document's stored hash ("" when it is not stored).
func (s *Store) documentQuads(ctx context.Context, D quad.IRI) ([]quad.Quad, string, error) {
	var out []quad.Quad
	hash := ""
	var sentences []quad.Value
	if err := s.eachQuad(ctx, quad.Label, D, func(q quad.Quad) {
		out = append(out, q)
		switch q.Predicate {
		case graph.PredHash:
			hash = quad.ToString(q.Object)
		case graph.PredInDoc:
			sentences = append(sentences, q.Subject)
		}
	}); err != nil {
		return nil, "", err
	}
	for _, sv := range sentences {
		if err := s.eachQuad(ctx, quad.Label, sv, func(q quad.Quad) { out = append(out, q) }); err != nil {
			return nil, "", err
		}
	}
	return out, hash, nil
}

// DocumentInfo describes a stored document.
type DocumentInfo = graph.DocumentInfo

// Documents lists the stored documents, sorted by ID.
func (s *Store) Documents(ctx context.Context) ([]DocumentInfo, error) {
	byIRI := map[quad.IRI]*DocumentInfo{}
	doc := func(v quad.Value) *DocumentInfo {
		iri, _ := v.(quad.IRI)
		d := byIRI[iri]
		if d == nil {
			id, _ := graph.DocumentIDOf(iri)
			d = &DocumentInfo{ID: id}
			byIRI[iri] = d
		}
		return d
	}
	preds := []quad.IRI{graph.PredHash, graph.PredFile, graph.PredTitle, graph.PredIngested}
	for _, p := range preds {
		if err := s.eachQuad(ctx, quad.Predicate, p, func(q quad.Quad) {
			d := doc(q.Subject)
			switch p {
			case graph.PredHash:
				d.Hash = quad.ToString(q.Object)
			case graph.PredFile:
				d.File = quad.ToString(q.Object)
			case graph.PredTitle:
				d.Title = quad.ToString(q.Object)
			case graph.PredIngested:
				if t, ok := q.Object.(quad.Time); ok {
					d.Ingested = time.Time(t).UTC()
				}
			}
		}); err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
	}
	out := make([]DocumentInfo, 0, len(byIRI))
	for _, d := range byIRI {
		if d.Hash != "" { // only whole documents
			out = append(out, *d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
