package resolve_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"parkgraph/graph"
	"parkgraph/graph/resolve"
)

func ent(t graph.EntityType, name string, doc string, aliases ...string) resolve.Entity {
	return resolve.Entity{IRI: graph.EntityIRI(t, name), Type: t, Name: name, Aliases: aliases, Docs: []string{doc}}
}

// groups renders clusters as "canonical=alias,alias" sorted by canonical IRI.
func groups(cs []resolve.Cluster) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name+"="+strings.Join(c.Aliases, ","))
	}
	return strings.Join(out, "; ")
}

func TestResolve(t *testing.T) {
	E, I, H := graph.Enterprise, graph.Institution, graph.Honor
	for _, tc := range []struct {
		name string
		ents []resolve.Entity
		want string
	}{
		{"full, plain and short forms", []resolve.Entity{
			ent(E, "云南青禾科技有限公司", "a"), ent(E, "青禾科技有限公司", "b"), ent(E, "青禾科技", "c"),
		}, "云南青禾科技有限公司=青禾科技,青禾科技有限公司"},
		{"province with 省 and a legal form of its own", []resolve.Entity{
			ent(E, "云南省青禾科技股份有限公司", "a"), ent(E, "青禾科技有限公司", "b"),
		}, "云南省青禾科技股份有限公司=青禾科技有限公司"},
		{"province in brackets", []resolve.Entity{
			ent(E, "青禾科技（云南）有限公司", "a"), ent(E, "云南青禾科技有限公司", "b"),
		}, "青禾科技（云南）有限公司=云南青禾科技有限公司"},
		{"two provinces stay apart, the bare form joins neither", []resolve.Entity{
			ent(E, "江西白鹭精工有限公司", "a"), ent(E, "云南白鹭精工有限公司", "b"), ent(E, "白鹭精工", "c"),
			ent(E, "江西白鹭精工股份有限公司", "d"),
		}, "江西白鹭精工股份有限公司=江西白鹭精工有限公司"},
		{"a short form two companies share", []resolve.Entity{
			ent(E, "青禾科技有限公司", "a", "青禾"), ent(E, "青禾生物有限公司", "b", "青禾"), ent(E, "青禾", "c"),
		}, ""},
		{"an alias one article defined", []resolve.Entity{
			ent(E, "江西赣锋锂业集团股份有限公司", "a", "赣锋锂业"), ent(E, "赣锋锂业", "b"),
		}, "江西赣锋锂业集团股份有限公司=赣锋锂业"},
		{"a group and its company are two", []resolve.Entity{
			ent(E, "青禾集团", "a"), ent(E, "青禾科技有限公司", "b"),
		}, ""},
		{"different types never merge", []resolve.Entity{
			ent(E, "青禾科技有限公司", "a"), ent(I, "青禾科技", "b"),
		}, ""},
		{"honours with a province are other honours", []resolve.Entity{
			ent(H, "云南省专精特新中小企业", "a"), ent(H, "专精特新中小企业", "b"),
		}, ""},
		{"a province alone is no core", []resolve.Entity{
			ent(E, "云南有限公司", "a"), ent(E, "云南省有限公司", "b"),
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := groups(resolve.Resolve(tc.ents, nil)); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestResolveDeterministic(t *testing.T) {
	ents := []resolve.Entity{
		ent(graph.Enterprise, "云南青禾科技有限公司", "a"), ent(graph.Enterprise, "青禾科技有限公司", "b"),
		ent(graph.Enterprise, "青禾科技", "c"), ent(graph.Park, "云南云岭高新区", "c"), ent(graph.Park, "云岭高新区", "d"),
	}
	want := groups(resolve.Resolve(ents, nil))
	for i := 0; i < 10; i++ {
		rev := make([]resolve.Entity, len(ents))
		for j := range ents {
			rev[(j+i)%len(ents)] = ents[j]
		}
		if got := groups(resolve.Resolve(rev, nil)); got != want {
			t.Fatalf("order %d: %q, want %q", i, got, want)
		}
	}
}

func TestRules(t *testing.T) {
	E := graph.Enterprise
	ents := []resolve.Entity{
		ent(E, "江西白鹭精工有限公司", "a"), ent(E, "云南白鹭精工有限公司", "b"), ent(E, "白鹭精工", "c"),
		ent(E, "云南青禾科技有限公司", "a"), ent(E, "青禾科技有限公司", "b"), ent(E, "青禾科技", "c"),
	}
	rules, err := resolve.ParseRules(strings.NewReader(`
# 白鹭精工 in article c is the Jiangxi company
merge: 白鹭精工 | 江西白鹭精工有限公司
split: 青禾科技 | 云南青禾科技有限公司 | 青禾科技有限公司   # three different companies
`), "aliases.txt")
	if err != nil {
		t.Fatal(err)
	}
	cs := resolve.Resolve(ents, rules)
	if got, want := groups(cs), "白鹭精工=江西白鹭精工有限公司"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if len(cs) != 1 || !cs[0].Rule || strings.Join(cs[0].Docs, ",") != "a,c" {
		t.Errorf("cluster = %+v", cs)
	}
	// A rule file written back reads the same.
	again, err := resolve.ParseRules(strings.NewReader(rules.String()), "x")
	if err != nil || again.String() != rules.String() {
		t.Errorf("round trip: %q, %v", again.String(), err)
	}
}

func TestParseRulesErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"merge: a | b\njoin: a | b\n", "aliases.txt:2: want \"merge:"},
		{"merge: 青禾科技\n", "aliases.txt:1: merge needs at least two different names"},
		{"\n\nsplit: a | | b\n", "aliases.txt:3: empty name"},
		{"merge: a | a\n", "needs at least two different names"},
	} {
		_, err := resolve.ParseRules(strings.NewReader(tc.text), "aliases.txt")
		var pe *resolve.ParseError
		if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseRules(%q) = %v, want an error containing %q", tc.text, err, tc.want)
		}
	}
}

func TestCore(t *testing.T) {
	for _, tc := range []struct{ name, core, region string }{
		{"云南青禾科技有限公司", "青禾科技", "云南"},
		{"云南省青禾科技股份有限公司", "青禾科技", "云南"},
		{"广西壮族自治区青禾科技有限公司", "青禾科技", "广西"},
		{"青禾科技（广西）有限公司", "青禾科技", "广西"},
		{"青禾科技", "青禾科技", ""},
		{"云岭高新区", "云岭高新区", ""},
		{"云南有限公司", "云南", ""},
	} {
		core, region := resolve.Core(tc.name)
		if core != tc.core || region != tc.region {
			t.Errorf("Core(%s) = %q, %q; want %q, %q", tc.name, core, region, tc.core, tc.region)
		}
	}
}

func ExampleResolve() {
	E := graph.Enterprise
	ents := []resolve.Entity{
		{IRI: "pg:enterprise/云南青禾科技有限公司", Type: E, Name: "云南青禾科技有限公司", Docs: []string{"a"}},
		{IRI: "pg:enterprise/青禾科技", Type: E, Name: "青禾科技", Docs: []string{"b"}},
		{IRI: "pg:enterprise/江西白鹭精工有限公司", Type: E, Name: "江西白鹭精工有限公司", Docs: []string{"a"}},
		{IRI: "pg:enterprise/云南白鹭精工有限公司", Type: E, Name: "云南白鹭精工有限公司", Docs: []string{"b"}},
	}
	for _, c := range resolve.Resolve(ents, nil) {
		fmt.Println(c.Name, c.Aliases, c.Docs)
	}
	// Output:
	// 云南青禾科技有限公司 [青禾科技] [a b]
}
