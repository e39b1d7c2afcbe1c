package godoc

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// htmlBlockSource returns the raw text of an HTML block.
func htmlBlockSource(src []byte, n *ast.HTMLBlock) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	if n.HasClosure() {
		b.Write(n.ClosureLine.Value(src))
	}
	return b.String()
}

// paraBreak separates paragraphs in the text of an HTML block. The input
// never contains it: normalize removes NUL.
const paraBreak = "\x00"

// htmlParagraphs returns the text of an HTML block as paragraphs of words:
// tags, comments and declarations are dropped, block-level tags separate
// paragraphs and character references are resolved.
func htmlParagraphs(s string) [][]word {
	var paras [][]word
	for _, p := range strings.Split(stripTags(s, paraBreak), paraBreak) {
		var b wordBuilder
		b.text(unescape([]byte(p), false))
		if ws := b.finish(); len(ws) > 0 {
			paras = append(paras, ws)
		}
	}
	return paras
}

// breaksText reports whether the inline HTML tag s separates words (such as
// <br> or <p>) rather than marking up text (such as <code> or <b>).
func breaksText(s string) bool {
	stripped := stripTags(s, paraBreak)
	return strings.Contains(stripped, paraBreak)
}

// stripTags removes the HTML tags, comments, processing instructions,
// declarations and CDATA sections from s, replacing the tags of block-level
// elements by sep.
func stripTags(s, sep string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		n, name := tagLen(s)
		if n == 0 {
			b.WriteByte('<')
			s = s[1:]
			continue
		}
		if blockTag(name) {
			b.WriteString(sep)
		}
		s = s[n:]
	}
}

// tagLen returns the length of the tag, comment, processing instruction,
// declaration or CDATA section that s starts with, and the lower-case name
// of a tag; n is 0 when s does not start with one.
func tagLen(s string) (n int, name string) {
	end := func(prefix, closer string) int {
		if !strings.HasPrefix(s, prefix) {
			return 0
		}
		if j := strings.Index(s[len(prefix):], closer); j >= 0 {
			return len(prefix) + j + len(closer)
		}
		return 0
	}
	switch {
	case strings.HasPrefix(s, "<!--"):
		return end("<!--", "-->"), ""
	case strings.HasPrefix(s, "<![CDATA["):
		return end("<![CDATA[", "]]>"), ""
	case strings.HasPrefix(s, "<?"):
		return end("<?", "?>"), ""
	case strings.HasPrefix(s, "<!"):
		if len(s) > 2 && isASCIILetter(s[2]) {
			return end("<!", ">"), ""
		}
		return 0, ""
	}
	j := 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	k := j
	for k < len(s) && (isASCIILetter(s[k]) || k > j && (s[k] >= '0' && s[k] <= '9' || s[k] == '-')) {
		k++
	}
	if k == j {
		return 0, ""
	}
	if e := strings.IndexByte(s[k:], '>'); e >= 0 {
		return k + e + 1, strings.ToLower(s[j:k])
	}
	return 0, ""
}

func isASCIILetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// blockTag reports whether the HTML element starts a new line of text.
func blockTag(name string) bool {
	switch name {
	case "address", "article", "aside", "blockquote", "br", "caption",
		"dd", "details", "div", "dl", "dt", "figcaption", "figure",
		"footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
		"li", "main", "nav", "ol", "p", "pre", "section", "summary",
		"table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul":
		return true
	}
	return false
}

// unescape resolves the character references in s and, if backslash is
// set, its backslash escapes, as a CommonMark renderer does for text.
func unescape(s []byte, backslash bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if backslash && c == '\\' && i+1 < len(s) && util.IsPunct(s[i+1]) {
			b.WriteByte(s[i+1])
			i += 2
			continue
		}
		if c == '&' {
			if v, n := charRef(s[i:]); n > 0 {
				b.WriteString(v)
				i += n
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// charRef decodes the character reference (&name;, &#123; or &#x7B;) that s
// starts with, returning its text and length, or a length of 0.
func charRef(s []byte) (string, int) {
	if len(s) > 2 && s[1] == '#' {
		base, start, limit := 10, 2, 7
		if s[2] == 'x' || s[2] == 'X' {
			base, start, limit = 16, 3, 6
		}
		j := start
		for j < len(s) && j-start <= limit && isDigit(s[j], base) {
			j++
		}
		if j == start || j-start > limit || j >= len(s) || s[j] != ';' {
			return "", 0
		}
		v, err := strconv.ParseUint(string(s[start:j]), base, 32)
		if err != nil {
			return "", 0
		}
		return string(util.ToValidRune(rune(v))), j + 1
	}
	j := 1
	for j < len(s) && util.IsAlphaNumeric(s[j]) {
		j++
	}
	if j == 1 || j >= len(s) || s[j] != ';' {
		return "", 0
	}
	if e, ok := util.LookUpHTML5EntityByName(string(s[1:j])); ok {
		return string(e.Characters), j + 1
	}
	return "", 0
}

func isDigit(c byte, base int) bool {
	switch {
	case c >= '0' && c <= '9':
		return true
	case base == 16:
		return c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
	}
	return false
}
