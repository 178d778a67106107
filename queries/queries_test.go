package queries_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"parkgraph/graph/store"
	"parkgraph/internal/seedgraph"
	"parkgraph/internal/testenv"
	"parkgraph/queries"
)

// run runs a saved query on the seed graph and returns its results as
// decoded JSON objects.
func run(t *testing.T, st *store.Store, name string, params map[string]any) []map[string]any {
	t.Helper()
	q, err := queries.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	res, err := queries.Run(context.Background(), st.QuadStore(), q.Source, params, 1000)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	b, _ := json.Marshal(res)
	var out []map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("%s: results are not objects: %s", name, b)
	}
	return out
}

// column returns the sorted, distinct values of one key.
func column(rows []map[string]any, key string) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range rows {
		s := fmt.Sprint(r[key])
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

func equal(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %v\nwant %v", what, got, want)
	}
}

// TestSavedQueriesOnSeed runs every saved query on the seed graph and checks
// its answer.
func TestSavedQueriesOnSeed(t *testing.T) {
	st := seedgraph.Open(t, "")
	checks := map[string]func(t *testing.T){
		"enterprises_of_park": func(t *testing.T) {
			got := column(run(t, st, "enterprises_of_park", nil), "name")
			equal(t, "enterprises of 新余高新区", got, []string{"东鹏", "亿铂新能源公司", "协讯", "江西亿铂电子科技有限公司",
				"江西千分生物科技有限公司", "江西沃格光电股份有限公司", "江西炬煌磁科技有限公司", "江西航同电气科技有限公司",
				"江西赣锋循环科技有限公司", "江西赣锋锂业集团股份有限公司"})
			got = column(run(t, st, "enterprises_of_park", map[string]any{"park": "<pg:park/白马园区>"}), "name")
			equal(t, "enterprises of 白马园区", got, []string{"四川绿建筑钢构有限公司"})
		},
		"honour_holders": func(t *testing.T) {
			rows := run(t, st, "honour_holders", nil)
			equal(t, "honours", column(rows, "honour"), []string{"全国首批国家级高新区", "全省科技领军企业", "全省科技领军入库企业",
				"江西省重点实验室", "潜在瞪羚企业", "瞪羚企业"})
			equal(t, "rows", len(rows), 6)
		},
		"edge_evidence": func(t *testing.T) {
			rows := run(t, st, "edge_evidence", nil)
			equal(t, "rows", len(rows), 1)
			equal(t, "sentence", rows[0]["sentence"], "<pg:doc/000_50c721a1e63a8171#s17>")
			equal(t, "document", rows[0]["document"], "<pg:doc/000_50c721a1e63a8171>")
			equal(t, "text", rows[0]["text"], "前不久，位于新余高新区的江西亿铂电子科技有限公司在美国纳斯达克交易所上市。")
			rows = run(t, st, "edge_evidence", map[string]any{"subject": "<pg:honor/瞪羚企业>", "predicate": "<pg:issued_by>"})
			equal(t, "issued_by evidence", column(rows, "sentence"), []string{"<pg:doc/000_50c721a1e63a8171#s2>"})
			rows = run(t, st, "edge_evidence", map[string]any{"subject": "<pg:park/新余高新区>", "predicate": "<pg:invests_in>", "object": "<pg:investor/锂电产业链科创基金>"})
			equal(t, "invests_in evidence", column(rows, "sentence"), []string{"<pg:doc/000_50c721a1e63a8171#s12>"})
			equal(t, "title", column(rows, "title"), []string{"新余高新区：培育壮大科创“生力军”"})
			rows = run(t, st, "edge_evidence", map[string]any{"subject": "<pg:park/新余高新区>", "predicate": "<pg:invests_in>", "object": "<pg:park/内江高新区>"})
			equal(t, "evidence of a relation not stated", len(rows), 0)
		},
		"park_honours": func(t *testing.T) {
			rows := run(t, st, "park_honours", nil)
			equal(t, "honours", column(rows, "honour"), []string{"全省科技领军企业", "全省科技领军入库企业", "潜在瞪羚企业", "瞪羚企业"})
			for _, r := range rows {
				if r["honour"] == "瞪羚企业" {
					equal(t, "瞪羚企业 holders", strs(r["enterprises"]), []string{"江西航同电气科技有限公司"})
				}
			}
			equal(t, "honours of 内江高新区", len(run(t, st, "park_honours", map[string]any{"park": "<pg:park/内江高新区>"})), 0)
		},
		"honour_detail": func(t *testing.T) {
			rows := run(t, st, "honour_detail", map[string]any{"honour": "<pg:honor/全省科技领军企业>"})
			equal(t, "holders", strs(rows[0]["holders"]), []string{"江西赣锋锂业集团股份有限公司"})
			equal(t, "issuers", strs(rows[0]["issued_by"]), []string{"江西省科技厅"})
		},
		"enterprise_profile": func(t *testing.T) {
			r := run(t, st, "enterprise_profile", nil)[0]
			equal(t, "name", r["enterprise"], "江西赣锋循环科技有限公司")
			equal(t, "aliases", strs(r["aliases"]), []string{"赣锋"})
			equal(t, "parks", strs(r["parks"]), []string{"新余高新区"})
			equal(t, "invests_in", strs(r["invests_in"]), []string{"锂电产业链科创基金"})
			equal(t, "projects", strs(r["projects"]), []string{"年产2万吨电池级碳酸锂及8万吨电池级磷酸铁项目"})
			r = run(t, st, "enterprise_profile", map[string]any{"enterprise": "<pg:enterprise/中国联通>"})[0]
			equal(t, "partners of 中国联通", strs(r["partners"]), []string{"沈抚改革创新示范区", "海克斯康"})
			equal(t, "projects of 中国联通", strs(r["projects"]), []string{"辽宁双智数字赋能中心"})
			r = run(t, st, "enterprise_profile", map[string]any{"enterprise": "<pg:enterprise/江西航同电气科技有限公司>"})[0]
			equal(t, "honours of 江西航同", strs(r["honours"]), []string{"瞪羚企业"})
			r = run(t, st, "enterprise_profile", map[string]any{"enterprise": "<pg:enterprise/四川绿建筑钢构有限公司>"})[0]
			equal(t, "parks of a sub-park's enterprise", strs(r["parks"]), []string{"内江高新区", "白马园区"})
		},
		"park_investors": func(t *testing.T) {
			rows := run(t, st, "park_investors", nil)
			equal(t, "investors", column(rows, "investor"), []string{"新余高新区", "江西赣锋循环科技有限公司"})
			for _, r := range rows {
				if r["investor"] == "新余高新区" {
					equal(t, "amount", r["amount"], "2亿元")
					equal(t, "amount_yuan", r["amount_yuan"], 2e8)
					equal(t, "target", r["target"], "锂电产业链科创基金")
				}
			}
		},
		"institution_partners": func(t *testing.T) {
			rows := run(t, st, "institution_partners", nil)
			equal(t, "partners", column(rows, "name"), []string{"中南大学"})
			rows = run(t, st, "institution_partners", map[string]any{"institution": "<pg:institution/中南大学>"})
			equal(t, "partners of 中南大学", column(rows, "name"), []string{"赣锋锂电材料及应用实验室"})
		},
		"parks_by_honours": func(t *testing.T) {
			rows := run(t, st, "parks_by_honours", nil)
			equal(t, "rows", len(rows), 1)
			equal(t, "park", rows[0]["park"], "新余高新区")
			equal(t, "count", rows[0]["honoured_enterprises"], 4.0)
		},
		"top_pagerank": func(t *testing.T) {
			rows := run(t, st, "top_pagerank", map[string]any{"n": 3})
			var names []string
			for _, r := range rows {
				names = append(names, r["name"].(string))
			}
			equal(t, "top 3", names, []string{"新余高新区", "随州高新区", "常州高新区"})
			rows = run(t, st, "top_pagerank", map[string]any{"n": 1, "type": "<pg:Enterprise>"})
			equal(t, "top enterprise", column(rows, "name"), []string{"江西赣锋循环科技有限公司"})
		},
		"top_pagerank_in_community": func(t *testing.T) {
			rows := run(t, st, "top_pagerank_in_community", map[string]any{"community": 0, "n": 2})
			equal(t, "rows", len(rows), 2)
			equal(t, "first", rows[0]["name"], "新余高新区")
			equal(t, "second", rows[1]["name"], "江西赣锋循环科技有限公司")
		},
		"community_members": func(t *testing.T) {
			rows := run(t, st, "community_members", map[string]any{"community": 0})
			names := column(rows, "name")
			if len(names) < 5 || !contains(names, "新余高新区") || !contains(names, "江西赣锋循环科技有限公司") || contains(names, "内江高新区") {
				t.Errorf("community 0 members: %v", names)
			}
			equal(t, "community name", column(rows, "community_name"), []string{"新余高新区"})
		},
		"document_contributions": func(t *testing.T) {
			rows := run(t, st, "document_contributions", nil)
			var s17 map[string]any
			rels := 0
			for _, r := range rows {
				rels += len(r["relations"].([]any))
				if r["sentence"] == "<pg:doc/000_50c721a1e63a8171#s17>" {
					s17 = r
				}
			}
			if s17 == nil {
				t.Fatal("sentence 17 missing")
			}
			equal(t, "s17 text", s17["text"], "前不久，位于新余高新区的江西亿铂电子科技有限公司在美国纳斯达克交易所上市。")
			equal(t, "s17 relations", len(s17["relations"].([]any)), 2)
			if rels < 50 {
				t.Errorf("the article contributed %d relation statements, want at least 50", rels)
			}
		},
		"document_entities": func(t *testing.T) {
			rows := run(t, st, "document_entities", nil)
			equal(t, "entities", len(column(rows, "entity")), 69)
		},
		"connections": func(t *testing.T) {
			rows := run(t, st, "connections", nil)
			equal(t, "paths", len(rows), 1)
			b, _ := json.Marshal(rows[0]["path"])
			if !strings.Contains(string(b), "pg:honor/瞪羚企业") {
				t.Errorf("path does not pass through 瞪羚企业: %s", b)
			}
			rows = run(t, st, "connections", map[string]any{"from": "<pg:enterprise/中国联通>", "to": "<pg:park/沈抚改革创新示范区>"})
			var lengths []int
			for _, r := range rows {
				lengths = append(lengths, int(r["length"].(float64)))
			}
			if len(lengths) < 4 || lengths[0] != 1 || lengths[1] != 2 || lengths[2] != 2 {
				t.Errorf("path lengths from 中国联通 to 沈抚改革创新示范区: %v", lengths)
			}
			for _, l := range lengths {
				if l > 3 {
					t.Errorf("path of length %d", l)
				}
			}
		},
		"viz_park": func(t *testing.T) {
			checkViz(t, run(t, st, "viz_park", nil), "<pg:enterprise/东鹏>", "<pg:park/新余高新区>")
		},
		"viz_honours": func(t *testing.T) {
			checkViz(t, run(t, st, "viz_honours", nil), "<pg:honor/瞪羚企业>", "<pg:institution/江西省科技厅>")
		},
		"viz_investments": func(t *testing.T) {
			checkViz(t, run(t, st, "viz_investments", nil), "<pg:park/新余高新区>", "<pg:investor/锂电产业链科创基金>")
		},
		"sub_parks": func(t *testing.T) {
			rows := run(t, st, "sub_parks", nil)
			equal(t, "sub-parks of 内江高新区", column(rows, "park"), []string{"白马园区"})
			equal(t, "located in 白马园区", strs(rows[0]["located"]), []string{"四川绿建筑钢构有限公司"})
		},
		"park_projects": func(t *testing.T) {
			rows := run(t, st, "park_projects", nil)
			equal(t, "projects", column(rows, "project"), []string{"丰碑产业园建设项目", "年产3000吨氯代苯甲腈和年产3000吨氯代苯甲酸一期项目"})
		},
		"listed_enterprises": func(t *testing.T) {
			rows := run(t, st, "listed_enterprises", nil)
			equal(t, "listed", column(rows, "name"), []string{"江西亿铂电子科技有限公司"})
			equal(t, "exchange", column(rows, "exchange"), []string{"美国纳斯达克交易所"})
			equal(t, "park", column(rows, "park"), []string{"<pg:park/新余高新区>"})
		},
	}
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 15 {
		t.Errorf("%d saved queries, want at least 15", len(all))
	}
	for _, q := range all {
		t.Run(q.Name, func(t *testing.T) {
			check, ok := checks[q.Name]
			if !ok {
				t.Fatalf("saved query %s has no test of its answer", q.Name)
			}
			if q.Description == "" {
				t.Error("no description")
			}
			check(t)
		})
	}
}

