package templates

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/build/constraint"
	"go/format"
	"go/importer"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"os"
	"os/exec"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/model"
	pageparser "github.com/pagegen/pagegen/parser"
)

// roles are the texts a page gives the model, each in one role: names of
// services, operations, types, members and files, docs, enum values and
// filter names.
type roles struct {
	Service, Title, Op, Method, Struct, Field, Wire, Doc, Value1, Value2, Term string
}

// plain are roles as a real page fills them.
var plain = roles{
	Service: "ssm", Title: "SSM", Op: "DescribeSessions", Method: "describe_sessions", Struct: "Sessions",
	Field: "SessionId", Wire: "Status", Doc: "The *status* of the session.", Value1: "Connected", Value2: "tag:<key>",
	Term: "owner-id",
}

func (r roles) list() []string {
	return []string{r.Service, r.Title, r.Op, r.Method, r.Struct, r.Field, r.Wire, r.Doc, r.Value1, r.Value2, r.Term}
}

func rolesOf(s []string) roles {
	return roles{s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9], s[10]}
}

// pages are two pages of one service that use the roles everywhere a page
// can: an input with a required enum, a string and filters whose names are
// documented; an output whose result list holds a documented structure
// with an enum; a second operation named after a member.
func (r roles) pages(withDocs bool) []*pageparser.Page {
	doc := ""
	if withDocs {
		doc = r.Doc
	}
	member := func(name string, s *pageparser.Shape) *pageparser.Member {
		return &pageparser.Member{Name: name, Shape: s, Doc: doc}
	}
	required := func(m *pageparser.Member) *pageparser.Member { m.Required = true; return m }
	str := func() *pageparser.Shape { return &pageparser.Shape{Kind: pageparser.String} }
	list := func(elem *pageparser.Shape) *pageparser.Shape {
		return &pageparser.Shape{Kind: pageparser.List, Elem: elem, Doc: doc}
	}
	structure := func(ms ...*pageparser.Member) *pageparser.Shape {
		return &pageparser.Shape{Kind: pageparser.Structure, Members: ms, Doc: doc}
	}
	enum := func(vs ...string) *pageparser.Shape { return &pageparser.Shape{Kind: pageparser.Enum, Enum: vs} }

	filters := member("Filters", list(structure(member("Name", str()), member("Values", list(str())))))
	filters.Terms = []pageparser.Term{
		{Name: r.Term, Doc: doc}, {Name: r.Term + "<" + r.Field + ">", Doc: doc}, {Name: r.Value2, Doc: doc},
	}
	item := structure(required(member(r.Field, str())), member(r.Wire, enum(r.Value2, r.Value1)))
	a := &pageparser.Page{
		File: "a.rst", Service: r.Service, ServiceName: r.Title, Name: r.Op, Method: r.Method,
		Doc: doc, APIDocURL: doc, PageSize: true,
		Input: []*pageparser.Member{
			required(member(r.Field, enum(r.Value1, r.Value2, "", r.Value1+r.Value2))), member(r.Wire, str()), filters,
		},
		Output: structure(member(r.Struct, list(item)), member(r.Wire, str())),
	}
	b := &pageparser.Page{
		File: "b.rst", Service: r.Service, ServiceName: r.Title, Name: r.Field, Method: r.Wire, Doc: doc,
		Input:  []*pageparser.Member{member(r.Op, str())},
		Output: structure(member(r.Struct, list(str()))),
	}
	return []*pageparser.Page{a, b}
}

// paginationMember reports a member name that boto3 hides from pages, so
// that the parser drops it from the members it reads; the model takes a
// member of that name as the pagination member it is.
func paginationMember(name string) bool {
	return slices.Contains([]string{"NextToken", "nextToken", "MaxResults", "maxResults"}, name)
}

