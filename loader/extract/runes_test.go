package extract

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"
)

// TestIndexRunes compares indexRunes with a plain scan on random texts over
// runes whose bytes repeat across rune boundaries, so that byte matches off
// a rune's first byte are met and must be passed over.
func TestIndexRunes(t *testing.T) {
	alphabet := []rune{0x0101, 0x0100, 0x0001, 0x010001, 0x4E00, 0x4E4E}
	scan := func(rs, w []rune) int {
		for i := 0; i+len(w) <= len(rs); i++ {
			if slices.Equal(rs[i:i+len(w)], w) {
				return i
			}
		}
		return -1
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(n int) []rune {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return rs
	}
	found := 0
	for range 20000 {
		hay, w := pick(rng.IntN(12)), pick(1+rng.IntN(3))
		want := scan(hay, w)
		if got := indexRunes(hay, w); got != want {
			t.Fatalf("indexRunes(%U, %U) = %d, want %d", hay, w, got, want)
		}
		if want >= 0 {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no needle was ever found: the test checked nothing")
	}
	if indexRunes(nil, []rune("园")) != -1 || indexRunes([]rune("园区"), nil) != 0 {
		t.Fatal("empty text or word answered wrongly")
	}
}

// TestDecodeRune checks decodeRune against utf8.DecodeRuneInString on
// valid and invalid three-byte sequences: overlong forms, surrogates,
// bad continuation bytes and cut ends.
func TestDecodeRune(t *testing.T) {
	cases := []string{"a", "园", "\ue000", "\xe0\x80\x80", "\xed\xa0\x80", "\xe5\x9b", "\xe5\x28\xad", "\xef\xbf\xbd", "\xf0\x9f\x98\x80", "\xff"}
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for _, mid := range []byte{0x80, 0x9F, 0xA0, 0xBF, 0x41} {
			cases = append(cases, string([]byte{byte(lead), mid, 0x80}))
		}
	}
	for _, s := range cases {
		r, n := decodeRune(s)
		wr, wn := utf8.DecodeRuneInString(s)
		if r != wr || n != wn {
			t.Errorf("decodeRune(%q) = %U, %d; want %U, %d", s, r, n, wr, wn)
		}
	}
}
