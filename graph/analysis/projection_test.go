package analysis_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"parkgraph/export"
	pgcsv "parkgraph/export/csv"
	"parkgraph/graph"
	"parkgraph/graph/analysis"
)

func projectionSnapshot() *graph.Snapshot {
	ent := func(t graph.EntityType, name string) graph.EntityRef { return graph.EntityRef{Type: t, Name: name} }
	e1, e2, e3 := ent(graph.Enterprise, "甲公司"), ent(graph.Enterprise, "乙公司"), ent(graph.Enterprise, "丙公司")
	h := ent(graph.Honor, "瞪羚企业")
	p1, p2 := ent(graph.Park, "东园"), ent(graph.Park, "西园")
	i1, i2 := ent(graph.Investor, "一号基金"), ent(graph.Investor, "二号基金")
	x := ent(graph.Institution, "某大学")
	var nodes []graph.Node
	for _, r := range []graph.EntityRef{e1, e2, e3, h, p1, p2, i1, i2, x} {
		nodes = append(nodes, graph.Node{IRI: r.IRI(), Type: r.Type, Name: r.Name})
	}
	rel := func(s graph.EntityRef, p graph.Predicate, o graph.EntityRef) graph.Edge {
		return graph.Edge{Subject: s.IRI(), Predicate: p, Object: o.IRI()}
	}
	edges := []graph.Edge{
		rel(e1, graph.Awarded, h), rel(e2, graph.Awarded, h), rel(e3, graph.Awarded, h),
		rel(e1, graph.LocatedIn, p1), rel(e2, graph.LocatedIn, p1), rel(e3, graph.LocatedIn, p2), rel(e3, graph.LocatedIn, p1),
		rel(i1, graph.InvestsIn, e1), rel(i1, graph.InvestsIn, e2), rel(i2, graph.InvestsIn, e1), rel(i2, graph.InvestsIn, e2),
		rel(x, graph.PartnersWith, p1), rel(x, graph.PartnersWith, p2),
	}
	return graph.NewSnapshot(nodes, edges, nil)
}

// weights maps "a predicate b" (names, a < b by IRI) to the edge weight.
func weights(s *graph.Snapshot) map[string]int {
	out := map[string]int{}
	for _, e := range s.Edges {
		out[s.Node(e.Subject).Name+" "+string(e.Predicate)+" "+s.Node(e.Object).Name] = e.Weight()
	}
	return out
}

func TestProjections(t *testing.T) {
	s := projectionSnapshot()
	for _, tc := range []struct {
		name string
		want map[string]int
	}{
		{"enterprises", map[string]int{
			"丙公司 shares_honor 乙公司": 1, "丙公司 shares_honor 甲公司": 1, "乙公司 shares_honor 甲公司": 1,
			"丙公司 shares_park 乙公司": 1, "丙公司 shares_park 甲公司": 1, "乙公司 shares_park 甲公司": 1,
			"乙公司 shares_investor 甲公司": 2,
		}},
		{"enterprises-by-investor", map[string]int{"乙公司 shares_investor 甲公司": 2}},
		{"investors", map[string]int{"一号基金 co_invests 二号基金": 2}},
		{"parks", map[string]int{"东园 shares_enterprise 西园": 1, "东园 shares_partner 西园": 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := analysis.ProjectionByName(tc.name)
			if err != nil {
				t.Fatal(err)
			}
			res := analysis.Project(s, p, analysis.ProjectOptions{})
			got := weights(res.Snapshot)
			if len(got) != len(tc.want) {
				t.Errorf("edges = %v, want %v", got, tc.want)
			}
			for k, w := range tc.want {
				if got[k] != w {
					t.Errorf("%s: weight %d, want %d (all: %v)", k, got[k], w, got)
				}
			}
			for i := range res.Nodes {
				if res.Nodes[i].Type != p.Keep {
					t.Errorf("projection keeps %s of type %s", res.Nodes[i].Name, res.Nodes[i].Type)
				}
			}
		})
	}
	if _, err := analysis.ProjectionByName("firms"); err == nil || !strings.Contains(err.Error(), "enterprises") {
		t.Errorf("unknown projection error = %v", err)
	}
	// A shared neighbour above the limit links nobody.
	p, _ := analysis.ProjectionByName("enterprises-by-honour")
	res := analysis.Project(s, p, analysis.ProjectOptions{MaxShared: 2})
	if len(res.Edges) != 0 || len(res.Skipped) != 1 {
		t.Errorf("with MaxShared 2: %d edges, skipped %v; want none and the honour", len(res.Edges), res.Skipped)
	}
}

// TestProjectionExports analyses a projection and writes it like the main
// graph: the CSV edge table carries the projection's predicate and weight.
func TestProjectionExports(t *testing.T) {
	p, _ := analysis.ProjectionByName("enterprises")
	res := analysis.Project(projectionSnapshot(), p, analysis.ProjectOptions{})
	rep := analysis.Analyze(res.Snapshot, analysis.DefaultOptions())
	if rep.Nodes != 3 || len(rep.Communities) == 0 {
		t.Fatalf("analysis of the projection = %+v", rep)
	}
	var nodes, edges bytes.Buffer
	if err := pgcsv.NewEncoder(&nodes, &edges, export.Options{}).Encode(res.Snapshot); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&edges).ReadAll()
	if err != nil {
		t.Fatalf("edges table does not parse back: %v", err)
	}
	found := false
	for _, r := range rows[1:] {
		if r[2] != "Undirected" {
			t.Errorf("projection edge %v is not undirected", r)
		}
		if r[4] == "同投资方" {
			found = r[5] == "2"
		}
	}
	if !found || len(rows) != 8 {
		t.Errorf("edges table lacks the shared-investor edge of weight 2 (or has %d rows, want 8):\n%s", len(rows), rows)
	}
	nrows, err := csv.NewReader(&nodes).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(nrows[0], ","), "pagerank") || len(nrows) != 4 {
		t.Errorf("nodes table = %v, want a pagerank column and three enterprises", nrows)
	}
}

func ExampleProject() {
	p, _ := analysis.ProjectionByName("investors")
	res := analysis.Project(projectionSnapshot(), p, analysis.ProjectOptions{})
	for _, e := range res.Edges {
		fmt.Printf("%s —%s— %s, weight %d\n", res.Node(e.Subject).Name, e.Predicate.Label(), res.Node(e.Object).Name, e.Weight())
	}
	// Output: 一号基金 —共同投资— 二号基金, weight 2
}
