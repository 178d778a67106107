// Package resolve decides which entities of different documents are one
// organisation named in different ways.
//
// The extractor already ties the names one article uses for one entity
// together (a full name and the short form it introduces). Across articles
// the same organisation turns up under its full registered name in one
// (云南青禾科技有限公司), its name without the province in another
// (青禾科技有限公司) and its short name in a third (青禾科技). Resolve groups
// such entities by their core name: the name without a leading province and
// without the legal form (有限公司, 股份有限公司, …). It never merges
// entities whose names carry different provinces (江西青禾科技有限公司 and
// 云南青禾科技有限公司 stay two), and a bare short form that could belong to
// either of them stays on its own. A short form shared by two organisations
// with different core names (青禾 for both 青禾科技 and 青禾生物) ties
// nothing together.
//
// Rules written by a person override the automatic decisions: a merge rule
// makes the entities it names one (its first name becomes the canonical
// one); a split rule keeps the entities it names apart.
package resolve

import (
	"bufio"
	_ "embed"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"parkgraph/graph"
)

// Entity is one entity node as the store holds it.
type Entity struct {
	IRI     quad.IRI
	Type    graph.EntityType
	Name    string
	Aliases []string // other forms the documents used
	Docs    []string // IDs of the documents naming it
}

// Cluster is a group of entities that are one organisation.
type Cluster struct {
	Canonical quad.IRI // the node the others are merged into
	Type      graph.EntityType
	Name      string     // canonical name
	Members   []quad.IRI // every entity of the cluster, the canonical one included, sorted
	Aliases   []string   // every other name and alias, sorted
	Docs      []string   // documents naming any member, sorted
	Rule      bool       // a merge rule made or shaped this cluster
}

// resolvable reports whether entities of type t are merged across documents.
// Honours with and without a province are different titles (云南省专精特新
// vs 专精特新), and project names are too loose to compare.
func resolvable(t graph.EntityType) bool {
	switch t {
	case graph.Enterprise, graph.Institution, graph.Investor, graph.Park:
		return true
	}
	return false
}

// Resolve returns the clusters of two or more entities among ents, sorted by
// canonical IRI. rules may be nil.
func Resolve(ents []Entity, rules *Rules) []Cluster {
	ents = append([]Entity(nil), ents...)
	sort.Slice(ents, func(i, j int) bool { return ents[i].IRI < ents[j].IRI })
	n := len(ents)
	uf := newUnionFind(n)

	byName := map[string][]int{} // normalised name → entities
	for i, e := range ents {
		k := graph.NormalizeName(e.Name)
		byName[k] = append(byName[k], i)
	}
	find := func(name string) []int { return byName[graph.NormalizeName(name)] }

	// Split rules: entities that must stay apart.
	if rules != nil {
		for _, g := range rules.Split {
			var sets [][]int
			for _, name := range g.Names {
				sets = append(sets, find(name))
			}
			for a := range sets {
				for b := a + 1; b < len(sets); b++ {
					for _, x := range sets[a] {
						for _, y := range sets[b] {
							uf.forbid(x, y)
						}
					}
				}
			}
		}
	}
	// Merge rules come before the automatic ones and win over them.
	preferred := map[int]bool{}
	ruled := map[int]bool{}
	if rules != nil {
		for _, g := range rules.Merge {
			var all []int
			for j, name := range g.Names {
				for _, x := range find(name) {
					all = append(all, x)
					ruled[x] = true
					if j == 0 {
						preferred[x] = true
					}
				}
			}
			for _, x := range all[min(1, len(all)):] {
				uf.union(all[0], x)
			}
		}
	}

	// Automatic: entities sharing a core name, unless the core is ambiguous.
	info := make([]entityKeys, n)
	holders := map[keyOf][]int{}
	for i, e := range ents {
		if !resolvable(e.Type) {
			continue
		}
		info[i] = keysOf(e)
		for _, k := range info[i].keys {
			kk := keyOf{e.Type, k}
			holders[kk] = append(holders[kk], i)
		}
	}
	keys := make([]keyOf, 0, len(holders))
	for k := range holders {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].t != keys[j].t {
			return keys[i].t < keys[j].t
		}
		return keys[i].core < keys[j].core
	})
	for _, k := range keys {
		hs := holders[k]
		if len(hs) < 2 {
			continue
		}
		// A short form shared by entities of different core names names
		// none of them for sure.
		others := map[string]bool{}
		for _, h := range hs {
			if c := info[h].nameCore; c != k.core {
				others[c] = true
			}
		}
		if len(others) > 1 {
			continue
		}
		regions := map[string][]int{}
		conflict := false
		var plain []int
		for _, h := range hs {
			switch r := info[h].region; r {
			case "":
				plain = append(plain, h)
			case conflictRegion:
				conflict = true
			default:
				regions[r] = append(regions[r], h)
			}
		}
		if len(regions) <= 1 && !conflict {
			for _, h := range hs[1:] {
				uf.union(hs[0], h)
			}
			continue
		}
		// Different provinces: merge within each; the bare forms could be
		// any of them and stay alone.
		for _, g := range regions {
			for _, h := range g[1:] {
				uf.union(g[0], h)
			}
		}
	}

	groups := map[int][]int{}
	for i := range ents {
		r := uf.find(i)
		groups[r] = append(groups[r], i)
	}
	var out []Cluster
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		out = append(out, makeCluster(ents, g, preferred, ruled))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Canonical < out[j].Canonical })
	return out
}

