package queries_test

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"parkgraph/graph/store"
	"parkgraph/queries"
)

// A saved query run with a parameter. The enterprise is located in the
// park by two sentences, and listed once.
func ExampleRun() {
	st, _ := store.Open("memory:")
	defer st.Close()
	qw, _ := cgraph.NewQuadWriter("single", st.QuadStore(), nil)
	qw.AddQuadSet([]quad.Quad{
		quad.MakeIRI("pg:enterprise/甲公司", "pg:type", "pg:Enterprise", "pg:doc/a#s0"),
		quad.Make(quad.IRI("pg:enterprise/甲公司"), quad.IRI("pg:name"), "甲公司", quad.IRI("pg:doc/a#s0")),
		quad.MakeIRI("pg:enterprise/甲公司", "pg:located_in", "pg:park/示例高新区", "pg:doc/a#s0"),
		quad.MakeIRI("pg:enterprise/甲公司", "pg:located_in", "pg:park/示例高新区", "pg:doc/b#s3"),
	})
	q, _ := queries.Get("enterprises_of_park")
	res, err := queries.Run(context.Background(), st.QuadStore(), q.Source, map[string]any{"park": "pg:park/示例高新区"}, 100)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range res {
		fmt.Println(r.(map[string]any)["name"])
	}
	// Output: 甲公司
}
