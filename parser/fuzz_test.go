package parser

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// FuzzRead reads arbitrary pages: no panic, every error inside the file,
// and the same result twice.
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
	for _, spec := range []string{"../specs/ssm/paginator/DescribeSessions.rst", "../specs/ec2/paginator/DescribeTrafficMirrorSessions.rst"} {
		b, err := os.ReadFile(spec)
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
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error is not an ErrorList: %v", err)
		}
		lines := strings.Count(string(src), "\n") + 1
		for _, e := range list {
			if e.Pos.Line < 1 || e.Pos.Line > lines+1 || e.Pos.Col < 1 {
				t.Fatalf("error outside the file (%d lines): %v", lines, e)
			}
		}
	})
}
