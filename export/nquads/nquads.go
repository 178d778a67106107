// Package nquads writes a snapshot as N-Quads in the layout the Cayley
// store uses (see the graph package), so "cayley load" or any RDF tool
// gets the graph with its provenance:
//
//   - each relation once per sentence that states it, labelled with that
//     sentence's IRI (a relation without evidence goes to the default graph);
//   - a relation's year and amount on a statement node, labelled with its
//     first sentence;
//   - each evidence sentence's type, document, position and text, and each
//     document's type, file, title, hash and dates, labelled with the
//     document's IRI;
//   - each entity's type, name and aliases, labelled with the first
//     document that names it, and pg:mentioned_in once per document,
//     labelled with that document;
//   - the analysis results (pg:pagerank, pg:community, …,
//     pg:community_name) in the default graph.
//
// IRIs are the pg: IRIs of the store (absolute: pg is their scheme), with
// any character N-Quads forbids in an IRI percent-encoded; numbers and
// dates are typed with the full XML Schema datatype IRIs
// (http://www.w3.org/2001/XMLSchema#integer, #double, #dateTime); text is
// a plain string. Quads come out grouped by document, then entity, then
// relation, in the snapshot's (sorted) order.
package nquads

import (
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"parkgraph/export"
	"parkgraph/graph"
)

func init() {
	export.Register(export.Format{
		Name: "nquads",
		Exts: []string{".nq", ".nquads"},
		MIME: "application/n-quads",
		Doc:  "N-Quads in the store's own layout, for Cayley and RDF tools",
		New:  func(w io.Writer, opt export.Options) export.Encoder { return NewEncoder(w) },
	})
}

// XML Schema datatypes of the literals written.
const (
	XSDInteger  = "http://www.w3.org/2001/XMLSchema#integer"
	XSDDouble   = "http://www.w3.org/2001/XMLSchema#double"
	XSDDateTime = "http://www.w3.org/2001/XMLSchema#dateTime"
)

// Encoder writes N-Quads.
type Encoder struct {
	w *export.Writer
}

// NewEncoder returns an encoder writing to w.
func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: export.NewWriter(w)} }

var _ export.Encoder = (*Encoder)(nil)

// object is the object of one quad: an IRI, or a literal with an optional
// datatype.
type object struct {
	iri      string
	lit      string
	datatype string
}

func iri(s quad.IRI) object { return object{iri: string(s)} }
func str(s string) object   { return object{lit: s} }
func integer(v int64) object {
	return object{lit: strconv.FormatInt(v, 10), datatype: XSDInteger}
}
func double(v float64) object {
	return object{lit: strconv.FormatFloat(v, 'g', -1, 64), datatype: XSDDouble}
}
func dateTime(t time.Time) object {
	return object{lit: t.UTC().Format(time.RFC3339Nano), datatype: XSDDateTime}
}

