package graph

import (
	"sort"
	"time"

	"github.com/cayleygraph/quad"
)

// Quads turns a document into the quads that store it, stamped with the time
// it was ingested. The output is deterministic for a document and a time:
// sorted, without duplicates. See the package documentation for the layout.
func (d *Document) Quads(ingested time.Time) []quad.Quad {
	D := DocumentIRI(d.ID)
	var qs []quad.Quad
	add := func(s quad.Value, p quad.IRI, o quad.Value, label quad.Value) {
		qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: label})
	}

	add(D, PredType, ClassDocument, D)
	add(D, PredFile, quad.String(d.Path), D)
	if d.Title != "" {
		add(D, PredTitle, quad.String(d.Title), D)
	}
	add(D, PredHash, quad.String(d.Hash), D)
	if !ingested.IsZero() {
		add(D, PredIngested, quad.Time(ingested.UTC().Truncate(time.Second)), D)
	}
	if !d.Date.IsZero() {
		add(D, PredDate, quad.Time(d.Date.UTC()), D)
	}

	used := map[int]bool{}
	sentence := func(i int) quad.Value {
		if i < 0 || i >= len(d.Sentences) {
			return D
		}
		used[i] = true
		return SentenceIRI(d.ID, i)
	}

	for _, e := range d.Entities {
		E := EntityIRI(e.Type, e.Name)
		first := -1
		if len(e.Mentions) > 0 {
			first = d.SentenceAt(e.Mentions[0].Start)
		}
		S := sentence(first)
		add(E, PredType, ClassIRI(e.Type), S)
		add(E, PredName, quad.String(e.Name), S)
		for _, a := range e.Aliases {
			if a != e.Name {
				add(E, PredAlias, quad.String(a), S)
			}
		}
		add(E, PredMentionedIn, D, S)
	}

	for _, r := range d.Relations {
		s, o := r.Subject.IRI(), r.Object.IRI()
		if r.Predicate.Symmetric() && o < s {
			s, o = o, s
		}
		S := sentence(r.Sentence)
		add(s, PredicateIRI(r.Predicate), o, S)
		if r.Year != 0 || !r.Amount.IsZero() {
			St := StatementIRI(s, r.Predicate, o, S.(quad.IRI))
			add(St, PredType, ClassStmt, S)
			add(St, PredSubject, s, S)
			add(St, PredPredicate, PredicateIRI(r.Predicate), S)
			add(St, PredObject, o, S)
			if r.Year != 0 {
				add(St, PredYear, quad.Int(r.Year), S)
			}
			if !r.Amount.IsZero() {
				add(St, PredAmount, quad.String(r.Amount.Text), S)
				if r.Amount.Yuan != 0 {
					add(St, PredAmountYuan, quad.Float(r.Amount.Yuan), S)
				}
			}
		}
	}

	for i := range used {
		S := SentenceIRI(d.ID, i)
		add(S, PredType, ClassSentence, D)
		add(S, PredInDoc, D, D)
		add(S, PredIndex, quad.Int(i), D)
		add(S, PredText, quad.String(d.Sentences[i].Text), D)
	}
	return SortQuads(qs)
}

// SentenceAt returns the index of the sentence that holds character offset
// off of the cleaned text, or -1.
func (d *Document) SentenceAt(off int) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Span.End > off })
	if i < len(d.Sentences) && d.Sentences[i].Span.Start <= off {
		return i
	}
	return -1
}

// SortQuads sorts quads by subject, predicate, object and label (in their
// N-Quads form) and removes duplicates, in place.
func SortQuads(qs []quad.Quad) []quad.Quad {
	key := func(q quad.Quad) [4]string {
		return [4]string{quad.ToString(q.Subject), quad.ToString(q.Predicate), quad.ToString(q.Object), quad.ToString(q.Label)}
	}
	keys := make([][4]string, len(qs))
	for i, q := range qs {
		keys[i] = key(q)
	}
	idx := make([]int, len(qs))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		ka, kb := keys[idx[a]], keys[idx[b]]
		for j := 0; j < 4; j++ {
			if ka[j] != kb[j] {
				return ka[j] < kb[j]
			}
		}
		return false
	})
	out := make([]quad.Quad, 0, len(qs))
	var last [4]string
	for n, i := range idx {
		if n > 0 && keys[i] == last {
			continue
		}
		last = keys[i]
		out = append(out, qs[i])
	}
	copy(qs, out)
	return qs[:len(out)]
}
