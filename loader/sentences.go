package loader

import (
	"sync"
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

// A splitBuffer holds the runes of a text being split and their byte
// offsets; the buffers are reused from one text to the next.
type splitBuffer struct {
	runes []rune
	at    []int32
}

var splitBuffers = sync.Pool{New: func() any { return new(splitBuffer) }}

// maxNesting guards against runaway nesting in unbalanced text.
const maxNesting = 8

// Sentences splits cleaned text into sentences. A sentence ends at 。！？!?
// (with the closing quotes and brackets that follow) outside quotes and
// brackets, at a ； or … outside them when the sentence is long, and always
// at a line end, so an unbalanced quote cannot swallow the rest of the
// article. Spans are in runes.
func Sentences(text string) []graph.Sentence {
	buf := splitBuffers.Get().(*splitBuffer)
	defer splitBuffers.Put(buf)
	// rs holds the runes; at[i] is the byte offset of rune i, so a
	// sentence's text is a slice of the document's text rather than a copy.
	rs, at := buf.runes[:0], buf.at[:0]
	for b, r := range text {
		rs = append(rs, r)
		at = append(at, int32(b))
	}
	at = append(at, int32(len(text)))
	buf.runes, buf.at = rs, at
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
