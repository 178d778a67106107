package export

import (
	"bufio"
	"bytes"
	"io"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// Writer is a buffered writer with a sticky error: after the first failed
// write every later write does nothing, and Flush returns that error.
// Encoders write through it and check the error once, at the end. Its
// escaping methods (XMLText, XMLAttr, JSONString) write text cleaned as
// Clean describes without allocating.
type Writer struct {
	bw      *bufio.Writer
	err     error
	scratch []byte
}

// NewWriter wraps w.
func NewWriter(w io.Writer) *Writer {
	return &Writer{bw: bufio.NewWriterSize(w, 64<<10), scratch: make([]byte, 0, 64)}
}

// WriteString writes s unless an earlier write failed.
func (w *Writer) WriteString(s string) {
	if w.err == nil {
		_, w.err = w.bw.WriteString(s)
	}
}

// WriteByte writes one byte unless an earlier write failed. It never
// returns an error itself (the error is kept for Flush); the signature is
// io.ByteWriter's.
func (w *Writer) WriteByte(c byte) error {
	if w.err == nil {
		w.err = w.bw.WriteByte(c)
	}
	return nil
}

// Write writes p unless an earlier write failed; it implements io.Writer.
func (w *Writer) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.bw.Write(p)
	w.err = err
	return n, err
}

// Int writes an integer in decimal.
func (w *Writer) Int(v int64) {
	w.scratch = strconv.AppendInt(w.scratch[:0], v, 10)
	w.Write(w.scratch)
}

// Float writes a float the shortest way that reads back exactly (as
// FormatFloat does).
func (w *Writer) Float(v float64) {
	w.scratch = strconv.AppendFloat(w.scratch[:0], v, 'g', -1, 64)
	w.Write(w.scratch)
}

// Fixed writes a float with the given number of decimals, without an
// exponent (for coordinates and sizes, which some schemas type as
// xsd:float and some readers parse naively).
func (w *Writer) Fixed(v float64, decimals int) {
	w.scratch = strconv.AppendFloat(w.scratch[:0], v, 'f', decimals, 64)
	w.Write(w.scratch)
}

// Err returns the first error.
func (w *Writer) Err() error { return w.err }

// Flush writes buffered data and returns the first error.
func (w *Writer) Flush() error {
	if w.err == nil {
		w.err = w.bw.Flush()
	}
	return w.err
}

// Clean returns s as every format writes it: invalid UTF-8 becomes U+FFFD,
// and control characters other than tab and newline, DEL, and the
// noncharacters U+FFFE and U+FFFF are dropped (XML 1.0 cannot hold most of
// them, and no reader shows them usefully). Everything else, emoji and
// full-width forms included, is kept as it is.
func Clean(s string) string {
	if !needsClean(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, n := next(s, i)
		switch r {
		case drop:
		case utf8.RuneError:
			if n == 1 {
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, s[i:i+n]...)
			}
		default:
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return string(b)
}

// drop marks a character Clean removes.
const drop = -1

// next decodes the character at s[i], returning drop for a character Clean
// removes and utf8.RuneError (with size 1) for an invalid byte.
func next(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
			return drop, 1
		}
		return rune(c), 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n == 1 {
		return utf8.RuneError, 1
	}
	if r == 0xFFFE || r == 0xFFFF {
		return drop, n
	}
	return r, n
}

// needsClean reports whether Clean would change s.
func needsClean(s string) bool {
	for i := 0; i < len(s); {
		r, n := next(s, i)
		if r == drop || r == utf8.RuneError && n == 1 {
			return true
		}
		i += n
	}
	return false
}

// XMLText writes s cleaned and escaped as XML character data.
func (w *Writer) XMLText(s string) { w.xml(s, false) }

// XMLAttr writes s cleaned and escaped for a double-quoted XML attribute
// value; tabs and newlines become character references so that attribute
// value normalisation keeps them.
func (w *Writer) XMLAttr(s string) { w.xml(s, true) }

// xmlStop marks the bytes the XML escaper must look at: markup
// characters, control characters, and 0xEF, which starts U+FFFE and
// U+FFFF. xmlStopAttr adds what attribute values need besides.
var xmlStop, xmlStopAttr = func() (text, attr [256]bool) {
	for c := 0; c < 0x20; c++ {
		text[c] = c != '\t' && c != '\n'
	}
	text[0x7f], text['<'], text['>'], text['&'], text[0xEF] = true, true, true, true, true
	attr = text
	attr['"'], attr['\n'], attr['\t'] = true, true, true
	return
}()

