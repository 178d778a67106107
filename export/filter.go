package export

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// Filter selects the part of a graph to export. The zero Filter keeps
// everything. Every format applies the same Filter, the command line fills
// it from flags and the server from query parameters, both through Set.
//
// Apply works in this order:
//  1. Docs keeps what the given articles state: the entities they name and
//     the relations they give evidence for, with only that evidence.
//  2. Predicates keeps relations with those predicates.
//  3. Ego keeps the entities within Depth hops of the named ones, following
//     the relations kept so far in either direction.
//  4. Types and Communities keep entities of those types and communities
//     (the ego entities themselves always stay, so a neighbourhood keeps its
//     centre).
//  5. MinDegree drops entities with fewer relations than it in the graph
//     filtered so far.
//  6. Top keeps the Top entities with the highest PageRank (of the whole
//     graph), ties broken by IRI.
//
// Relations are kept when both ends are. Measures stay those of the whole
// graph.
type Filter struct {
	Types       []graph.EntityType
	Predicates  []graph.Predicate
	Ego         []string // names, aliases or IRIs of the entities at the centre
	Depth       int      // hops around Ego; 0 means DefaultDepth
	Communities []int    // community ids
	MinDegree   int
	Top         int
	Docs        []string // document ids (or file names)
}

// DefaultDepth is the ego depth when none is given.
const DefaultDepth = 1

// FilterParam describes one filter setting, for flags and query parameters.
type FilterParam struct {
	Name  string
	Usage string
}

// FilterParams lists the settings Filter.Set accepts.
var FilterParams = []FilterParam{
	{"types", "keep entities of these types (comma-separated: Park,Enterprise or 园区,企业 …)"},
	{"predicates", "keep relations with these predicates (comma-separated: located_in,awarded or 位于 …)"},
	{"ego", "keep the neighbourhood of the entity with this name, alias or IRI (repeatable)"},
	{"depth", "hops around --ego (default 1)"},
	{"community", "keep these communities (comma-separated ids)"},
	{"min-degree", "drop entities with fewer relations than this in the filtered graph"},
	{"top", "keep the N entities with the highest PageRank"},
	{"doc", "keep what these articles state (comma-separated document ids)"},
}

// Set sets one filter setting from text, as given on a command line or in
// a query: lists are comma-separated and add to what is there.
func (f *Filter) Set(name, value string) error {
	switch name {
	case "types":
		for _, v := range splitList(value) {
			t, err := graph.ParseEntityType(v)
			if err != nil {
				return err
			}
			f.Types = append(f.Types, t)
		}
	case "predicates":
		for _, v := range splitList(value) {
			p, err := graph.ParsePredicate(v)
			if err != nil {
				return err
			}
			f.Predicates = append(f.Predicates, p)
		}
	case "ego":
		if v := strings.TrimSpace(value); v != "" {
			f.Ego = append(f.Ego, v)
		}
	case "depth":
		n, err := nonNegative(name, value)
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("depth must be at least 1")
		}
		f.Depth = n
	case "community":
		for _, v := range splitList(value) {
			n, err := nonNegative(name, v)
			if err != nil {
				return err
			}
			f.Communities = append(f.Communities, n)
		}
	case "min-degree":
		n, err := nonNegative(name, value)
		if err != nil {
			return err
		}
		f.MinDegree = n
	case "top":
		n, err := nonNegative(name, value)
		if err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("top must be at least 1")
		}
		f.Top = n
	case "doc":
		f.Docs = append(f.Docs, splitList(value)...)
	default:
		return fmt.Errorf("unknown filter %q", name)
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' }) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func nonNegative(name, v string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s wants a whole number ≥ 0, not %q", name, v)
	}
	return n, nil
}

// IsZero reports whether the filter keeps everything.
func (f *Filter) IsZero() bool {
	return len(f.Types) == 0 && len(f.Predicates) == 0 && len(f.Ego) == 0 && len(f.Communities) == 0 &&
		f.MinDegree == 0 && f.Top == 0 && len(f.Docs) == 0
}

