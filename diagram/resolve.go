package diagram

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// NameError says that a name given for a diagram names no entity, or more
// than one. Candidates are the entities it names (ambiguous) or the closest
// names (unknown), best first.
type NameError struct {
	Name       string
	Ambiguous  bool
	Candidates []Candidate
}

// Candidate is an entity offered for a name.
type Candidate struct {
	IRI  quad.IRI
	Type graph.EntityType
	Name string // canonical name
	Via  string // the alias that matched, "" when the canonical name did
}

func (c Candidate) String() string {
	s := c.Name + "（" + c.Type.Label()
	if c.Via != "" {
		s += "，别名 " + c.Via
	}
	return s + "）"
}

func (e *NameError) Error() string {
	var b strings.Builder
	if e.Ambiguous {
		fmt.Fprintf(&b, "%q names %d entities: ", e.Name, len(e.Candidates))
		for i, c := range e.Candidates {
			if i > 0 {
				b.WriteString("; ")
			}
			fmt.Fprintf(&b, "%s as %s:%s or %s", c.String(), c.Type.Label(), c.Name, c.IRI)
		}
		b.WriteString(" — give one of those forms")
		return b.String()
	}
	fmt.Fprintf(&b, "no entity is named %q", e.Name)
	if len(e.Candidates) == 0 {
		b.WriteString(" and no name is close to it")
		return b.String()
	}
	b.WriteString("; close matches: ")
	for i, c := range e.Candidates {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.String())
	}
	return b.String()
}

// maxCandidates is how many close matches an unknown name lists.
const maxCandidates = 6

// Resolve finds the entity a name stands for: an IRI ("pg:park/新余高新区"),
// a canonical name or alias, or either qualified by a type ("园区:新余高新区",
// "park:新余高新区"). It returns the node's index, or a *NameError.
func Resolve(s *graph.Snapshot, name string) (int, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return -1, &NameError{Name: name}
	}
	if strings.HasPrefix(name, graph.Prefix) {
		if i := s.Index(quad.IRI(name)); i >= 0 {
			return i, nil
		}
	}
	var want graph.EntityType
	bare := name
	if i := strings.IndexAny(name, ":："); i > 0 && !strings.HasPrefix(name, graph.Prefix) {
		if t, err := graph.ParseEntityType(strings.TrimSpace(name[:i])); err == nil {
			want = t
			_, size := firstRune(name[i:])
			bare = strings.TrimSpace(name[i+size:])
		}
	}
	var found []*graph.Node
	for _, n := range s.Find(bare) {
		if want == "" || n.Type == want {
			found = append(found, n)
		}
	}
	switch len(found) {
	case 1:
		return s.Index(found[0].IRI), nil
	case 0:
		return -1, &NameError{Name: name, Candidates: closeMatches(s, bare, want)}
	}
	e := &NameError{Name: name, Ambiguous: true}
	for _, n := range found {
		e.Candidates = append(e.Candidates, Candidate{IRI: n.IRI, Type: n.Type, Name: n.Name, Via: matchedAlias(n, bare)})
	}
	return -1, e
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

func matchedAlias(n *graph.Node, name string) string {
	want := graph.NormalizeName(name)
	if graph.NormalizeName(n.Name) == want {
		return ""
	}
	for _, a := range n.Aliases {
		if graph.NormalizeName(a) == want {
			return a
		}
	}
	return ""
}

// closeMatches ranks the entities whose canonical name or an alias contains
// the name, is contained in it, or is a few edits away from it.
func closeMatches(s *graph.Snapshot, name string, want graph.EntityType) []Candidate {
	q := []rune(graph.NormalizeName(name))
	if len(q) == 0 {
		return nil
	}
	limit := len(q) / 3
	if limit < 1 {
		limit = 1
	}
	type scored struct {
		c     Candidate
		score int // lower is closer
		rank  float64
	}
	var all []scored
	for i := range s.Nodes {
		n := &s.Nodes[i]
		if want != "" && n.Type != want {
			continue
		}
		best, via := -1, ""
		for j, form := range append([]string{n.Name}, n.Aliases...) {
			f := []rune(graph.NormalizeName(form))
			var sc int
			switch {
			case containsRunes(f, q) || containsRunes(q, f) && len(f) >= 2:
				sc = abs(len(f) - len(q)) // a part of the name, or the name in part
			default:
				d := editDistance(q, f)
				if d > limit {
					continue
				}
				sc = 100 + d
			}
			if best < 0 || sc < best {
				best = sc
				via = ""
				if j > 0 {
					via = form
				}
			}
		}
		if best >= 0 {
			pr := pagerank(n)
			all = append(all, scored{Candidate{IRI: n.IRI, Type: n.Type, Name: n.Name, Via: via}, best, pr})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.score != b.score {
			return a.score < b.score
		}
		if a.rank != b.rank {
			return a.rank > b.rank
		}
		return a.c.IRI < b.c.IRI
	})
	var out []Candidate
	for i := 0; i < len(all) && i < maxCandidates; i++ {
		out = append(out, all[i].c)
	}
	return out
}

func containsRunes(hay, needle []rune) bool {
	return strings.Contains(string(hay), string(needle))
}

// editDistance is the Levenshtein distance between two rune strings.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