// checkRoles builds the model of the pages of r, generates its files and
// checks them with checkFiles; with docs, it checks too that the docs
// change nothing but comments. It reports false when the model refuses the
// pages, which is not a failure.
func checkRoles(t *testing.T, r roles, docs bool) bool {
	t.Helper()
	for _, name := range []string{r.Struct, r.Field, r.Wire, r.Op} {
		if paginationMember(name) {
			return false
		}
	}
	pkgs, err := model.Build(r.pages(true), nil, nil, nil)
	if err != nil {
		return false
	}
	bare, err := model.Build(r.pages(false), nil, nil, nil)
	require.NoError(t, err, "the pages are refused without their docs")
	require.Len(t, bare, len(pkgs))
	for i, pkg := range pkgs {
		files, err := Generate(pkg, "example.com/"+pkg.Name)
		require.NoError(t, err)
		checkFiles(t, pkg, files)
		if !docs {
			continue
		}
		bareFiles, err := Generate(bare[i], "example.com/"+pkg.Name)
		require.NoError(t, err)
		require.Equal(t, sortedKeys(bareFiles), sortedKeys(files))
		for name, src := range files {
			if name == NamesFile {
				require.Equal(t, string(bareFiles[name]), string(src), "%s: the docs changed the names", name)
				continue
			}
			require.Equal(t, codeTokens(t, bareFiles[name]), codeTokens(t, src), "%s: the docs changed more than comments", name)
		}
	}
	return true
}

// sortedKeys are the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// codeTokens lists the tokens of src other than comments.
func codeTokens(t *testing.T, src []byte) []string {
	t.Helper()
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile("x.go", -1, len(src)), src, func(pos token.Position, msg string) { t.Fatalf("%s: %s", pos, msg) }, 0)
	var toks []string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return toks
		}
		toks = append(toks, tok.String()+" "+lit)
	}
}

// checkFiles checks the generated files of pkg: their names, that each
// parses, is gofmt-stable and safe in every comment and rune, that they
// declare exactly what the model names, that every enum value, wire name
// and filter name is a literal that unquotes to itself, and that the
// package type-checks.
func checkFiles(t *testing.T, pkg *model.Package, files map[string][]byte) {
	t.Helper()
	fset := token.NewFileSet()
	parsed := map[string]*ast.File{}
	for name, src := range files {
		if name == NamesFile {
			// Data, not Go: the header, then a line of names per type.
			require.True(t, bytes.HasPrefix(src, []byte("# "+Header+"\n")), "%s: no generated header", name)
			require.True(t, utf8.Valid(src) && !bytes.ContainsAny(src, "\r\x00"), "%s: %q", name, src)
			continue
		}
		checkFileName(t, name)
		require.True(t, bytes.HasPrefix(src, []byte("// "+Header+"\n")), "%s: no generated header", name)
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		require.NoError(t, err, "%s:\n%s", name, src)
		require.Equal(t, pkg.Name, f.Name.Name)
		formatted, err := format.Source(src)
		require.NoError(t, err)
		require.Equal(t, string(src), string(formatted), "%s is not gofmt-stable", name)
		checkRunes(t, name, src)
		checkComments(t, name, f)
		parsed[name] = f
	}

	want := expectedDecls(pkg)
	require.Equal(t, sortedKeys(want), sortedKeys(parsedDecls(parsed)), "files")
	for name, f := range parsed {
		require.Equal(t, want[name], declCounts(f), "%s: declarations", name)
	}

	types := map[string]*ast.StructType{}
	consts := map[string]ast.Expr{}
	for _, f := range parsed {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				if st, ok := n.Type.(*ast.StructType); ok {
					types[n.Name.Name] = st
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if i < len(n.Values) {
						consts[id.Name] = n.Values[i]
					}
				}
			}
			return true
		})
	}
	structs := append([]*model.Type(nil), pkg.Types...)
	for _, p := range pkg.Paginators {
		structs = append(structs, p.Input, p.Output)
		var tokens []string
		for _, fl := range p.InputTokens {
			tokens = append(tokens, fl.Wire)
		}
		require.Subset(t, stringLits(t, parsed[p.File+".go"]), tokens, "input token names")
		if p.Filter == nil {
			continue
		}
		for _, n := range p.Filter.Names {
			if n.Param == "" {
				require.Equal(t, n.Value, unquote(t, consts[n.GoName]), "filter name %s", n.GoName)
			}
		}
		require.Subset(t, stringLits(t, parsed[p.File+".go"]), filterValues(p.Filter))
	}
	for _, typ := range structs {
		if typ.Kind == model.Enum {
			for _, v := range typ.Values {
				require.Equal(t, v.Value, unquote(t, consts[v.GoName]), "constant %s", v.GoName)
			}
			continue
		}
		st := types[typ.GoName]
		require.NotNil(t, st, "struct %s", typ.GoName)
		require.Len(t, st.Fields.List, len(typ.Fields), "fields of %s", typ.GoName)
		for i, fl := range typ.Fields {
			af := st.Fields.List[i]
			require.Len(t, af.Names, 1)
			require.Equal(t, fl.GoName, af.Names[0].Name)
			require.NotNil(t, af.Tag, "%s.%s has no tag", typ.GoName, fl.GoName)
			tag := reflect.StructTag(unquote(t, af.Tag))
			jt := tag.Get("json")
			name, opt := jt[:max(strings.LastIndex(jt, ","), 0)], jt[strings.LastIndex(jt, ",")+1:]
			require.Equal(t, fl.Wire, name, "%s.%s", typ.GoName, fl.GoName)
			require.Contains(t, []string{"omitempty", "omitzero"}, opt, "%s.%s", typ.GoName, fl.GoName)
		}
	}
	typeCheck(t, fset, pkg.Name, parsed)
}

