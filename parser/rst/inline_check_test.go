package rst

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Markers of the inline structure in canonical strings; inputs holding them
// are not checked.
const (
	mOpen  = "\x01"
	mClose = "\x02"
	mSep   = "\x03"
)

// canonSink records the inline structure convertInline finds, as the
// Markdown writer shows it: that writer merges adjacent code spans and
// emphasis and writes emphasis it cannot delimit as plain text.
type canonSink struct {
	md   mdWriter
	segs []segment
}

type segment struct {
	kind      byte // 0 plain text, 'C' code, 'E' emphasis, 'S' strong, 'L' link
	text, url string
}

func (c *canonSink) text(s string) {
	if c.md.writeText(s) {
		c.segs = append(c.segs, segment{text: s})
	}
}

func (c *canonSink) pending(kind byte) bool { return c.md.pend != nil && c.md.pend.kind == kind }

func (c *canonSink) code(s string) {
	merge := c.pending('C')
	c.md.code(s)
	s = strings.ReplaceAll(s, "\n", " ")
	if merge {
		c.segs[len(c.segs)-1].text += s
	} else if s != "" {
		c.segs = append(c.segs, segment{kind: 'C', text: s})
	}
}

func (c *canonSink) wrap(delim, s string) {
	kind := byte('E')
	if delim == "**" {
		kind = 'S'
	}
	merge := c.pending(kind)
	c.md.wrap(delim, s)
	switch {
	case merge:
		c.segs[len(c.segs)-1].text += s
	case s == "":
	case c.pending(kind):
		c.segs = append(c.segs, segment{kind: kind, text: s})
	default:
		c.segs = append(c.segs, segment{text: s})
	}
}

func (c *canonSink) link(s, url string) {
	c.md.link(s, url)
	c.segs = append(c.segs, segment{kind: 'L', text: s, url: url})
}

func (c *canonSink) String() string {
	_ = c.md.String()
	var b strings.Builder
	for _, s := range c.segs {
		switch s.kind {
		case 0:
			b.WriteString(s.text)
		case 'L':
			b.WriteString(mOpen + "L" + s.url + mSep + s.text + mClose)
		default:
			b.WriteString(mOpen + string(s.kind) + s.text + mClose)
		}
	}
	return b.String()
}

// wantInline is the canonical inline structure of RST text.
func wantInline(rst string) string {
	c := &canonSink{md: mdWriter{lineStart: true}}
	c.md.plained = func() {
		if n := len(c.segs); n > 0 {
			c.segs[n-1].kind = 0
		}
	}
	convertInline(rst, c)
	return normalizeSpace(c.String())
}

// gotInline is the canonical inline structure a CommonMark parser finds in
// md, which should be a single paragraph.
func gotInline(md string) string {
	src := []byte(md)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(parent ast.Node) {
		for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
			switch n := n.(type) {
			case *ast.Text:
				b.WriteString(unescapeMarkdown(string(n.Segment.Value(src))))
				if n.SoftLineBreak() || n.HardLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.String:
				b.Write(n.Value)
			case *ast.CodeSpan:
				b.WriteString(mOpen + "C")
				for t := n.FirstChild(); t != nil; t = t.NextSibling() {
					switch t := t.(type) {
					case *ast.Text:
						b.Write(t.Segment.Value(src))
					case *ast.String:
						b.Write(t.Value)
					}
				}
				b.WriteString(mClose)
			case *ast.Emphasis:
				if n.Level == 2 {
					b.WriteString(mOpen + "S")
				} else {
					b.WriteString(mOpen + "E")
				}
				walk(n)
				b.WriteString(mClose)
			case *ast.Link:
				b.WriteString(mOpen + "L" + unescapeMarkdown(string(n.Destination)) + mSep)
				walk(n)
				b.WriteString(mClose)
			default:
				b.WriteString(mOpen + "?" + n.Kind().String())
				walk(n)
				b.WriteString(mClose)
			}
		}
	}
	switch {
	case doc.ChildCount() == 0:
	case doc.ChildCount() == 1 && doc.FirstChild().Kind() == ast.KindParagraph:
		walk(doc.FirstChild())
	default:
		b.WriteString(mOpen + "blocks:")
		for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
			b.WriteString(" " + n.Kind().String())
		}
	}
	return normalizeSpace(b.String())
}

// unescapeMarkdown removes CommonMark backslash escapes.
func unescapeMarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// normalizeSpace turns every run of whitespace into one space and trims the
// ends, also around the markers.
func normalizeSpace(s string) string {
	s = strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
	for _, m := range []string{mOpen, mClose, mSep} {
		s = strings.ReplaceAll(s, m+" ", m)
		s = strings.ReplaceAll(s, " "+m, m)
	}
	return s
}
