package rst

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
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
	{"literal block ends without a blank line", "Para::\n\n    code\nMore.\n", "t.rst:4:1: literal block ends without a blank line (unexpected unindent)"},
	{"literal block in a field unindented", ":param X:\n\n  Example::\n\n      a = (\n  )\n", "t.rst:6:3: literal block ends without a blank line (unexpected unindent)"},
	{"unknown directive", "Para.\n\n  .. code-block:: python\n\n     x = 1\n", `t.rst:3:6: unknown directive "code-block"`},
	{"unknown directive with a space before the colons", ".. toctree ::\n", `t.rst:1:4: unknown directive "toctree"`},
	{"unknown directive in an admonition", ".. note::\n\n   .. versionadded:: 1.2\n", `t.rst:3:7: unknown directive "versionadded"`},
	{"unknown role", "Calls :py:func:`f`.\n", `t.rst:1:7: unknown role "py:func"`},
	{"unknown role on a later line", "- First line,\n  then ``code`` and :math:`x^2`\n", `t.rst:2:21: unknown role "math"`},
	{"unknown role after a tab", "Para\tand :kbd:`C`\n", `t.rst:1:10: unknown role "kbd"`},
	{"unknown suffix role", ":param X: see `y`:py:attr: here\n", `t.rst:1:18: unknown role "py:attr"`},
	{"unknown role in a title", "The :xyz:`t`\n============\n", `t.rst:1:5: unknown role "xyz"`},
	{"unknown role in an overlined title", "=========\n :xyz:`t`\n=========\n", `t.rst:2:2: unknown role "xyz"`},
	{"unknown role in an admonition's first line", ".. note:: See :func:`f`.\n", `t.rst:1:15: unknown role "func"`},
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
	{"invalid UTF-8", "ok\nab\xffc\n", "t.rst:2:3: invalid UTF-8 (byte 0xFF); pages must be UTF-8"},
	{"invalid UTF-8 after BOM", "\xef\xbb\xbf\xc3(\n", "t.rst:1:1: invalid UTF-8 (byte 0xC3); pages must be UTF-8"},
	{"Latin-1", "Title\n=====\n\nCaf\xe9 au lait.\n", "t.rst:4:4: invalid UTF-8 (byte 0xE9); pages must be UTF-8"},
	{"Latin-1 on a CRLF line", "a\r\n\r\n  \xa0b\r\n", "t.rst:3:3: invalid UTF-8 (byte 0xA0); pages must be UTF-8"},
	{"UTF-16 little-endian", "\xff\xfeT\x00i\x00\n\x00", "t.rst:1:1: file is UTF-16 (byte order mark FF FE); pages must be UTF-8"},
	{"UTF-16 big-endian", "\xfe\xff\x00T\x00i\x00\n", "t.rst:1:1: file is UTF-16 (byte order mark FE FF); pages must be UTF-8"},
	{"UTF-32 little-endian", "\xff\xfe\x00\x00T\x00\x00\x00", "t.rst:1:1: file is UTF-32 (byte order mark FF FE 00 00); pages must be UTF-8"},
	{"UTF-16 without byte order mark", "T\x00i\x00t\x00\n\x00", "t.rst:1:2: unexpected NUL byte (is the file UTF-16?); pages must be UTF-8"},
	{"NUL byte", "Para\n\nmore\x00\n", "t.rst:3:5: unexpected NUL byte (is the file UTF-16?); pages must be UTF-8"},
	{"tab in indentation", "Para::\n\n    code\n\tmore\n", "t.rst:4:1: tab in indentation; pages are indented with spaces"},
	{"tab after spaces in indentation", "- a\n\n  \tb\n", "t.rst:3:3: tab in indentation; pages are indented with spaces"},
	{"tab indenting a list item body", "-\titem\n\n\tbody\n", "t.rst:3:1: tab in indentation; pages are indented with spaces"},
	{"file too large", strings.Repeat("a\n", MaxSize/2+1), fmt.Sprintf("t.rst:1:1: file too large: %d bytes (limit %d)", MaxSize+2, MaxSize)},
	{"line too long", "ok\n" + strings.Repeat("a", MaxLineLength+1) + "\n", fmt.Sprintf("t.rst:2:%d: line too long: %d bytes (limit %d)", MaxLineLength+1, MaxLineLength+1, MaxLineLength)},
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
		{"tab after text", "a\tb\n", "Document 1:1\n  Paragraph 1:1 \"a       b\"\n"},
		{"tab after bullet", "-\titem\n\n        body\n", "Document 1:1\n  BulletList 1:1 \"-\"\n    ListItem 1:1\n      Paragraph 1:3 \"item\"\n      Paragraph 3:9 \"body\"\n"},
		{"tab in a literal block kept", "Para::\n\n    {'a':\t1,\n      'b': 2}\n", "Document 1:1\n  Paragraph 1:1 \"Para:\"\n  Literal 3:5 \"{'a':\\t1,\\n  'b': 2}\"\n"},
		{"literal block first line indented most", "Para::\n\n      a\n    b\n", "Document 1:1\n  Paragraph 1:1 \"Para:\"\n  Literal 3:5 \"  a\\nb\"\n"},
		{"form feed and vertical tab are spaces", " * \f\n\v0\f\n", "Document 1:1\n  BlockQuote 1:2\n    BulletList 1:2 \"*\"\n      ListItem 1:2\n    Paragraph 2:2 \"0\"\n"},
		{"tab on a blank line", "Para::\n\n    code\n\t\n    more\n", "Document 1:1\n  Paragraph 1:1 \"Para:\"\n  Literal 3:5 \"code\\n\\nmore\"\n"},
		{"truncated list", "- a\n\n  - ", "Document 1:1\n  BulletList 1:1 \"-\"\n    ListItem 1:1\n      Paragraph 1:3 \"a\"\n      BulletList 3:3 \"-\"\n        ListItem 3:3\n"},
		{"truncated literal", "::\n\n  code", "Document 1:1\n  Literal 3:3 \"code\"\n"},
		{"known roles and directives", ".. warning:: :doc:`S <../../s>`, :py:meth:`S.Client.f`, `x`:strong:\n", "Document 1:1\n  Directive 1:1 name=\"warning\" \":doc:`S <../../s>`, :py:meth:`S.Client.f`, `x`:strong:\"\n    Paragraph 1:14 \":doc:`S <../../s>`, :py:meth:`S.Client.f`, `x`:strong:\"\n"},
		{"role-like text in an inline literal", "``:py:func:`f``` and \\:math:`x`\n", "Document 1:1\n  Paragraph 1:1 \"``:py:func:`f``` and \\\\:math:`x`\"\n"},
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

// TestLineEnds checks that the real pages of the golden files parse to the
// same tree with CRLF and CR line ends and with a UTF-8 byte order mark.
func TestLineEnds(t *testing.T) {
	for golden := range seedPages {
		ar, err := txtar.ParseFile(filepath.Join("testdata", golden))
		require.NoError(t, err)
		lf := string(ar.Files[0].Data)
		want, err := Parse("t.rst", []byte(lf))
		require.NoError(t, err)
		for name, src := range map[string]string{
			"CRLF":     strings.ReplaceAll(lf, "\n", "\r\n"),
			"CR":       strings.ReplaceAll(lf, "\n", "\r"),
			"BOM":      "\xef\xbb\xbf" + lf,
			"BOM CRLF": "\xef\xbb\xbf" + strings.ReplaceAll(lf, "\n", "\r\n"),
		} {
			got, err := Parse("t.rst", []byte(src))
			require.NoError(t, err, "%s %s", golden, name)
			assert.Equal(t, want.Dump(), got.Dump(), "%s %s", golden, name)
		}
	}
}
