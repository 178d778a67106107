package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parkgraph/loader"
)

// TestExplain prints how the extractor reads a text: set PARKGRAPH_EXPLAIN
// to the text (or to @FILE) and run go test -run TestExplain -v.
func TestExplain(t *testing.T) {
	text := os.Getenv("PARKGRAPH_EXPLAIN")
	if text == "" {
		t.Skip("set PARKGRAPH_EXPLAIN to a text to see how it is read")
	}
	if f, ok := strings.CutPrefix(text, "@"); ok {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text = string(b)
		if ext := strings.ToLower(filepath.Ext(f)); ext == ".html" || ext == ".htm" {
			text = loader.HTMLText(text)
		}
	}
	d, facts, st := extractState(t, text)
	for _, i := range st.entityMentions() {
		m := st.mentions[i]
		ent := "-"
		if m.ent >= 0 {
			ent = st.ents[m.ent].name
		}
		fmt.Printf("mention %-12s %-30s [%d,%d) %s → %s\n", m.typ, m.name, m.start, m.end, m.src, ent)
	}
	for si := range st.sents {
		enc := st.encode(si)
		var b strings.Builder
		for _, r := range enc.text {
			if typ, k, ok := slotType(r); ok {
				fmt.Fprintf(&b, "{%s%d:%s}", typ[:2], k, st.ents[enc.ents[k]].name)
				continue
			}
			b.WriteRune(r)
		}
		fmt.Printf("sentence %d: %s\n", si, b.String())
	}
	for _, f := range facts {
		fmt.Printf("fact %s %s %s (%s)\n", st.ents[f.s].name, f.p, st.ents[f.o].name, f.rule)
	}
	_ = d
}
