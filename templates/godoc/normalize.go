package godoc

import (
	"strings"
	"unicode/utf8"
)

// normalize prepares untrusted input for parsing: invalid UTF-8 becomes
// U+FFFD, every line break (CRLF, lone CR, U+2028, U+2029, U+0085) becomes a
// line feed, and the runes that [dropped] reports are removed.
func normalize(s string) string {
	if isPrintableASCII(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case lineBreak(r):
			b.WriteByte('\n')
		case dropped(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isPrintableASCII reports whether s is ASCII without control characters
// other than tab and line feed: text that normalize leaves as it is.
func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || c < 0x20 && c != '\t' && c != '\n' {
			return false
		}
	}
	return true
}

// clean makes a fragment of rendered text safe on one line: line breaks and
// tabs become spaces and the runes that [dropped] reports are removed. Text
// from character references (&#13;, &#x202E;) goes through it too.
func clean(s string) string {
	return cleanLine(s, false)
}

// cleanCode is like [clean] for a line of a code block, which keeps its tabs.
func cleanCode(s string) string {
	return cleanLine(s, true)
}

func cleanLine(s string, keepTabs bool) string {
	if isClean(s, keepTabs) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' && keepTabs:
			b.WriteByte('\t')
		case r == '\r' || r == '\n' || r == '\t' || lineBreak(r):
			b.WriteByte(' ')
		case dropped(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isClean reports whether s is valid UTF-8 without any rune that
// [cleanLine] changes.
func isClean(s string, keepTabs bool) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && !(c == '\t' && keepTabs) || c >= 0x7f {
			return isCleanSlow(s, keepTabs)
		}
	}
	return true
}

func isCleanSlow(s string, keepTabs bool) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r == '\t' && keepTabs {
			continue
		}
		if r == '\r' || r == '\n' || r == '\t' || lineBreak(r) || dropped(r) {
			return false
		}
	}
	return true
}

// lineBreak reports whether r ends a line (besides LF and CR).
func lineBreak(r rune) bool {
	return r == '\u2028' || r == '\u2029' || r == '\u0085'
}

// dropped reports whether r is removed from the input: C0 controls other than
// tab and line feed, DEL, C1 controls, the byte order mark (which the Go
// scanner rejects inside a file) and the bidirectional controls.
func dropped(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n'
	case r >= 0x7f && r <= 0x9f:
		return r != '\u0085'
	case r == '\uFEFF':
		return true
	}
	return bidi(r)
}

// bidi reports whether r is a Unicode bidirectional control.
func bidi(r rune) bool {
	return r >= '\u202A' && r <= '\u202E' ||
		r >= '\u2066' && r <= '\u2069' ||
		r == '\u200E' || r == '\u200F' || r == '\u061C'
}
