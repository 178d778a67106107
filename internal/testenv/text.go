package testenv

import (
	"math/rand/v2"
	"strings"
)

// RandomText joins up to most pieces drawn at random from pieces: the texts
// on which a test compares a fast reading of strings (bytes, a vectorised
// search) with the plain one over runes. Pieces that are not UTF-8 on
// their own or together test that both read bad bytes alike.
func RandomText(rng *rand.Rand, pieces []string, most int) string {
	var b strings.Builder
	for range rng.IntN(most + 1) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}
