package diagram_test

import (
	"fmt"

	"parkgraph/diagram"
	"parkgraph/graph"
)

func ExampleBuild() {
	park := graph.EntityRef{Type: graph.Park, Name: "东湖高新区"}
	firm := graph.EntityRef{Type: graph.Enterprise, Name: "星河电子科技有限公司"}
	honour := graph.EntityRef{Type: graph.Honor, Name: "瞪羚企业"}
	var nodes []graph.Node
	for _, r := range []graph.EntityRef{park, firm, honour} {
		nodes = append(nodes, graph.Node{IRI: r.IRI(), Type: r.Type, Name: r.Name})
	}
	ev := func(text string) []graph.Evidence {
		return []graph.Evidence{{Sentence: graph.SentenceIRI("d1", 1), Doc: "d1", Text: text}}
	}
	s := graph.NewSnapshot(nodes, []graph.Edge{
		{Subject: firm.IRI(), Predicate: graph.LocatedIn, Object: park.IRI(), Evidence: ev("位于东湖高新区的星河电子科技有限公司获评瞪羚企业。")},
		{Subject: firm.IRI(), Predicate: graph.Awarded, Object: honour.IRI(), Evidence: ev("位于东湖高新区的星河电子科技有限公司获评瞪羚企业。")},
	}, []graph.DocumentInfo{{ID: "d1", Title: "东湖高新区简报"}})

	d, err := diagram.Build(s, diagram.Options{Ego: "东湖高新区", Depth: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Title, "·", d.Subtitle)
	for _, n := range d.Nodes {
		fmt.Println(n.ID, n.Type.Label(), n.Lines)
	}
	for _, e := range d.Edges {
		fmt.Println(e.ID, d.Nodes[e.From].Name, e.Label, d.Nodes[e.To].Name)
	}
	fmt.Println(d.SourceLine())

	_, err = diagram.Build(s, diagram.Options{Ego: "东湖"})
	fmt.Println(err)
	// Output:
	// 东湖高新区关系图 · 二度关联 · 2 个实体 · 2 条关系
	// n0 园区 [东湖高新区]
	// n1 企业 [星河电子科技有限公司]
	// n2 荣誉 [瞪羚企业]
	// e0 星河电子科技有限公司 位于 东湖高新区
	// e1 星河电子科技有限公司 获评 瞪羚企业
	// 来源：《东湖高新区简报》
	// no entity is named "东湖"; close matches: 东湖高新区（园区）
}
