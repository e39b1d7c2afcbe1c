package templates

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"

	"github.com/pagegen/pagegen/model"
	pageparser "github.com/pagegen/pagegen/parser"
)

var update = flag.Bool("update", false, "rewrite the out/ sections of testdata/*.txtar")

// TestGolden builds the model of the spec pages in each testdata/*.txtar
// archive ("specs/<service>/paginator/<Name>.rst" and
// "specs/<service>/paginators.json" sections), generates its packages and
// compares the files named by the archive's "out/<package>/<file>" sections.
// With -update it rewrites those sections.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			require.NoError(t, err)
			var pages []*pageparser.Page
			overrides := map[string]map[string]pageparser.PaginatorConfig{}
			for _, f := range ar.Files {
				rest, ok := strings.CutPrefix(f.Name, "specs/")
				switch {
				case !ok:
				case strings.HasSuffix(rest, "/paginators.json"):
					cfg, err := pageparser.ReadPaginators(f.Name, f.Data)
					require.NoError(t, err)
					overrides[strings.TrimSuffix(rest, "/paginators.json")] = cfg
				default:
					page, err := pageparser.Read(f.Name, f.Data)
					require.NoError(t, err)
					pages = append(pages, page)
				}
			}
			pkgs, err := model.Build(pages, overrides, nil, nil)
			require.NoError(t, err)
			got := map[string]string{}
			for _, pkg := range pkgs {
				out, err := Generate(pkg, "example.com/"+pkg.Name)
				require.NoError(t, err)
				for name, b := range out {
					got["out/"+pkg.Name+"/"+name] = string(b)
				}
			}
			for i, f := range ar.Files {
				if !strings.HasPrefix(f.Name, "out/") {
					continue
				}
				if *update {
					ar.Files[i].Data = []byte(got[f.Name])
					continue
				}
				require.Contains(t, got, f.Name)
				require.Equal(t, string(f.Data), got[f.Name], f.Name)
			}
			if *update {
				require.NoError(t, os.WriteFile(file, txtar.Format(ar), 0o644))
			}
		})
	}
}
