// Package exporttest holds what the exporters' tests share: a small
// snapshot with awkward content (quotes, ampersands, angle brackets, control
// characters, emoji, very long names, names differing only by width, two
// relations between the same pair of entities), a generator of large
// snapshots of realistic shape, a writer that fails, and Conformance, the
// checks every format must pass.
package exporttest

import (
	"sort"
	"strings"
	"time"

	"parkgraph/graph"
)

// Snapshot returns a fresh fixture snapshot with analysis results attached.
func Snapshot() *graph.Snapshot {
	park := graph.EntityRef{Type: graph.Park, Name: "云岭高新区"}
	sub := graph.EntityRef{Type: graph.Park, Name: "白沙园区"}
	ent := graph.EntityRef{Type: graph.Enterprise, Name: `青禾"智造"科技&<有限>公司`}
	wide := graph.EntityRef{Type: graph.Enterprise, Name: "星澜（昆明）光学有限公司"}
	narrow := graph.EntityRef{Type: graph.Enterprise, Name: "星澜(昆明)光学有限公司 "} // differs from wide only by width and a space
	long := graph.EntityRef{Type: graph.Institution, Name: strings.Repeat("滇中新材料产业技术研究院", 12)}
	emoji := graph.EntityRef{Type: graph.Honor, Name: "瞪羚企业🦌\x01"}
	fund := graph.EntityRef{Type: graph.Investor, Name: "星火产业基金"}
	proj := graph.EntityRef{Type: graph.Project, Name: "年产5万吨正极材料项目"}
	node := func(r graph.EntityRef, iri string, pr float64, comm int, aliases ...string) graph.Node {
		sort.Strings(aliases)
		n := graph.Node{IRI: r.IRI(), Type: r.Type, Name: r.Name, Aliases: aliases, Docs: []string{"d1"}}
		if iri != "" {
			n.IRI = graph.EntityIRI(r.Type, iri)
		}
		n.SetMetric("pagerank", pr)
		n.SetMetric("degree", 2)
		n.SetMetric("community", float64(comm))
		n.Community = "云岭高新区"
		return n
	}
	nodes := []graph.Node{
		node(park, "", 0.3, 0, "高新区", "云南云岭高新区"),
		node(sub, "", 0.1, 0),
		node(ent, "", 0.2, 0),
		node(wide, "", 0.05, 1),
		node(narrow, "星澜(昆明)光学有限公司-半角", 0.05, 1), // distinct IRI for the half-width twin
		node(long, "", 0.1, 1),
		node(emoji, "", 0.1, 0),
		node(fund, "", 0.05, 1),
		node(proj, "", 0.05, 1),
	}
	ev := func(i int, text string) []graph.Evidence {
		return []graph.Evidence{{Sentence: graph.SentenceIRI("d1", i), Doc: "d1", Text: text}}
	}
	edges := []graph.Edge{
		{Subject: ent.IRI(), Predicate: graph.LocatedIn, Object: park.IRI(), Evidence: append(ev(1, "位于云岭高新区的青禾\"智造\"科技&<有限>公司……"), ev(3, "第二句 <b>& \x02控制符")...)},
		{Subject: ent.IRI(), Predicate: graph.Awarded, Object: emoji.IRI(), Evidence: ev(8, "上榜“瞪羚企业🦌”。"), Year: 2023},
		{Subject: sub.IRI(), Predicate: graph.PartOf, Object: park.IRI(), Evidence: ev(2, "云岭高新区白沙园区")},
		{Subject: park.IRI(), Predicate: graph.InvestsIn, Object: fund.IRI(), Evidence: ev(4, "出资2亿元"), Amount: graph.Amount{Text: "2亿元", Yuan: 2e8}},
		{Subject: wide.IRI(), Predicate: graph.PartnersWith, Object: graph.EntityIRI(graph.Enterprise, "星澜(昆明)光学有限公司-半角"), Evidence: ev(5, "合作")},
		{Subject: long.IRI(), Predicate: graph.Builds, Object: proj.IRI(), Evidence: ev(6, "建设")},
		{Subject: proj.IRI(), Predicate: graph.LocatedIn, Object: sub.IRI()},
		// two relations between the same pair: readers must keep both
		{Subject: fund.IRI(), Predicate: graph.InvestsIn, Object: proj.IRI(), Evidence: ev(7, "基金投资该项目并参与建设")},
		{Subject: fund.IRI(), Predicate: graph.Builds, Object: proj.IRI(), Evidence: ev(7, "基金投资该项目并参与建设")},
	}
	docs := []graph.DocumentInfo{{ID: "d1", File: "d1.txt", Title: "测试", Hash: "00", Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}}
	s := graph.NewSnapshot(nodes, edges, docs)
	s.Communities = []graph.Community{{ID: 0, Name: "云岭高新区", Size: 4}, {ID: 1, Name: "星澜（昆明）光学有限公司", Size: 5}}
	return s
}

// FailingWriter fails every write after the first n bytes.
type FailingWriter struct {
	N       int
	written int
}

// ErrWrite is the error FailingWriter returns.
var ErrWrite = errorString("exporttest: write failed")

type errorString string

func (e errorString) Error() string { return string(e) }

func (w *FailingWriter) Write(p []byte) (int, error) {
	if w.written+len(p) > w.N {
		k := w.N - w.written
		if k < 0 {
			k = 0
		}
		w.written += k
		return k, ErrWrite
	}
	w.written += len(p)
	return len(p), nil
}
