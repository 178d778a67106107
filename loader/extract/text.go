package extract

import (
	"unicode"
)

// matchForm maps a rune to the form rules match against: full-width ASCII
// becomes ASCII, the ideographic space a space, and traditional characters
// their simplified form. Each rune maps to exactly one rune, so offsets in
// the matching form are offsets in the original text, and names are always
// cut from the original.
func matchForm(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + '!'
	case r == 0x3000:
		return ' '
	case r == '〔' || r == '【':
		return '['
	case r == '〕' || r == '】':
		return ']'
	case r == '—' || r == '–':
		return '-'
	}
	if s, ok := simplified(r); ok {
		return s
	}
	return r
}

func matchRunes(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = matchForm(r)
	}
	return out
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x20000 && r <= 0x2FA1F || r == '〇'
}

// isNameRune reports whether r can be part of an organisation's name.
func isNameRune(r rune) bool {
	if r == '丨' {
		return false // a headline's separator: 高新周报丨云岭高新区
	}
	return isHan(r) || r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '·' || r == '&' || r == '-' || r == '+' || unicode.IsLetter(r)
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』':
		return true
	}
	return false
}

func isOpenQuote(r rune) bool { return r == '“' || r == '‘' || r == '「' || r == '『' }

func isCloseQuote(r rune) bool { return r == '”' || r == '’' || r == '」' || r == '』' }

// stripQuotes removes quote characters from a name (decorative quotes are
// not part of a canonical name).
func stripQuotes(rs []rune) string {
	quoted := false
	for _, r := range rs {
		if isQuote(r) {
			quoted = true
			break
		}
	}
	if !quoted {
		return string(rs)
	}
	out := make([]rune, 0, len(rs))
	for _, r := range rs {
		if !isQuote(r) {
			out = append(out, r)
		}
	}
	return string(out)
}

// unquoted is stripQuotes for a string: s itself when it holds no quote.
func unquoted(s string) string {
	if holdsQuote(s) {
		return stripQuotes([]rune(s))
	}
	return s
}

// holdsQuote reports whether s holds one of the quotes isQuote knows,
// read as bytes: ' and ", “ ” ‘ ’ (E2 80 9C, 9D, 98, 99) and 「 」 『 』
// (E3 80 8C to 8F). E2 and E3 only ever open a character, so the bytes
// say what the runes would, in text that is not UTF-8 too.
func holdsQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\'':
			return true
		case 0xE2, 0xE3:
			if i+2 < len(s) && s[i+1] == 0x80 {
				t := s[i+2]
				if c == 0xE2 && (t == 0x98 || t == 0x99 || t == 0x9C || t == 0x9D) || c == 0xE3 && t >= 0x8C && t <= 0x8F {
					return true
				}
			}
		}
	}
	return false
}

// isConjunction reports whether r joins two names: 和, 与, 及, 或, 暨.
func isConjunction(r rune) bool {
	return r == '和' || r == '与' || r == '及' || r == '或' || r == '暨'
}

// isASCIIDigit reports whether r is 0 to 9.
func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// chineseDigit is the value of a Chinese numeral digit, or -1.
func chineseDigit(r rune) rune {
	switch r {
	case '〇', '零':
		return 0
	case '一':
		return 1
	case '二':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// digitizeYears writes a year in Chinese numerals (二〇二五年) with ASCII
// digits in the matching form, so the rules read it as any year; each
// numeral maps to one digit, so offsets stay.
func digitizeYears(m []rune) {
	for i := 4; i < len(m); i++ {
		if m[i] != '年' || (m[i-4] != '一' && m[i-4] != '二') || i > 4 && (chineseDigit(m[i-5]) >= 0 || m[i-5] == '十') {
			continue
		}
		ok := true
		for k := i - 4; k < i; k++ {
			if chineseDigit(m[k]) < 0 {
				ok = false
				break
			}
		}
		if ok {
			for k := i - 4; k < i; k++ {
				m[k] = '0' + chineseDigit(m[k])
			}
		}
	}
}
