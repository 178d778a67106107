package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"parkgraph/graph"
	"parkgraph/loader"
	"parkgraph/loader/extract"
)

// FuzzExtract runs raw bytes through decoding, cleaning, sentence splitting
// and extraction, and checks that every result points inside the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"近日，云南省科技厅发布“2023年榜单”，云岭高新区4家企业上榜。其中，青禾科技有限公司上榜“瞪羚企业”。",
		"云岭高新区青禾循环科技有限公司(以下简称“青禾”)年产2万吨项目正在建设。",
		"“未闭合的引号（和括号【还有书名号《",
		"由青禾地质工程公司投资1.3亿元的云岭宝石精深加工、由白鹭家居有限公司总投资10亿元的",
		"<html><body><p>云岭高新区</p><script>x</script>",
		"\xff\xfe云\x00岭",
		"",
		strings.Repeat("有限公司", 50),
		strings.Repeat("、", 300) + "等企业",
		strings.Repeat("“", 3000) + "专精特新企业",
	} {
		f.Add([]byte(s))
	}
	x, err := extract.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, name := range []string{"a.txt", "a.html"} {
			d, err := loader.Prepare(loader.Source{Path: name, Bytes: raw})
			if err != nil {
				if strings.Contains(err.Error(), "\n") {
					t.Fatalf("error is not one line: %q", err)
				}
				continue
			}
			x.Extract(d)
			n := utf8.RuneCountInString(d.Text)
			for _, e := range d.Entities {
				if e.Name == "" || !e.Type.Valid() {
					t.Fatalf("bad entity %+v", e)
				}
				for _, m := range e.Mentions {
					if m.Start < 0 || m.End > n || m.Start >= m.End {
						t.Fatalf("mention %v outside text of %d runes", m, n)
					}
				}
			}
			for _, r := range d.Relations {
				if r.Sentence < -1 || r.Sentence >= len(d.Sentences) || !r.Predicate.Valid() {
					t.Fatalf("bad relation %+v", r)
				}
				if !r.Predicate.Allows(r.Subject.Type, r.Object.Type) {
					t.Fatalf("relation %+v breaks the guideline's types", r)
				}
			}
		}
	})
}

// TestSections checks that a text read in sections gives the same entities
// as each of its parts read alone, with offsets into the whole text.
func TestSections(t *testing.T) {
	x, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	para := "近日，云南省科技厅发布年度榜单，云岭高新区3家企业上榜。其中，青禾科技有限公司上榜“瞪羚企业”。\n"
	var b strings.Builder
	for b.Len() < extract.SectionSize*7 { // bytes: about 2.3 sections of characters
		b.WriteString(para)
	}
	clean, _ := loader.Clean(b.String())
	d := &graph.Document{ID: "big", Text: clean, Sentences: loader.Sentences(clean)}
	x.Extract(d)
	rs := []rune(d.Text)
	names := map[string]int{}
	for _, e := range d.Entities {
		names[e.Name]++
		for _, m := range e.Mentions {
			if got := string(rs[m.Start:m.End]); got != e.Name && !contains(e.Aliases, got) {
				t.Fatalf("mention %v of %s reads %q", m, e.Name, got)
			}
		}
	}
	if names["青禾科技有限公司"] != 1 || names["云岭高新区"] != 1 {
		t.Errorf("entities not merged across sections: %v", names)
	}
	perSentence := 0
	for _, r := range d.Relations {
		if r.Predicate == graph.Awarded {
			perSentence++
			if !strings.Contains(d.Sentences[r.Sentence].Text, "瞪羚") {
				t.Fatalf("relation points at sentence %q", d.Sentences[r.Sentence].Text)
			}
		}
	}
	if want := strings.Count(clean, "瞪羚"); perSentence != want {
		t.Errorf("awarded relations = %d, want one per sentence (%d)", perSentence, want)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestLongSectionsOfManyArticles reads the probe articles over and over as
// one long file, whose sections each hold thousands of entities, and checks
// that every relation joins two of the entities found. (Merges made before
// the entities were numbered afresh once led a rule's fact to an entity
// number past the end, and extraction panicked.)
func TestLongSectionsOfManyArticles(t *testing.T) {
	x, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("testdata", "probes", "articles")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no probe articles in %s: %v", dir, err)
	}
	var one strings.Builder
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		one.Write(b)
		one.WriteString("\n\n")
	}
	text := strings.Repeat(one.String(), 8)
	d, err := loader.Prepare(loader.Source{Path: "long.txt", Bytes: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	if utf8.RuneCountInString(d.Text) < 3*extract.SectionSize {
		t.Fatalf("the text has %d characters, fewer than three sections", utf8.RuneCountInString(d.Text))
	}
	x.Extract(d)
	known := map[graph.EntityRef]bool{}
	for _, e := range d.Entities {
		known[graph.EntityRef{Type: e.Type, Name: e.Name}] = true
	}
	if len(d.Relations) == 0 {
		t.Fatal("no relations found")
	}
	for _, r := range d.Relations {
		if !known[r.Subject] || !known[r.Object] {
			t.Fatalf("relation %v %s %v joins an entity not found", r.Subject, r.Predicate, r.Object)
		}
	}
}

// TestConcurrentExtraction extracts the probe articles from several
// goroutines at once with one extractor, as parkgraph build does, and
// checks that each gives what it gives alone. (The match tests' states are
// built as texts need them, in caches each extraction takes for itself.)
func TestConcurrentExtraction(t *testing.T) {
	x, err := extract.New(extract.RuleFiles()) // an extractor of its own: no states built yet
	if err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join("testdata", "probes", "articles", "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no probe articles: %v", err)
	}
	extractAll := func() ([]string, error) {
		var out []string
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				return nil, err
			}
			d, err := loader.Prepare(loader.Source{Path: n, Bytes: b})
			if err != nil {
				return nil, err
			}
			x.Extract(d)
			out = append(out, fmt.Sprint(d.Entities, d.Relations))
		}
		return out, nil
	}
	const workers = 4
	results := make([][]string, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { results[w], errs[w] = extractAll() })
	}
	wg.Wait()
	alone, err := extractAll()
	if err != nil {
		t.Fatal(err)
	}
	for w := range workers {
		if errs[w] != nil {
			t.Fatal(errs[w])
		}
		for i := range alone {
			if results[w][i] != alone[i] {
				t.Fatalf("%s: extracted alongside others, it gives another result than alone", names[i])
			}
		}
	}
}
