package graph

import (
	"slices"
	"sort"
	"time"

	"github.com/cayleygraph/quad"
)

// Builder assembles a Snapshot from quads given in any order, the way a
// store reads them back. The zero value is ready to use.
//
// A store hands over every quad with freshly decoded strings, so the same
// entity IRI or document id arrives once per quad that names it; the
// builder keeps one copy of each (intern) and collects sets as slices,
// sorted and made unique once, in Snapshot. Its memory follows the entities,
// relations and evidence sentences of the graph, not the number of quads.
type Builder struct {
	nodes    map[quad.IRI]*Node
	aliases  map[quad.IRI][]string
	docsOf   map[quad.IRI][]string
	edges    map[edgeKey][]quad.IRI // → evidence sentences, possibly repeated
	text     map[quad.IRI]string    // sentence → text
	stmts    map[quad.IRI]*stmt
	docs     map[quad.IRI]*DocumentInfo
	metrics  map[quad.IRI]map[string]float64
	commName map[quad.IRI]string
	strs     map[string]string // one copy of each entity IRI, document id and name
}

type edgeKey struct {
	s quad.IRI
	p Predicate
	o quad.IRI
}

type stmt struct {
	s, o   quad.IRI
	p      Predicate
	year   int
	amount Amount
}

var measureByIRI = func() map[quad.IRI]Measure {
	m := map[quad.IRI]Measure{}
	for _, x := range Measures {
		m[x.IRI()] = x
	}
	return m
}()

func (b *Builder) init() {
	if b.nodes != nil {
		return
	}
	b.nodes = map[quad.IRI]*Node{}
	b.aliases = map[quad.IRI][]string{}
	b.docsOf = map[quad.IRI][]string{}
	b.edges = map[edgeKey][]quad.IRI{}
	b.text = map[quad.IRI]string{}
	b.stmts = map[quad.IRI]*stmt{}
	b.docs = map[quad.IRI]*DocumentInfo{}
	b.metrics = map[quad.IRI]map[string]float64{}
	b.commName = map[quad.IRI]string{}
	b.strs = map[string]string{}
}

// intern returns the builder's copy of str, keeping str as that copy when
// it has none.
func (b *Builder) intern(str string) string {
	if c, ok := b.strs[str]; ok {
		return c
	}
	b.strs[str] = str
	return str
}

// iri is intern for IRIs.
func (b *Builder) iri(v quad.IRI) quad.IRI { return quad.IRI(b.intern(string(v))) }

func (b *Builder) node(iri quad.IRI) *Node {
	n := b.nodes[iri]
	if n == nil {
		n = &Node{IRI: iri}
		b.nodes[iri] = n
	}
	return n
}

func (b *Builder) doc(iri quad.IRI) *DocumentInfo {
	d := b.docs[iri]
	if d == nil {
		id, _ := DocumentIDOf(iri)
		d = &DocumentInfo{ID: id}
		b.docs[iri] = d
	}
	return d
}

func (b *Builder) stmt(iri quad.IRI) *stmt {
	s := b.stmts[iri]
	if s == nil {
		s = &stmt{}
		b.stmts[iri] = s
	}
	return s
}

// Add takes one quad. Quads outside parkgraph's vocabulary are ignored.
func (b *Builder) Add(q quad.Quad) {
	b.init()
	s, ok := q.Subject.(quad.IRI)
	if !ok {
		return
	}
	p, _ := q.Predicate.(quad.IRI)
	oIRI, oIsIRI := q.Object.(quad.IRI)
	label, _ := q.Label.(quad.IRI)
	if rp, ok := PredicateOf(p); ok && oIsIRI {
		k := edgeKey{b.iri(s), rp, b.iri(oIRI)}
		set, seen := b.edges[k]
		if label != "" {
			set = append(set, label)
		} else if !seen {
			set = nil // an edge without evidence is an edge all the same
		}
		b.edges[k] = set
		return
	}
	switch p {
	case PredType:
		if t, ok := EntityTypeOf(oIRI); ok {
			b.node(b.iri(s)).Type = t
		} else if oIRI == ClassDocument {
			b.doc(s)
		}
	case PredName:
		b.node(b.iri(s)).Name = quad.ToString(q.Object)
	case PredAlias:
		s = b.iri(s)
		b.aliases[s] = append(b.aliases[s], b.intern(quad.ToString(q.Object)))
	case PredMentionedIn:
		if id, ok := DocumentIDOf(oIRI); ok {
			s = b.iri(s)
			b.docsOf[s] = append(b.docsOf[s], b.intern(id))
		}
	case PredText:
		b.text[s] = quad.ToString(q.Object)
	case PredFile:
		b.doc(s).File = quad.ToString(q.Object)
	case PredTitle:
		b.doc(s).Title = quad.ToString(q.Object)
	case PredHash:
		b.doc(s).Hash = quad.ToString(q.Object)
	case PredIngested:
		if t, ok := q.Object.(quad.Time); ok {
			b.doc(s).Ingested = time.Time(t).UTC()
		}
	case PredDate:
		if t, ok := q.Object.(quad.Time); ok {
			b.doc(s).Date = time.Time(t).UTC()
		}
	case PredSubject:
		b.stmt(s).s = b.iri(oIRI)
	case PredObject:
		b.stmt(s).o = b.iri(oIRI)
	case PredPredicate:
		if rp, ok := PredicateOf(oIRI); ok {
			b.stmt(s).p = rp
		}
	case PredYear:
		if v, ok := number(q.Object); ok {
			b.stmt(s).year = int(v)
		}
	case PredAmount:
		b.stmt(s).amount.Text = quad.ToString(q.Object)
	case PredAmountYuan:
		if v, ok := number(q.Object); ok {
			b.stmt(s).amount.Yuan = v
		}
	case PredCommunityName:
		b.commName[b.iri(s)] = b.intern(quad.ToString(q.Object))
	default:
		if m, ok := measureByIRI[p]; ok {
			if v, ok := number(q.Object); ok {
				s = b.iri(s)
				mm := b.metrics[s]
				if mm == nil {
					mm = map[string]float64{}
					b.metrics[s] = mm
				}
				mm[m.Name] = v
			}
		}
	}
}

