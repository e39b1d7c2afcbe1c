package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/mod/modfile"
)

// userSpecs are the spec files, by slash path under specs/, that the user
// module of TestUserModule starts with: two services, with botocore's
// paginators.json entries beside their pages.
var userSpecs = []string{
	"ssm/paginators.json",
	"ssm/paginator/DescribeSessions.rst",
	"ssm/paginator/GetParametersByPath.rst",
	"logs/paginators.json",
	"logs/paginator/DescribeLogGroups.rst",
}

// TestUserModule uses pagegen as a user's module does, as README.md says:
// a fresh module outside this repository adds the command with go get
// -tool, has spec pages of two services and a //go:generate go tool gen
// line, and runs go generate, go build, go vet and go test on what it
// generates; then it removes a service and a page, and go generate must
// stay green and remove exactly their files. This repository reaches the
// module through a replace directive, and the go command runs offline
// (GOPROXY=off, -mod=mod) on the module cache that go mod download fills
// for this repository.
func TestUserModule(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command in a module of its own")
	}
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	mod, err := modfile.ParseLax("go.mod", b, nil)
	require.NoError(t, err)

	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	write("go.mod", "module example.com/user\n\ngo "+mod.Go.Version+"\n\nreplace "+mod.Module.Mod.Path+" => "+filepath.ToSlash(root)+"\n")
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	require.NoError(t, err)
	write("go.sum", string(sum))
	write("gen.go", "// Package user generates its AWS paginators from boto3's pages.\npackage user\n\n//go:generate go tool gen -specs specs -out generated\n")
	for _, name := range userSpecs {
		b, err := os.ReadFile(filepath.Join(root, "specs", filepath.FromSlash(name)))
		require.NoError(t, err)
		write("specs/"+name, string(b))
	}

	env := append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off", "GOFILE=", "GOLINE=")
	gocmd := func(args ...string) string {
		t.Helper()
		start := time.Now()
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), out)
		t.Logf("go %s: %v", strings.Join(args, " "), time.Since(start).Round(time.Millisecond))
		return string(out)
	}
	gocmd("get", "-tool", mod.Module.Mod.Path+"/cmd/gen")
	b, err = os.ReadFile(filepath.Join(dir, "go.mod"))
	require.NoError(t, err)
	require.Contains(t, string(b), "\ntool "+mod.Module.Mod.Path+"/cmd/gen\n")
	require.Contains(t, gocmd("generate", "./..."), "2 packages, ")
	gocmd("build", "./...")
	gocmd("vet", "./...")
	tested := gocmd("test", "./...")
	require.Contains(t, tested, "ok  \texample.com/user/generated/ssm")
	require.Contains(t, tested, "ok  \texample.com/user/generated/logs")

	// Removing a service and a page leaves go generate green, and removes
	// their files and nothing else.
	require.NoError(t, os.RemoveAll(filepath.Join(dir, "specs", "logs")))
	require.NoError(t, os.Remove(filepath.Join(dir, "specs", "ssm", "paginator", "GetParametersByPath.rst")))
	require.Contains(t, gocmd("generate", "./..."), "1 package, ")
	_, err = os.Stat(filepath.Join(dir, "generated", "logs"))
	require.True(t, os.IsNotExist(err), "generated/logs stays")
	left, err := filepath.Glob(filepath.Join(dir, "generated", "ssm", "get_parameters_by_path*"))
	require.NoError(t, err)
	require.Empty(t, left)
	_, err = os.Stat(filepath.Join(dir, "generated", "ssm", "describe_sessions.go"))
	require.NoError(t, err)
	gocmd("vet", "./...")
}