// Encode writes the snapshot's quads.
func (e *Encoder) Encode(s *graph.Snapshot) error {
	w := e.w
	q := func(subj quad.IRI, pred quad.IRI, o object, label quad.IRI) {
		writeIRI(w, string(subj))
		w.WriteByte(' ')
		writeIRI(w, string(pred))
		w.WriteByte(' ')
		if o.iri != "" {
			writeIRI(w, o.iri)
		} else {
			writeLiteral(w, o.lit)
			if o.datatype != "" {
				w.WriteString("^^")
				writeIRI(w, o.datatype)
			}
		}
		if label != "" {
			w.WriteByte(' ')
			writeIRI(w, string(label))
		}
		w.WriteString(" .\n")
	}

	for _, d := range s.Documents {
		D := graph.DocumentIRI(d.ID)
		q(D, graph.PredType, iri(graph.ClassDocument), D)
		q(D, graph.PredFile, str(d.File), D)
		if d.Title != "" {
			q(D, graph.PredTitle, str(d.Title), D)
		}
		if d.Hash != "" {
			q(D, graph.PredHash, str(d.Hash), D)
		}
		if !d.Ingested.IsZero() {
			q(D, graph.PredIngested, dateTime(d.Ingested), D)
		}
		if !d.Date.IsZero() {
			q(D, graph.PredDate, dateTime(d.Date), D)
		}
	}

	// Evidence sentences, each once, in document order.
	seen := map[quad.IRI]bool{}
	for i := range s.Edges {
		for _, ev := range s.Edges[i].Evidence {
			if seen[ev.Sentence] || ev.Doc == "" {
				continue
			}
			seen[ev.Sentence] = true
			D := graph.DocumentIRI(ev.Doc)
			q(ev.Sentence, graph.PredType, iri(graph.ClassSentence), D)
			q(ev.Sentence, graph.PredInDoc, iri(D), D)
			if n, ok := sentenceIndex(ev.Sentence); ok {
				q(ev.Sentence, graph.PredIndex, integer(int64(n)), D)
			}
			if ev.Text != "" {
				q(ev.Sentence, graph.PredText, str(ev.Text), D)
			}
		}
	}

	for i := range s.Nodes {
		n := &s.Nodes[i]
		var first quad.IRI
		if len(n.Docs) > 0 {
			first = graph.DocumentIRI(n.Docs[0])
		}
		q(n.IRI, graph.PredType, iri(graph.ClassIRI(n.Type)), first)
		q(n.IRI, graph.PredName, str(n.Name), first)
		for _, a := range n.Aliases {
			q(n.IRI, graph.PredAlias, str(a), first)
		}
		for _, d := range n.Docs {
			D := graph.DocumentIRI(d)
			q(n.IRI, graph.PredMentionedIn, iri(D), D)
		}
		for _, m := range graph.Measures {
			v, ok := n.Metrics[m.Name]
			if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			if m.Int {
				q(n.IRI, m.IRI(), integer(int64(v)), "")
			} else {
				q(n.IRI, m.IRI(), double(v), "")
			}
		}
		if n.Community != "" {
			q(n.IRI, graph.PredCommunityName, str(n.Community), "")
		}
	}

	for i := range s.Edges {
		ed := &s.Edges[i]
		P := graph.PredicateIRI(ed.Predicate)
		if len(ed.Evidence) == 0 {
			q(ed.Subject, P, iri(ed.Object), "")
		}
		for j, ev := range ed.Evidence {
			if j == 0 || ev.Sentence != ed.Evidence[j-1].Sentence {
				q(ed.Subject, P, iri(ed.Object), ev.Sentence)
			}
		}
		if ed.Year == 0 && ed.Amount.IsZero() {
			continue
		}
		var S quad.IRI
		if len(ed.Evidence) > 0 {
			S = ed.Evidence[0].Sentence
		}
		St := graph.StatementIRI(ed.Subject, ed.Predicate, ed.Object, S)
		q(St, graph.PredType, iri(graph.ClassStmt), S)
		q(St, graph.PredSubject, iri(ed.Subject), S)
		q(St, graph.PredPredicate, iri(P), S)
		q(St, graph.PredObject, iri(ed.Object), S)
		if ed.Year != 0 {
			q(St, graph.PredYear, integer(int64(ed.Year)), S)
		}
		if !ed.Amount.IsZero() {
			q(St, graph.PredAmount, str(ed.Amount.Text), S)
			if ed.Amount.Yuan != 0 {
				q(St, graph.PredAmountYuan, double(ed.Amount.Yuan), S)
			}
		}
	}
	return w.Flush()
}

// sentenceIndex reads n from a sentence IRI ending in #s<n>.
func sentenceIndex(iri quad.IRI) (int, bool) {
	s := string(iri)
	i := strings.LastIndex(s, "#s")
	if i < 0 {
		return 0, false
	}
	n, err := strconv.Atoi(s[i+2:])
	return n, err == nil
}

// writeIRI writes <iri>, percent-encoding the bytes N-Quads forbids in an
// IRI (controls, space, <>"{}|^`\).
func writeIRI(w *export.Writer, s string) {
	const hex = "0123456789ABCDEF"
	w.WriteByte('<')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > 0x20 && c != 0x7f && !strings.ContainsRune("<>\"{}|^`\\", rune(c)) {
			continue
		}
		w.WriteString(s[start:i])
		w.WriteByte('%')
		w.WriteByte(hex[c>>4])
		w.WriteByte(hex[c&15])
		start = i + 1
	}
	w.WriteString(s[start:])
	w.WriteByte('>')
}

// writeLiteral writes a quoted literal, cleaned (see export.Clean) and
// escaped: quote, backslash, newline and tab as N-Quads escapes.
func writeLiteral(w *export.Writer, s string) {
	s = export.Clean(s)
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '"':
			esc = `\"`
		case '\\':
			esc = `\\`
		case '\n':
			esc = `\n`
		case '\t':
			esc = `\t`
		default:
			continue
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		start = i + 1
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}
