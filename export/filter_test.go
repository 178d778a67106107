package export_test

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"parkgraph/export"
	"parkgraph/export/exporttest"
	"parkgraph/graph"
)

func names(s *graph.Snapshot) string {
	var ns []string
	for _, n := range s.Nodes {
		ns = append(ns, n.Name)
	}
	sort.Strings(ns)
	return strings.Join(ns, ",")
}

func filter(t *testing.T, settings ...[2]string) (*graph.Snapshot, error) {
	t.Helper()
	var f export.Filter
	for _, kv := range settings {
		if err := f.Set(kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	return f.Apply(exporttest.Snapshot())
}

func TestFilter(t *testing.T) {
	long := strings.Repeat("滇中新材料产业技术研究院", 12)
	for _, tc := range []struct {
		name     string
		settings [][2]string
		nodes    string // sorted names
		edges    int
	}{
		{"nothing", nil, "", 9},
		{"types", [][2]string{{"types", "Park,投资方"}}, "云岭高新区,星火产业基金,白沙园区", 2},
		{"predicates", [][2]string{{"predicates", "位于,part_of"}}, "", 3},
		{"ego depth 1 by alias", [][2]string{{"ego", "云南云岭高新区"}}, "云岭高新区,星火产业基金,白沙园区,青禾\"智造\"科技&<有限>公司", 3},
		{"ego depth 2", [][2]string{{"ego", "白沙园区"}, {"depth", "2"}}, "云岭高新区,年产5万吨正极材料项目,星火产业基金,白沙园区,青禾\"智造\"科技&<有限>公司," + long, 7},
		{"ego by full-width-insensitive name", [][2]string{{"ego", "pg:enterprise/星澜(昆明)光学有限公司"}}, "星澜(昆明)光学有限公司 ,星澜（昆明）光学有限公司", 1},
		{"ego keeps its centre under a type filter", [][2]string{{"ego", "云岭高新区"}, {"types", "Enterprise"}}, "云岭高新区,青禾\"智造\"科技&<有限>公司", 1},
		{"ego along predicates", [][2]string{{"ego", "云岭高新区"}, {"predicates", "part_of"}}, "云岭高新区,白沙园区", 1},
		{"community", [][2]string{{"community", "1"}}, "年产5万吨正极材料项目,星澜(昆明)光学有限公司 ,星澜（昆明）光学有限公司,星火产业基金," + long, 4},
		{"min-degree", [][2]string{{"min-degree", "3"}}, "云岭高新区,年产5万吨正极材料项目,星火产业基金", 3},
		{"top", [][2]string{{"top", "2"}}, "云岭高新区,青禾\"智造\"科技&<有限>公司", 1},
		{"doc", [][2]string{{"doc", "d1"}}, "", 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := filter(t, tc.settings...)
			if err != nil {
				t.Fatal(err)
			}
			want := names(exporttest.Snapshot())
			if tc.nodes != "" {
				ns := strings.Split(tc.nodes, ",")
				sort.Strings(ns)
				want = strings.Join(ns, ",")
			}
			if names(got) != want || len(got.Edges) != tc.edges {
				t.Errorf("kept %s and %d edges\nwant %s and %d", names(got), len(got.Edges), want, tc.edges)
			}
			for _, e := range got.Edges {
				if got.Index(e.Subject) < 0 || got.Index(e.Object) < 0 {
					t.Errorf("edge %s → %s lost an end", e.Subject, e.Object)
				}
			}
		})
	}
}

// TestFilterDocTrimsEvidence checks that --doc keeps only the evidence of
// the chosen articles and the documents referred to.
func TestFilterDocTrimsEvidence(t *testing.T) {
	s := exporttest.Snapshot()
	s.Documents = append(s.Documents, graph.DocumentInfo{ID: "d2", File: "d2.txt"})
	s.Edges[0].Evidence = append(s.Edges[0].Evidence, graph.Evidence{Sentence: graph.SentenceIRI("d2", 1), Doc: "d2", Text: "另一篇"})
	before := len(s.Edges[0].Evidence)
	f := export.Filter{Docs: []string{"d2.txt"}}
	got, err := f.Apply(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Edges) != 0 || len(got.Nodes) != 0 {
		t.Errorf("d2 names no entity, yet %d nodes and %d edges were kept", len(got.Nodes), len(got.Edges))
	}
	f = export.Filter{Docs: []string{"pg:doc/d1"}}
	got, _ = f.Apply(s)
	for _, e := range got.Edges {
		for _, ev := range e.Evidence {
			if ev.Doc != "d1" {
				t.Errorf("evidence from %s kept", ev.Doc)
			}
		}
	}
	if len(got.Documents) != 1 || got.Documents[0].ID != "d1" {
		t.Errorf("documents %v", got.Documents)
	}
	if len(s.Edges[0].Evidence) != before {
		t.Error("the filter changed the original snapshot")
	}
}

func TestFilterErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings [][2]string
		want     []string
	}{
		{"unknown type", [][2]string{{"types", "City"}}, []string{`unknown entity type "City"`}},
		{"unknown predicate", [][2]string{{"predicates", "owns"}}, []string{`unknown predicate "owns"`}},
		{"bad depth", [][2]string{{"depth", "0"}}, []string{"depth must be at least 1"}},
		{"bad number", [][2]string{{"top", "ten"}}, []string{`top wants a whole number`}},
		{"unknown ego", [][2]string{{"ego", "云岭高新"}}, []string{`no entity named "云岭高新"`, "close matches: 云岭高新区 (园区, pg:park/云岭高新区)"}},
		{"far-off ego", [][2]string{{"ego", "北京中关村"}}, []string{`no entity named "北京中关村", and none with a similar name`}},
		{"ambiguous ego", [][2]string{{"ego", "星澜(昆明)光学有限公司"}}, []string{"names 2 entities", "pg:enterprise/星澜(昆明)光学有限公司-半角", "give one of these IRIs"}},
		{"unknown community", [][2]string{{"community", "7"}}, []string{"no community 7; there are 2", "0 云岭高新区 (4)"}},
		{"unknown document", [][2]string{{"doc", "x1"}}, []string{`no document "x1"`, "close matches: d1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := filter(t, tc.settings...)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func ExampleFilter() {
	var f export.Filter
	f.Set("ego", "白沙园区")
	f.Set("types", "Park")
	part, err := f.Apply(exporttest.Snapshot())
	if err != nil {
		panic(err)
	}
	for _, n := range part.Nodes {
		fmt.Println(n.Name, n.Type.Label())
	}
	// Output:
	// 云岭高新区 园区
	// 白沙园区 园区
}
