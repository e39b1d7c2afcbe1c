package templates

import (
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

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
