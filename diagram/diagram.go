package diagram

import (
	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// Kind says what a diagram shows.
type Kind int

const (
	EgoKind  Kind = iota // an entity and its neighbourhood
	PathKind             // the shortest paths between two entities
)

// Diagram is a relationship diagram ready to lay out.
type Diagram struct {
	Kind      Kind
	Title     string
	Subtitle  string // what is shown: depth, counts, collapsed nodes
	Nodes     []Node // in drawing order; Node.ID is "n" and the position
	Edges     []Edge // in drawing order; Edge.ID is "e" and the position
	Clusters  []Cluster
	Legend    []graph.EntityType // the types drawn, in graph.EntityTypes order
	Footnotes []Footnote         // evidence of the edges, numbered from 1
	Sources   []Source           // the documents the drawn relations come from
}

// Node is one box of the diagram: an entity, or a group of collapsed
// entities of one type.
type Node struct {
	ID       string   // "n0", "n1", …: the DOT name and the SVG id suffix
	IRI      quad.IRI // the entity; "" for a group
	Type     graph.EntityType
	Name     string   // canonical name, or the group's label
	Lines    []string // the label broken into lines
	FontSize float64  // points, larger for higher PageRank
	PageRank float64  // the entity's PageRank; a group's is its members' sum
	Focus    bool     // the ego entity, or an end of the paths
	Members  []quad.IRI
	Tooltip  string
}

// Group reports whether the node stands for collapsed entities.
func (n *Node) Group() bool { return len(n.Members) > 0 }

// Arrow says where an edge's arrowhead goes.
type Arrow int

const (
	Forward Arrow = iota // at To: From is the subject
	Back                 // at From: To is the subject
	NoArrow              // a symmetric relation
)

// Edge is one line of the diagram: a relation, or the relations between a
// node and a group, of one predicate.
type Edge struct {
	ID        string
	From, To  int // indexes into Diagram.Nodes; the layout runs From → To
	Arrow     Arrow
	Predicate graph.Predicate
	Label     string // the predicate in Chinese, with footnote marks
	Count     int    // relations drawn as this edge
	Weight    int    // supporting sentences
	Tooltip   string // the relation and its evidence sentences
	Footnotes []int  // numbers of the footnotes giving its evidence
}

// Cluster is a framed group of nodes.
type Cluster struct {
	ID      string // "c0", …
	Label   string
	Members []int // node indexes
}

// Footnote is an evidence sentence printed under the diagram.
type Footnote struct {
	N    int
	Text string // "「sentence」（《title》，date）"
}

// Source is a document that states a drawn relation.
type Source struct {
	ID    string
	Title string
	Date  string // YYYY-MM-DD, "" when unknown
}
