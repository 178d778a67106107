package export

import (
	"strconv"
	"strings"

	"parkgraph/graph"
)

// AttrType is the value type of an exported attribute.
type AttrType int

// Attribute value types, named as GraphML names them.
const (
	String AttrType = iota
	Int
	Double
	Bool
)

func (t AttrType) String() string {
	return [...]string{"string", "int", "double", "boolean"}[t]
}

// Attr is one node or edge attribute and how to read it.
type Attr struct {
	Name string
	Type AttrType
}

// NodeAttrs returns the node attributes the snapshot can fill, in a fixed
// order: label, type, aliases, documents, community_name, color, size, then
// every measure some node has.
func NodeAttrs(s *graph.Snapshot) []Attr {
	attrs := []Attr{{"label", String}, {"type", String}, {"type_label", String}, {"aliases", String}, {"documents", String}, {"community_name", String}, {"color", String}, {"size", Double}}
	for _, m := range graph.Measures {
		for i := range s.Nodes {
			if _, ok := s.Nodes[i].Metric(m.Name); ok {
				t := Double
				if m.Int {
					t = Int
				}
				attrs = append(attrs, Attr{m.Name, t})
				break
			}
		}
	}
	return attrs
}

// EdgeAttrs are the edge attributes, in a fixed order.
var EdgeAttrs = []Attr{{"predicate", String}, {"label", String}, {"weight", Double}, {"evidence", String}, {"documents", String}, {"year", Int}, {"amount", String}, {"amount_yuan", Double}}

// NodeValue returns a node attribute as text, and false when the node has
// no value for it (exports leave it out rather than write an empty value).
func NodeValue(n *graph.Node, a Attr, opt Options, maxRank float64) (string, bool) {
	switch a.Name {
	case "label":
		return n.Name, n.Name != ""
	case "type":
		return string(n.Type), true
	case "type_label":
		return n.Type.Label(), true
	case "aliases":
		return strings.Join(n.Aliases, "; "), len(n.Aliases) > 0
	case "documents":
		return strings.Join(n.Docs, "; "), len(n.Docs) > 0
	case "community_name":
		return n.Community, n.Community != ""
	case "color":
		return NodeColor(n, opt.Color == "community"), true
	case "size":
		return FormatFloat(NodeSize(n, maxRank)), true
	}
	v, ok := n.Metric(a.Name)
	if !ok {
		return "", false
	}
	if a.Type == Int {
		return strconv.Itoa(int(v)), true
	}
	return FormatFloat(v), true
}

// EdgeValue returns an edge attribute as text, and false when it is unset.
func EdgeValue(e *graph.Edge, a Attr) (string, bool) {
	switch a.Name {
	case "predicate":
		return string(e.Predicate), true
	case "label":
		return e.Predicate.Label(), true
	case "weight":
		return strconv.Itoa(e.Weight()), true
	case "evidence":
		var texts []string
		for _, ev := range e.Evidence {
			if ev.Text != "" && (len(texts) == 0 || texts[len(texts)-1] != ev.Text) {
				texts = append(texts, ev.Text)
			}
		}
		return strings.Join(texts, "\n"), len(texts) > 0
	case "documents":
		d := e.Docs()
		return strings.Join(d, "; "), len(d) > 0
	case "year":
		return strconv.Itoa(e.Year), e.Year != 0
	case "amount":
		return e.Amount.Text, e.Amount.Text != ""
	case "amount_yuan":
		return FormatFloat(e.Amount.Yuan), e.Amount.Yuan != 0
	}
	return "", false
}

// FormatFloat writes a float the shortest way that reads back exactly.
func FormatFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
