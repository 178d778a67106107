package loader

import (
	"unicode"

	"parkgraph/graph"
)

// openers are the brackets and quotes the splitter does not break inside;
// closerOf gives each its partner.
const openers = "“‘「『《〈（(【[〔"

var closers = func() map[rune]bool {
	m := map[rune]bool{}
	for _, o := range openers {
		m[closerOf(o)] = true
	}
	return m
}()

// maxNesting guards against runaway nesting in unbalanced text.
const maxNesting = 8

// Sentences splits cleaned text into sentences. A sentence ends at 。！？!?
// (with the closing quotes and brackets that follow) outside quotes and
// brackets, at a ； or … outside them when the sentence is long, and always
// at a line end, so an unbalanced quote cannot swallow the rest of the
// article. Spans are in runes.
func Sentences(text string) []graph.Sentence {
	rs := []rune(text)
	// at[i] is the byte offset of rune i, so a sentence's text is a slice of
	// the document's text rather than a copy.
	at := make([]int32, len(rs)+1)
	{
		i := 0
		for b := range text {
			at[i] = int32(b)
			i++
		}
		at[len(rs)] = int32(len(text))
	}
	out := make([]graph.Sentence, 0, len(rs)/40+1)
	start := 0
	var stackBuf [maxNesting]rune
	stack := stackBuf[:0]
	emit := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(rs[s]) {
			s++
		}
		for e > s && unicode.IsSpace(rs[e-1]) {
			e--
		}
		if e > s {
			out = append(out, graph.Sentence{Index: len(out), Text: text[at[s]:at[e]], Span: graph.Span{Start: s, End: e}})
		}
		start = end
		stack = stack[:0]
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\n' {
			emit(i)
			continue
		}
		if len(stack) > 0 && r == stack[len(stack)-1] {
			stack = stack[:len(stack)-1]
			continue
		}
		if c := closerOf(r); c != 0 {
			if len(stack) < maxNesting {
				stack = append(stack, c)
			}
			continue
		}
		if r == '"' { // straight quotes pair with themselves
			if len(stack) > 0 && stack[len(stack)-1] == '"' {
				stack = stack[:len(stack)-1]
			} else if len(stack) < maxNesting {
				stack = append(stack, '"')
			}
			continue
		}
		if len(stack) > 0 {
			continue
		}
		if isStop(r) || (r == '.' && i+1 < len(rs) && !unicode.IsDigit(rs[i+1]) && i > 0 && unicode.Is(unicode.Han, rs[i-1])) {
			j := i + 1
			for j < len(rs) && (isStop(rs[j]) || isCloser(rs[j]) || rs[j] == '"') {
				j++
			}
			emit(j)
			i = j - 1
		}
	}
	emit(len(rs))
	return out
}

// isStop reports whether r ends a sentence: 。！？!?
func isStop(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '!' || r == '?'
}

// closerOf returns the closing partner of an opening bracket or quote, or 0.
func closerOf(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '‘':
		return '’'
	case '「':
		return '」'
	case '『':
		return '』'
	case '《':
		return '》'
	case '〈':
		return '〉'
	case '（':
		return '）'
	case '(':
		return ')'
	case '【':
		return '】'
	case '[':
		return ']'
	case '〔':
		return '〕'
	}
	return 0
}

// isCloser reports whether r closes a bracket or quote.
func isCloser(r rune) bool {
	return closers[r]
}
