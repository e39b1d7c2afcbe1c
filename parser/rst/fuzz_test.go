package rst

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/txtar"
)

// seedInputs returns the inputs of the golden files, and the pages of the
// parser's golden files, most of them real boto3 pages.
func seedInputs(f *testing.F) [][]byte {
	var inputs [][]byte
	for _, glob := range []string{"testdata/*.txtar", "../testdata/*.txtar"} {
		files, err := filepath.Glob(glob)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				f.Fatal(err)
			}
			for _, sec := range ar.Files {
				if sec.Name == "input.rst" || sec.Name == "page.rst" {
					inputs = append(inputs, sec.Data)
				}
			}
		}
	}
	return inputs
}

// sourceLines splits src into lines the way Parse counts them.
func sourceLines(src []byte) [][]byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	var lines [][]byte
	for len(src) > 0 {
		i := bytes.IndexAny(src, "\r\n")
		if i < 0 {
			lines = append(lines, src)
			break
		}
		lines = append(lines, src[:i])
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		src = src[i+1:]
	}
	return lines
}

// FuzzParse checks that Parse does not panic, puts every node and error
// within the source, gives the same result twice, writes error messages in
// lower case, and that a CommonMark parser reads BlocksMarkdown of the tree
// with the tree's structure.
func FuzzParse(f *testing.F) {
	for _, in := range seedInputs(f) {
		f.Add(in)
	}
	for _, in := range errorCases {
		f.Add([]byte(in.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := Parse("fuzz.rst", src)
		again, err2 := Parse("fuzz.rst", src)
		if (err == nil) != (err2 == nil) {
			t.Fatalf("different results: %v, %v", err, err2)
		}
		lines := sourceLines(src)
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error of type %T", err)
			}
			if err.Error() != err2.Error() {
				t.Fatalf("different errors: %v, %v", err, err2)
			}
			checkPos(t, lines, e.Pos, "error")
			if r, _ := utf8.DecodeRuneInString(e.Msg); unicode.IsUpper(r) {
				t.Fatalf("message %q starts in upper case", e.Msg)
			}
			return
		}
		if doc.Dump() != again.Dump() {
			t.Fatal("different trees")
		}
		doc.Walk(func(n *Node) bool {
			if n.Kind != Document {
				checkPos(t, lines, n.Pos, n.Kind.String())
			}
			return true
		})
		checkStructure(t, "fuzz.rst", doc.Children)
	})
}

func checkPos(t *testing.T, lines [][]byte, pos Pos, what string) {
	t.Helper()
	if pos.Line < 1 || pos.Line > max(len(lines), 1) {
		t.Fatalf("%s at %v: line out of range 1..%d", what, pos, len(lines))
	}
	n := 0
	if pos.Line <= len(lines) {
		n = len(lines[pos.Line-1])
	}
	if pos.Col < 1 || pos.Col > n+1 {
		t.Fatalf("%s at %v: column out of range 1..%d", what, pos, n+1)
	}
}

// FuzzMarkdown checks that a CommonMark parser reads the output of Markdown
// as one paragraph with the inline structure of the RST text.
func FuzzMarkdown(f *testing.F) {
	for _, c := range markdownCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, mOpen+mClose+mSep+"\r\x00") || !utf8.ValidString(s) {
			return
		}
		// A paragraph's text: no blank lines, no indentation, no trailing spaces.
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		s = strings.Join(lines, "\n")
		md := Markdown(s)
		if want, got := wantInline(s), gotInline(md); want != got {
			t.Fatalf("rst %q\nmarkdown %q\nwant %q\n got %q", s, md, want, got)
		}
	})
}