// Apply returns the part of s the filter selects, as a new snapshot (s is
// not changed). Documents are narrowed to those the kept entities and
// relations come from. A name, document or community that s does not have
// is an error that lists close matches.
func (f *Filter) Apply(s *graph.Snapshot) (*graph.Snapshot, error) {
	if f.IsZero() {
		return s, nil
	}
	cur := s
	if len(f.Docs) > 0 {
		ids := map[string]bool{}
		for _, d := range f.Docs {
			id, err := ResolveDocument(s, d)
			if err != nil {
				return nil, err
			}
			ids[id] = true
		}
		cur = byDocuments(cur, ids)
	}
	if len(f.Predicates) > 0 {
		keep := map[graph.Predicate]bool{}
		for _, p := range f.Predicates {
			keep[p] = true
		}
		cur = cur.Subgraph(nil, func(e *graph.Edge) bool { return keep[e.Predicate] })
	}
	var seeds map[quad.IRI]bool
	if len(f.Ego) > 0 {
		seeds = map[quad.IRI]bool{}
		var iris []quad.IRI
		for _, name := range f.Ego {
			iri, err := ResolveEntity(s, name)
			if err != nil {
				return nil, err
			}
			seeds[iri] = true
			iris = append(iris, iri)
		}
		depth := f.Depth
		if depth <= 0 {
			depth = DefaultDepth
		}
		idx, _ := cur.Ego(iris, depth, nil)
		in := make(map[quad.IRI]bool, len(idx))
		for _, i := range idx {
			in[cur.Nodes[i].IRI] = true
		}
		cur = cur.Subgraph(func(n *graph.Node) bool { return in[n.IRI] }, nil)
	}
	if len(f.Types) > 0 || len(f.Communities) > 0 {
		types := map[graph.EntityType]bool{}
		for _, t := range f.Types {
			types[t] = true
		}
		comms := map[int]bool{}
		for _, c := range f.Communities {
			if err := checkCommunity(s, c); err != nil {
				return nil, err
			}
			comms[c] = true
		}
		cur = cur.Subgraph(func(n *graph.Node) bool {
			if seeds[n.IRI] {
				return true
			}
			if len(types) > 0 && !types[n.Type] {
				return false
			}
			if len(comms) > 0 {
				c, ok := n.Metric("community")
				return ok && comms[int(c)]
			}
			return true
		}, nil)
	}
	if f.MinDegree > 0 {
		deg := make([]int, len(cur.Nodes))
		for i := range cur.Edges {
			deg[cur.Index(cur.Edges[i].Subject)]++
			deg[cur.Index(cur.Edges[i].Object)]++
		}
		keep := map[quad.IRI]bool{}
		for i := range cur.Nodes {
			if deg[i] >= f.MinDegree {
				keep[cur.Nodes[i].IRI] = true
			}
		}
		cur = cur.Subgraph(func(n *graph.Node) bool { return keep[n.IRI] }, nil)
	}
	if f.Top > 0 && f.Top < len(cur.Nodes) {
		order := make([]int, len(cur.Nodes))
		for i := range order {
			order[i] = i
		}
		rank := func(i int) float64 { v, _ := cur.Nodes[i].Metric("pagerank"); return v }
		sort.SliceStable(order, func(a, b int) bool { return rank(order[a]) > rank(order[b]) })
		keep := map[quad.IRI]bool{}
		for _, i := range order[:f.Top] {
			keep[cur.Nodes[i].IRI] = true
		}
		cur = cur.Subgraph(func(n *graph.Node) bool { return keep[n.IRI] }, nil)
	}
	if cur == s {
		cur = s.Subgraph(nil, nil)
	}
	cur.Documents = usedDocuments(cur)
	return cur, nil
}

// byDocuments keeps the entities the documents name and the relations they
// state, each relation with only their evidence.
func byDocuments(s *graph.Snapshot, ids map[string]bool) *graph.Snapshot {
	out := s.Subgraph(func(n *graph.Node) bool {
		for _, d := range n.Docs {
			if ids[d] {
				return true
			}
		}
		return false
	}, func(e *graph.Edge) bool {
		for _, ev := range e.Evidence {
			if ids[ev.Doc] {
				return true
			}
		}
		return false
	})
	for i := range out.Edges {
		e := &out.Edges[i]
		var ev []graph.Evidence
		for _, x := range e.Evidence {
			if ids[x.Doc] {
				ev = append(ev, x)
			}
		}
		e.Evidence = ev
	}
	for i := range out.Nodes {
		n := &out.Nodes[i]
		var docs []string
		for _, d := range n.Docs {
			if ids[d] {
				docs = append(docs, d)
			}
		}
		n.Docs = docs
	}
	return out
}

// usedDocuments returns the documents of s that a node or edge refers to.
func usedDocuments(s *graph.Snapshot) []graph.DocumentInfo {
	used := map[string]bool{}
	for i := range s.Nodes {
		for _, d := range s.Nodes[i].Docs {
			used[d] = true
		}
	}
	for i := range s.Edges {
		for _, ev := range s.Edges[i].Evidence {
			used[ev.Doc] = true
		}
	}
	var out []graph.DocumentInfo
	for _, d := range s.Documents {
		if used[d.ID] {
			out = append(out, d)
		}
	}
	return out
}

func checkCommunity(s *graph.Snapshot, id int) error {
	for _, c := range s.Communities {
		if c.ID == id {
			return nil
		}
	}
	for i := range s.Nodes {
		if c, ok := s.Nodes[i].Metric("community"); ok && int(c) == id {
			return nil
		}
	}
	if len(s.Communities) == 0 {
		return fmt.Errorf("no community %d: the graph has no communities (run the analysis first)", id)
	}
	var known []string
	for i, c := range s.Communities {
		if i == 8 {
			known = append(known, "…")
			break
		}
		known = append(known, fmt.Sprintf("%d %s (%d)", c.ID, c.Name, c.Size))
	}
	return fmt.Errorf("no community %d; there are %d, numbered 0–%d by size: %s", id, len(s.Communities), len(s.Communities)-1, strings.Join(known, ", "))
}