func number(v quad.Value) (float64, bool) {
	switch x := v.(type) {
	case quad.Int:
		return float64(x), true
	case quad.Float:
		return float64(x), true
	}
	return 0, false
}

// Snapshot returns the graph assembled so far.
func (b *Builder) Snapshot() *Snapshot {
	b.init()
	nodes := make([]Node, 0, len(b.nodes))
	for iri, n := range b.nodes {
		if !n.Type.Valid() {
			continue // a metric or alias of a node no document names any more
		}
		if n.Name == "" {
			n.Name = string(iri)
		}
		n.Aliases = uniqueSorted(b.aliases[iri])
		n.Docs = uniqueSorted(b.docsOf[iri])
		n.Metrics = b.metrics[iri]
		n.Community = b.commName[iri]
		nodes = append(nodes, *n)
	}
	byEdge := map[edgeKey]*stmt{}
	for _, st := range b.stmts {
		k := edgeKey{st.s, st.p, st.o}
		if prev := byEdge[k]; prev == nil {
			cp := *st
			byEdge[k] = &cp
		} else {
			if st.year != 0 && (prev.year == 0 || st.year < prev.year) {
				prev.year = st.year
			}
			if prev.amount.IsZero() || (!st.amount.IsZero() && st.amount.Text < prev.amount.Text) {
				prev.amount = st.amount
			}
		}
	}
	edges := make([]Edge, 0, len(b.edges))
	for k, sents := range b.edges {
		e := Edge{Subject: k.s, Predicate: k.p, Object: k.o}
		sents = uniqueSorted(sents)
		if len(sents) > 0 {
			e.Evidence = make([]Evidence, 0, len(sents))
		}
		for _, sIRI := range sents {
			id, _ := DocumentIDOf(sIRI)
			e.Evidence = append(e.Evidence, Evidence{Sentence: sIRI, Doc: b.intern(id), Text: b.text[sIRI]})
		}
		if st := byEdge[k]; st != nil {
			e.Year, e.Amount = st.year, st.amount
		}
		edges = append(edges, e)
	}
	docs := make([]DocumentInfo, 0, len(b.docs))
	for _, d := range b.docs {
		docs = append(docs, *d)
	}
	s := NewSnapshot(nodes, edges, docs)
	s.Communities = communitiesOf(s.Nodes)
	return s
}

// communitiesOf rebuilds the community list from stored analysis results:
// each node's community id and community name.
func communitiesOf(nodes []Node) []Community {
	byID := map[int]*Community{}
	for i := range nodes {
		c, ok := nodes[i].Metric("community")
		if !ok {
			continue
		}
		cm := byID[int(c)]
		if cm == nil {
			cm = &Community{ID: int(c), Name: nodes[i].Community}
			byID[int(c)] = cm
		}
		cm.Size++
	}
	if len(byID) == 0 {
		return nil
	}
	out := make([]Community, 0, len(byID))
	for _, c := range byID {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// uniqueSorted sorts a set collected as a slice and drops repeats, in
// place; an empty set is nil.
func uniqueSorted[T ~string](xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	slices.Sort(xs)
	return slices.Clip(slices.Compact(xs))
}
