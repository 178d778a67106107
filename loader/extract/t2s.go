package extract

import (
	"strings"
)

// t2s maps traditional characters to simplified ones, one rune to one rune,
// loaded from rules/t2s.txt.
var t2s = map[rune]rune{}

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
	return nil
}
