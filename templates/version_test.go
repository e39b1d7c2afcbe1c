package templates

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/paginate/paginateimpl"
)

// supportAt is a package paginateimpl that supports versions min to max of
// its API.
func supportAt(t *testing.T, fset *token.FileSet, min, max int) *types.Package {
	t.Helper()
	src := fmt.Sprintf(`package paginateimpl
const (
	MinVersion = %d
	MaxVersion = %d
)
type RegenerateCode uint
type UpdatePagegen uint
`, min, max)
	f, err := parser.ParseFile(fset, "paginateimpl.go", src, 0)
	require.NoError(t, err)
	pkg, err := new(types.Config).Check(Support, fset, []*ast.File{f}, nil)
	require.NoError(t, err)
	return pkg
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// TestVersionCheck checks that a generated package builds against the
// support package it was generated for, and fails with a message that says
// what to do against one that no longer, or does not yet, support its
// version.
func TestVersionCheck(t *testing.T) {
	pkg := seedPackages(t)[0]
	files, err := Generate(pkg, "example.com/"+pkg.Name)
	require.NoError(t, err)
	gen := paginateimpl.GenVersion
	for _, tc := range []struct {
		name     string
		min, max int
		want     string
	}{
		{"supported", gen, gen, ""},
		{"code too old", gen + 1, gen + 1, "overflows paginateimpl.RegenerateCode"},
		{"runtime too old", gen - 1, gen - 1, "overflows paginateimpl.UpdatePagegen"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, "doc.go", files["doc.go"], 0)
			require.NoError(t, err)
			support := supportAt(t, fset, tc.min, tc.max)
			var errs []string
			conf := types.Config{
				Importer: importerFunc(func(path string) (*types.Package, error) {
					if path == Support {
						return support, nil
					}
					return importer.Default().Import(path)
				}),
				Error: func(err error) { errs = append(errs, err.Error()) },
			}
			_, _ = conf.Check("example.com/"+pkg.Name, fset, []*ast.File{f}, nil)
			if tc.want == "" {
				require.Empty(t, errs)
				return
			}
			require.Len(t, errs, 1)
			require.Contains(t, errs[0], tc.want)
		})
	}
}
