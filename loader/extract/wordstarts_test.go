package extract

import (
	"slices"
	"testing"
)

// TestWordStarts checks that words are found by their first character, in
// their order, including one that starts beyond U+FFFF.
func TestWordStarts(t *testing.T) {
	ws := newWordStarts([]string{"该园区", "园区", "该区", "𠀀区"})
	for _, c := range []struct {
		r    rune
		want []string
	}{
		{'该', []string{"该园区", "该区"}}, {'园', []string{"园区"}}, {'区', nil}, {'𠀀', []string{"𠀀区"}}, {'𠀁', nil},
	} {
		if got := ws.starting(c.r); !slices.Equal(got, c.want) {
			t.Errorf("starting(%q) = %q, want %q", c.r, got, c.want)
		}
	}
}
