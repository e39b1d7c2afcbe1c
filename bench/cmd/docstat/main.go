// Command docstat measures the doc comments of the Go files under a folder,
// test files aside, as the generated packages' are judged:
//
//	go run ./cmd/docstat ../generated
//
// It counts the comment lines that end after column 80 (a tab counting
// four) and hold more than one word, and how many of those are link
// definitions, which a doc comment keeps on one line; the lines that end
// after column 100; the lines that name boto3's Python API
// ("SSM.Client.describe_sessions"); and the exported top-level names whose
// doc comment does not begin with the name, or reads "Name: ...".
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("docstat: ")
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: docstat folder")
		os.Exit(2)
	}
	s, err := measure(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	s.print(os.Stdout)
}

// stats are the figures of one folder.
type stats struct {
	Lines    int // comment lines
	Over80   int // lines ending after column 80 with more than one word
	LinkDefs int // of those, link definitions
	Over100  int // lines ending after column 100
	Longest  int // columns of the longest line
	Python   int // lines naming boto3's Python API
	Names    int // exported top-level names
	Colon    int // their docs that read "Name: ..."
	NotName  int // their docs that do not begin with the name
}

var (
	python  = regexp.MustCompile(`\b[A-Z][A-Za-z0-9]*\.Client\.[a-z_]+`)
	linkDef = regexp.MustCompile(`^\[[^\]]+\]: \S+$`)
)

func measure(root string) (stats, error) {
	var s stats
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, parser.ParseComments)
		if err != nil {
			return err
		}
		s.comments(fset, f)
		s.docs(f)
		return nil
	})
	return s, err
}

// comments measures the comment lines of f.
func (s *stats) comments(fset *token.FileSet, f *ast.File) {
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			s.Lines++
			tabs := fset.Position(c.Pos()).Column - 1 // gofmt indents with tabs
			n := 4*tabs + utf8.RuneCountInString(c.Text)
			text := strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
			if n > 80 && len(strings.Fields(text)) > 1 {
				s.Over80++
				if linkDef.MatchString(text) {
					s.LinkDefs++
				}
			}
			if n > 100 {
				s.Over100++
			}
			s.Longest = max(s.Longest, n)
			if python.MatchString(c.Text) {
				s.Python++
			}
		}
	}
}

// docs checks the doc comments of f's exported top-level names.
func (s *stats) docs(f *ast.File) {
	check := func(name string, doc *ast.CommentGroup) {
		if !ast.IsExported(name) {
			return
		}
		s.Names++
		text := doc.Text()
		if strings.HasPrefix(text, name+":") {
			s.Colon++
		}
		if rest, ok := strings.CutPrefix(text, name); !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\n') {
			s.NotName++
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			check(d.Name.Name, d.Doc)
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					doc := spec.Doc
					if doc == nil {
						doc = d.Doc
					}
					check(spec.Name.Name, doc)
				case *ast.ValueSpec:
					doc := spec.Doc
					if doc == nil && len(d.Specs) == 1 {
						doc = d.Doc
					}
					for _, n := range spec.Names {
						check(n.Name, doc)
					}
				}
			}
		}
	}
}

func (s stats) print(w io.Writer) {
	fmt.Fprintf(w, "comment lines %d; ending after column 80 with more than one word %d (link definitions %d); after column 100 %d; longest %d columns\n",
		s.Lines, s.Over80, s.LinkDefs, s.Over100, s.Longest)
	fmt.Fprintf(w, "lines naming boto3's Python API %d\n", s.Python)
	fmt.Fprintf(w, "exported top-level names %d; docs reading \"Name: ...\" %d; docs not beginning with the name %d\n", s.Names, s.Colon, s.NotName)
}
