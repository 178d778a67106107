package extract

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"parkgraph/graph"
	"parkgraph/loader"
)

// extractText runs the whole extractor over a text.
func extractText(t *testing.T, text string) (*graph.Document, []fact) {
	t.Helper()
	d, facts, _ := extractState(t, text)
	return d, facts
}

// extractState runs the whole extractor over a text and returns its state too.
func extractState(t *testing.T, text string) (*graph.Document, []fact, *doc) {
	t.Helper()
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	clean, _ := loader.Clean(strings.ReplaceAll(text, `\n`, "\n")) // \n in an example is a line break
	d := &graph.Document{ID: "example", Text: clean, Sentences: loader.Sentences(clean)}
	st := x.newDoc(d)
	st.recognize()
	st.resolve()
	facts := st.facts()
	d.Relations = st.toRelations(facts)
	d.Entities = st.entities()
	var kept []fact
	for _, f := range facts {
		if !st.ents[f.s].dropped && !st.ents[f.o].dropped {
			kept = append(kept, f)
		}
	}
	return d, kept, st
}

// factStrings renders a document's facts the way rule examples write them:
// "Type:Name" for entities, "Subject predicate Object" for relations.
func factStrings(d *graph.Document) map[string]bool {
	out := map[string]bool{}
	for _, e := range d.Entities {
		out[string(e.Type)+":"+e.Name] = true
		for _, a := range e.Aliases {
			out[string(e.Type)+":"+a] = true
		}
	}
	for _, r := range d.Relations {
		out[r.Subject.Name+" "+string(r.Predicate)+" "+r.Object.Name] = true
		if r.Predicate.Symmetric() {
			out[r.Object.Name+" "+string(r.Predicate)+" "+r.Subject.Name] = true
		}
	}
	return out
}

// TestRuleExamples runs every example sentence of every rule file through
// the whole extractor.
func TestRuleExamples(t *testing.T) {
	if _, err := Default(); err != nil {
		t.Fatal(err)
	}
	specs, err := allRuleSpecs()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range specs {
		for _, ex := range r.Examples {
			n++
			t.Run(fmt.Sprintf("%s/%s", r.Name, ex.Pos), func(t *testing.T) {
				d, _, st := extractState(t, ex.Text)
				got := factStrings(d)
				fired := st.fired[r.Name]
				for _, want := range ex.Facts {
					want = strings.Join(strings.Fields(want), " ")
					if ex.Yes && !got[want] {
						t.Errorf("%s: %q\n  must yield %q\n  got %v", ex.Pos, ex.Text, want, keys(got))
					}
					if !ex.Yes && got[want] {
						t.Errorf("%s: %q\n  must not yield %q", ex.Pos, ex.Text, want)
					}
				}
				if ex.Yes && r.kind == "relation" && !fired {
					t.Errorf("%s: rule %s did not fire on %q", ex.Pos, r.Name, ex.Text)
				}
				if !ex.Yes && len(ex.Facts) == 0 && fired {
					t.Errorf("%s: rule %s fired on %q", ex.Pos, r.Name, ex.Text)
				}
			})
		}
	}
	if n < 20 {
		t.Errorf("only %d rule examples; every rule needs its own", n)
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestEveryRuleHasExamples: a rule without a sentence it must match is not
// a rule anyone can check.
func TestEveryRuleHasExamples(t *testing.T) {
	specs, err := allRuleSpecs()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range specs {
		yes := 0
		for _, ex := range r.Examples {
			if ex.Yes {
				yes++
			}
		}
		if yes == 0 {
			t.Errorf("%s: rule %s has no yes example", r.Pos, r.Name)
		}
	}
}

func TestRuleFileErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"no rule line", "  match x\n", "indented line before any rule"},
		{"bad field", "rule a\n  match\n", "expected \"KEY VALUE\""},
		{"yes without facts", "rule a\n  yes 一句话。\n", "a yes example needs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readRules(memFS{"rules/x.rules": tc.text}, "rules/x.rules")
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "rules/x.rules:") {
				t.Errorf("error = %v; want file:line and %q", err, tc.want)
			}
		})
	}
	_, err := compileRule(&RuleSpec{Name: "bad", Fields: map[string][]string{"match": {"{X:Planet}"}, "emit": {"X awarded X"}}})
	if err == nil || !strings.Contains(err.Error(), "Planet") {
		t.Errorf("unknown slot type: %v", err)
	}
	_, err = compileRule(&RuleSpec{Name: "bad", Fields: map[string][]string{"match": {"{X:Park}"}, "emit": {"X awarded X"}, "notafter": {"X"}}})
	if err == nil || !strings.Contains(err.Error(), "notafter") {
		t.Errorf("notafter without characters: %v", err)
	}
	_, err = compileRule(&RuleSpec{Name: "bad", Fields: map[string][]string{"match": {"{X:Park}"}, "emit": {"X awarded X"}, "notbetween": {"X ,并"}}})
	if err == nil || !strings.Contains(err.Error(), "notbetween") {
		t.Errorf("notbetween without a second slot: %v", err)
	}
}

// memFS is an in-memory file system for rule file tests.
type memFS map[string]string

func (m memFS) Open(name string) (fs.File, error) {
	t := fstest.MapFS{}
	for k, v := range m {
		t[k] = &fstest.MapFile{Data: []byte(strings.TrimPrefix(v, "\n"))}
	}
	return t.Open(name)
}

// TestSlotsNamedOnce checks that no pattern names a slot twice: only the
// first of two groups of one name is read, so the second would never bind.
func TestSlotsNamedOnce(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range x.rules {
		for _, re := range r.res {
			seen := map[string]bool{}
			for _, n := range re.SubexpNames() {
				if n == "" {
					continue
				}
				if seen[n] {
					t.Errorf("rule %s: slot %s named twice in one pattern", r.name, n)
				}
				seen[n] = true
			}
		}
	}
}
