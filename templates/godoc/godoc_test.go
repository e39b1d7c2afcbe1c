package godoc

import (
	"flag"
	"go/build/constraint"
	"go/doc/comment"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// goldenFiles returns the paths of the golden archives.
func goldenFiles(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	return paths
}

// archiveFile returns the data of the named file of the archive.
func archiveFile(a *txtar.Archive, name string) ([]byte, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// rendered is the want section for the given input: the lines of Lines,
// each followed by a line feed.
func rendered(in string) string {
	var b strings.Builder
	for _, l := range Lines(in) {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestGolden compares Lines with the want section of each archive under
// testdata: "-- in.md --" holds the CommonMark input and "-- want --" the
// lines, one per line. Run with -update to rewrite the want sections.
func TestGolden(t *testing.T) {
	for _, path := range goldenFiles(t) {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(path)
			require.NoError(t, err)
			in, ok := archiveFile(a, "in.md")
			require.True(t, ok, "%s has no in.md", path)
			got := rendered(string(in))
			checkComment(t, Lines(string(in)))
			if *update {
				files := []txtar.File{{Name: "in.md", Data: in}, {Name: "want", Data: []byte(got)}}
				a.Files = files
				require.NoError(t, os.WriteFile(path, txtar.Format(a), 0o644))
				return
			}
			want, ok := archiveFile(a, "want")
			require.True(t, ok, "%s has no want", path)
			assert.Equal(t, string(want), got)
		})
	}
}

// checkComment checks the rules that every result of Lines follows: the
// lines are clean, no line reads as a build constraint, and the comment they
// make above a package clause parses, is left unchanged by gofmt and is
// printed back unchanged by go/doc/comment.
func checkComment(t testing.TB, lines []string) {
	t.Helper()
	if len(lines) > 0 {
		assert.NotEmpty(t, lines[0], "first line is blank")
		assert.NotEmpty(t, lines[len(lines)-1], "last line is blank")
	}
	for i, l := range lines {
		require.True(t, utf8.ValidString(l), "line %d is not UTF-8: %q", i, l)
		for _, r := range l {
			require.False(t, r == '\n' || r == '\r' || lineBreak(r) || dropped(r), "line %d has %U: %q", i, r, l)
		}
		assert.Equal(t, strings.TrimRight(l, " \t"), l, "line %d ends in blanks", i)
		c := commentLine(l)
		assert.False(t, constraint.IsGoBuild(c) || constraint.IsPlusBuild(c), "line %d reads as a build constraint: %q", i, c)
		assert.False(t, constraint.IsGoBuild("//"+strings.TrimSpace(c[2:])), "line %d reads as a malformed //go:build line: %q", i, c)
		assert.False(t, strings.HasPrefix(c, "//go:") || strings.HasPrefix(c, "//line"), "line %d reads as a directive: %q", i, c)
	}

	var src strings.Builder
	for _, l := range lines {
		src.WriteString(commentLine(l))
		src.WriteByte('\n')
	}
	src.WriteString("package p\n")
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src.String(), parser.ParseComments)
	require.NoError(t, err, "source:\n%s", src.String())
	if len(lines) > 0 {
		require.NotNil(t, f.Doc, "source:\n%s", src.String())
		assert.Len(t, f.Doc.List, len(lines))
	}
	formatted, err := format.Source([]byte(src.String()))
	require.NoError(t, err)
	require.Equal(t, src.String(), string(formatted), "gofmt changes the comment")

	text := strings.Join(lines, "\n")
	if text != "" {
		text += "\n"
	}
	var p comment.Parser
	var pr comment.Printer
	d := p.Parse(text)
	require.NotNil(t, d)
	assert.Equal(t, text, string(pr.Comment(d)), "go/doc/comment prints the comment differently")
}

func TestEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\n\n", " \t\r\n\u2028", "\x00\x01", "\u202e", "<!-- only a comment -->", "---", "[]()"} {
		assert.Nil(t, Lines(in), "%q", in)
		assert.Empty(t, Text(in), "%q", in)
		assert.Empty(t, Comment(in), "%q", in)
		assert.Empty(t, Plain(in), "%q", in)
	}
}

