package pipeline

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/internal/corpus"
	"github.com/pagegen/pagegen/model"
)

var corpusBuild = flag.Bool("corpus.build", false, "also write the corpus's packages into the module, and go vet and go test them (CI runs this)")

// TestCorpus runs the pipeline on every page of the corpus with its
// paginators.json entries: every page must read, model and emit, and every
// paginator's pagination members must be the ones paginators.json names.
func TestCorpus(t *testing.T) {
	specs, err := corpus.Specs()
	require.NoError(t, err)
	truth, err := corpus.LoadTruth()
	require.NoError(t, err)
	pkgs, err := build("corpus", specs, "out", nil, nil)
	require.NoError(t, err)

	pages := len(corpus.Pages(specs))
	var met, merged, qualified int
	for _, pkg := range pkgs {
		q := 0
		for _, typ := range pkg.Types {
			if !slices.Contains(typ.Wants, typ.GoName) {
				q++
			}
		}
		if pkg.Name == "ec2" || pkg.Name == "ssm" {
			t.Logf("%s: %d types met, %d after merging identical ones, %d qualified", pkg.Name, pkg.Candidates, len(pkg.Types), q)
		}
		met, merged, qualified = met+pkg.Candidates, merged+len(pkg.Types), qualified+q
	}
	t.Logf("all packages: %d types met, %d after merging identical ones, %d qualified", met, merged, qualified)
	paginators, filterOps, filterNames, types := 0, 0, 0, 0
	for _, pkg := range pkgs {
		svc := truth.Services[pkg.Service]
		require.NotNil(t, svc, pkg.Service)
		types += len(pkg.Types)
		for _, p := range pkg.Paginators {
			paginators++
			cfg := svc.Paginators[p.Name].Config
			assert.Equal(t, pagination(cfg), paginationOf(p), "%s/%s", pkg.Service, p.Name)
			if p.Filter != nil {
				filterOps++
				filterNames += len(p.Filter.Names)
			}
		}
	}
	assert.Equal(t, len(truth.Services), len(pkgs), "packages")
	assert.Equal(t, pages, paginators, "paginators")
	t.Logf("%d pages → %d packages, %d paginators, %d named types", pages, len(pkgs), paginators, types)
	t.Logf("typed filter names: %d operations, %d documented names", filterOps, filterNames)

	files, err := emit(pkgs, "github.com/pagegen/pagegen/zz")
	require.NoError(t, err)
	t.Logf("%d files emitted", len(files))
}

// pagination is a paginators.json entry as the test compares it.
type paginationMembers struct {
	InputTokens, OutputTokens, Results []string
	Limit, MoreResults                 string
}

func pagination(c corpus.Config) paginationMembers {
	return paginationMembers{
		InputTokens: c.InputToken, OutputTokens: c.OutputToken, Results: c.ResultKey,
		Limit: c.LimitKey, MoreResults: c.MoreResults,
	}
}

func paginationOf(p *model.Paginator) paginationMembers {
	var m paginationMembers
	for _, f := range p.InputTokens {
		m.InputTokens = append(m.InputTokens, f.Wire)
	}
	for _, path := range p.OutputTokens {
		m.OutputTokens = append(m.OutputTokens, path.Expr)
	}
	for _, path := range p.Results {
		m.Results = append(m.Results, path.Expr)
	}
	if p.Limit != nil {
		m.Limit = p.Limit.Wire
	}
	if p.MoreResults != nil {
		m.MoreResults = p.MoreResults.Expr
	}
	return m
}

// TestCorpusConventions models every page alone, without its
// paginators.json entry, and counts the paginators whose conventions name
// the real pagination members. Where they cannot tell, the page is an
// error that asks for an entry; the test reports both.
func TestCorpusConventions(t *testing.T) {
	specs, err := corpus.Specs()
	require.NoError(t, err)
	truth, err := corpus.LoadTruth()
	require.NoError(t, err)
	right, wrong, refused := 0, 0, 0
	for _, name := range corpus.Pages(specs) {
		svc, rest, _ := strings.Cut(name, "/")
		op := strings.TrimSuffix(strings.TrimPrefix(rest, "paginator/"), ".rst")
		pkgs, err := build("corpus", map[string][]byte{name: specs[name]}, "out", nil, nil)
		if err != nil {
			refused++
			continue
		}
		want := pagination(truth.Services[svc].Paginators[op].Config)
		want.MoreResults = "" // no convention names one
		got := paginationOf(pkgs[0].Paginators[0])
		if slices.Equal(got.InputTokens, want.InputTokens) && slices.Equal(got.OutputTokens, want.OutputTokens) &&
			got.Limit == want.Limit && len(got.Results) > 0 && len(want.Results) > 0 && got.Results[0] == want.Results[0] {
			right++
		} else {
			wrong++
		}
	}
	t.Logf("without paginators.json: conventions right for %d paginators, wrong for %d, and %d pages ask for an entry", right, wrong, refused)
	// The conventions are measured, not required: this floor guards them.
	assert.GreaterOrEqual(t, right, 1300)
}

// TestCorpusBuild writes the corpus's packages into a folder inside the
// module, then runs go vet and the generated tests on them. It takes
// minutes, so it runs with -corpus.build (as CI does).
func TestCorpusBuild(t *testing.T) {
	if !*corpusBuild {
		t.Skip("writes and builds 338 packages; run with -corpus.build")
	}
	specs, err := corpus.Specs()
	require.NoError(t, err)
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	dir, err := os.MkdirTemp(root, "zz_corpus_")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	name := filepath.Base(dir)

	start := time.Now()
	opts := &Options{SpecsDir: "corpus", OutDir: name, ImportPath: "github.com/pagegen/pagegen/" + name}
	files, err := opts.Generate(mapFS(specs))
	require.NoError(t, err)
	for file, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(file))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, b, 0o644))
	}
	t.Logf("generated %d files in %v", len(files), time.Since(start).Round(time.Millisecond))

	// go test would vet again what go vet has just vetted.
	for _, args := range [][]string{{"vet"}, {"test", "-count=1", "-vet=off"}} {
		start := time.Now()
		cmd := exec.Command("go", append(args, "./"+name+"/...")...)
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s:\n%s", args[0], out)
		passed := 0
		for _, line := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(line, "ok ") {
				passed++
			}
		}
		t.Logf("go %s ./%s/...: passed in %v (%d test packages ok)", args[0], name, time.Since(start).Round(time.Second), passed)
	}
}

// mapFS is spec files, by slash path, as a file system.
func mapFS(files map[string][]byte) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, b := range files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}
