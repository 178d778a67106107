package queries

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"golang.org/x/text/width"
)

// WriteTable writes query results as a text table aligned for a terminal
// (Chinese characters count two columns): one row per
// result and one column per key (sorted, "id" first); a result that is not
// an object fills a single "value" column. Lists are joined with ", ",
// nested objects written as JSON, and a missing key left empty.
func WriteTable(w io.Writer, results []any) error {
	var cols []string
	seen := map[string]bool{}
	scalar := false
	for _, r := range results {
		m, ok := r.(map[string]any)
		if !ok {
			scalar = true
			continue
		}
		for k := range m {
			if !seen[k] {
				seen[k] = true
				cols = append(cols, k)
			}
		}
	}
	sort.Slice(cols, func(i, j int) bool {
		if (cols[i] == "id") != (cols[j] == "id") {
			return cols[i] == "id"
		}
		return cols[i] < cols[j]
	})
	if scalar {
		cols = append(cols, "value")
	}
	rows := [][]string{cols}
	for _, r := range results {
		cells := make([]string, len(cols))
		if m, ok := r.(map[string]any); ok {
			for i, c := range cols {
				if v, ok := m[c]; ok {
					cells[i] = cell(v)
				}
			}
		} else {
			cells[len(cells)-1] = cell(r)
		}
		rows = append(rows, cells)
	}
	widths := make([]int, len(cols))
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		b.Reset()
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
	}
	return nil
}

// displayWidth is the number of terminal columns s takes: two for each
// wide or full-width character (Chinese), one for others.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return oneLine(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cell(e)
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		b, _ := json.Marshal(x)
		return string(b)
	case float64:
		return fmt.Sprint(x)
	default:
		b, err := json.Marshal(x)
		if err != nil {
			return fmt.Sprint(x)
		}
		return oneLine(string(b))
	}
}

// oneLine keeps a cell on one line (tabs and newlines would break the table).
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
