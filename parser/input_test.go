package parser

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pagegen/pagegen/diag"
	"github.com/pagegen/pagegen/internal/corpus"
	"github.com/pagegen/pagegen/parser/rst"
	"github.com/pagegen/pagegen/parser/syntax"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

// TestBrokenPages reads the pages of testdata/broken, each made from the
// real page of testdata/appstream_list_associated_fleets.txtar with one
// problem, and checks every error.
func TestBrokenPages(t *testing.T) {
	const unknownName = "unknown name str; a value is a placeholder such as 'string', 123, True|False or datetime(2015, 1, 1)"
	tests := []struct{ file, want string }{
		{"empty.rst", "empty.rst:1:1: empty file"},
		{"blank.rst", "blank.rst:1:1: empty file"},
		{"utf16.rst", "utf16.rst:1:1: file is UTF-16 (byte order mark FF FE); pages must be UTF-8"},
		{"utf16_no_bom.rst", "utf16_no_bom.rst:1:2: unexpected NUL byte (is the file UTF-16?); pages must be UTF-8"},
		{"latin1.rst", "latin1.rst:40:33: invalid UTF-8 (byte 0xE9); pages must be UTF-8"},
		{"tab.rst", "tab.rst:40:1: tab in indentation; pages are indented with spaces"},
		{"unindented_literal.rst", "unindented_literal.rst:35:5: literal block ends without a blank line (unexpected unindent)"},
		{"truncated_request_syntax.rst", "truncated_request_syntax.rst:30:21: unterminated string literal\n" +
			"truncated_request_syntax.rst:30:23: unexpected end of file inside literal block (started at 29:7)"},
		{"truncated_response_syntax.rst", "truncated_response_syntax.rst:79:26: unexpected end of input: '[' at 78:22 is not closed\n" +
			"truncated_response_syntax.rst:80:1: unexpected end of file inside literal block (started at 77:9)"},
		{"truncated_param_list.rst", "truncated_param_list.rst:19:3: no :returns: field documenting the response\n" +
			"truncated_param_list.rst:55:1: unexpected end of file inside list item (started at 53:7)"},
		{"truncated_mid_line.rst", "truncated_mid_line.rst:78:22: a list documents 0 element items, want 1\n" +
			"truncated_mid_line.rst:93:20: unexpected end of file inside list item (started at 91:9)"},
		{"unknown_directive.rst", `unknown_directive.rst:42:10: unknown directive "code-block"`},
		{"unknown_role.rst", `unknown_role.rst:40:34: unknown role "py:func"`},
		{"bom_unknown_role.rst", `bom_unknown_role.rst:21:67: unknown role "py:func"`},
		{"type_mismatch.rst", "type_mismatch.rst:30:21: the syntax shows a value of kind string, but the documented type is integer"},
		{"crlf_type_mismatch.rst", "crlf_type_mismatch.rst:30:21: the syntax shows a value of kind string, but the documented type is integer"},
		{"unbalanced_bracket.rst", "unbalanced_bracket.rst:35:7: unbalanced ')': '{' at 31:28 is not closed"},
		{"unbalanced_quote.rst", "unbalanced_quote.rst:30:21: unterminated string literal"},
		{"unknown_type.rst", `unknown_type.rst:37:5: unknown type "str"`},
		{"unknown_type_in_syntax.rst", "unknown_type_in_syntax.rst:30:21: " + unknownName},
		{"syntax_first_line_indented.rst", "syntax_first_line_indented.rst:30:21: " + unknownName},
	}
	files, err := filepath.Glob("testdata/broken/*.rst")
	require.NoError(t, err)
	require.Len(t, files, len(tests), "a page of testdata/broken without a test, or a test without its page")
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata", "broken", tt.file))
			require.NoError(t, err)
			page, err := Read(tt.file, src)
			require.Error(t, err)
			assert.Nil(t, page)
			assert.Equal(t, tt.want, err.Error())
			var list diag.List
			require.True(t, errors.As(err, &list))
			checkPositions(t, src, list)
		})
	}
}

// basePage returns the real page the broken pages are made from.
func basePage(t *testing.T) string {
	ar, err := txtar.ParseFile("testdata/appstream_list_associated_fleets.txtar")
	require.NoError(t, err)
	return string(section(ar, "page.rst").Data)
}

