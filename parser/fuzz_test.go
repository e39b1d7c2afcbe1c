package parser

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/pagegen/pagegen/diag"
)

// FuzzRead reads arbitrary pages: no panic, every error inside the file
// (on a line of it or just after its last line, at most just after the
// line's last byte), messages in lower case, and the same result twice. It
// is seeded with the pages of the golden files, most of them real, the
// pages of the project's specs directory and the broken pages.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, s := range ar.Files {
			if s.Name == "page.rst" {
				f.Add(s.Data)
			}
		}
	}
	broken, _ := filepath.Glob("testdata/broken/*.rst")
	for _, page := range append([]string{"../specs/ssm/paginator/DescribeSessions.rst", "../specs/ec2/paginator/DescribeTrafficMirrorSessions.rst"}, broken...) {
		b, err := os.ReadFile(page)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		page, err := Read("page.rst", src)
		again := dumpResult(Read("page.rst", src))
		if got := dumpResult(page, err); got != again {
			t.Fatalf("two reads differ:\n%s\n%s", got, again)
		}
		if err == nil {
			return
		}
		var list diag.List
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error is not an diag.List: %v", err)
		}
		checkPositions(t, src, list)
		for _, e := range list {
			if r, _ := utf8.DecodeRuneInString(e.Msg); unicode.IsUpper(r) {
				t.Fatalf("message %q starts in upper case", e.Msg)
			}
		}
	})
}
