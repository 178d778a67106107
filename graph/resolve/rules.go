package resolve

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Rules are a person's corrections to the automatic merges, read from an
// aliases file. One rule a line; '#' starts a comment:
//
//	merge: 云南青禾科技有限公司 | 青禾科技 | 青禾   these are one organisation; the first name is canonical
//	split: 江西青禾科技有限公司 | 青禾科技         never merge these with each other
//
// Names are entity names as the documents give them (the name column of
// "parkgraph aliases"); width and spacing do not matter.
type Rules struct {
	Merge []Group
	Split []Group
}

// Group is the names of one rule and the line it came from.
type Group struct {
	Names []string
	Line  int
}

// ParseError is a mistake in an aliases file.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// ParseRules reads an aliases file; name is used in error messages.
func ParseRules(r io.Reader, name string) (*Rules, error) {
	rules := &Rules{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		text = strings.TrimSpace(text)
		if text == "" {
			continue
		}
		kind, rest, ok := strings.Cut(text, ":")
		kind = strings.TrimSpace(kind)
		if !ok || (kind != "merge" && kind != "split") {
			return nil, &ParseError{name, line, fmt.Sprintf("want \"merge: NAME | NAME…\" or \"split: NAME | NAME…\", got %q", text)}
		}
		g := Group{Line: line}
		seen := map[string]bool{}
		for _, n := range strings.Split(rest, "|") {
			n = strings.TrimSpace(n)
			if n == "" {
				return nil, &ParseError{name, line, "empty name between '|' separators"}
			}
			if !seen[n] {
				seen[n] = true
				g.Names = append(g.Names, n)
			}
		}
		if len(g.Names) < 2 {
			return nil, &ParseError{name, line, kind + " needs at least two different names separated by '|'"}
		}
		if kind == "merge" {
			rules.Merge = append(rules.Merge, g)
		} else {
			rules.Split = append(rules.Split, g)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return rules, nil
}

// String writes the rules back in the aliases file format.
func (r *Rules) String() string {
	if r == nil {
		return ""
	}
	var b strings.Builder
	for _, g := range r.Merge {
		fmt.Fprintf(&b, "merge: %s\n", strings.Join(g.Names, " | "))
	}
	for _, g := range r.Split {
		fmt.Fprintf(&b, "split: %s\n", strings.Join(g.Names, " | "))
	}
	return b.String()
}
