package export

import (
	"bufio"
	"io"
)

// Writer is a buffered writer with a sticky error: after the first failed
// write every later write does nothing, and Flush returns that error. Encoders
// write through it and check the error once, at the end.
type Writer struct {
	bw  *bufio.Writer
	err error
}

// NewWriter wraps w.
func NewWriter(w io.Writer) *Writer { return &Writer{bw: bufio.NewWriterSize(w, 64<<10)} }

// WriteString writes s unless an earlier write failed.
func (w *Writer) WriteString(s string) {
	if w.err == nil {
		_, w.err = w.bw.WriteString(s)
	}
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

// Err returns the first error.
func (w *Writer) Err() error { return w.err }

// Flush writes buffered data and returns the first error.
func (w *Writer) Flush() error {
	if w.err == nil {
		w.err = w.bw.Flush()
	}
	return w.err
}
