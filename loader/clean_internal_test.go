package loader

import (
	"math/rand/v2"
	"strings"
	"testing"

	"parkgraph/internal/testenv"
)

// TestContainsAnyOf compares containsAnyOf with strings.ContainsAny on
// random texts over Chinese and ASCII punctuation, letters and stray bytes
// that are not UTF-8 (lead bytes without their continuations, lone
// continuations), for the character sets Clean asks about.
func TestContainsAnyOf(t *testing.T) {
	pieces := []string{"：", ":", "】", "]", "，", "。", "、", ",", "；", "甲", "首", "a", " ", "\xef", "\xbc", "\x9a", "\xe3\x80", "\xff", "\xef\xbc"}
	sets := []string{":：]】", "。；;！？!?，,", "，。、,；", "，,。；;：:、！？!?"}
	rng := rand.New(rand.NewPCG(7, 8))
	found := 0
	for range 20000 {
		s := testenv.RandomText(rng, pieces, 11)
		for _, set := range sets {
			want := strings.ContainsAny(s, set)
			if got := containsAnyOf(s, set); got != want {
				t.Fatalf("containsAnyOf(%q, %q) = %v, strings.ContainsAny says %v", s, set, got, want)
			}
			if want {
				found++
			}
		}
	}
	if found < 10000 {
		t.Fatalf("only %d texts held a character of their set: the test checks too little", found)
	}
}
