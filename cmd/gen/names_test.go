package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// activationsPage is DescribeSessions.rst made into DescribeActivations,
// an operation that sorts first, whose Filters structure differs: other
// filter keys, and a "text" member in place of "value". Alone with
// DescribeSessions, it would take the name Filter.
func activationsPage(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../../specs/ssm/paginator/DescribeSessions.rst")
	require.NoError(t, err)
	s := string(b)
	for _, r := range [][2]string{
		{"****************\nDescribeSessions\n****************", "*******************\nDescribeActivations\n*******************"},
		{"DescribeSessions", "DescribeActivations"},
		{"describe_sessions", "describe_activations"},
		{"'InvokedAfter'|'InvokedBefore'|'Target'|'Owner'|'Status'|'SessionId'|'AccessType'", "'ActivationIds'|'DefaultInstanceName'|'IamRole'"},
		{"'value': 'string'", "'text': 'string'"},
		{"- **value** *(string) --*", "- **text** *(string) --*"},
	} {
		require.Contains(t, s, r[0])
		s = strings.ReplaceAll(s, r[0], r[1])
	}
	return []byte(s)
}

// generateInto runs the generator and fails the test if it fails.
func generateInto(t *testing.T, specs, out string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run(specs, out, "example.com/out", false, bridges{}, &stdout, &stderr), stderr.String())
}

// exports describes each exported top-level name of the Go package in dir
// (methods as Type.Method) by its kind and its type, value or signature,
// without comments: two packages that give a name the same description
// give it the same meaning.
func exports(t *testing.T, dir string) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	out := map[string]string{}
	show := func(n ast.Node) string {
		if n == nil {
			return ""
		}
		var b strings.Builder
		require.NoError(t, printer.Fprint(&b, fset, n))
		return b.String()
	}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		require.NoError(t, err)
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
				if d.Name.IsExported() {
					out[name] = "func " + show(d.Type)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							out[s.Name.Name] = "type " + show(s.Type)
						}
					case *ast.ValueSpec:
						for i, n := range s.Names {
							if !n.IsExported() {
								continue
							}
							desc := d.Tok.String() + " " + show(s.Type)
							if i < len(s.Values) {
								desc += " = " + show(s.Values[i])
							}
							out[n.Name] = desc
						}
					}
				}
			}
		}
	}
	return out
}

// readTree reads every file under dir, by slash path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	require.NoError(t, fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, p))
		files[p] = string(b)
		return err
	}))
	return files
}