// TestHostilePages reads pages made to exhaust the stack or the memory:
// each must be refused with a positioned error within a second.
func TestHostilePages(t *testing.T) {
	base := basePage(t)
	tests := []struct{ name, src, want string }{
		{"100k nested brackets in the Request Syntax",
			strings.Replace(base, "StackName='string',", "StackName="+strings.Repeat("[", 100_000), 1),
			fmt.Sprintf("page.rst:30:%d: nesting deeper than %d levels", 21+syntax.MaxDepth, syntax.MaxDepth)},
		// The description is a field's body in two directives: the items
		// start at depth 4.
		{"100k nested lists in a description",
			strings.Replace(base, "The name of the stack.", strings.Repeat("- ", 100_000), 1),
			fmt.Sprintf("page.rst:40:%d: blocks nested too deeply (more than %d levels)", 7+2*(rst.MaxDepth-3), rst.MaxDepth)},
		{"10 MB line", base + strings.Repeat("x", 10<<20),
			fmt.Sprintf("page.rst:1:1: file too large: %d bytes (limit %d)", len(base)+10<<20, rst.MaxSize)},
		{"1 MB line", strings.Replace(base, "The name of the stack.", strings.Repeat("x", 1<<20), 1),
			fmt.Sprintf("page.rst:40:%d: line too long: %d bytes (limit %d)", rst.MaxLineLength+1, 6+1<<20, rst.MaxLineLength)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Read("page.rst", []byte(tt.src))
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.Less(t, time.Since(start), time.Second)
		})
	}
}

// TestLineEndsAndBOM checks that every page of the golden files reads to
// the same page, or the same errors, with CRLF and CR line ends and with a
// UTF-8 byte order mark.
func TestLineEndsAndBOM(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	require.NoError(t, err)
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		require.NoError(t, err)
		lf := string(section(ar, "page.rst").Data)
		want := dumpResult(Read("page.rst", []byte(lf)))
		for name, src := range map[string]string{
			"CRLF":     strings.ReplaceAll(lf, "\n", "\r\n"),
			"CR":       strings.ReplaceAll(lf, "\n", "\r"),
			"BOM":      "\ufeff" + lf,
			"BOM CRLF": "\ufeff" + strings.ReplaceAll(lf, "\n", "\r\n"),
		} {
			assert.Equal(t, want, dumpResult(Read("page.rst", []byte(src))), "%s with %s", file, name)
		}
	}
}

// TestCorpusEnds checks that every corpus page ends as checkEnd expects a
// whole page to end.
func TestCorpusEnds(t *testing.T) {
	specs, err := corpus.Specs()
	require.NoError(t, err)
	for _, name := range corpus.Pages(specs) {
		src := specs[name]
		doc, err := rst.Parse(name, src)
		require.NoError(t, err)
		_, midLine := endOfFile(src)
		assert.False(t, midLine, "%s ends mid-line", name)
		assert.True(t, endsComplete(doc), "%s does not end as a whole page does", name)
	}
}

// checkPositions checks that every error is within src: on one of its
// lines, at most just after the line's last byte, or at the start of the
// line after the last.
func checkPositions(t testing.TB, src []byte, list diag.List) {
	t.Helper()
	lines := sourceLines(src)
	for _, e := range list {
		if e.Pos.Line < 1 || e.Pos.Line > len(lines)+1 || e.Pos.Col < 1 {
			t.Fatalf("error outside the file (%d lines): %v", len(lines), e)
		}
		if e.Pos.Line <= len(lines) && e.Pos.Col > len(lines[e.Pos.Line-1])+1 {
			t.Fatalf("error after the end of its line (%d bytes): %v", len(lines[e.Pos.Line-1]), e)
		}
		if e.Pos.Line == len(lines)+1 && e.Pos.Col != 1 {
			t.Fatalf("error after the end of the file: %v", e)
		}
	}
}

// sourceLines splits src into lines as rst.Parse counts them: after a UTF-8
// byte order mark, ended by "\n", "\r\n" or "\r".
func sourceLines(src []byte) []string {
	s := strings.TrimPrefix(string(src), "\ufeff")
	var lines []string
	for s != "" {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i])
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
	return lines
}
