package diagram

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// Build makes the diagram the options ask for from a snapshot whose nodes
// carry PageRank (see graph/analysis); without it every node gets the
// smallest size.
func Build(s *graph.Snapshot, opt Options) (*Diagram, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	if opt.Cluster == ClusterByCommunity && !hasCommunities(s) {
		return nil, fmt.Errorf("cluster by community: the graph has no communities yet; analyse it first")
	}
	if opt.Ego != "" {
		return buildEgo(s, opt)
	}
	return buildPaths(s, opt)
}

func hasCommunities(s *graph.Snapshot) bool {
	for i := range s.Nodes {
		if _, ok := s.Nodes[i].Metric("community"); ok {
			return true
		}
	}
	return false
}

// pagerank returns a node's PageRank rounded to nine decimals. gonum's
// sparse PageRank sums in map order, so the last bits of the values change
// from run to run; rounded, equally central entities tie exactly and are
// ordered by IRI, and the diagram comes out the same every time.
func pagerank(n *graph.Node) float64 {
	v, _ := n.Metric("pagerank")
	return math.Round(v*1e9) / 1e9
}

// builder accumulates the nodes and edges of a diagram.
type builder struct {
	s     *graph.Snapshot
	d     *Diagram
	index map[int]int // snapshot node → diagram node
	docs  map[string]bool
	notes map[quad.IRI]int // evidence sentence → footnote number
	comms map[int]string   // community id → name, see communityNames
}

func newBuilder(s *graph.Snapshot, kind Kind) *builder {
	return &builder{s: s, d: &Diagram{Kind: kind}, index: map[int]int{}, docs: map[string]bool{}, notes: map[quad.IRI]int{}, comms: communityNames(s)}
}

// addEntity adds snapshot node i and returns its diagram index.
func (b *builder) addEntity(i int, focus bool) int {
	if k, ok := b.index[i]; ok {
		return k
	}
	n := &b.s.Nodes[i]
	k := len(b.d.Nodes)
	b.d.Nodes = append(b.d.Nodes, Node{
		ID:       "n" + strconv.Itoa(k),
		IRI:      n.IRI,
		Type:     n.Type,
		Name:     n.Name,
		PageRank: pagerank(n),
		Focus:    focus,
		Tooltip:  b.entityTooltip(n),
	})
	b.index[i] = k
	return k
}

// addGroup adds a node standing for the collapsed entities members (snapshot
// indexes, most central first), all of type t.
func (b *builder) addGroup(t graph.EntityType, members []int) int {
	k := len(b.d.Nodes)
	nd := Node{ID: "n" + strconv.Itoa(k), Type: t, Name: groupLabel(t, len(members))}
	var names []string
	for _, m := range members {
		nd.Members = append(nd.Members, b.s.Nodes[m].IRI)
		nd.PageRank += pagerank(&b.s.Nodes[m])
		if len(names) < maxTooltipNames {
			names = append(names, b.s.Nodes[m].Name)
		}
		b.index[m] = k
	}
	more := ""
	if len(members) > len(names) {
		more = "等"
	}
	nd.Tooltip = fmt.Sprintf("另有 %d %s%s（按 PageRank 由高到低）：%s%s", len(members), measureWord(t), t.Label(), strings.Join(names, "、"), more)
	b.d.Nodes = append(b.d.Nodes, nd)
	return k
}

const (
	maxTooltipNames     = 30 // names listed in a group's tooltip
	maxTooltipSentences = 5  // evidence sentences in an edge's tooltip
	maxSourcesListed    = 3
)

// measureWord is the classifier Chinese counts entities of a type with.
func measureWord(t graph.EntityType) string {
	switch t {
	case graph.Enterprise, graph.Institution, graph.Investor:
		return "家"
	case graph.Honor:
		return "项"
	}
	return "个"
}

func groupLabel(t graph.EntityType, n int) string {
	return fmt.Sprintf("+%d %s%s", n, measureWord(t), t.Label())
}

// communityNames names each community after its member with the highest
// PageRank, ties going to the lowest IRI. The analysis names them too, but
// breaks ties by the noise in the PageRank's last bits.
func communityNames(s *graph.Snapshot) map[int]string {
	best := map[int]*graph.Node{}
	for i := range s.Nodes {
		n := &s.Nodes[i]
		c, ok := n.Metric("community")
		if !ok {
			continue
		}
		if b := best[int(c)]; b == nil || pagerank(n) > pagerank(b) {
			best[int(c)] = n // nodes come sorted by IRI, so ties keep the first
		}
	}
	out := make(map[int]string, len(best))
	for c, n := range best {
		out[c] = n.Name
	}
	return out
}

func (b *builder) entityTooltip(n *graph.Node) string {
	var t strings.Builder
	fmt.Fprintf(&t, "%s：%s", n.Type.Label(), n.Name)
	if len(n.Aliases) > 0 {
		fmt.Fprintf(&t, "\n别名：%s", strings.Join(n.Aliases, "、"))
	}
	if _, ok := n.Metric("pagerank"); ok {
		fmt.Fprintf(&t, "\nPageRank %.4f", pagerank(n))
		if c, ok := n.Metric("community"); ok && b.comms[int(c)] != "" {
			fmt.Fprintf(&t, " · 社区：%s", b.comms[int(c)])
		}
	}
	if len(n.Docs) > 0 {
		fmt.Fprintf(&t, "\n见于 %d 篇报道", len(n.Docs))
	}
	return t.String()
}

// edgeAgg collects the snapshot edges drawn as one diagram edge.
type edgeAgg struct {
	from, to int
	arrow    Arrow
	pred     graph.Predicate
	edges    []*graph.Edge
}

