package textwidth

import (
	"strings"
	"unicode"
)

// CanBreak reports whether a line may break between prev and next: not
// inside a run of Latin letters or digits, not after opening punctuation
// and not before closing punctuation (the Chinese rules of line breaking).
func CanBreak(prev, next rune) bool {
	if isWordRune(prev) && isWordRune(next) {
		return false
	}
	if strings.ContainsRune("（(「『“‘《〈【[〔", prev) {
		return false
	}
	if strings.ContainsRune("）)」』”’》〉】]〕，,。.、；;：:！!？?·%…", next) {
		return false
	}
	return true
}

func isWordRune(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '&' || r == '_')
}

// Wrap breaks s into lines no wider than maxWidth points at size points,
// filling each line as far as it goes. A run that cannot be broken and is
// wider than maxWidth stays whole on its own line.
func Wrap(s string, size float64, bold bool, maxWidth float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, wrapLine([]rune(para), size, bold, maxWidth)...)
	}
	return lines
}

func wrapLine(rs []rune, size float64, bold bool, maxWidth float64) []string {
	var lines []string
	start, lastBreak := 0, -1
	w := 0.0
	for i := 0; i < len(rs); i++ {
		if i > start && CanBreak(rs[i-1], rs[i]) {
			lastBreak = i
		}
		w += Em(rs[i], bold) * size
		if w > maxWidth && lastBreak > start {
			lines = append(lines, strings.TrimRight(string(rs[start:lastBreak]), " "))
			start = lastBreak
			for start < len(rs) && rs[start] == ' ' {
				start++
			}
			lastBreak = -1
			w = Width(string(rs[start:i+1]), size, bold)
		}
	}
	if start < len(rs) || len(lines) == 0 {
		lines = append(lines, string(rs[start:]))
	}
	return lines
}
