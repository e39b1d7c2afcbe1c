package rst

import (
	"strings"
	"unicode/utf8"
)

// tabWidth is the distance between tab stops used to expand tabs, as in docutils.
const tabWidth = 8

// srcLine is one line of the source after tab expansion.
type srcLine struct {
	text   string // the line without its terminator, tabs expanded
	colMap []int  // nil when the line has no tabs; else colMap[i] is the source byte offset of text[i]
	indent int    // number of leading spaces in text
	blank  bool   // the line is empty or holds only spaces
}

// splitLines splits src into lines. A leading UTF-8 byte order mark is
// skipped (and not counted in columns); "\r\n", "\r" and "\n" end lines; tabs
// are expanded to 8-column tab stops. Invalid UTF-8 is reported as an error.
func splitLines(file string, src []byte) ([]srcLine, error) {
	text := string(skipBOM(src))
	lines := make([]srcLine, 0, strings.Count(text, "\n")+1)
	for len(text) > 0 {
		end := strings.IndexAny(text, "\r\n")
		next := end + 1
		switch {
		case end < 0:
			end, next = len(text), len(text)
		case text[end] == '\r' && next < len(text) && text[next] == '\n':
			next++
		}
		raw := text[:end]
		if !utf8.ValidString(raw) {
			col := 0
			for col < len(raw) {
				r, size := utf8.DecodeRuneInString(raw[col:])
				if r == utf8.RuneError && size <= 1 {
					break
				}
				col += size
			}
			return nil, &Error{File: file, Pos: Pos{Line: len(lines) + 1, Col: col + 1}, Msg: "invalid UTF-8 encoding"}
		}
		lines = append(lines, newSrcLine(raw))
		text = text[next:]
	}
	return lines, nil
}

func skipBOM(src []byte) []byte {
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		return src[3:]
	}
	return src
}

func newSrcLine(raw string) srcLine {
	var l srcLine
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
