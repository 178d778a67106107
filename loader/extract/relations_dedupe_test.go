package extract

import (
	"fmt"
	"testing"

	"parkgraph/graph"
)

// TestRelationsKeptOnce checks that a relation found more than once in a
// sentence is kept once, as first found (its year and amount), in sentence
// order, for sentences of few relations and of many.
func TestRelationsKeptOnce(t *testing.T) {
	for _, firms := range []int{3, 40} {
		d := &doc{buf: new(docBuffers)}
		park := len(d.ents)
		d.ents = append(d.ents, &entity{typ: graph.Park, name: "青禾高新区"})
		var facts []fact
		var want []string
		for i := range firms {
			d.ents = append(d.ents, &entity{typ: graph.Enterprise, name: fmt.Sprintf("青禾%02d有限公司", i)})
		}
		// Sentence 5 first, then sentence 2: each firm placed twice in
		// sentence 5 (the second time with another year), once in 2.
		for round := range 2 {
			for i := range firms {
				facts = append(facts, fact{s: 1 + i, o: park, p: graph.LocatedIn, sentence: 5, year: 2020 + round})
			}
		}
		for i := range firms {
			facts = append(facts, fact{s: 1 + i, o: park, p: graph.LocatedIn, sentence: 2, year: 2019})
			want = append(want, fmt.Sprintf("2 青禾%02d有限公司 2019", i))
		}
		for i := range firms {
			want = append(want, fmt.Sprintf("5 青禾%02d有限公司 2020", i))
		}
		var got []string
		for _, r := range d.toRelations(facts) {
			got = append(got, fmt.Sprintf("%d %s %d", r.Sentence, r.Subject.Name, r.Year))
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%d firms: got %v, want %v", firms, got, want)
		}
	}
}
