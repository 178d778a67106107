package export

import (
	"fmt"
	"math"

	"parkgraph/graph"
)

// Style is how an entity type is drawn.
type Style struct {
	Color string // fill colour, #rrggbb
	Shape string // Graphviz shape
}

var typeStyles = map[graph.EntityType]Style{
	graph.Park:        {"#2a9d8f", "house"},
	graph.Enterprise:  {"#457b9d", "box"},
	graph.Institution: {"#8d6cab", "ellipse"},
	graph.Honor:       {"#e9c46a", "octagon"},
	graph.Investor:    {"#e76f51", "diamond"},
	graph.Project:     {"#90be6d", "component"},
}

// TypeStyle returns the colour and shape of an entity type.
func TypeStyle(t graph.EntityType) Style {
	if s, ok := typeStyles[t]; ok {
		return s
	}
	return Style{"#999999", "ellipse"}
}

// communityPalette holds distinct colours for communities; community ids
// beyond it cycle.
var communityPalette = []string{
	"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46f0f0", "#f032e6",
	"#bcf60c", "#fabebe", "#008080", "#e6beff", "#9a6324", "#800000", "#aaffc3",
	"#808000", "#ffd8b1", "#000075", "#808080",
}

// NodeColor returns a node's colour: by type, or by community when
// byCommunity is set and the node has one.
func NodeColor(n *graph.Node, byCommunity bool) string {
	if byCommunity {
		if c, ok := n.Metric("community"); ok {
			return communityColor(c)
		}
	}
	return TypeStyle(n.Type).Color
}

func communityColor(c float64) string {
	i := int(c) % len(communityPalette)
	if i < 0 {
		i += len(communityPalette)
	}
	return communityPalette[i]
}

// RGB splits a #rrggbb colour.
func RGB(hex string) (r, g, b int) {
	fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b)
	return
}

// NodeSize maps PageRank to a display size between 10 and 50, relative to
// the largest PageRank in the snapshot.
func NodeSize(n *graph.Node, maxRank float64) float64 {
	pr, ok := n.Metric("pagerank")
	return sizeFor(pr, ok, maxRank)
}

func sizeFor(pr float64, ok bool, maxRank float64) float64 {
	if !ok || maxRank <= 0 || pr < 0 || math.IsNaN(pr) {
		return 10
	}
	return math.Round((10+40*math.Sqrt(min(pr/maxRank, 1)))*100) / 100
}

// MaxMetric returns the largest value of a measure over the snapshot.
func MaxMetric(s *graph.Snapshot, name string) float64 {
	m := 0.0
	for i := range s.Nodes {
		if v, ok := s.Nodes[i].Metric(name); ok && v > m {
			m = v
		}
	}
	return m
}
