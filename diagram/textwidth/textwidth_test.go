package textwidth

import (
	"math"
	"strings"
	"testing"
)

func TestWidth(t *testing.T) {
	for _, c := range []struct {
		name string
		s    string
		bold bool
		want float64 // ems
	}{
		{"ideographs", "新余高新区", false, 5},
		{"full-width punctuation", "（）：、。", false, 5},
		{"latin digits", "2024", false, 4 * 0.555},
		{"mixed", "海关AEO高级认证企业", false, 8 + 0.608 + 0.589 + 0.738},
		{"space", " ", false, 0.224},
		{"combining mark", "e\u0301", false, 0.555},
		{"bold digit", "0", true, 0.590},
		{"hangul outside the tables", "한", false, 1},
		{"empty", "", false, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Width(c.s, 10, c.bold) / 10
			if math.Abs(got-c.want) > 0.01 {
				t.Errorf("Width(%q) = %.3f em, want %.3f", c.s, got, c.want)
			}
		})
	}
}

func TestTablesSorted(t *testing.T) {
	for name, runs := range map[string][]run{"regular": regularRuns, "bold": boldRuns} {
		for i := range runs {
			if runs[i].lo > runs[i].hi || i > 0 && runs[i-1].hi >= runs[i].lo {
				t.Fatalf("%s table out of order at %d: %+v", name, i, runs[i])
			}
		}
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		name string
		s    string
		max  float64 // ems
		want []string
	}{
		{"fits", "新余高新区", 10, []string{"新余高新区"}},
		{"ideographs", "一二三四五六七", 3, []string{"一二三", "四五六", "七"}},
		{"no comma at line start", "一二，三四", 2, []string{"一", "二，", "三四"}},
		{"latin run kept whole", "海关AEO认证", 3, []string{"海关", "AEO认", "证"}},
		{"spaces dropped at breaks", "ab cd ef", 2, []string{"ab", "cd", "ef"}},
		{"paragraphs", "一二\n三", 5, []string{"一二", "三"}},
		{"empty", "", 5, []string{""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Wrap(c.s, 10, false, c.max*10)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("Wrap(%q, %v em) = %q, want %q", c.s, c.max, got, c.want)
			}
		})
	}
}