func TestTextAndComment(t *testing.T) {
	in := "Intro.\n\n```\nx := 1\n```\n\nThen:\n\n- item\n"
	assert.Equal(t, "Intro.\n\n\tx := 1\n\nThen:\n\n  - item", Text(in))
	assert.Equal(t, "// Intro.\n//\n//\tx := 1\n//\n// Then:\n//\n//   - item", Comment(in))
}

func TestPlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello *world*.", "Hello world."},
		{"One\n\ntwo `code  span` [link](https://example.com) [](https://example.com/empty).", "One two code  span link https://example.com/empty."},
		{"- a\n  - b\n1. c\n", "a b c"},
		{"```\nfoo  bar\n\tbaz\n```", "foo bar baz"},
		{"<p>x &amp; y</p>", "x & y"},
		{"+build linux", `\+build linux`},
		{"a\r\nb\u2028c\u202ed\x00e", "a b cde"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Plain(tt.in), "%q", tt.in)
	}
}

func TestDeterministic(t *testing.T) {
	in := "[a](https://a.example) [b](https://b.example) [a](https://c.example) [b](https://b.example)\n\n- x\n  1. y\n"
	first := Lines(in)
	for range 20 {
		assert.Equal(t, first, Lines(in))
	}
}

func TestConcurrent(t *testing.T) {
	paths := goldenFiles(t)
	var inputs, wants []string
	for _, path := range paths {
		a, err := txtar.ParseFile(path)
		require.NoError(t, err)
		in, _ := archiveFile(a, "in.md")
		inputs = append(inputs, string(in))
		wants = append(wants, rendered(string(in)))
	}
	for i := range 8 {
		t.Run("", func(t *testing.T) {
			t.Parallel()
			for j := range inputs {
				k := (i + j) % len(inputs)
				assert.Equal(t, wants[k], rendered(inputs[k]))
			}
		})
	}
}

func TestMarkerLike(t *testing.T) {
	for _, s := range []string{"-", "*", "+", "•", "1.", "12)", "- x"} {
		assert.True(t, markerLike(s), s)
	}
	for _, s := range []string{"", "--", "-x", "1", "a.", ".", ")", "1.5", "–", "(1)"} {
		assert.False(t, markerLike(s), s)
	}
}

func TestWrapKeepsWords(t *testing.T) {
	long := strings.Repeat("x", 120)
	assert.Equal(t, []string{"short", long, "tail"}, Lines("short "+long+" tail"))

	code := "aws ssm describe-sessions --state Active --filters key=Owner,value=arn:aws:sts::123456789012"
	lines := Lines("Run `" + code + "` to list them.")
	assert.Equal(t, []string{"Run", code, "to list them."}, lines)

	url := "https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-sessions.html"
	assert.Equal(t, []string{"See the", url, "page."}, Lines("See the "+url+" page."))

	lines = Lines(strings.Repeat("word ", 100))
	for i, l := range lines {
		assert.LessOrEqual(t, len(l), width)
		if i < len(lines)-1 {
			assert.Greater(t, len(l), width-5)
		}
	}
}

// TestNestedItemsNeedMarkers shows why nested items are not written as
// indented "- text" lines: gofmt makes them items of the top-level list.
func TestNestedItemsNeedMarkers(t *testing.T) {
	src := "// Values:\n//\n//   - Status:\n//     - Connected\npackage p\n"
	formatted, err := format.Source([]byte(src))
	require.NoError(t, err)
	assert.Equal(t, "// Values:\n//\n//   - Status:\n//   - Connected\npackage p\n", string(formatted))

	assert.Equal(t, []string{"Values:", "", "  - Status:", "    – Connected"}, Lines("Values:\n\n- Status:\n  - Connected"))
	assert.Equal(t, []string{"Values:", "", " 1. Status:", "    - Connected", "    (1) First"}, Lines("Values:\n\n1. Status:\n   - Connected\n   1. First"))
}