func (w *Writer) xml(s string, attr bool) {
	if !utf8.ValidString(s) {
		s = Clean(s)
	}
	stop := &xmlStop
	if attr {
		stop = &xmlStopAttr
	}
	// s is valid UTF-8 now: only ASCII bytes need escaping or dropping,
	// and the noncharacters U+FFFE and U+FFFF (EF BF BE, EF BF BF).
	start := 0
	for i := 0; i < len(s); i++ {
		for i < len(s) && !stop[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		var esc string
		n := 1
		switch c := s[i]; c {
		case 0xEF:
			if i+2 >= len(s) || s[i+1] != 0xBF || s[i+2] != 0xBE && s[i+2] != 0xBF {
				continue
			}
			n = 3
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '"':
			esc = "&quot;"
		case '\n':
			esc = "&#xA;"
		case '\t':
			esc = "&#x9;"
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		i += n - 1
		start = i + 1
	}
	w.WriteString(s[start:])
}

// JSONString writes s cleaned, quoted and escaped as a JSON string. U+2028
// and U+2029 are escaped too, so the output is also valid JavaScript.
func (w *Writer) JSONString(s string) {
	const hex = "0123456789abcdef"
	w.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		n := 1
		if c < utf8.RuneSelf {
			switch {
			case c == '"':
				esc = `\"`
			case c == '\\':
				esc = `\\`
			case c == '\n':
				esc = `\n`
			case c == '\t':
				esc = `\t`
			case c < 0x20 || c == 0x7f:
				esc = ""
			default:
				i++
				continue
			}
		} else {
			var r rune
			r, n = next(s, i)
			switch {
			case r == drop:
				esc = ""
			case r == utf8.RuneError && n == 1:
				esc = `\ufffd`
			case r == 0x2028 || r == 0x2029:
				esc = `\u202` + string(hex[r&0xf])
			default:
				i += n
				continue
			}
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		i += n
		start = i
	}
	w.WriteString(s[start:])
	w.WriteByte('"')
}

// chunkBuffers keeps Parallel's buffers between calls, grown to the size of
// a chunk.
var chunkBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Parallel writes items 0…n-1 in order, rendering them on every CPU: each
// worker gets its own render function from newRender (so it can keep
// private state such as cloned Columns) and renders chunks of items into a
// buffer, and the buffers are written to w in item order. The output is the
// same as rendering every item in turn; at most two chunks per worker are
// held in memory. Once w has failed, the remaining chunks are skipped.
func (w *Writer) Parallel(n, chunk int, newRender func() func(cw *Writer, i int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers == 1 || n < 2*chunk {
		render := newRender()
		for i := 0; i < n && w.err == nil; i++ {
			render(w, i)
		}
		return
	}
	type job struct {
		lo, hi int
		out    chan *bytes.Buffer
	}
	jobs := make(chan job)
	queue := make(chan chan *bytes.Buffer, 2*workers)
	// Buffers go round: enough for every chunk in the queue, in a worker and
	// being written, so after the first rounds nothing is allocated.
	free := make(chan *bytes.Buffer, 4*workers+2)
	for i := 0; i < cap(free); i++ {
		free <- chunkBuffers.Get().(*bytes.Buffer)
	}
	defer func() {
		for len(free) > 0 {
			chunkBuffers.Put(<-free)
		}
	}()
	var failed atomic.Bool
	var wg sync.WaitGroup
	for k := 0; k < workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			render := newRender()
			cw := &Writer{bw: bufio.NewWriterSize(io.Discard, 16<<10), scratch: make([]byte, 0, 64)}
			for j := range jobs {
				buf := <-free
				buf.Reset()
				if !failed.Load() {
					cw.bw.Reset(buf)
					for i := j.lo; i < j.hi; i++ {
						render(cw, i)
					}
					cw.Flush()
				}
				j.out <- buf
			}
		}()
	}
	go func() {
		for lo := 0; lo < n; lo += chunk {
			out := make(chan *bytes.Buffer, 1)
			queue <- out
			jobs <- job{lo, min(lo+chunk, n), out}
		}
		close(jobs)
		close(queue)
	}()
	for out := range queue {
		buf := <-out
		w.Write(buf.Bytes())
		free <- buf
		if w.err != nil {
			failed.Store(true)
		}
	}
	wg.Wait()
}
