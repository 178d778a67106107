package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDeterministic(t *testing.T) {
	a := New(Options{Articles: 50, Seed: 7})
	b := New(Options{Articles: 50, Seed: 7})
	for _, i := range []int{0, 13, 49} {
		x, y := a.Article(i), b.Article(i)
		if x.Text != y.Text {
			t.Fatalf("article %d differs between two corpora with one seed", i)
		}
	}
	c := New(Options{Articles: 50, Seed: 8})
	if c.Article(3).Text == a.Article(3).Text {
		t.Fatal("different seeds gave the same article")
	}
}

func TestArticlesStateTheirFacts(t *testing.T) {
	c := New(Options{Articles: 200})
	preds := map[string]int{}
	types := map[string]int{}
	for i := 0; i < c.Len(); i++ {
		a := c.Article(i)
		if !utf8.ValidString(a.Text) || !strings.HasPrefix(a.Text, a.Title+"\n\n") {
			t.Fatalf("%s: text is not the title, a blank line and the body", a.ID)
		}
		names := map[string]bool{}
		for _, e := range a.Expected.Entities {
			types[e.Type]++
			names[e.Name] = true
			if !strings.Contains(a.Text, e.Name) && !anyIn(a.Text, e.Aliases) {
				t.Errorf("%s: entity %s is not in the text", a.ID, e.Name)
			}
		}
		for _, f := range a.Expected.Relations {
			preds[f.Predicate]++
			if !names[f.Subject] || !names[f.Object] {
				t.Errorf("%s: relation %s %s %s between entities not listed", a.ID, f.Subject, f.Predicate, f.Object)
			}
			if !strings.Contains(a.Body, f.Evidence) {
				t.Errorf("%s: evidence %q is not a sentence of the body", a.ID, f.Evidence)
			}
		}
	}
	for _, p := range []string{"located_in", "part_of", "awarded", "issued_by", "invests_in", "partners_with", "builds", "listed_on"} {
		if preds[p] == 0 {
			t.Errorf("no %s relation in 200 articles", p)
		}
	}
	for _, ty := range []string{"Park", "Enterprise", "Institution", "Honor", "Investor", "Project"} {
		if types[ty] == 0 {
			t.Errorf("no %s entity in 200 articles", ty)
		}
	}
}

func TestSharedEntitiesAndHeavyTails(t *testing.T) {
	c := New(Options{Articles: 500})
	docsOf := map[string]int{}
	maxLen, total := 0, 0
	for i := 0; i < c.Len(); i++ {
		a := c.Article(i)
		n := len(a.Text)
		total += n
		if n > maxLen {
			maxLen = n
		}
		for _, e := range a.Expected.Entities {
			docsOf[e.Type+"/"+e.Name]++
		}
	}
	mean := total / c.Len()
	if maxLen < 4*mean {
		t.Errorf("longest article %d bytes, mean %d: lengths are not heavy-tailed", maxLen, mean)
	}
	shared := 0
	for _, n := range docsOf {
		if n >= 5 {
			shared++
		}
	}
	if shared < 20 {
		t.Errorf("only %d entities appear in five or more articles", shared)
	}
}

func TestWriteDir(t *testing.T) {
	dir := t.TempDir()
	c := New(Options{Articles: 5})
	n, err := c.WriteDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n != c.Size(5) {
		t.Errorf("WriteDir wrote %d bytes, Size says %d", n, c.Size(5))
	}
	b, err := os.ReadFile(filepath.Join(dir, "gold", "g000004.json"))
	if err != nil {
		t.Fatal(err)
	}
	var x Expected
	if err := json.Unmarshal(b, &x); err != nil || x.Doc != "g000004" {
		t.Fatalf("gold file does not read back: %v, doc %q", err, x.Doc)
	}
}

func anyIn(text string, names []string) bool {
	for _, n := range names {
		if strings.Contains(text, n) {
			return true
		}
	}
	return false
}

// TestLargeCorpus checks that a national-scale corpus is prepared quickly
// and that its enterprises keep distinct short names.
func TestLargeCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	c := New(Options{Articles: 100_000})
	if len(c.enterprises) < 200_000 {
		t.Fatalf("100,000 articles share only %d enterprises", len(c.enterprises))
	}
	seen := map[string]bool{}
	for _, e := range c.enterprises {
		if seen[e.short] {
			t.Fatalf("two enterprises share the short name %s", e.short)
		}
		seen[e.short] = true
	}
	if a := c.Article(99_999); a.Text == "" {
		t.Fatal("the last article is empty")
	}
}
