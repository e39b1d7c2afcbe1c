package syntax

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// tokKind is the kind of a token.
type tokKind int

const (
	tEOF tokKind = iota
	tLBrace
	tRBrace
	tLBrack
	tRBrack
	tLParen
	tRParen
	tComma
	tColon
	tEquals
	tPipe
	tDot
	tEllipsis
	tString // 'text'
	tBytes  // b'text'
	tNumber // 123 or 123.4
	tWord   // identifier
)

// token is one token of a block. text is the token as written; val is the
// decoded text of a string or bytes literal.
type token struct {
	kind tokKind
	pos  Pos
	text string
	val  string
}

// isFloat reports whether a number token has a fraction.
func (t token) isFloat() bool { return strings.Contains(t.text, ".") }

// describe names the token for an error message.
func (t token) describe() string {
	switch t.kind {
	case tEOF:
		return "end of input"
	case tString:
		return "string " + clip(t.text)
	case tBytes:
		return "bytes " + clip(t.text)
	case tNumber:
		return "number " + clip(t.text)
	case tWord:
		return "word " + clip(t.text)
	}
	return "'" + t.text + "'"
}

// clip shortens long token text in messages.
func clip(s string) string {
	const limit = 40
	if len(s) <= limit {
		return s
	}
	cut := limit - 3
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// scanner splits a block into tokens and maps offsets to file positions.
type scanner struct {
	src       string
	off       int // offset of the next byte
	line      int // 0-based line of off within src
	lineStart int // offset of the first byte of line
	start     Pos
	indent    int
	fail      func(Pos, string) // reports an error; does not return
}

// pos returns the file position of the byte at offset off on the current
// line.
func (s *scanner) pos(off int) Pos {
	col := off - s.lineStart + 1
	if s.line == 0 {
		return Pos{s.start.Line, s.start.Col + col - 1}
	}
	return Pos{s.start.Line + s.line, s.indent + col}
}

func isWordStart(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isWordByte(c byte) bool { return isWordStart(c) || isDigit(c) }

// scan returns the next token.
func (s *scanner) scan() token {
	// Skip white space.
	for s.off < len(s.src) {
		c := s.src[s.off]
		if c == '\n' {
			s.off++
			s.line++
			s.lineStart = s.off
			continue
		}
		if c != ' ' && c != '\t' && c != '\r' {
			break
		}
		s.off++
	}
	begin := s.off
	pos := s.pos(begin)
	if begin == len(s.src) {
		return token{kind: tEOF, pos: pos}
	}
	tok := func(k tokKind, n int) token {
		s.off += n
		return token{kind: k, pos: pos, text: s.src[begin:s.off]}
	}
	c := s.src[begin]
	switch c {
	case '{':
		return tok(tLBrace, 1)
	case '}':
		return tok(tRBrace, 1)
	case '[':
		return tok(tLBrack, 1)
	case ']':
		return tok(tRBrack, 1)
	case '(':
		return tok(tLParen, 1)
	case ')':
		return tok(tRParen, 1)
	case ',':
		return tok(tComma, 1)
	case ':':
		return tok(tColon, 1)
	case '=':
		return tok(tEquals, 1)
	case '|':
		return tok(tPipe, 1)
	case '.':
		if strings.HasPrefix(s.src[begin:], "...") {
			return tok(tEllipsis, 3)
		}
		return tok(tDot, 1)
	case '\'':
		val := s.quoted(begin, pos)
		return token{kind: tString, pos: pos, text: s.src[begin:s.off], val: val}
	}
	if c == 'b' && begin+1 < len(s.src) && s.src[begin+1] == '\'' {
		val := s.quoted(begin+1, pos)
		return token{kind: tBytes, pos: pos, text: s.src[begin:s.off], val: val}
	}
	if isWordStart(c) {
		n := 1
		for begin+n < len(s.src) && isWordByte(s.src[begin+n]) {
			n++
		}
		return tok(tWord, n)
	}
	if isDigit(c) {
		n := 1
		for begin+n < len(s.src) && isDigit(s.src[begin+n]) {
			n++
		}
		if begin+n+1 < len(s.src) && s.src[begin+n] == '.' && isDigit(s.src[begin+n+1]) {
			n += 2
			for begin+n < len(s.src) && isDigit(s.src[begin+n]) {
				n++
			}
		}
		if begin+n < len(s.src) && isWordByte(s.src[begin+n]) {
			end := begin + n
			for end < len(s.src) && isWordByte(s.src[end]) {
				end++
			}
			s.fail(pos, "malformed number "+clip(s.src[begin:end]))
		}
		return tok(tNumber, n)
	}
	r, _ := utf8.DecodeRuneInString(s.src[begin:])
	if r == utf8.RuneError {
		s.fail(pos, fmt.Sprintf("unexpected byte %#02x", c))
	}
	s.fail(pos, fmt.Sprintf("unexpected character %q", r))
	panic("unreachable")
}

// quoted scans the single-quoted literal whose opening quote is at offset
// q and returns its decoded text. pos is reported if the literal is not
// closed on its line.
func (s *scanner) quoted(q int, pos Pos) string {
	var b strings.Builder
	i := q + 1
	plain := i // start of the run not yet copied to b
	for {
		if i >= len(s.src) || s.src[i] == '\n' {
			s.fail(pos, "unterminated string literal")
		}
		switch s.src[i] {
		case '\'':
			s.off = i + 1
			if b.Len() == 0 {
				return s.src[plain:i]
			}
			b.WriteString(s.src[plain:i])
			return b.String()
		case '\\':
			if i+1 >= len(s.src) || s.src[i+1] == '\n' {
				s.fail(pos, "unterminated string literal")
			}
			b.WriteString(s.src[plain:i])
			switch e := s.src[i+1]; e {
			case '\'', '"', '\\':
				b.WriteByte(e)
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			default:
				b.WriteByte('\\')
				b.WriteByte(e)
			}
			i += 2
			plain = i
		default:
			i++
		}
	}
}