func filterValues(fn *model.FilterNames) []string {
	var vs []string
	for _, n := range fn.Names {
		vs = append(vs, n.Value)
	}
	return vs
}

// checkFileName checks that the go command builds the file everywhere, as
// what its name says it is.
func checkFileName(t *testing.T, name string) {
	t.Helper()
	base, ok := strings.CutSuffix(name, ".go")
	require.True(t, ok && fileBase(base), "file name %q", name)
	ctxt := build.Context{GOOS: "none", GOARCH: "none", Compiler: "gc",
		OpenFile: func(string) (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("package p\n")), nil }}
	match, err := ctxt.MatchFile(".", name)
	require.NoError(t, err)
	require.True(t, match, "the go command would not build %s everywhere", name)
}

// checkRunes checks that no rune of the source can break a line, hide or
// reorder text, or be dropped by the Go scanner.
func checkRunes(t *testing.T, name string, src []byte) {
	t.Helper()
	require.True(t, utf8.Valid(src), "%s is not UTF-8", name)
	for i, r := range string(src) {
		bad := r == '\r' || r == 0 || r == '\ufeff' || r == '\u2028' || r == '\u2029' || r == '\u0085' ||
			r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\u200e' || r == '\u200f' || r == '\u061c'
		if bad {
			t.Fatalf("%s: byte %d is %U", name, i, r)
		}
	}
}

// checkComments checks that every comment is a line comment whose marker is
// followed by nothing, a space or a tab, and that none is a directive or a
// build constraint.
func checkComments(t *testing.T, name string, f *ast.File) {
	t.Helper()
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if isHeaderConstraint(f, c) {
				continue
			}
			text, ok := strings.CutPrefix(c.Text, "//")
			require.True(t, ok, "%s: comment %q is not a line comment", name, c.Text)
			require.True(t, text == "" || text[0] == ' ' || text[0] == '\t', "%s: comment %q is a directive", name, c.Text)
			require.False(t, constraint.IsGoBuild(c.Text) || constraint.IsPlusBuild(c.Text), "%s: comment %q is a build constraint", name, c.Text)
		}
	}
}

// isHeaderConstraint reports whether c is the build constraint every
// generated file carries, in its place: the last line of the generated
// header's comment, before the package clause.
func isHeaderConstraint(f *ast.File, c *ast.Comment) bool {
	head := f.Comments[0].List
	return len(head) >= 2 && head[0].Text == "// "+Header && c == head[len(head)-1] && c.Text == BuildConstraint && c.Pos() < f.Package
}

