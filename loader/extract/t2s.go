package extract

import (
	"strings"
)

// t2s maps traditional characters to simplified ones, one rune to one rune,
// loaded from rules/t2s.txt. Characters of the CJK blocks are looked up in a
// dense table (t2sDense, indexed from t2sBase), the rest in the map, which
// holds only those (and is most often empty).
var (
	t2s      = map[rune]rune{}
	t2sDense []rune
)

const t2sBase, t2sTop = 0x3400, 0xA000

func simplified(r rune) (rune, bool) {
	if r >= t2sBase && r < t2sTop {
		if t2sDense == nil {
			return r, false
		}
		s := t2sDense[r-t2sBase]
		return s, s != 0
	}
	if len(t2s) == 0 {
		return r, false
	}
	s, ok := t2s[r]
	return s, ok
}

func loadT2S() error {
	lines, err := readLines(rulesFS, "rules/t2s.txt")
	if err != nil {
		return err
	}
	for _, l := range lines {
		for _, pair := range strings.Fields(l.text) {
			rs := []rune(pair)
			if len(rs) != 2 {
				return l.errorf("want pairs of two characters (traditional, simplified), got %q", pair)
			}
			t2s[rs[0]] = rs[1]
		}
	}
	t2sDense = make([]rune, t2sTop-t2sBase)
	for t, s := range t2s {
		if t >= t2sBase && t < t2sTop {
			t2sDense[t-t2sBase] = s
			delete(t2s, t)
		}
	}
	return nil
}