// addEdge appends a diagram edge for the collected relations.
func (b *builder) addEdge(a *edgeAgg) *Edge {
	e := Edge{
		ID:        "e" + strconv.Itoa(len(b.d.Edges)),
		From:      a.from,
		To:        a.to,
		Arrow:     a.arrow,
		Predicate: a.pred,
		Label:     a.pred.Label(),
		Count:     len(a.edges),
	}
	for _, x := range a.edges {
		e.Weight += x.Weight()
		for _, d := range x.Docs() {
			b.docs[d] = true
		}
	}
	e.Tooltip = b.edgeTooltip(a)
	b.d.Edges = append(b.d.Edges, e)
	return &b.d.Edges[len(b.d.Edges)-1]
}

func (b *builder) name(iri quad.IRI) string {
	if n := b.s.Node(iri); n != nil {
		return n.Name
	}
	return string(iri)
}

// statement reads a relation as a sentence: "A 位于 B".
func (b *builder) statement(e *graph.Edge) string {
	return b.name(e.Subject) + " " + e.Predicate.Label() + " " + b.name(e.Object)
}

func (b *builder) edgeTooltip(a *edgeAgg) string {
	var t strings.Builder
	if len(a.edges) == 1 {
		e := a.edges[0]
		t.WriteString(b.statement(e))
		for i, ev := range e.Evidence {
			if i == maxTooltipSentences {
				fmt.Fprintf(&t, "\n……另有 %d 句", len(e.Evidence)-i)
				break
			}
			t.WriteString("\n「" + ev.Text + "」" + b.docRef(ev.Doc))
		}
		return t.String()
	}
	fmt.Fprintf(&t, "%d 条「%s」关系：", len(a.edges), a.pred.Label())
	for i, e := range a.edges {
		if i == maxTooltipSentences {
			fmt.Fprintf(&t, "\n……另有 %d 条", len(a.edges)-i)
			break
		}
		t.WriteString("\n" + b.statement(e))
	}
	return t.String()
}

// docRef names a document for a tooltip: "（《title》，2024-09-03）".
func (b *builder) docRef(id string) string {
	d := b.s.Document(id)
	if d == nil {
		return ""
	}
	title := d.Title
	if title == "" {
		title = d.ID
	}
	if d.Date.IsZero() {
		return "（《" + title + "》）"
	}
	return "（《" + title + "》，" + d.Date.Format("2006-01-02") + "）"
}

// finish sizes the labels and fills in the legend, the clusters and the
// sources.
func (b *builder) finish(opt *Options, focusDocs []string) {
	d := b.d
	maxPR := 0.0
	for i := range d.Nodes {
		if !d.Nodes[i].Group() && d.Nodes[i].PageRank > maxPR {
			maxPR = d.Nodes[i].PageRank
		}
	}
	present := map[graph.EntityType]bool{}
	for i := range d.Nodes {
		n := &d.Nodes[i]
		present[n.Type] = true
		switch {
		case n.Focus:
			n.FontSize = focusFontSize
		case n.Group():
			n.FontSize = minFontSize
		default:
			n.FontSize = fontSize(n.PageRank, maxPR)
		}
		if n.Group() {
			n.Lines = []string{n.Name}
		} else {
			n.Lines = breakLines(shorten(n.Name, maxLabelRunes), lineEms)
		}
	}
	for _, t := range graph.EntityTypes {
		if present[t] {
			d.Legend = append(d.Legend, t)
		}
	}
	switch opt.Cluster {
	case ClusterByType:
		b.clusterByType()
	case ClusterByCommunity:
		b.clusterByCommunity()
	}
	if len(b.docs) == 0 {
		for _, id := range focusDocs {
			b.docs[id] = true
		}
	}
	for id := range b.docs {
		src := Source{ID: id, Title: id}
		if doc := b.s.Document(id); doc != nil {
			if doc.Title != "" {
				src.Title = doc.Title
			}
			if !doc.Date.IsZero() {
				src.Date = doc.Date.Format("2006-01-02")
			}
		}
		d.Sources = append(d.Sources, src)
	}
	// Latest first; undated last; then by id.
	sort.Slice(d.Sources, func(i, j int) bool {
		a, c := d.Sources[i], d.Sources[j]
		if a.Date != c.Date {
			return a.Date > c.Date
		}
		return a.ID < c.ID
	})
	if opt.Title != "" {
		d.Title = opt.Title
	}
}

func (b *builder) clusterByType() {
	d := b.d
	for _, t := range graph.EntityTypes {
		var c Cluster
		count := 0
		for i := range d.Nodes {
			if d.Nodes[i].Type == t {
				c.Members = append(c.Members, i)
				count += max(1, len(d.Nodes[i].Members))
			}
		}
		if len(c.Members) == 0 {
			continue
		}
		c.ID = "c" + strconv.Itoa(len(d.Clusters))
		c.Label = fmt.Sprintf("%s（%d）", t.Label(), count)
		d.Clusters = append(d.Clusters, c)
	}
}

func (b *builder) clusterByCommunity() {
	d := b.d
	byID := map[int][]int{}
	names := map[int]string{}
	for i := range d.Nodes {
		n := &d.Nodes[i]
		if n.Group() {
			continue
		}
		sn := b.s.Node(n.IRI)
		c, ok := sn.Metric("community")
		if !ok {
			continue
		}
		byID[int(c)] = append(byID[int(c)], i)
		names[int(c)] = b.comms[int(c)]
	}
	ids := make([]int, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		if len(byID[id]) < 2 {
			continue
		}
		label := "社区 " + strconv.Itoa(id)
		if names[id] != "" {
			label = "社区：" + shorten(names[id], 20)
		}
		d.Clusters = append(d.Clusters, Cluster{ID: "c" + strconv.Itoa(len(d.Clusters)), Label: label, Members: byID[id]})
	}
}
