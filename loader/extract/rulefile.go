package extract

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

//go:embed rules/*
var rulesFS embed.FS

// RuleFiles is the file system holding the rule and word-list files.
func RuleFiles() fs.FS { return rulesFS }

// line is one meaningful line of a data file, with its position.
type line struct {
	file string
	no   int
	text string
}

func (l line) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", l.file, l.no, fmt.Sprintf(format, args...))
}

// readLines returns the non-empty, non-comment lines of a data file, trimmed
// of trailing spaces; a line's leading indentation is kept.
func readLines(fsys fs.FS, name string) ([]line, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	defer f.Close()
	var out []line
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	no := 0
	for sc.Scan() {
		no++
		t := strings.TrimRight(sc.Text(), " \t\r")
		if strings.TrimSpace(t) == "" || strings.HasPrefix(strings.TrimSpace(t), "#") {
			continue
		}
		out = append(out, line{file: name, no: no, text: t})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("rules: %s: %w", name, err)
	}
	return out, nil
}

// wordList reads a file of words, one per line (a tab ends the word; what
// follows is the word's attributes).
func wordList(fsys fs.FS, name string) ([]string, error) {
	lines, err := readLines(fsys, name)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		w, _, _ := strings.Cut(strings.TrimSpace(l.text), "\t")
		out = append(out, strings.TrimSpace(w))
	}
	return out, nil
}

// Example is a sentence a rule must or must not match, with the facts it
// must or must not yield ("Enterprise:丙丁科技有限公司", "A located_in B").
type Example struct {
	Pos   string // file:line
	Yes   bool   // must match (true) or must not (false)
	Text  string
	Facts []string
}

// RuleSpec is a rule as written in a rule file: a name, key-value fields and
// examples.
type RuleSpec struct {
	Name     string
	Pos      string
	Fields   map[string][]string
	Examples []Example
	first    line
}

// readRules parses a rule file:
//
//	rule NAME
//	  KEY   VALUE
//	  yes   SENTENCE => FACT; FACT
//	  no    SENTENCE => FACT
//
// Keys may repeat. A "yes" example lists facts that must be extracted from the
// sentence; a "no" example lists facts that must not be (none: the rule must
// not fire at all).
func readRules(fsys fs.FS, name string) ([]*RuleSpec, error) {
	lines, err := readLines(fsys, name)
	if err != nil {
		return nil, err
	}
	var out []*RuleSpec
	var cur *RuleSpec
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if !strings.HasPrefix(l.text, " ") && !strings.HasPrefix(l.text, "\t") {
			key, val, _ := strings.Cut(t, " ")
			if key != "rule" || strings.TrimSpace(val) == "" {
				return nil, l.errorf("expected \"rule NAME\", got %q", t)
			}
			cur = &RuleSpec{Name: strings.TrimSpace(val), Pos: fmt.Sprintf("%s:%d", l.file, l.no), Fields: map[string][]string{}, first: l}
			out = append(out, cur)
			continue
		}
		if cur == nil {
			return nil, l.errorf("indented line before any rule")
		}
		key, val, ok := cutField(t)
		if !ok {
			return nil, l.errorf("expected \"KEY VALUE\", got %q", t)
		}
		switch key {
		case "yes", "no":
			sent, facts, _ := strings.Cut(val, "=>")
			ex := Example{Pos: fmt.Sprintf("%s:%d", l.file, l.no), Yes: key == "yes", Text: strings.TrimSpace(sent)}
			for _, f := range strings.Split(facts, ";") {
				if f = strings.TrimSpace(f); f != "" {
					ex.Facts = append(ex.Facts, f)
				}
			}
			if ex.Yes && len(ex.Facts) == 0 {
				return nil, l.errorf("a yes example needs \"=> FACT\"")
			}
			cur.Examples = append(cur.Examples, ex)
		default:
			cur.Fields[key] = append(cur.Fields[key], val)
		}
	}
	return out, nil
}

func cutField(t string) (key, val string, ok bool) {
	i := strings.IndexAny(t, " \t")
	if i < 0 {
		return "", "", false
	}
	return t[:i], strings.TrimSpace(t[i+1:]), true
}

func (r *RuleSpec) one(key string) (string, error) {
	v := r.Fields[key]
	if len(v) != 1 {
		return "", r.first.errorf("rule %s: want exactly one %q line, have %d", r.Name, key, len(v))
	}
	return v[0], nil
}
