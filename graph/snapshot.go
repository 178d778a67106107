package graph

import (
	"sort"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
)

// Snapshot is the whole graph in memory: entities as nodes, relations as
// edges aggregated over all their evidence, the documents they came from and
// the analysis results attached to the nodes. Nodes are sorted by IRI and
// edges by subject, predicate and object, so everything derived from a
// snapshot is deterministic.
type Snapshot struct {
	Nodes       []Node
	Edges       []Edge
	Documents   []DocumentInfo
	Communities []Community // filled by analysis; sorted by ID

	index   map[quad.IRI]int
	objects []int32 // position of each edge's object among Nodes, from NewSnapshot
}

// Node is one entity of the graph.
type Node struct {
	IRI       quad.IRI
	Type      EntityType
	Name      string
	Aliases   []string           // sorted
	Docs      []string           // ids of the documents that name it, sorted
	Metrics   map[string]float64 // analysis results by Measure name; nil before analysis
	Community string             // name of its community, "" before analysis
}

// Metric returns a measure of the node and whether it is set.
func (n *Node) Metric(name string) (float64, bool) {
	v, ok := n.Metrics[name]
	return v, ok
}

// SetMetric sets a measure of the node.
func (n *Node) SetMetric(name string, v float64) {
	if n.Metrics == nil {
		n.Metrics = make(map[string]float64)
	}
	n.Metrics[name] = v
}

// Edge is one relation between two entities, with every sentence that states
// it. A symmetric predicate is stored once, subject IRI < object IRI.
type Edge struct {
	Subject   quad.IRI
	Predicate Predicate
	Object    quad.IRI
	Evidence  []Evidence // sorted by document and sentence
	Year      int        // earliest year any statement gives, 0 if none
	Amount    Amount     // the first amount any statement gives
}

// Weight is the number of sentences that state the edge.
func (e *Edge) Weight() int {
	if len(e.Evidence) == 0 {
		return 1
	}
	return len(e.Evidence)
}

// Docs returns the ids of the documents that state the edge, sorted.
func (e *Edge) Docs() []string {
	var out []string
	for _, ev := range e.Evidence {
		if len(out) == 0 || out[len(out)-1] != ev.Doc {
			out = append(out, ev.Doc)
		}
	}
	return out
}

// Evidence is one sentence that states a relation.
type Evidence struct {
	Sentence quad.IRI
	Doc      string // document id
	Text     string
}

// DocumentInfo describes a stored document.
type DocumentInfo struct {
	ID       string
	File     string
	Title    string
	Hash     string
	Date     time.Time // publication date, zero when unknown
	Ingested time.Time
}

// Community is a group of nodes found by community detection.
type Community struct {
	ID   int    // 0 is the largest community
	Name string // the name of its most central member
	Size int
}

// NewSnapshot builds a snapshot from nodes, edges and documents, sorting them
// and dropping edges whose ends are not among the nodes.
func NewSnapshot(nodes []Node, edges []Edge, docs []DocumentInfo) *Snapshot {
	s := &Snapshot{Nodes: nodes, Documents: docs}
	sort.Slice(s.Nodes, func(i, j int) bool { return s.Nodes[i].IRI < s.Nodes[j].IRI })
	s.reindex()
	s.Edges = edges[:0:0]
	for _, e := range edges {
		if _, ok := s.index[e.Subject]; !ok {
			continue
		}
		if _, ok := s.index[e.Object]; !ok {
			continue
		}
		sort.Slice(e.Evidence, func(i, j int) bool {
			a, b := e.Evidence[i], e.Evidence[j]
			if a.Doc != b.Doc {
				return a.Doc < b.Doc
			}
			return sentenceOrder(a.Sentence) < sentenceOrder(b.Sentence)
		})
		s.Edges = append(s.Edges, e)
	}
	sortEdges(s.Edges)
	s.objects = make([]int32, len(s.Edges))
	for i := range s.Edges {
		s.objects[i] = int32(s.index[s.Edges[i].Object])
	}
	sort.Slice(s.Documents, func(i, j int) bool { return s.Documents[i].ID < s.Documents[j].ID })
	return s
}

// EdgeObject returns the position among Nodes of edge i's object, or -1
// when the snapshot has no such node. Snapshots made by NewSnapshot answer
// from a table built with them; others look the IRI up.
func (s *Snapshot) EdgeObject(i int) int {
	if i < len(s.objects) && len(s.objects) == len(s.Edges) {
		if j := int(s.objects[i]); j < len(s.Nodes) && s.Nodes[j].IRI == s.Edges[i].Object {
			return j
		}
	}
	return s.Index(s.Edges[i].Object)
}

func sortEdges(es []Edge) {
	sort.Slice(es, func(i, j int) bool {
		a, b := &es[i], &es[j]
		if a.Subject != b.Subject {
			return a.Subject < b.Subject
		}
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		return a.Object < b.Object
	})
}

// sentenceOrder sorts sentence IRIs of one document by their index.
func sentenceOrder(iri quad.IRI) int {
	s := string(iri)
	i := strings.LastIndex(s, "#s")
	if i < 0 {
		return -1
	}
	n := 0
	for _, c := range s[i+2:] {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func (s *Snapshot) reindex() {
	s.index = make(map[quad.IRI]int, len(s.Nodes))
	for i := range s.Nodes {
		s.index[s.Nodes[i].IRI] = i
	}
}

// Index returns the position of the node with the given IRI in Nodes, or -1.
func (s *Snapshot) Index(iri quad.IRI) int {
	if s.index == nil {
		s.reindex()
	}
	if i, ok := s.index[iri]; ok {
		return i
	}
	return -1
}

// Node returns the node with the given IRI, or nil.
func (s *Snapshot) Node(iri quad.IRI) *Node {
	if i := s.Index(iri); i >= 0 {
		return &s.Nodes[i]
	}
	return nil
}

// Find returns the nodes whose canonical name or an alias equals name after
// NormalizeName, sorted by IRI.
func (s *Snapshot) Find(name string) []*Node {
	want := NormalizeName(name)
	var out []*Node
	for i := range s.Nodes {
		n := &s.Nodes[i]
		if NormalizeName(n.Name) == want {
			out = append(out, n)
			continue
		}
		for _, a := range n.Aliases {
			if NormalizeName(a) == want {
				out = append(out, n)
				break
			}
		}
	}
	return out
}

// Document returns the document with the given id, or nil.
func (s *Snapshot) Document(id string) *DocumentInfo {
	i := sort.Search(len(s.Documents), func(i int) bool { return s.Documents[i].ID >= id })
	if i < len(s.Documents) && s.Documents[i].ID == id {
		return &s.Documents[i]
	}
	return nil
}

// CountByType returns the number of nodes of each type.
func (s *Snapshot) CountByType() map[EntityType]int {
	out := map[EntityType]int{}
	for i := range s.Nodes {
		out[s.Nodes[i].Type]++
	}
	return out
}

// CountByPredicate returns the number of edges with each predicate.
func (s *Snapshot) CountByPredicate() map[Predicate]int {
	out := map[Predicate]int{}
	for i := range s.Edges {
		out[s.Edges[i].Predicate]++
	}
	return out
}