// checkViz checks a visualisation query: every row has source and target, and
// the given link is among them.
func checkViz(t *testing.T, rows []map[string]any, source, target string) {
	t.Helper()
	found := false
	for _, r := range rows {
		if r["source"] == nil || r["target"] == nil {
			t.Fatalf("row without source and target: %v", r)
		}
		if r["source"] == source && r["target"] == target {
			found = true
		}
	}
	if !found {
		t.Errorf("no link %s → %s among %d", source, target, len(rows))
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// TestHeaders checks that every saved query documents its parameters and
// that every parameter it reads is documented.
func TestHeaders(t *testing.T) {
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range all {
		documented := map[string]bool{}
		for _, p := range q.Params {
			documented[p.Name] = true
			if p.Doc == "" {
				t.Errorf("%s: parameter %s has no description", q.Name, p.Name)
			}
		}
		for _, f := range strings.Split(q.Source, "params.")[1:] {
			name := strings.FieldsFunc(f, func(r rune) bool { return !(r == '_' || r >= 'a' && r <= 'z') })[0]
			if !documented[name] {
				t.Errorf("%s reads params.%s but its header does not document it", q.Name, name)
			}
		}
	}
}

// TestNoRepeatsAcrossDocuments stores the seed article twice, under two
// names: every fact is then stated by two sentences (two quads with
// different labels), and no saved query may repeat a row because of it.
func TestNoRepeatsAcrossDocuments(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(testenv.RepoRoot(t), "seeds", "000_50c721a1e63a8171.txt")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	twin := filepath.Join(dir, "001_twin.txt")
	if err := os.WriteFile(twin, b, 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open("memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := seedgraph.Build(context.Background(), st, []string{src, twin}); err != nil {
		t.Fatal(err)
	}
	all, _ := queries.All()
	for _, q := range all {
		if strings.HasPrefix(q.Name, "viz_") {
			continue // Visualize draws a repeated link once
		}
		res, err := queries.Run(context.Background(), st.QuadStore(), q.Source, nil, 10000)
		if err != nil {
			t.Errorf("%s: %v", q.Name, err)
			continue
		}
		seen := map[string]bool{}
		for _, r := range res {
			b, _ := json.Marshal(r)
			if seen[string(b)] {
				t.Errorf("%s repeats %s", q.Name, b)
				break
			}
			seen[string(b)] = true
		}
	}
	got := column(run(t, st, "enterprises_of_park", nil), "name")
	if len(got) != 10 {
		t.Errorf("enterprises of 新余高新区 stated twice: %v", got)
	}
	r := run(t, st, "honour_detail", nil)[0]
	equal(t, "holders stated twice", strs(r["holders"]), []string{"江西航同电气科技有限公司"})
}
