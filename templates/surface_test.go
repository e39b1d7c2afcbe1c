package templates

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// TestPaginatorSurface checks what go doc shows of each generated
// paginator: its typed methods and nothing else (no exported field, no
// method promoted from the runtime), each documented with a sentence that
// begins with its name.
func TestPaginatorSurface(t *testing.T) {
	for _, pkg := range seedPackages(t) {
		files, err := Generate(pkg, "example.com/"+pkg.Name)
		require.NoError(t, err)
		fset := token.NewFileSet()
		var parsed []*ast.File
		for name, src := range files {
			if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || strings.Contains(name, "/") {
				continue
			}
			f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
			require.NoError(t, err)
			parsed = append(parsed, f)
		}
		dp, err := doc.NewFromFiles(fset, parsed, "example.com/"+pkg.Name)
		require.NoError(t, err)
		for _, p := range pkg.Paginators {
			i := slices.IndexFunc(dp.Types, func(d *doc.Type) bool { return d.Name == p.PaginatorName })
			require.GreaterOrEqual(t, i, 0, "%s not documented", p.PaginatorName)
			typ := dp.Types[i]
			var methods []string
			for _, m := range typ.Methods {
				methods = append(methods, m.Name)
				require.True(t, strings.HasPrefix(m.Doc, m.Name+" "), "%s.%s: doc %q does not begin with its name", p.PaginatorName, m.Name, m.Doc)
			}
			require.Equal(t, []string{"HasMorePages", "Items", "NextPage", "Pages", "ResumeToken"}, methods, p.PaginatorName)
			st := typ.Decl.Specs[0].(*ast.TypeSpec).Type.(*ast.StructType)
			for _, fl := range st.Fields.List {
				require.NotEmpty(t, fl.Names, "%s embeds a field", p.PaginatorName)
				for _, n := range fl.Names {
					require.False(t, n.IsExported(), "%s has exported field %s", p.PaginatorName, n.Name)
				}
			}
		}
	}
}

// TestDocComments checks the doc comments of the generated packages: each
// exported top-level name's comment begins with the name (go.dev/doc/comment),
// and no comment line ends after column 80 (a tab counting four) unless it
// is one word, such as a URL, or a link definition.
func TestDocComments(t *testing.T) {
	for _, pkg := range seedPackages(t) {
		files, err := Generate(pkg, "example.com/"+pkg.Name)
		require.NoError(t, err)
		for name, src := range files {
			if !strings.HasSuffix(name, ".go") {
				continue
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
			require.NoError(t, err)
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					text := strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
					tabs := fset.Position(c.Pos()).Column - 1 // generated code indents with tabs
					if 4*tabs+utf8.RuneCountInString(c.Text) > 80 && !linkDef.MatchString(text) {
						require.Len(t, strings.Fields(text), 1, "%s: line longer than 80 columns: %s", name, c.Text)
					}
				}
			}
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			for name, doc := range exportedDocs(f) {
				require.True(t, strings.HasPrefix(doc, name+" "), "%s: the doc of %s does not begin with its name: %q", pkg.Name, name, doc)
			}
		}
	}
}

// linkDef matches a link definition, which a doc comment must keep on one
// line: "[text]: URL".
var linkDef = regexp.MustCompile(`^\[[^\]]+\]: \S+$`)

// exportedDocs returns the doc comments of a file's exported top-level
// names, methods included.
func exportedDocs(f *ast.File) map[string]string {
	docs := map[string]string{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Name.IsExported() {
				docs[d.Name.Name] = d.Doc.Text()
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					doc := s.Doc
					if doc == nil {
						doc = d.Doc
					}
					if s.Name.IsExported() {
						docs[s.Name.Name] = doc.Text()
					}
				case *ast.ValueSpec:
					doc := s.Doc
					if doc == nil && len(d.Specs) == 1 {
						doc = d.Doc
					}
					for _, n := range s.Names {
						if n.IsExported() {
							docs[n.Name] = doc.Text()
						}
					}
				}
			}
		}
	}
	return docs
}