// TestNamesStayAsPagesComeAndGo adds a page whose Filters clash with
// DescribeSessions' and would take its names, and finds every name users
// could import in place; it then removes pages and finds their names freed.
func TestNamesStayAsPagesComeAndGo(t *testing.T) {
	specs := copySpecs(t)
	out := filepath.Join(t.TempDir(), "out")
	generateInto(t, specs, out)
	first := readTree(t, out)
	before := exports(t, filepath.Join(out, "ssm"))
	require.Contains(t, before, "Filter")
	require.Contains(t, before, "SessionFilterKeyOwner")

	added := filepath.Join(specs, "ssm", "paginator", "DescribeActivations.rst")
	require.NoError(t, os.WriteFile(added, activationsPage(t), 0o644))

	// Named afresh, the new page takes Filter.
	fresh := filepath.Join(t.TempDir(), "fresh")
	generateInto(t, specs, fresh)
	freshExports := exports(t, filepath.Join(fresh, "ssm"))
	require.NotEqual(t, before["Filter"], freshExports["Filter"], "the added page does not clash")

	// With the names file, every earlier name keeps its meaning and the
	// new page's types are qualified.
	generateInto(t, specs, out)
	grown := exports(t, filepath.Join(out, "ssm"))
	for name, desc := range before {
		assert.Equal(t, desc, grown[name], "%s changed", name)
	}
	assert.Contains(t, grown, "ActivationFilter")
	assert.Contains(t, grown, "ActivationFilterKeyIamRole")
	names, err := os.ReadFile(filepath.Join(out, "ssm", "names.txt"))
	require.NoError(t, err)
	assert.Regexp(t, `\nActivationFilter Filter [0-9a-f]{16} DescribeActivations\n`, string(names))
	assert.Regexp(t, `\nFilter Filter [0-9a-f]{16} DescribeSessions\n`, string(names))
	assert.Regexp(t, `\nSession Session [0-9a-f]{16} DescribeActivations DescribeSessions\n`, string(names))
	assert.Regexp(t, `\nSessionState ActivationState,SessionState [0-9a-f]{16} DescribeActivations DescribeSessions\n`, string(names))
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run(specs, out, "example.com/out", true, bridges{}, &stdout, &stderr), stderr.String())

	// Removing the page frees its names: the output is what it was.
	require.NoError(t, os.Remove(added))
	generateInto(t, specs, out)
	assert.Equal(t, first, readTree(t, out))

	// Removing the page that holds Filter frees Filter; the qualified
	// names stay. Put back, DescribeSessions' types take the free names by
	// the usual rule.
	require.NoError(t, os.WriteFile(added, activationsPage(t), 0o644))
	generateInto(t, specs, out)
	sessions := filepath.Join(specs, "ssm", "paginator", "DescribeSessions.rst")
	page, err := os.ReadFile(sessions)
	require.NoError(t, err)
	require.NoError(t, os.Remove(sessions))
	generateInto(t, specs, out)
	shrunk := exports(t, filepath.Join(out, "ssm"))
	assert.NotContains(t, shrunk, "Filter")
	assert.NotContains(t, shrunk, "SessionFilterKey")
	require.Contains(t, shrunk, "ActivationFilter")
	assert.Equal(t, grown["ActivationFilter"], shrunk["ActivationFilter"])
	names, err = os.ReadFile(filepath.Join(out, "ssm", "names.txt"))
	require.NoError(t, err)
	assert.NotContains(t, string(names), "\nFilter ")
	require.NoError(t, os.WriteFile(sessions, page, 0o644))
	generateInto(t, specs, out)
	assert.Equal(t, grown, exports(t, filepath.Join(out, "ssm")))
}

// TestNamesFileCheck checks that -check compares the names file like any
// other, that a broken names file is an input error, and that a names file
// is deleted with its package.
func TestNamesFileCheck(t *testing.T) {
	specs := copySpecs(t)
	out := filepath.Join(t.TempDir(), "out")
	generateInto(t, specs, out)
	names := filepath.Join(out, "ssm", "names.txt")
	good, err := os.ReadFile(names)
	require.NoError(t, err)

	require.NoError(t, os.Remove(names))
	var stdout, stderr bytes.Buffer
	require.Equal(t, 1, run(specs, out, "example.com/out", true, bridges{}, &stdout, &stderr))
	assert.Equal(t, names+": stale\n1 generated files are stale; run go generate ./...\n", stderr.String())

	require.NoError(t, os.WriteFile(names, append(good, "Broken\n"...), 0o644))
	stdout.Reset()
	stderr.Reset()
	require.Equal(t, 1, run(specs, out, "example.com/out", false, bridges{}, &stdout, &stderr))
	lines := strings.Count(string(good), "\n")
	assert.Equal(t, filepath.ToSlash(names)+":"+strconv.Itoa(lines+1)+":1: want a type's Go name, the names it asked for, a digest and the operations that use it\n",
		stderr.String())
	b, err := os.ReadFile(names)
	require.NoError(t, err)
	assert.Equal(t, append(good, "Broken\n"...), b, "a failed run wrote")

	// A names file without the generated header is not the generator's: it
	// is neither read nor deleted.
	require.NoError(t, os.WriteFile(names, good, 0o644))
	foreign := filepath.Join(out, "other", "names.txt")
	require.NoError(t, os.MkdirAll(filepath.Dir(foreign), 0o755))
	require.NoError(t, os.WriteFile(foreign, []byte("not names\n"), 0o644))
	require.NoError(t, os.RemoveAll(filepath.Join(specs, "ec2")))
	stdout.Reset()
	stderr.Reset()
	require.Equal(t, 0, run(specs, out, "example.com/out", false, bridges{}, &stdout, &stderr), stderr.String())
	assert.Equal(t, "1 package, 5 files generated, 0 written, 5 deleted\n", stdout.String())
	_, err = os.Stat(filepath.Join(out, "ec2", "names.txt"))
	assert.True(t, os.IsNotExist(err), "ec2/names.txt was not deleted")
	_, err = os.Stat(foreign)
	assert.NoError(t, err)
}
