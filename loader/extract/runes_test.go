package extract

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"

	"parkgraph/graph"
	"parkgraph/internal/testenv"
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

// TestStringsCutFromText checks that the strings cut from a document's text
// by rune offsets are the strings of its runes, on a text with full-width
// forms, traditional characters and a Chinese year, all of which the
// matching form changes, and on one holding bytes that are not UTF-8
// (where the runes are not the bytes and names must be made from the
// runes).
func TestStringsCutFromText(t *testing.T) {
	x, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range []string{
		"（新华社）二〇二三年，甲乙科技有限公司入選「國家級」名单：ＡＢ—１２。",
		"甲乙\xff公司\xe4\xb8位于丙丁高新区\x80。",
		"（甲）乙科技有限公司入選「國家級」名单：ＡＢ—１２。",
		"",
	} {
		st := x.newDoc(&graph.Document{Text: text})
		if valid := utf8.ValidString(text); (st.origAt != nil) != valid {
			t.Errorf("%q: cut from the text: %v, want %v", text, st.origAt != nil, valid)
		}
		for a := 0; a <= len(st.orig); a++ {
			for b := a; b <= len(st.orig); b++ {
				if got, want := st.origString(a, b), string(st.orig[a:b]); got != want {
					t.Fatalf("%q: origString(%d, %d) = %q, want %q", text, a, b, got, want)
				}
				if got, want := st.matchString(a, b), string(st.m[a:b]); got != want {
					t.Fatalf("%q: matchString(%d, %d) = %q, want %q", text, a, b, got, want)
				}
				if got, want := st.origUnquoted(a, b), stripQuotes(st.orig[a:b]); got != want {
					t.Fatalf("%q: origUnquoted(%d, %d) = %q, want %q", text, a, b, got, want)
				}
			}
		}
		if (i == 0 || i == 2) && st.text() == string(st.orig) {
			t.Errorf("%q: the matching form is the original text: the test checks nothing it changes", text)
		}
		st.release()
	}
}

// TestHoldsQuote compares holdsQuote, which reads bytes, with isQuote over
// the runes, on random strings of quotes, their neighbours in the same
// blocks and bytes that are not UTF-8.
func TestHoldsQuote(t *testing.T) {
	pieces := []string{"“", "”", "‘", "’", "「", "」", "『", "』", "\"", "'", "、", "。", "《", "–", "…", "甲", "a",
		"\xe2", "\xe2\x80", "\xe3\x80", "\x80\x9c", "\xff", "\xe2\x80\x9b", "\xe3\x80\x90"}
	rng := rand.New(rand.NewPCG(4, 4))
	held := 0
	for range 50000 {
		s := testenv.RandomText(rng, pieces, 4)
		want := false
		for _, r := range s {
			want = want || isQuote(r)
		}
		if got := holdsQuote(s); got != want {
			t.Fatalf("holdsQuote(%q) = %v, the runes say %v", s, got, want)
		}
		if want {
			held++
		}
	}
	if held < 10000 || held > 45000 {
		t.Fatalf("%d of 50000 strings held a quote: the test checks too little", held)
	}
}
