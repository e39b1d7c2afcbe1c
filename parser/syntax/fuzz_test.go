package syntax

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

// FuzzParse checks that neither parser panics, that every position it
// reports lies within the input, that an error message starts in lower
// case, and that parsing is deterministic. It is seeded with the blocks of
// the golden files and of the real pages in the parser's testdata.
func FuzzParse(f *testing.F) {
	for _, path := range goldenFiles(f) {
		c := readGolden(f, path)
		for _, name := range []string{"request", "response"} {
			if src, ok := c.input(name); ok {
				f.Add(src)
			}
		}
	}
	for _, page := range testdataPages(f) {
		blocks, err := extractBlocks(page)
		require.NoError(f, err)
		for _, b := range blocks {
			f.Add(b.Src)
		}
	}
	for _, s := range []string{
		"", "{", "}", "[", "{'a': [", "{'a", "{'a': 'b\\", "{'a': {...}|[...]|123",
		"{'a': 'A'|123}", "{'a': Maybe}", "{'a': 1, 'a': 2}", "{'... recursive ...'}",
		"{'A'|'B': 1}", "{'a': [[['string',],],]}", "{'a': datetime(2015, 1, 1)}", "{'a': b'x'}",
		"response_iterator = paginator.paginate(", "response_iterator = paginator.paginate(A=1, A=2)",
		"# comment\n", "{\r\n 'a': 1.5\r\n}", "{'a': \xff}", strings.Repeat("[", MaxDepth+5),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		start, indent := Pos{3, 5}, 4

		args, err := ParseRequest("f", src, start, indent)
		args2, err2 := ParseRequest("f", src, start, indent)
		require.Equal(t, args, args2)
		require.Equal(t, err, err2)
		checkResult(t, src, start, indent, err)
		for _, a := range args {
			checkAt(t, src, start, indent, a.Pos, "argument name")
			checkValue(t, src, start, indent, a.Value)
		}

		v, err := ParseResponse("f", src, start, indent)
		v2, err2 := ParseResponse("f", src, start, indent)
		require.Equal(t, v, v2)
		require.Equal(t, err, err2)
		checkResult(t, src, start, indent, err)
		if err == nil {
			require.Equal(t, byte('{'), byteAt(t, src, start, indent, v.Pos))
			checkValue(t, src, start, indent, v)
		}
	})
}

// testdataPages returns the pages of the parser's golden files, most of
// them real boto3 pages.
func testdataPages(t testing.TB) []string {
	files, err := filepath.Glob("../testdata/*.txtar")
	require.NoError(t, err)
	var pages []string
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		require.NoError(t, err)
		for _, sec := range ar.Files {
			if sec.Name == "page.rst" {
				pages = append(pages, string(sec.Data))
			}
		}
	}
	return pages
}

// checkResult checks that an error is an *Error at a position within src
// (possibly just after its last byte).
func checkResult(t *testing.T, src string, start Pos, indent int, err error) {
	if err == nil {
		return
	}
	var serr *Error
	require.True(t, errors.As(err, &serr), "%T is not *Error", err)
	require.Equal(t, "f", serr.File)
	require.NotEmpty(t, serr.Msg)
	first, _ := utf8.DecodeRuneInString(serr.Msg)
	require.False(t, unicode.IsUpper(first), "message %q starts in upper case", serr.Msg)
	offset(t, src, start, indent, serr.Pos, true)
}

// offset maps a file position back to an offset in src and fails if it is
// not within src; atEnd allows the position just after a line's last byte.
func offset(t *testing.T, src string, start Pos, indent int, p Pos, atEnd bool) int {
	t.Helper()
	lines := strings.Split(src, "\n")
	i := p.Line - start.Line
	require.True(t, 0 <= i && i < len(lines), "line %d outside the input", p.Line)
	col := p.Col - indent
	if i == 0 {
		col = p.Col - start.Col + 1
	}
	limit := len(lines[i])
	if atEnd {
		limit++
	}
	require.True(t, 1 <= col && col <= limit, "column %d outside line %d", p.Col, p.Line)
	off := col - 1
	for _, l := range lines[:i] {
		off += len(l) + 1
	}
	return off
}

func byteAt(t *testing.T, src string, start Pos, indent int, p Pos) byte {
	t.Helper()
	return src[offset(t, src, start, indent, p, false)]
}

// firstBytes gives the bytes a value of each kind may start with.
var firstBytes = map[Kind]string{
	String: "'", Enum: "'", Integer: "0123456789", Float: "0123456789", Unknown: ".",
	Boolean: "T", Timestamp: "d", Blob: "b", Document: "{", Struct: "{", List: "[",
	Map: "{", Recursive: "{",
}

func checkAt(t *testing.T, src string, start Pos, indent int, p Pos, what string) {
	t.Helper()
	c := byteAt(t, src, start, indent, p)
	require.True(t, isWordStart(c), "%s at %s starts with %q", what, p, c)
}

// checkValue checks a value's structure and that it and its parts start
// at plausible bytes of src.
func checkValue(t *testing.T, src string, start Pos, indent int, v *Value) {
	t.Helper()
	require.NotNil(t, v)
	c := byteAt(t, src, start, indent, v.Pos)
	require.Contains(t, firstBytes[v.Kind], string(c), "%s at %s", v.Kind, v.Pos)
	switch v.Kind {
	case Enum:
		require.NotEmpty(t, v.Enum)
	case Struct:
		names := map[string]bool{}
		for _, m := range v.Members {
			require.False(t, names[m.Name], "duplicate member %q", m.Name)
			names[m.Name] = true
			require.Equal(t, byte('\''), byteAt(t, src, start, indent, m.Pos))
			checkValue(t, src, start, indent, m.Value)
		}
	case List:
		checkValue(t, src, start, indent, v.Elem)
	case Map:
		require.Contains(t, []Kind{String, Enum}, v.Key.Kind)
		checkValue(t, src, start, indent, v.Key)
		checkValue(t, src, start, indent, v.Elem)
	}
	if v.Kind != Struct {
		require.Empty(t, v.Members)
	}
	if v.Kind != Enum {
		require.Empty(t, v.Enum)
	}
	if v.Kind != Map {
		require.Nil(t, v.Key)
	}
	if v.Kind != List && v.Kind != Map {
		require.Nil(t, v.Elem)
	}
}

// BenchmarkParseResponse parses a large real response block (a 1,000-line
// bedrock-agent-runtime ListFlowExecutionEvents response).
func BenchmarkParseResponse(b *testing.B) {
	data, err := os.ReadFile("testdata/bench_response.txt")
	require.NoError(b, err)
	src := string(data)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseResponse("bench", src, Pos{112, 9}, 8); err != nil {
			b.Fatal(err)
		}
	}
}
