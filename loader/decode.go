package loader

import (
	"bytes"
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	unicodeenc "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Errors Decode returns for input that is not an article.
var (
	ErrEmpty  = errors.New("file is empty")
	ErrBinary = errors.New("file is binary, not text")
)

// Encoding names Decode reports.
const (
	EncUTF8    = "UTF-8"
	EncUTF8BOM = "UTF-8 (BOM)"
	EncUTF16LE = "UTF-16LE"
	EncUTF16BE = "UTF-16BE"
	EncGB18030 = "GB18030"
)

// Decode turns a file's bytes into text. It recognises UTF-8 (with or without
// BOM), UTF-16 with a BOM and GB18030 (a superset of GBK and GB2312) by their
// bytes, and rejects empty and binary files. Invalid sequences in otherwise
// valid UTF-8 become U+FFFD; the returned count says how many there were.
func Decode(b []byte) (text, encoding string, invalid int, err error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b, encoding = b[3:], EncUTF8BOM
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeUTF16(b, unicodeenc.LittleEndian, EncUTF16LE)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeUTF16(b, unicodeenc.BigEndian, EncUTF16BE)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return "", "", 0, ErrEmpty
	}
	if looksBinary(b) {
		return "", "", 0, ErrBinary
	}
	if utf8.Valid(b) {
		if encoding == "" {
			encoding = EncUTF8
		}
		return string(b), encoding, 0, nil
	}
	bad := invalidUTF8(b)
	if encoding == "" {
		// Not UTF-8: try GB18030, and keep it when it reads as Chinese text.
		if s, err := decodeWith(b, simplifiedchinese.GB18030.NewDecoder()); err == nil && plausibleText(s) {
			if bad*50 > len(b) || !plausibleText(string(bytes.ToValidUTF8(b, []byte("\uFFFD")))) {
				return s, EncGB18030, 0, nil
			}
		}
		encoding = EncUTF8
	}
	if bad*10 > len(b) {
		return "", "", 0, fmt.Errorf("%w: %d of %d bytes are neither UTF-8 nor GB18030 text", ErrBinary, bad, len(b))
	}
	return string(bytes.ToValidUTF8(b, []byte("\uFFFD"))), encoding, bad, nil
}

func decodeUTF16(b []byte, order unicodeenc.Endianness, name string) (string, string, int, error) {
	s, err := decodeWith(b, unicodeenc.UTF16(order, unicodeenc.ExpectBOM).NewDecoder())
	if err != nil {
		return "", "", 0, fmt.Errorf("decode %s: %w", name, err)
	}
	if len(bytesTrimSpace(s)) == 0 {
		return "", "", 0, ErrEmpty
	}
	n := 0
	for _, r := range s {
		if r == utf8.RuneError {
			n++
		}
	}
	return s, name, n, nil
}

func bytesTrimSpace(s string) []byte { return bytes.TrimSpace([]byte(s)) }

func decodeWith(b []byte, t transform.Transformer) (string, error) {
	out, _, err := transform.Bytes(t, b)
	return string(out), err
}

// looksBinary reports NUL bytes or many control characters in the first 8 KB.
func looksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	ctl := 0
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return ctl*20 > len(b)
}

func invalidUTF8(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			n++
		}
		b = b[size:]
	}
	return n
}

// plausibleText reports whether s reads as text: few replacement or private
// use characters and, among its letters, a fair share of common Han
// characters or ASCII.
func plausibleText(s string) bool {
	var total, odd, good int
	for _, r := range s {
		total++
		switch {
		case r == utf8.RuneError || unicode.Is(unicode.Co, r) || (r < 0x20 && r != '\n' && r != '\r' && r != '\t'):
			odd++
		case r < 0x80 || (r >= 0x4E00 && r <= 0x9FA5) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF):
			good++
		}
	}
	return total > 0 && odd*100 <= total && good*10 >= total*8
}
