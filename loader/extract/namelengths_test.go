package extract

import "testing"

// TestNameLengths checks the record of name lengths by type that lets
// mergePrefixed skip looking up rests no name has the length of.
func TestNameLengths(t *testing.T) {
	var l nameLengths
	l.add("Park", 9)
	l.add("Park", 300)
	l.add("Enterprise", 64)
	for _, c := range []struct {
		typ  string
		n    int
		want bool
	}{
		{"Park", 9, true}, {"Park", 10, false}, {"Park", 300, true}, {"Park", 999, true},
		{"Enterprise", 64, true}, {"Enterprise", 0, false}, {"Enterprise", 300, false}, {"Honor", 9, false},
	} {
		if got := l.has(c.typ, c.n); got != c.want {
			t.Errorf("has(%s, %d) = %v, want %v", c.typ, c.n, got, c.want)
		}
	}
}