func makeCluster(ents []Entity, g []int, preferred, ruled map[int]bool) Cluster {
	best := g[0]
	for _, i := range g[1:] {
		if better(ents[i], preferred[i], ents[best], preferred[best]) {
			best = i
		}
	}
	c := Cluster{Canonical: ents[best].IRI, Type: ents[best].Type, Name: ents[best].Name}
	names, docs := map[string]bool{}, map[string]bool{}
	for _, i := range g {
		e := ents[i]
		c.Members = append(c.Members, e.IRI)
		c.Rule = c.Rule || ruled[i]
		names[e.Name] = true
		for _, a := range e.Aliases {
			names[a] = true
		}
		for _, d := range e.Docs {
			docs[d] = true
		}
	}
	delete(names, c.Name)
	c.Aliases = slices.Sorted(maps.Keys(names))
	c.Docs = slices.Sorted(maps.Keys(docs))
	sort.Slice(c.Members, func(i, j int) bool { return c.Members[i] < c.Members[j] })
	return c
}

// better reports whether a makes a better canonical name than b: a name a
// merge rule put first, else the fullest (longest) name, else the first in
// order.
func better(a Entity, ap bool, b Entity, bp bool) bool {
	if ap != bp {
		return ap
	}
	la, lb := utf8.RuneCountInString(a.Name), utf8.RuneCountInString(b.Name)
	if la != lb {
		return la > lb
	}
	return a.IRI < b.IRI
}

type keyOf struct {
	t    graph.EntityType
	core string
}

// conflictRegion marks an entity whose names carry two provinces.
const conflictRegion = "\x00conflict"

type entityKeys struct {
	keys     []string // core names of the name and every alias
	nameCore string   // core name of the canonical name
	region   string   // the province its names carry, "" or conflictRegion
}

func keysOf(e Entity) entityKeys {
	var k entityKeys
	seen := map[string]bool{}
	regions := map[string]bool{}
	for i, f := range append([]string{e.Name}, e.Aliases...) {
		core, region := Core(f)
		if region != "" {
			regions[region] = true
		}
		if i == 0 {
			k.nameCore = core
		}
		if utf8.RuneCountInString(core) < 2 || seen[core] {
			continue
		}
		seen[core] = true
		k.keys = append(k.keys, core)
	}
	switch len(regions) {
	case 0:
	case 1:
		for r := range regions {
			k.region = r
		}
	default:
		k.region = conflictRegion
	}
	return k
}

// Core splits a name into its core and the province it names, if any:
// 云南省青禾科技有限公司 → 青禾科技, 云南; 青禾科技（云南）有限公司 → 青禾科技,
// 云南. The province is given in its short form.
func Core(name string) (core, region string) {
	s := graph.NormalizeName(name)
	// A province in brackets before the legal form: 青禾科技(云南)有限公司.
	if i := strings.IndexByte(s, '('); i > 0 {
		if j := strings.IndexByte(s[i:], ')'); j > 0 {
			if r, ok := provinceNamed(s[i+1 : i+j]); ok {
				region = r
				s = s[:i] + s[i+j+1:]
			}
		}
	}
	for _, suf := range suffixes { // longest first
		if strings.HasSuffix(s, suf) {
			if len(s) > len(suf) {
				s = strings.TrimSuffix(s, suf)
			}
			break
		}
	}
	if r, rest := stripProvince(s); r != "" && utf8.RuneCountInString(rest) >= 2 {
		if region == "" {
			region = r
		} else if region != r {
			region = conflictRegion
		}
		s = rest
	}
	return s, region
}

func stripProvince(s string) (region, rest string) {
	best := ""
	for _, p := range provinceForms {
		if len(p.form) > len(best) && strings.HasPrefix(s, p.form) {
			best, region = p.form, p.short
		}
	}
	return region, s[len(best):]
}

func provinceNamed(s string) (string, bool) {
	for _, p := range provinceForms {
		if s == p.form {
			return p.short, true
		}
	}
	return "", false
}

//go:embed regions.txt
var regionsTxt string

//go:embed suffixes.txt
var suffixesTxt string

type provinceForm struct{ form, short string }

var provinceForms, suffixes = func() ([]provinceForm, []string) {
	var ps []provinceForm
	for _, line := range dataLines(regionsTxt) {
		f := strings.Fields(line)
		short := f[len(f)-1]
		for _, form := range f {
			ps = append(ps, provinceForm{form, short})
		}
	}
	sufs := dataLines(suffixesTxt)
	sort.SliceStable(sufs, func(i, j int) bool { return len(sufs[i]) > len(sufs[j]) })
	return ps, sufs
}()

func dataLines(s string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// unionFind is a disjoint-set forest whose unions respect cannot-link pairs.
type unionFind struct {
	parent []int
	pairs  [][2]int // elements that must stay apart
}

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{parent: p}
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *unionFind) forbid(a, b int) {
	if a != b {
		u.pairs = append(u.pairs, [2]int{a, b})
	}
}

// union joins the sets of a and b unless that would put a forbidden pair
// together. The smaller root joins the larger so the result does not depend
// on the order of calls within a set.
func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	for _, p := range u.pairs {
		fa, fb := u.find(p[0]), u.find(p[1])
		if (fa == ra && fb == rb) || (fa == rb && fb == ra) {
			return
		}
	}
	if ra < rb {
		ra, rb = rb, ra
	}
	u.parent[ra] = rb
}
