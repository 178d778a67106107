package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// ErrNoEntity is returned by Why for a name no entity has.
var ErrNoEntity = errors.New("no entity of that name in the store")

// Evidence is one sentence that states an edge.
type Evidence struct {
	Subject  quad.IRI // the stored nodes the sentence links (a merged alias node, or the canonical one)
	Object   quad.IRI
	Sentence quad.IRI
	Text     string
	Doc      DocumentInfo
}

// Why returns the sentences that state (subject predicate object), with
// their documents, sorted by document and sentence. Subject and object are
// entity names (canonical names or aliases) or IRIs; every entity merged
// with a named one counts. The predicate is a name (located_in) or its
// Chinese label (位于). No evidence is not an error: the result is empty.
func (s *Store) Why(ctx context.Context, subject, predicate, object string) ([]Evidence, error) {
	p, err := graph.ParsePredicate(predicate)
	if err != nil {
		return nil, err
	}
	canon, err := s.canonicalMap(ctx)
	if err != nil {
		return nil, err
	}
	subs, err := s.entitiesNamed(ctx, subject, canon)
	if err != nil {
		return nil, err
	}
	objs, err := s.entitiesNamed(ctx, object, canon)
	if err != nil {
		return nil, err
	}
	pIRI := graph.PredicateIRI(p)
	isObj := map[quad.IRI]bool{}
	for _, o := range objs {
		isObj[o] = true
	}
	isSub := map[quad.IRI]bool{}
	for _, x := range subs {
		isSub[x] = true
	}
	var found []Evidence
	collect := func(from []quad.IRI, to map[quad.IRI]bool) error {
		for _, x := range from {
			if err := s.eachQuad(ctx, quad.Subject, x, func(q quad.Quad) {
				if q.Predicate == pIRI && to[iriOf(q.Object)] {
					found = append(found, Evidence{Subject: x, Object: iriOf(q.Object), Sentence: iriOf(q.Label)})
				}
			}); err != nil {
				return err
			}
		}
		return nil
	}
	if err := collect(subs, isObj); err != nil {
		return nil, err
	}
	if p.Symmetric() {
		if err := collect(objs, isSub); err != nil {
			return nil, err
		}
	}
	docs := map[quad.IRI]*DocumentInfo{}
	for i := range found {
		e := &found[i]
		var docIRI quad.IRI
		if err := s.eachQuad(ctx, quad.Subject, e.Sentence, func(q quad.Quad) {
			switch q.Predicate {
			case graph.PredText:
				e.Text = quad.ToString(q.Object)
			case graph.PredInDoc:
				docIRI = iriOf(q.Object)
			}
		}); err != nil {
			return nil, err
		}
		if docIRI == "" {
			docIRI = e.Sentence // a quad labelled with its document
		}
		d := docs[docIRI]
		if d == nil {
			id, _ := graph.DocumentIDOf(docIRI)
			d = &DocumentInfo{ID: id}
			if err := s.eachQuad(ctx, quad.Subject, docIRI, func(q quad.Quad) {
				switch q.Predicate {
				case graph.PredFile:
					d.File = quad.ToString(q.Object)
				case graph.PredTitle:
					d.Title = quad.ToString(q.Object)
				case graph.PredHash:
					d.Hash = quad.ToString(q.Object)
				}
			}); err != nil {
				return nil, err
			}
			docs[docIRI] = d
		}
		e.Doc = *d
	}
	sort.Slice(found, func(i, j int) bool {
		a, b := found[i], found[j]
		if a.Doc.ID != b.Doc.ID {
			return a.Doc.ID < b.Doc.ID
		}
		if sa, sb := sentenceIndex(a.Sentence), sentenceIndex(b.Sentence); sa != sb {
			return sa < sb
		}
		return a.Subject+a.Object < b.Subject+b.Object
	})
	return found, nil
}

func sentenceIndex(iri quad.IRI) int {
	s := string(iri)
	i := strings.LastIndex(s, "#s")
	n := 0
	if i >= 0 {
		fmt.Sscanf(s[i+2:], "%d", &n)
	}
	return n
}

// entitiesNamed returns the entity nodes a name or IRI denotes, with every
// node merged with them.
func (s *Store) entitiesNamed(ctx context.Context, name string, canon map[quad.IRI]quad.IRI) ([]quad.IRI, error) {
	found := map[quad.IRI]bool{}
	if strings.HasPrefix(name, graph.Prefix) {
		found[quad.IRI(name)] = true
	} else {
		forms := []string{name}
		if n := graph.NormalizeName(name); n != name {
			forms = append(forms, n)
		}
		for _, f := range forms {
			if err := s.eachQuad(ctx, quad.Object, quad.String(f), func(q quad.Quad) {
				if q.Predicate == graph.PredName || q.Predicate == graph.PredAlias {
					found[iriOf(q.Subject)] = true
				}
			}); err != nil {
				return nil, err
			}
		}
	}
	// Everything in the same cluster as what was found.
	roots := map[quad.IRI]bool{}
	for x := range found {
		if c, ok := canon[x]; ok {
			roots[c] = true
		} else {
			roots[x] = true
		}
	}
	for m, c := range canon {
		if roots[c] {
			found[m] = true
		}
	}
	for r := range roots {
		found[r] = true
	}
	if len(found) == 0 {
		return nil, fmt.Errorf("%q: %w (\"parkgraph aliases\" lists merged names; \"parkgraph export -o x.json\" every entity)", name, ErrNoEntity)
	}
	out := make([]quad.IRI, 0, len(found))
	for x := range found {
		out = append(out, x)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}
