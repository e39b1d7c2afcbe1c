package templates

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pagegen/pagegen/model"
	"github.com/stretchr/testify/require"
)

// TestKitCatchesBrokenPaginators breaks the generated DescribeSessions
// paginator on purpose, one way at a time, runs its generated test, and
// checks that the test kit reports each break; the paginator as generated
// passes.
func TestKitCatchesBrokenPaginators(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests a generated package four times")
	}
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	dir, err := os.MkdirTemp(root, "zz_kit_")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	name := filepath.Base(dir)

	pkgs := seedPackages(t)
	i := slices.IndexFunc(pkgs, func(p *model.Package) bool { return p.Name == "ssm" })
	require.GreaterOrEqual(t, i, 0)
	pkg := pkgs[i]
	require.Equal(t, "DescribeSessions", pkg.Paginators[0].Name)
	files, err := Generate(pkg, "github.com/pagegen/pagegen/"+name+"/"+pkg.Name)
	require.NoError(t, err)
	const file = "describe_sessions.go"
	// The Go type of the input's State member, whatever the naming rules
	// call it.
	m := regexp.MustCompile(`\n\tState (\w+) `).FindSubmatch(files[file])
	require.NotNil(t, m, "DescribeSessionsInput has no State member")
	stateType := string(m[1])
	for _, tc := range []struct {
		name     string
		old, new string // the generated line and what replaces it
		want     string // what the kit reports
	}{
		{"as generated", "", "", ""},
		{"wrong token member", "in.NextToken = t[0]", "in.State = " + stateType + "(t[0].String())", "items: request 1 asks for page 0"},
		{"off-by-one cut", "out.Sessions = items[i:j]", "out.Sessions = items[i:max(i, j-1)]", "MaxItems 3: Items yielded"},
		{"dropped limit", "in.MaxResults = new(int64(n))", "_, _ = in, n", "PageSize: request 0 has limit 0 (set: false), want 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for f, src := range files {
				if f == file && tc.old != "" {
					require.Contains(t, string(src), tc.old)
					src = []byte(strings.Replace(string(src), tc.old, tc.new, 1))
				}
				p := filepath.Join(dir, pkg.Name, filepath.FromSlash(f))
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, src, 0o644))
			}
			cmd := exec.Command("go", "test", "-count=1", "-vet=off", "-run", "^TestDescribeSessionsPaginator$", "./"+name+"/"+pkg.Name)
			cmd.Dir = root
			out, err := cmd.CombinedOutput()
			if tc.want == "" {
				require.NoError(t, err, "%s", out)
				return
			}
			require.Error(t, err, "the kit passed a broken paginator:\n%s", out)
			require.Contains(t, string(out), tc.want)
		})
	}
}