// expectedDecls is what each generated file declares, by name, as the model
// names it: types, constants, variables and functions, methods as
// Type.Method.
func expectedDecls(pkg *model.Package) map[string]map[string]int {
	files := map[string]map[string]int{"doc.go": {}}
	add := func(file string, names ...string) {
		if files[file] == nil {
			files[file] = map[string]int{}
		}
		for _, n := range names {
			files[file][n]++
		}
	}
	add("types.go")
	for _, typ := range pkg.Types {
		add("types.go", typ.GoName)
		if typ.Kind == model.Enum {
			add("types.go", typ.GoName+".Values")
			for _, v := range typ.Values {
				add("types.go", v.GoName)
			}
		} else if typ.Validates {
			add("types.go", typ.GoName+".validate")
		}
	}
	for _, p := range pkg.Paginators {
		file, test := p.File+".go", p.File+"_test.go"
		add(file, p.Input.GoName, p.Input.GoName+".Validate", p.Output.GoName, p.ClientName, p.SpecName, p.ItemsName, p.PaginatorName, p.NewName,
			p.PaginatorName+".HasMorePages", p.PaginatorName+".ResumeToken",
			p.PaginatorName+".NextPage", p.PaginatorName+".Pages", p.PaginatorName+".Items")
		if p.Input.Validates {
			add(file, p.Input.GoName+".validate")
		}
		if fn := p.Filter; fn != nil {
			add(file, fn.GoName, fn.GoName+"."+fn.Method)
			for _, n := range fn.Names {
				add(file, n.GoName)
			}
		}
		add(test, p.FakeName, p.FakeName+"."+p.Name, p.TestName)
		if p.Input.Validates {
			add(test, p.InputTestName)
		}
	}
	return files
}

func parsedDecls(files map[string]*ast.File) map[string]bool {
	m := map[string]bool{}
	for name := range files {
		m[name] = true
	}
	return m
}

// declCounts counts a file's top-level names, methods as Type.Method.
func declCounts(f *ast.File) map[string]int {
	names := map[string]int{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			name := d.Name.Name
			if d.Recv != nil {
				typ := d.Recv.List[0].Type
				if star, ok := typ.(*ast.StarExpr); ok {
					typ = star.X
				}
				name = typ.(*ast.Ident).Name + "." + name
			}
			names[name]++
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					names[s.Name.Name]++
				case *ast.ValueSpec:
					for _, n := range s.Names {
						if n.Name != "_" {
							names[n.Name]++
						}
					}
				}
			}
		}
	}
	return names
}

// unquote is the value of a string literal.
func unquote(t *testing.T, e ast.Expr) string {
	t.Helper()
	lit, ok := e.(*ast.BasicLit)
	require.True(t, ok && lit.Kind == token.STRING, "%#v is not a string literal", e)
	s, err := strconv.Unquote(lit.Value)
	require.NoError(t, err)
	return s
}

// stringLits are the values of the string literals of a file.
func stringLits(t *testing.T, f *ast.File) []string {
	t.Helper()
	var lits []string
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
			lits = append(lits, unquote(t, lit))
		}
		return true
	})
	return lits
}

// importer imports what generated code may import, from the export data
// that `go list -export` builds once. Imported positions are in a file set
// of its own: they only ever name places in error messages.
var gcImporter = sync.OnceValues(func() (types.Importer, error) {
	cmd := exec.Command("go", "list", "-export", "-deps", "-f", "{{.ImportPath}}={{.Export}}",
		Runtime, Support, TestKit, testifyRequire, pathContext, pathErrors, pathJSON, pathStrconv, pathStrings, pathTesting, pathTime)
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	exports := map[string]string{}
	for line := range strings.Lines(string(out)) {
		path, file, _ := strings.Cut(strings.TrimSpace(line), "=")
		exports[path] = file
	}
	return importer.ForCompiler(token.NewFileSet(), "gc", func(path string) (io.ReadCloser, error) {
		file, ok := exports[path]
		if !ok {
			return nil, fmt.Errorf("generated code imports %s", path)
		}
		return os.Open(file)
	}), nil
})

// typeCheck type-checks the generated package with its tests.
func typeCheck(t *testing.T, fset *token.FileSet, name string, files map[string]*ast.File) {
	t.Helper()
	imp, err := gcImporter()
	require.NoError(t, err)
	var list []*ast.File
	for _, n := range sortedKeys(files) {
		list = append(list, files[n])
	}
	var errs []string
	conf := types.Config{Importer: imp, Error: func(err error) { errs = append(errs, err.Error()) }}
	_, _ = conf.Check("example.com/"+name, fset, list, nil)
	require.Empty(t, errs, "the generated package does not type-check")
}
