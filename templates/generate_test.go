package templates

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/model"
	pageparser "github.com/pagegen/pagegen/parser"
)

// seedPackages builds the model of the repository's spec pages.
func seedPackages(t *testing.T) []*model.Package {
	t.Helper()
	var pages []*pageparser.Page
	for _, spec := range []string{
		"../specs/ssm/paginator/DescribeSessions.rst",
		"../specs/ec2/paginator/DescribeTrafficMirrorSessions.rst",
	} {
		src, err := os.ReadFile(spec)
		require.NoError(t, err)
		page, err := pageparser.Read(spec, src)
		require.NoError(t, err)
		pages = append(pages, page)
	}
	pkgs, err := model.Build(pages, nil, nil, nil)
	require.NoError(t, err)
	return pkgs
}

// TestGenerateProperties checks what every generated file must be: the
// generated header first, Go that parses, gofmt-stable, the same bytes on
// every run, and no comment line that is a directive.
func TestGenerateProperties(t *testing.T) {
	for _, pkg := range seedPackages(t) {
		first, err := Generate(pkg, "example.com/"+pkg.Name)
		require.NoError(t, err)
		second, err := Generate(pkg, "example.com/"+pkg.Name)
		require.NoError(t, err)
		require.Equal(t, first, second, "generation is not deterministic")
		require.Contains(t, first, "doc.go")
		require.Contains(t, first, "types.go")
		names, err := model.UnmarshalTypeNames(NamesFile, first[NamesFile])
		require.NoError(t, err)
		require.Equal(t, pkg.TypeNames(), names)
		for name, src := range first {
			if name == NamesFile {
				require.True(t, bytes.HasPrefix(src, []byte("# "+Header+"\n")), "%s: no generated header", name)
				continue
			}
			header := "// " + Header + "\n"
			if source := sourceLine(src); source != "" {
				header += source + "\n"
			}
			require.True(t, bytes.HasPrefix(src, []byte(header+BuildConstraint+"\n\n")), "%s: no generated header and build constraint", name)
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
			require.NoError(t, err, name)
			require.Equal(t, pkg.Name, f.Name.Name)
			formatted, err := format.Source(src)
			require.NoError(t, err)
			require.Equal(t, string(formatted), string(src), "%s is not gofmt-stable", name)
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					if isHeaderConstraint(f, c) {
						continue
					}
					for _, bad := range []string{"//go:", "//line ", "//export ", "// +build", "/*"} {
						require.False(t, strings.HasPrefix(c.Text, bad), "%s: comment %q", name, c.Text)
					}
				}
			}
		}
	}
}

// TestGenerateDeclarations checks that each paginator's file declares what
// the API promises, by name.
func TestGenerateDeclarations(t *testing.T) {
	for _, pkg := range seedPackages(t) {
		files, err := Generate(pkg, "example.com/"+pkg.Name)
		require.NoError(t, err)
		for _, p := range pkg.Paginators {
			decls := topLevel(t, files[p.File+".go"])
			for _, want := range []string{p.Input.GoName, p.Output.GoName, p.ClientName, p.PaginatorName, p.NewName, p.SpecName, p.ItemsName,
				p.Input.GoName + ".Validate"} {
				require.Contains(t, decls, want, "%s: %s not declared", p.Method, want)
			}
			if p.Filter != nil {
				require.Contains(t, decls, p.Filter.GoName)
				require.Contains(t, decls, p.Filter.GoName+"."+p.Filter.Method)
				for _, n := range p.Filter.Names {
					require.Contains(t, decls, n.GoName)
				}
			}
		}
		decls := topLevel(t, files["types.go"])
		for _, typ := range pkg.Types {
			require.Contains(t, decls, typ.GoName)
			for _, v := range typ.Values {
				require.Contains(t, decls, v.GoName)
			}
			if typ.Kind == model.Enum {
				require.Contains(t, decls, typ.GoName+".Values")
			}
		}
	}
}

// topLevel lists a file's top-level names, methods as Type.Method.
func topLevel(t *testing.T, src []byte) map[string]bool {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, 0)
	require.NoError(t, err)
	names := map[string]bool{}
	for name := range declCounts(f) {
		names[name] = true
	}
	return names
}

// TestCommentLines checks that doc text cannot leave its comment: every
// line becomes one "//" comment, whatever it holds.
func TestCommentLines(t *testing.T) {
	for _, text := range []string{
		"plain",
		"line one\nline two",
		"*/ func Evil() {} /*",
		"//go:generate rm -rf /",
		"+build ignore",
		"a\r\nb\rc\u2028d",
		"\x00nul and bidi \u202e",
	} {
		f := jen.NewFile("p")
		f.Add(withDoc(comment("Lead", text)).Type().Id("T").Int())
		var buf bytes.Buffer
		require.NoError(t, f.Render(&buf), text)
		parsed, err := parser.ParseFile(token.NewFileSet(), "x.go", buf.Bytes(), parser.ParseComments)
		require.NoError(t, err, text)
		require.Len(t, parsed.Decls, 1, "%q added declarations:\n%s", text, buf.String())
		for _, cg := range parsed.Comments {
			for _, c := range cg.List {
				require.True(t, c.Text == "//" || strings.HasPrefix(c.Text, "// "), "%q gave comment %q", text, c.Text)
				require.False(t, strings.HasPrefix(c.Text, "// +build"), "%q gave comment %q", text, c.Text)
			}
		}
	}
}

// sourceLine returns the second line of src where it names the page the
// file came from, else "".
func sourceLine(src []byte) string {
	lines := strings.SplitN(string(src), "\n", 3)
	if len(lines) > 1 && strings.HasPrefix(lines[1], "// source: ") {
		return lines[1]
	}
	return ""
}
