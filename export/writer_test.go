package export_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"parkgraph/export"
	"parkgraph/export/exporttest"
)

var awkward = []string{
	`青禾"智造"科技&<有限>公司`,
	"a\tb\nc\r\x01\x7f d",
	"瞪羚企业🦌\u2028",
	"bad \xff byte",
	"\ufffe\uffff]]>",
	strings.Repeat("滇中", 500),
}

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"plain 园区":       "plain 园区",
		"a\tb\nc\r\x01d": "a\tb\ncd",
		"bad \xff byte":  "bad \ufffd byte",
		"\ufffd kept":    "\ufffd kept",
		"\ufffe\uffffx":  "x",
		"🦌\x7f":          "🦌",
	} {
		if got := export.Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestXMLEscaping writes awkward strings as text and as attribute values
// and reads them back with encoding/xml: each must come back as Clean
// makes it.
func TestXMLEscaping(t *testing.T) {
	for _, s := range awkward {
		var buf bytes.Buffer
		w := export.NewWriter(&buf)
		w.WriteString(`<x a="`)
		w.XMLAttr(s)
		w.WriteString(`">`)
		w.XMLText(s)
		w.WriteString(`</x>`)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		var got struct {
			A    string `xml:"a,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.Unmarshal(buf.Bytes(), &got); err != nil {
			t.Errorf("%q: not XML: %v\n%s", s, err, buf.Bytes())
			continue
		}
		want := export.Clean(s)
		if got.A != want {
			t.Errorf("attribute %q read back as %q, want %q", s, got.A, want)
		}
		if strings.ReplaceAll(want, "\r", "") != strings.ReplaceAll(got.Text, "\r", "") {
			t.Errorf("text %q read back as %q", s, got.Text)
		}
	}
}

func TestJSONString(t *testing.T) {
	for _, s := range awkward {
		var buf bytes.Buffer
		w := export.NewWriter(&buf)
		w.JSONString(s)
		w.Flush()
		var got string
		if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
			t.Errorf("%q: not JSON: %v (%s)", s, err, buf.Bytes())
			continue
		}
		want := strings.ReplaceAll(export.Clean(s), "\r", "")
		if got != want {
			t.Errorf("%q read back as %q, want %q", s, got, want)
		}
		if bytes.ContainsRune(buf.Bytes(), '\u2028') {
			t.Errorf("%q: U+2028 left unescaped", s)
		}
	}
}

func TestWriterStickyError(t *testing.T) {
	fw := &exporttest.FailingWriter{N: 10}
	w := export.NewWriter(fw)
	w.WriteString(strings.Repeat("x", 100<<10)) // more than the buffer
	if w.Err() == nil {
		t.Fatal("no error after the buffer spilled into a failing writer")
	}
	w.WriteString("more")
	w.Int(5)
	if err := w.Flush(); err != exporttest.ErrWrite {
		t.Errorf("Flush = %v, want the first error", err)
	}
}
