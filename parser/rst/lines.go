package rst

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// tabWidth is the distance between tab stops used to expand tabs, as in docutils.
const tabWidth = 8

// MaxSize is the largest file, in bytes, that Parse accepts. The largest
// boto3 paginator page is about 580 KB; a file of MaxSize bytes of short
// lines takes a few seconds and several hundred megabytes to parse.
const MaxSize = 4 << 20

// MaxLineLength is the longest line, in bytes without its terminator, that
// Parse accepts. The longest line of the boto3 paginator pages is about
// 18 KB (an enum alternation in a syntax block).
const MaxLineLength = 256 << 10

// srcLine is one line of the source after tab expansion.
type srcLine struct {
	raw    string // the line as written, without its terminator
	text   string // raw with tabs expanded
	colMap []int  // nil when the line has no tabs; else colMap[i] is the source byte offset of text[i]
	indent int    // number of leading spaces in text
	blank  bool   // the line is empty or holds only spaces
}

// byteOrderMarks are the byte order marks of the encodings that are not
// UTF-8, longest first, with the encoding's name.
var byteOrderMarks = []struct {
	bom, name string
}{
	{"\xff\xfe\x00\x00", "UTF-32"},
	{"\x00\x00\xfe\xff", "UTF-32"},
	{"\xff\xfe", "UTF-16"},
	{"\xfe\xff", "UTF-16"},
}

// splitLines splits src into lines. A leading UTF-8 byte order mark is
// skipped (and not counted in columns); "\r\n", "\r" and "\n" end lines;
// vertical tabs and form feeds are spaces and tabs are expanded to 8-column
// tab stops, as in docutils. A file larger than MaxSize, a line
// longer than MaxLineLength, another encoding's byte order mark, invalid
// UTF-8, a NUL byte and a tab in the indentation of a line that is not blank
// are errors.
func splitLines(file string, src []byte) ([]srcLine, error) {
	fail := func(line, col int, format string, args ...any) error {
		return &Error{File: file, Pos: Pos{Line: line, Col: col}, Msg: fmt.Sprintf(format, args...)}
	}
	if len(src) > MaxSize {
		return nil, fail(1, 1, "file too large: %d bytes (limit %d)", len(src), MaxSize)
	}
	for _, m := range byteOrderMarks {
		if bytes.HasPrefix(src, []byte(m.bom)) {
			return nil, fail(1, 1, "file is %s (byte order mark % X); pages must be UTF-8", m.name, m.bom)
		}
	}
	text := string(skipBOM(src))
	lines := make([]srcLine, 0, strings.Count(text, "\n")+1)
	// Most pages end their lines with a line feed alone, which IndexByte
	// finds faster than IndexAny finds either break.
	hasCR := strings.IndexByte(text, '\r') >= 0
	for len(text) > 0 {
		var end int
		if hasCR {
			end = strings.IndexAny(text, "\r\n")
		} else {
			end = strings.IndexByte(text, '\n')
		}
		next := end + 1
		switch {
		case end < 0:
			end, next = len(text), len(text)
		case text[end] == '\r' && next < len(text) && text[next] == '\n':
			next++
		}
		raw := text[:end]
		n := len(lines) + 1
		if len(raw) > MaxLineLength {
			return nil, fail(n, MaxLineLength+1, "line too long: %d bytes (limit %d)", len(raw), MaxLineLength)
		}
		if col, c, ok := badByte(raw); ok {
			if c == 0 {
				return nil, fail(n, col, "unexpected NUL byte (is the file UTF-16?); pages must be UTF-8")
			}
			return nil, fail(n, col, "invalid UTF-8 (byte 0x%02X); pages must be UTF-8", c)
		}
		if strings.ContainsAny(raw, "\v\f") {
			raw = strings.NewReplacer("\v", " ", "\f", " ").Replace(raw)
		}
		lead := len(raw) - len(strings.TrimLeft(raw, " \t"))
		if tab := strings.IndexByte(raw[:lead], '\t'); tab >= 0 && lead < len(raw) {
			return nil, fail(n, tab+1, "tab in indentation; pages are indented with spaces")
		}
		lines = append(lines, newSrcLine(raw))
		text = text[next:]
	}
	return lines, nil
}

// badByte returns the 1-based column and the value of the first byte of
// line that is a NUL or not part of valid UTF-8.
func badByte(line string) (int, byte, bool) {
	if utf8.ValidString(line) && strings.IndexByte(line, 0) < 0 {
		return 0, 0, false
	}
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		if r == 0 || r == utf8.RuneError && size <= 1 {
			return i + 1, line[i], true
		}
		i += size
	}
	return 0, 0, false
}

func skipBOM(src []byte) []byte {
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		return src[3:]
	}
	return src
}

func newSrcLine(raw string) srcLine {
	l := srcLine{raw: raw}
	if strings.IndexByte(raw, '\t') < 0 {
		l.text = raw
	} else {
		var b strings.Builder
		l.colMap = make([]int, 0, len(raw)+8)
		col := 0 // display column, counted in runes
		for i := 0; i < len(raw); {
			if raw[i] == '\t' {
				n := tabWidth - col%tabWidth
				for k := 0; k < n; k++ {
					b.WriteByte(' ')
					l.colMap = append(l.colMap, i)
				}
				col += n
				i++
				continue
			}
			_, size := utf8.DecodeRuneInString(raw[i:])
			for k := 0; k < size; k++ {
				l.colMap = append(l.colMap, i+k)
			}
			b.WriteString(raw[i : i+size])
			col++
			i += size
		}
		l.colMap = append(l.colMap, len(raw))
		l.text = b.String()
	}
	for l.indent < len(l.text) && l.text[l.indent] == ' ' {
		l.indent++
	}
	l.blank = l.indent == len(l.text)
	return l
}

// srcCol returns the 1-based source column of byte offset off of the expanded line.
func (l *srcLine) srcCol(off int) int {
	if l.colMap == nil {
		return off + 1
	}
	if off >= len(l.colMap) {
		return l.colMap[len(l.colMap)-1] + 1 + off - (len(l.colMap) - 1)
	}
	return l.colMap[off] + 1
}

// rawFrom returns the source text of the line from byte offset off of the
// expanded line: the rest of the line with its tabs as written.
func (l *srcLine) rawFrom(off int) string {
	if off >= len(l.text) {
		return ""
	}
	return l.raw[l.srcCol(off)-1:]
}
