package graph_test

import (
	"fmt"

	"parkgraph/graph"
)

func ExampleEntityIRI() {
	fmt.Println(graph.EntityIRI(graph.Park, "新余高新区"))
	fmt.Println(graph.EntityIRI(graph.Enterprise, "梅特勒·托利多（常州）测量技术有限公司"))
	fmt.Println(graph.SentenceIRI("000_50c721a1e63a8171", 2))
	// Output:
	// <pg:park/新余高新区>
	// <pg:enterprise/梅特勒·托利多(常州)测量技术有限公司>
	// <pg:doc/000_50c721a1e63a8171#s2>
}
