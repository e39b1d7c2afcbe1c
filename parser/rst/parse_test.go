package rst

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// errorCases are inputs that do not parse, with their errors.
var errorCases = []struct {
	name, src, want string
}{
	{"literal at end of file", "Text::\n", "t.rst:1:5: literal block expected"},
	{"lone literal marker at end of file", "Para.\n\n  ::\n", "t.rst:3:3: literal block expected"},
	{"literal marker then blank lines", "Text ::\n\n\n", "t.rst:1:6: literal block expected"},
	{"literal not indented", "Para::\n\nNot indented.\n", "t.rst:1:5: literal block expected"},
	{"literal in list item not indented", "- Item::\n\n  Same indentation.\n", "t.rst:1:7: literal block expected"},
	{"admonition first line literal", ".. note:: Example::\n", "t.rst:1:18: literal block expected"},
	{"admonition without content", "Text.\n\n.. note::\n\nMore.\n", `t.rst:3:1: content expected for the "note" directive`},
	{"inconsistent dedent in list item", "-   Item text.\n\n  Body.\n", "t.rst:3:3: inconsistent dedent in list item: its text starts at column 5"},
	{"title underline too short", "A long title\n=====\n", "t.rst:2:1: title underline too short"},
	{"title overline too short", "=====\nA long title\n=====\n", "t.rst:1:1: title overline too short"},
	{"title overline and underline mismatch", "=====\nTitle\n-----\n", "t.rst:1:1: title overline and underline mismatch"},
	{"title overline without underline", "=====\nTitle\nText.\n", "t.rst:1:1: missing underline for section title overline"},
	{"incomplete title", "=====\nTitle\n", "t.rst:1:1: incomplete section title"},
	{"transition", "Para.\n\n-----\n\nPara.\n", "t.rst:3:1: transitions are not supported"},
	{"title in a list item", "- Item.\n\n  Title\n  =====\n", "t.rst:3:3: unexpected section title"},
	{"short title in a directive", ".. note::\n\n   T\n   --\n", "t.rst:3:4: unexpected section title"},
	{"transition in a block quote", "Para.\n\n  ------\n", "t.rst:3:3: unexpected section title or transition"},
	{"invalid UTF-8", "ok\nab\xffc\n", "t.rst:2:3: invalid UTF-8 encoding"},
	{"invalid UTF-8 after BOM", "\xef\xbb\xbf\xc3(\n", "t.rst:1:1: invalid UTF-8 encoding"},
	{"nesting too deep", strings.Repeat("- ", 101) + "x\n", "t.rst:1:201: blocks nested too deeply (more than 100 levels)"},
	{"block quotes nested too deeply", deepQuotes(101), "t.rst:203:102: blocks nested too deeply (more than 100 levels)"},
}

// deepQuotes returns n+1 paragraphs, each indented one more space than the last.
func deepQuotes(n int) string {
	var b strings.Builder
	for i := 0; i <= n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "p\n\n")
	}
	return b.String()
}

func TestErrors(t *testing.T) {
	for _, c := range errorCases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Parse("t.rst", []byte(c.src))
			require.Error(t, err)
			assert.Nil(t, doc)
			assert.Equal(t, c.want, err.Error())
			var e *Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, "t.rst", e.File)
		})
	}
}

func TestErrorWithoutFile(t *testing.T) {
	_, err := Parse("", []byte("Text::"))
	require.Error(t, err)
	assert.Equal(t, "1:5: literal block expected", err.Error())
}

func TestNotTooDeep(t *testing.T) {
	_, err := Parse("t.rst", []byte(strings.Repeat("- ", 100)+"x\n"))
	assert.NoError(t, err)
	_, err = Parse("t.rst", []byte(deepQuotes(100)))
	assert.NoError(t, err)
}

// TestSource covers what golden files cannot hold: line ends, the byte
// order mark, tabs and missing final newlines.
func TestSource(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"empty", "", "Document 1:1\n"},
		{"blank lines only", "\n  \n\t\n", "Document 1:1\n"},
		{"CRLF", "one\r\ntwo\r\n\r\nthree\r\n", "Document 1:1\n  Paragraph 1:1 \"one\\ntwo\"\n  Paragraph 4:1 \"three\"\n"},
		{"lone CR", "one\rtwo\r\rthree", "Document 1:1\n  Paragraph 1:1 \"one\\ntwo\"\n  Paragraph 4:1 \"three\"\n"},
		{"BOM", "\xef\xbb\xbfTitle\n=====\n", "Document 1:1\n  Title 1:1 \"Title\"\n"},
		{"no final newline", "- a\n- b", "Document 1:1\n  BulletList 1:1 \"-\"\n    ListItem 1:1\n      Paragraph 1:3 \"a\"\n    ListItem 2:1\n      Paragraph 2:3 \"b\"\n"},
		{"tab indentation", "Para::\n\n\tcode\n\t    more\n", "Document 1:1\n  Paragraph 1:1 \"Para:\"\n  Literal 3:2 \"code\\n    more\"\n"},
		{"tab after text", "a\tb\n", "Document 1:1\n  Paragraph 1:1 \"a       b\"\n"},
		{"tab after bullet", "-\titem\n\n\tbody\n", "Document 1:1\n  BulletList 1:1 \"-\"\n    ListItem 1:1\n      Paragraph 1:3 \"item\"\n      Paragraph 3:2 \"body\"\n"},
		{"truncated list", "- a\n\n  - ", "Document 1:1\n  BulletList 1:1 \"-\"\n    ListItem 1:1\n      Paragraph 1:3 \"a\"\n      BulletList 3:3 \"-\"\n        ListItem 3:3\n"},
		{"truncated literal", "::\n\n  code", "Document 1:1\n  Literal 3:3 \"code\"\n"},
		{"whitespace-only lines are blank", "a\n \t \nb\n", "Document 1:1\n  Paragraph 1:1 \"a\"\n  Paragraph 3:1 \"b\"\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Parse("t.rst", []byte(c.src))
			require.NoError(t, err)
			assert.Equal(t, c.want, doc.Dump())
		})
	}
}

func TestWalk(t *testing.T) {
	doc, err := Parse("t.rst", []byte("- a\n\n  - b\n\n.. note::\n\n   c\n"))
	require.NoError(t, err)
	var kinds []string
	doc.Walk(func(n *Node) bool {
		kinds = append(kinds, n.Kind.String())
		return n.Kind != Directive
	})
	assert.Equal(t, []string{"Document", "BulletList", "ListItem", "Paragraph", "BulletList", "ListItem", "Paragraph", "Directive"}, kinds)
	var nilNode *Node
	nilNode.Walk(func(*Node) bool { t.Fatal("called for nil"); return true })
}

func TestKindString(t *testing.T) {
	assert.Equal(t, "BlockQuote", BlockQuote.String())
	assert.Equal(t, "Comment", Comment.String())
	assert.Equal(t, "Kind(42)", Kind(42).String())
}
