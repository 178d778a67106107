// Package diagram builds relationship diagrams for feature stories from a
// graph.Snapshot: the ego network of one entity (its neighbours one or two
// relations away) or the shortest paths between two entities.
//
// A Diagram is a model, not a picture: the nodes and edges to draw with their
// labels, sizes (by PageRank), tooltips (type, aliases, evidence sentences),
// clusters, legend, title, footnotes and the source line. When an ego network
// has more neighbours than Options.MaxNodes, the least central ones collapse
// into one node per type ("+1965 家企业"). WriteDOT turns the model into
// Graphviz input whose label boxes are measured with package textwidth, so
// Chinese labels get the room they take; package diagram/render lays it out
// with Graphviz and writes SVG or PNG.
//
// Everything is deterministic: the same snapshot and options give the same
// diagram, node for node and byte for byte.
package diagram
