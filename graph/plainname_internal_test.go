package graph

import (
	"math/rand/v2"
	"testing"

	"parkgraph/internal/testenv"
)

// TestPlainNameReadsRunes compares plainName, which reads bytes, with the
// rule it states over runes, on random strings of CJK characters at the
// block's edges, ASCII, spaces, other scripts and bytes that are not UTF-8.
func TestPlainNameReadsRunes(t *testing.T) {
	byRunes := func(name string) bool {
		for _, r := range name {
			if !(r > ' ' && r < 0x7f || r >= 0x4e00 && r <= 0x9fff) {
				return false
			}
		}
		return true
	}
	pieces := []string{"\u4e00", "\u9fff", "\u4dff", "\ua000", "园", "区", "A", "~", " ", "\x7f", "\u3000", "（", "é",
		"\xe4", "\xe4\xb8", "\xe9\xbf", "\xbf", "\xff", "\xe4\xb7\xbf", "\xed\xa0\x80", "\xe0\x80\x80"}
	rng := rand.New(rand.NewPCG(3, 9))
	plain := 0
	for range 50000 {
		name := testenv.RandomText(rng, pieces, 5)
		if got, want := plainName(name), byRunes(name); got != want {
			t.Fatalf("plainName(%q) = %v, want %v", name, got, want)
		} else if want {
			plain++
		}
	}
	if plain < 1000 {
		t.Fatalf("only %d plain names met: the test checks too little", plain)
	}
}
