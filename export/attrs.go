package export

import (
	"math"
	"strconv"
	"strings"
	"unsafe"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// AttrType is the value type of an exported attribute.
type AttrType int

// Attribute value types. Formats without lists write a List joined with
// its attribute's separator, as a string.
const (
	String AttrType = iota
	Int
	Double
	Bool
	List
)

// String returns the type's GraphML name (a List is a string there).
func (t AttrType) String() string {
	return [...]string{"string", "int", "double", "boolean", "string"}[t]
}

// Attr is one node or edge attribute.
type Attr struct {
	Name string
	Type AttrType
	Sep  string // List: the separator where lists are written as text
	Doc  string // what the attribute holds
}

// Value is one attribute value of one node or edge. Set is false when the
// node or edge has none; formats leave such values out rather than write
// an empty one.
type Value struct {
	Set  bool
	Str  string   // String
	Num  float64  // Int, Double; Bool as 1 or 0
	List []string // List
}

// Text returns the value as text: numbers formatted, lists joined.
func (v Value) Text(a Attr) string {
	switch a.Type {
	case Int:
		return strconv.FormatInt(int64(v.Num), 10)
	case Double:
		return FormatFloat(v.Num)
	case Bool:
		return strconv.FormatBool(v.Num != 0)
	case List:
		return strings.Join(v.List, a.Sep)
	}
	return v.Str
}

// Columns are the node and edge attributes of one export, in a fixed order,
// and how to read them. Node attributes: label, type, type_label, aliases,
// documents, degree, pagerank, betweenness, community, community_name,
// color, size, first_date, then any other measure some node has. Edge
// attributes: predicate, label (its Chinese name), weight (supporting
// sentences), evidence, documents, year, amount, amount_yuan.
// Measures are the analysis results of the whole graph, also when a filter
// exports part of it.
type Columns struct {
	Node []Attr
	Edge []Attr

	node   []func(*graph.Node) Value
	edge   []func(*graph.Edge) Value
	params columnParams
}

// The measures every export declares, computed or not, so that the columns
// an analyst sees do not depend on the run.
var coreMeasures = []string{"degree", "pagerank", "betweenness", "community"}

// columnParams is what columns are computed from, kept so Clone need not
// scan the snapshot again.
type columnParams struct {
	opt     Options
	maxRank float64
	dates   map[string]string
	extra   []graph.Measure // measures beyond the core ones that some node has
}

// NewColumns returns the columns for exporting s with opt.
func NewColumns(s *graph.Snapshot, opt Options) *Columns {
	p := columnParams{opt: opt, dates: docDates(s)}
	// One pass over the nodes' measures: the largest PageRank, and which
	// measures beyond the core ones any node has.
	present := map[string]bool{}
	for i := range s.Nodes {
		for name, v := range s.Nodes[i].Metrics {
			present[name] = true
			if name == "pagerank" && v > p.maxRank {
				p.maxRank = v
			}
		}
	}
	for _, m := range graph.Measures {
		if !isCore(m.Name) && present[m.Name] {
			p.extra = append(p.extra, m)
		}
	}
	return p.build()
}

// Clone returns columns with the same attributes and their own scratch
// space, for encoding on another goroutine: a Columns is not safe for
// concurrent use.
func (c *Columns) Clone() *Columns { return c.params.build() }

func (p columnParams) build() *Columns {
	c := &Columns{params: p}
	maxRank := p.maxRank
	byCommunity := p.opt.Color == "community"
	dates := &dateCache{dates: p.dates}
	// Edge lists are built into scratch slices: a Value's List is valid
	// until the next call for the same attribute.
	var evidence, edgeDocs []string

	// A node's measures are read from its map in one pass, when the first
	// of them is asked for: one visit to the map instead of a lookup each.
	var cur *graph.Node
	vals := make([]float64, len(graph.Measures))
	has := make([]bool, len(graph.Measures))
	load := func(n *graph.Node) {
		if n == cur {
			return
		}
		cur = n
		clear(has)
		for name, v := range n.Metrics {
			if k := measurePos(name); k >= 0 {
				vals[k], has[k] = v, true
			}
		}
	}
	rank, community := measurePos("pagerank"), measurePos("community")
	// per entity type: its Chinese name and colour, found without a map
	type typeInfo struct {
		t            graph.EntityType
		label, color string
	}
	var types []typeInfo
	for _, t := range graph.EntityTypes {
		types = append(types, typeInfo{t, t.Label(), TypeStyle(t).Color})
	}
	typeOf := func(t graph.EntityType) typeInfo {
		for _, x := range types {
			if x.t == t {
				return x
			}
		}
		return typeInfo{t, t.Label(), TypeStyle(t).Color}
	}

	str := func(v string) Value { return Value{Set: v != "", Str: v} }
	list := func(v []string) Value { return Value{Set: len(v) > 0, List: v} }
	c.addNode(Attr{Name: "label", Type: String, Doc: "canonical name"}, func(n *graph.Node) Value { return str(n.Name) })
	c.addNode(Attr{Name: "type", Type: String, Doc: "entity type: Park, Enterprise, Institution, Honor, Investor, Project"}, func(n *graph.Node) Value { return str(string(n.Type)) })
	c.addNode(Attr{Name: "type_label", Type: String, Doc: "entity type in Chinese (园区, 企业, …)"}, func(n *graph.Node) Value { return str(typeOf(n.Type).label) })
	c.addNode(Attr{Name: "aliases", Type: List, Sep: "; ", Doc: "other names the articles use"}, func(n *graph.Node) Value { return list(n.Aliases) })
	c.addNode(Attr{Name: "documents", Type: List, Sep: "; ", Doc: "ids of the articles that name it"}, func(n *graph.Node) Value { return list(n.Docs) })
	measure := func(m graph.Measure) {
		t := Double
		if m.Int {
			t = Int
		}
		k := measurePos(m.Name)
		c.addNode(Attr{Name: m.Name, Type: t, Doc: m.Doc}, func(n *graph.Node) Value {
			load(n)
			v := vals[k]
			return Value{Set: has[k] && !math.IsNaN(v) && !math.IsInf(v, 0), Num: v}
		})
	}
	for _, name := range coreMeasures {
		m, _ := graph.MeasureByName(name)
		measure(m)
		if name == "community" {
			c.addNode(Attr{Name: "community_name", Type: String, Doc: "name of its community (its most central member)"}, func(n *graph.Node) Value { return str(n.Community) })
		}
	}
	c.addNode(Attr{Name: "color", Type: String, Doc: "display colour, #rrggbb, by " + colorBy(byCommunity)}, func(n *graph.Node) Value {
		load(n)
		if byCommunity && has[community] {
			return str(communityColor(vals[community]))
		}
		return str(typeOf(n.Type).color)
	})
	c.addNode(Attr{Name: "size", Type: Double, Doc: "display size, 10–50, by PageRank"}, func(n *graph.Node) Value {
		load(n)
		return Value{Set: true, Num: sizeFor(vals[rank], has[rank], maxRank)}
	})
	if len(dates.dates) > 0 {
		c.addNode(Attr{Name: "first_date", Type: String, Doc: "earliest publication date of the articles that name it"}, func(n *graph.Node) Value { return str(dates.first(n.Docs)) })
	}
	for _, m := range p.extra {
		measure(m)
	}

	c.addEdge(Attr{Name: "predicate", Type: String, Doc: "relation: located_in, part_of, awarded, issued_by, invests_in, partners_with, builds, listed_on"}, func(e *graph.Edge) Value { return str(string(e.Predicate)) })
	c.addEdge(Attr{Name: "label", Type: String, Doc: "relation in Chinese (位于, 隶属, …)"}, func(e *graph.Edge) Value { return str(e.Predicate.Label()) })
	c.addEdge(Attr{Name: "weight", Type: Double, Doc: "number of sentences that state it"}, func(e *graph.Edge) Value { return Value{Set: true, Num: float64(e.Weight())} })
	c.addEdge(Attr{Name: "evidence", Type: List, Sep: "\n", Doc: "the sentences that state it"}, func(e *graph.Edge) Value {
		evidence = appendEvidenceTexts(evidence[:0], e)
		return list(evidence)
	})
	c.addEdge(Attr{Name: "documents", Type: List, Sep: "; ", Doc: "ids of the articles that state it"}, func(e *graph.Edge) Value {
		edgeDocs = appendDocs(edgeDocs[:0], e)
		return list(edgeDocs)
	})
	c.addEdge(Attr{Name: "year", Type: Int, Doc: "the year the text gives"}, func(e *graph.Edge) Value { return Value{Set: e.Year != 0, Num: float64(e.Year)} })
	c.addEdge(Attr{Name: "amount", Type: String, Doc: "the sum as written"}, func(e *graph.Edge) Value { return str(e.Amount.Text) })
	c.addEdge(Attr{Name: "amount_yuan", Type: Double, Doc: "the sum in base currency units"}, func(e *graph.Edge) Value { return Value{Set: e.Amount.Yuan != 0, Num: e.Amount.Yuan} })
	return c
}

// measurePos returns the position of the named measure in graph.Measures,
// or -1. A scan of a dozen short names beats hashing here.
func measurePos(name string) int {
	for i := range graph.Measures {
		if graph.Measures[i].Name == name {
			return i
		}
	}
	return -1
}

func colorBy(community bool) string {
	if community {
		return "community"
	}
	return "entity type"
}

func isCore(name string) bool {
	for _, m := range coreMeasures {
		if m == name {
			return true
		}
	}
	return false
}

func (c *Columns) addNode(a Attr, get func(*graph.Node) Value) {
	c.Node = append(c.Node, a)
	c.node = append(c.node, get)
}

func (c *Columns) addEdge(a Attr, get func(*graph.Edge) Value) {
	c.Edge = append(c.Edge, a)
	c.edge = append(c.edge, get)
}

// NodeValue returns the value of node attribute i (an index into Node).
func (c *Columns) NodeValue(n *graph.Node, i int) Value { return c.node[i](n) }

// EdgeValue returns the value of edge attribute i (an index into Edge).
func (c *Columns) EdgeValue(e *graph.Edge, i int) Value { return c.edge[i](e) }

// NodeIndex returns the index of the node attribute with the given name, or -1.
func (c *Columns) NodeIndex(name string) int { return index(c.Node, name) }

// EdgeIndex returns the index of the edge attribute with the given name, or -1.
func (c *Columns) EdgeIndex(name string) int { return index(c.Edge, name) }

func index(as []Attr, name string) int {
	for i, a := range as {
		if a.Name == name {
			return i
		}
	}
	return -1
}

// EvidenceTexts returns the distinct texts of an edge's evidence sentences,
// in order.
func EvidenceTexts(e *graph.Edge) []string { return appendEvidenceTexts(nil, e) }

func appendEvidenceTexts(texts []string, e *graph.Edge) []string {
	for _, ev := range e.Evidence {
		if ev.Text != "" && (len(texts) == 0 || texts[len(texts)-1] != ev.Text) {
			texts = append(texts, ev.Text)
		}
	}
	return texts
}

// appendDocs appends the ids of the documents that state e (as e.Docs).
func appendDocs(docs []string, e *graph.Edge) []string {
	for _, ev := range e.Evidence {
		if len(docs) == 0 || docs[len(docs)-1] != ev.Doc {
			docs = append(docs, ev.Doc)
		}
	}
	return docs
}

// dateCache looks up document dates, remembering the last document asked
// for: the articles behind consecutive nodes and edges are often the same.
type dateCache struct {
	dates          map[string]string
	lastID, lastDt string
}

func (c *dateCache) date(id string) (string, bool) {
	if id == c.lastID && c.lastID != "" {
		return c.lastDt, c.lastDt != ""
	}
	d, ok := c.dates[id]
	c.lastID, c.lastDt = id, d
	return d, ok
}

// first returns the earliest date of the given documents, or "".
func (c *dateCache) first(docs []string) string {
	first := ""
	for _, id := range docs {
		if d, ok := c.date(id); ok && (first == "" || d < first) {
			first = d
		}
	}
	return first
}

// docDates maps the id of every document with a publication date to that
// date as YYYY-MM-DD.
func docDates(s *graph.Snapshot) map[string]string {
	m := map[string]string{}
	for _, d := range s.Documents {
		if !d.Date.IsZero() {
			m[d.ID] = d.Date.UTC().Format("2006-01-02")
		}
	}
	return m
}

// firstDate returns the earliest date of the given documents, or "".
func firstDate(dates map[string]string, docs []string) string {
	first := ""
	for _, id := range docs {
		if d, ok := dates[id]; ok && (first == "" || d < first) {
			first = d
		}
	}
	return first
}

// FirstDates returns, per node and per edge of s (by index), the earliest
// publication date (YYYY-MM-DD) of the documents behind it, "" when none has
// a date. Formats with a timeline (GEXF) use it to show the graph growing.
func FirstDates(s *graph.Snapshot) (nodes, edges []string) {
	dates := docDates(s)
	if len(dates) == 0 {
		return nil, nil
	}
	nodes = make([]string, len(s.Nodes))
	for i := range s.Nodes {
		nodes[i] = firstDate(dates, s.Nodes[i].Docs)
	}
	edges = make([]string, len(s.Edges))
	for i := range s.Edges {
		edges[i] = firstDate(dates, s.Edges[i].Docs())
	}
	return nodes, edges
}

// WriteXML writes a value as XML text (escaped; a list joined by its
// separator).
func (w *Writer) WriteXML(a Attr, v Value, attr bool) {
	esc := w.XMLText
	if attr {
		esc = w.XMLAttr
	}
	switch a.Type {
	case Int:
		w.Int(int64(v.Num))
	case Double:
		w.Float(v.Num)
	case Bool:
		w.WriteString(strconv.FormatBool(v.Num != 0))
	case List:
		for i, s := range v.List {
			if i > 0 {
				esc(a.Sep)
			}
			esc(s)
		}
	default:
		esc(v.Str)
	}
}

// FormatFloat writes a float the shortest way that reads back exactly.
func FormatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// WriteJSON writes a value as JSON: a string, a number or an array of
// strings.
func (w *Writer) WriteJSON(a Attr, v Value) {
	switch a.Type {
	case Int:
		w.Int(int64(v.Num))
	case Double:
		w.Float(v.Num)
	case Bool:
		w.WriteString(strconv.FormatBool(v.Num != 0))
	case List:
		w.WriteByte('[')
		for i, s := range v.List {
			if i > 0 {
				w.WriteByte(',')
			}
			w.JSONString(s)
		}
		w.WriteByte(']')
	default:
		w.JSONString(v.Str)
	}
}

// HasParallelEdges reports whether two edges of s join the same ordered
// pair of nodes (with different predicates); readers that build simple
// graphs would merge them, so formats say so (multigraph) when they do.
func HasParallelEdges(s *graph.Snapshot) bool {
	seen := make(map[[2]string]bool, len(s.Edges))
	for i := range s.Edges {
		k := [2]string{string(s.Edges[i].Subject), string(s.Edges[i].Object)}
		if seen[k] {
			return true
		}
		seen[k] = true
	}
	return false
}

// NodeIndex finds the position of a node in a snapshot by IRI, for
// encoders that refer to nodes by position. Edge ends are usually the very
// strings of the node IRIs (the snapshot builders share them), so it looks
// a string up by the address of its bytes first, which costs no hashing of
// the text, and by its value only when that fails. It is safe for
// concurrent use once made.
type NodeIndex struct {
	s     *graph.Snapshot
	byPtr map[*byte]int32
}

// NewNodeIndex indexes the nodes of s.
func NewNodeIndex(s *graph.Snapshot) *NodeIndex {
	x := &NodeIndex{s: s, byPtr: make(map[*byte]int32, len(s.Nodes))}
	for i := range s.Nodes {
		if iri := string(s.Nodes[i].IRI); iri != "" {
			x.byPtr[unsafe.StringData(iri)] = int32(i)
		}
	}
	return x
}

// Of returns the position of the node with the given IRI, or -1.
func (x *NodeIndex) Of(iri quad.IRI) int {
	if iri != "" {
		if i, ok := x.byPtr[unsafe.StringData(string(iri))]; ok && x.s.Nodes[i].IRI == iri {
			return int(i)
		}
	}
	return x.s.Index(iri)
}