// ResolveEntity finds the entity a user means by name: an IRI
// (pg:park/…), an IRI without its pg: prefix (park/…), or a canonical name
// or alias compared after NFKC normalisation (so full- and half-width forms
// match). It is an error when nothing matches (the error lists close
// matches) or when a name is shared by several entities (the error lists
// them with their IRIs, which are unambiguous).
func ResolveEntity(s *graph.Snapshot, name string) (quad.IRI, error) {
	name = strings.TrimSpace(name)
	for _, iri := range []quad.IRI{quad.IRI(name), quad.IRI(graph.Prefix + name)} {
		if s.Index(iri) >= 0 {
			return iri, nil
		}
	}
	found := s.Find(name)
	switch len(found) {
	case 1:
		return found[0].IRI, nil
	case 0:
		close := closeMatches(s, name, 5)
		if len(close) == 0 {
			return "", fmt.Errorf("no entity named %q, and none with a similar name", name)
		}
		return "", fmt.Errorf("no entity named %q; close matches: %s", name, describe(close))
	}
	return "", fmt.Errorf("%q names %d entities: %s; give one of these IRIs instead", name, len(found), describe(found))
}

func describe(ns []*graph.Node) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprintf("%s (%s, %s)", n.Name, n.Type.Label(), string(n.IRI))
	}
	return strings.Join(parts, ", ")
}

// closeMatches returns up to max entities whose name or an alias contains
// the wanted name or is contained in it, or is within a small edit
// distance of it; the closest first, then by PageRank.
func closeMatches(s *graph.Snapshot, name string, max int) []*graph.Node {
	want := []rune(graph.NormalizeName(name))
	if len(want) == 0 {
		return nil
	}
	limit := len(want) / 3
	if limit < 1 {
		limit = 1
	}
	type hit struct {
		n     *graph.Node
		score int
	}
	var hits []hit
	for i := range s.Nodes {
		n := &s.Nodes[i]
		best := -1
		for _, form := range append([]string{n.Name}, n.Aliases...) {
			got := []rune(graph.NormalizeName(form))
			score := -1
			switch {
			case containsRunes(got, want) || containsRunes(want, got) && len(got) >= 2:
				score = abs(len(got) - len(want))
			default:
				if d := editDistance(got, want, limit); d <= limit {
					score = d
				}
			}
			if score >= 0 && (best < 0 || score < best) {
				best = score
			}
		}
		if best >= 0 {
			hits = append(hits, hit{n, best})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].score != hits[b].score {
			return hits[a].score < hits[b].score
		}
		ra, _ := hits[a].n.Metric("pagerank")
		rb, _ := hits[b].n.Metric("pagerank")
		return ra > rb
	})
	if len(hits) > max {
		hits = hits[:max]
	}
	out := make([]*graph.Node, len(hits))
	for i, h := range hits {
		out[i] = h.n
	}
	return out
}

func containsRunes(hay, needle []rune) bool {
	return strings.Contains(string(hay), string(needle))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// editDistance is the Levenshtein distance between a and b, or limit+1 when
// it is larger than limit.
func editDistance(a, b []rune, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// ResolveDocument finds a document by id, IRI, file path, file name
// without extension, or a prefix of the id that only one document has; an
// unknown one is an error listing close ids.
func ResolveDocument(s *graph.Snapshot, name string) (string, error) {
	name = strings.TrimSpace(name)
	if id, ok := graph.DocumentIDOf(quad.IRI(name)); ok {
		name = id
	}
	if d := s.Document(name); d != nil {
		return d.ID, nil
	}
	for _, d := range s.Documents {
		base := d.File[strings.LastIndexAny(d.File, `/\`)+1:]
		if d.File == name || base == name || strings.TrimSuffix(base, extOf(base)) == name {
			return d.ID, nil
		}
	}
	var prefixed []string
	for _, d := range s.Documents {
		if strings.HasPrefix(d.ID, name) {
			prefixed = append(prefixed, d.ID)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0], nil
	}
	var close []string
	for _, d := range s.Documents {
		if strings.Contains(d.ID, name) || strings.Contains(name, d.ID) || editDistance([]rune(d.ID), []rune(name), 3) <= 3 {
			close = append(close, d.ID)
		}
		if len(close) == 5 {
			break
		}
	}
	if len(close) > 0 {
		return "", fmt.Errorf("no document %q; close matches: %s", name, strings.Join(close, ", "))
	}
	return "", fmt.Errorf("no document %q among the %d stored", name, len(s.Documents))
}

func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		return name[i:]
	}
	return ""
}
