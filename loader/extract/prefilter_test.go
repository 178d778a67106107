package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"parkgraph/internal/testenv"
)

// TestPrefilterKeepsMatches checks that a prefilter never turns away a
// sentence its pattern matches: over every rule example and the seed
// article, each pattern that matches an encoded sentence (or window of
// sentences) must pass its prefilter, in any order and in order.
func TestPrefilterKeepsMatches(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	matched := 0
	eachPatternText(t, x, func(st *doc, r *relRule, pi int, cur, enc *encoded) {
		if r.span >= 2 && r.tails[pi].MatchString(cur.text) {
			if !r.tpre[pi].ok(cur.text, cur.mask, st.cuesOf(cur)) || !r.tpre[pi].inOrder(cur.text) {
				t.Errorf("rule %s: the prefilter of the tail turns away %q, which the tail matches", r.name, cur.text)
			}
			if !opensWith(cur.text, r.topen[pi]) {
				t.Errorf("rule %s: the tail's opening runes turn away %q, which the tail matches", r.name, cur.text)
			}
		}
		if !r.res[pi].MatchString(enc.text) {
			return
		}
		matched++
		if !r.pre[pi].ok(enc.text, enc.mask, st.cuesOf(enc)) || !r.pre[pi].inOrder(enc.text) {
			t.Errorf("rule %s: the prefilter turns away %q, which the pattern matches", r.name, enc.text)
		}
	})
	if matched < len(x.rules) {
		t.Fatalf("only %d matches over %d rules' examples: the test checked too little", matched, len(x.rules))
	}
}

// eachPatternText calls fn for every rule pattern on every sentence of
// every rule example and the seed article, encoded: cur is the sentence,
// enc the text the pattern reads (for a pattern over a window of
// sentences, the window ending with cur, joined).
func eachPatternText(t *testing.T, x *Extractor, fn func(st *doc, r *relRule, pi int, cur, enc *encoded)) {
	t.Helper()
	examples, seed := examplesAndSeed(t)
	for _, text := range append(examples, seed) {
		_, _, st := extractState(t, text)
		encs := make([]encoded, len(st.sents))
		for si := range st.sents {
			encs[si] = st.encode(si)
		}
		for _, r := range x.rules {
			for pi := range r.res {
				for si := range encs {
					cur, enc := &encs[si], &encs[si]
					if r.span >= 2 {
						parts := encs[max(0, si-r.span+1) : si+1]
						j, _ := joinEncoded(parts)
						j.cues = st.joinedCues(parts, j.text)
						enc = &j
					}
					fn(st, r, pi, cur, enc)
				}
			}
		}
	}
}

// TestGuardedAgreesWithRegexp checks that the guarded expressions answer as
// their plain regular expressions do, on every rule example, the seed
// article's sentences and texts made to match each of them.
func TestGuardedAgreesWithRegexp(t *testing.T) {
	examples, seed := examplesAndSeed(t)
	texts := []string{"", "2023年度首批", "第三批国家级", "(国家级)开发区", "一区三园", "3.5亿元", "共有12个项目", "三大平台", "首批省级", "9月12日电"}
	texts = append(texts, examples...)
	texts = append(texts, strings.Split(seed, "。")...)
	guarded := map[string]guardedRE{
		"honourNoise": honourNoise, "levelInParens": levelInParens, "leadQualifiersRE": leadQualifiersRE,
		"amountInRE": amountInRE, "countedRE": countedRE, "layoutRE": layoutRE, "batchRE": batchRE, "layoutWordRE": layoutWordRE,
		"honourQualifier": honourQualifier, "datelineRE": datelineRE,
	}
	for name, g := range guarded {
		plain := regexp.MustCompile(g.String())
		matched := 0
		for _, s := range texts {
			// Every prefix and suffix too, so that anchored patterns meet texts they match.
			for _, v := range []string{s, s[:len(s)/2], s[len(s)/2:]} {
				if !utf8.ValidString(v) {
					continue
				}
				want := plain.MatchString(v)
				if got := g.MatchString(v); got != want {
					t.Errorf("%s on %q: guarded %v, plain %v", name, v, got, want)
				}
				if got := g.matchRunes([]rune(v)); got != want {
					t.Errorf("%s on the runes of %q: guarded %v, plain %v", name, v, got, want)
				}
				if got, want := g.FindString(v), plain.FindString(v); got != want {
					t.Errorf("%s finds %q in %q, plain %q", name, got, v, want)
				}
				if got, want := g.findRunes([]rune(v)), plain.FindString(v); got != want {
					t.Errorf("%s finds %q in the runes of %q, plain %q", name, got, v, want)
				}
				if want {
					matched++
				}
			}
		}
		if matched == 0 {
			t.Errorf("%s matched none of the texts: the test checked nothing", name)
		}
	}
}

// examplesAndSeed returns the example sentences of every rule and the seed
// article's text.
func examplesAndSeed(t *testing.T) ([]string, string) {
	t.Helper()
	specs, err := allRuleSpecs()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, r := range specs {
		for _, ex := range r.Examples {
			texts = append(texts, ex.Text)
		}
	}
	seed, err := os.ReadFile(filepath.Join(testenv.RepoRoot(t), "seeds", "000_50c721a1e63a8171.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return texts, string(seed)
}
