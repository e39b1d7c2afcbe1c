package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the stderr sections of testdata/*.txtar")

// TestGeneratedIsCurrent fails when generated/ is not what the generator
// writes for specs/ now.
func TestGeneratedIsCurrent(t *testing.T) {
	var stderr bytes.Buffer
	code := run("../../specs", "../../generated", "", true, bridges{}, &bytes.Buffer{}, &stderr)
	require.Equal(t, 0, code, "stale generated files; run go generate ./...\n%s", stderr.String())
}

// TestGolden runs the generator on the specs of each testdata/*.txtar
// archive ("specs/..." sections) and compares what it prints on error with
// the "stderr" section, or the files it writes with the "out/..." sections.
// With -update it rewrites those sections.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			require.NoError(t, err)
			dir := t.TempDir()
			wantOut := map[string]string{}
			for _, f := range ar.Files {
				switch {
				case strings.HasPrefix(f.Name, "specs/"):
					p := filepath.Join(dir, filepath.FromSlash(f.Name))
					require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
					require.NoError(t, os.WriteFile(p, f.Data, 0o644))
				case strings.HasPrefix(f.Name, "out/"):
					wantOut[f.Name] = string(f.Data)
				}
			}
			var stdout, stderr bytes.Buffer
			specs, out := filepath.Join(dir, "specs"), filepath.Join(dir, "out")
			code := run(specs, out, "example.com/out", false, bridges{}, &stdout, &stderr)
			got := strings.ReplaceAll(stderr.String(), dir+string(filepath.Separator), "")
			if *update {
				setSection(ar, "stderr", got)
				for name := range wantOut {
					b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
					setSection(ar, name, string(b))
				}
				require.NoError(t, os.WriteFile(file, txtar.Format(ar), 0o644))
				return
			}
			require.Equal(t, section(ar, "stderr"), got)
			if got != "" {
				require.Equal(t, 1, code)
				_, err := os.Stat(out)
				require.True(t, os.IsNotExist(err), "a failed run wrote %s", out)
				return
			}
			require.Equal(t, 0, code)
			for name, want := range wantOut {
				b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
				require.NoError(t, err)
				require.Equal(t, want, string(b), name)
			}
		})
	}
}

func section(ar *txtar.Archive, name string) string {
	for _, f := range ar.Files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	return ""
}

func setSection(ar *txtar.Archive, name, data string) {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			ar.Files[i].Data = []byte(data)
			return
		}
	}
	if data != "" {
		ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(data)})
	}
}

// seeds are the two pages of the repository's specs that the tests of the
// command are written against: one package each, ten files in all.
var seeds = []string{"ssm/paginator/DescribeSessions.rst", "ec2/paginator/DescribeTrafficMirrorSessions.rst"}

// copySpecs copies the seed pages into a temporary specs folder.
func copySpecs(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "specs")
	for _, name := range seeds {
		b, err := os.ReadFile(filepath.Join("../../specs", filepath.FromSlash(name)))
		require.NoError(t, err)
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, b, 0o644))
	}
	return dir
}

// TestWrite checks the writer: a second run rewrites nothing, -check names
// stale files and writes nothing, a failed run leaves the output as it
// was, and files no longer generated are deleted only when they carry the
// generated header.
func TestWrite(t *testing.T) {
	specs := copySpecs(t)
	out := filepath.Join(t.TempDir(), "out")
	quiet := func() (*bytes.Buffer, *bytes.Buffer) { return &bytes.Buffer{}, &bytes.Buffer{} }

	stdout, stderr := quiet()
	require.Equal(t, 0, run(specs, out, "example.com/out", false, bridges{}, stdout, stderr), stderr.String())
	require.Contains(t, stdout.String(), "2 packages, 10 files generated, 10 written, 0 deleted")

	// A second run over unchanged specs rewrites nothing.
	target := filepath.Join(out, "ssm", "describe_sessions.go")
	old := time.Now().Add(-time.Hour)
	require.NoError(t, os.Chtimes(target, old, old))
	stdout, stderr = quiet()
	require.Equal(t, 0, run(specs, out, "example.com/out", false, bridges{}, stdout, stderr))
	require.Contains(t, stdout.String(), "2 packages, 10 files generated: all unchanged, none written")
	info, err := os.Stat(target)
	require.NoError(t, err)
	require.True(t, info.ModTime().Equal(old), "an unchanged file was rewritten")

	// -check names a changed file, a leftover generated file, and writes nothing.
	require.NoError(t, os.WriteFile(target, []byte("// edited by hand\npackage ssm\n"), 0o644))
	leftover := filepath.Join(out, "ssm", "old_paginator.go")
	require.NoError(t, os.WriteFile(leftover, []byte("// Code generated by pagegen. DO NOT EDIT.\n\npackage ssm\n"), 0o644))
	handWritten := filepath.Join(out, "ssm", "extra.go")
	require.NoError(t, os.WriteFile(handWritten, []byte("package ssm\n"), 0o644))
	stdout, stderr = quiet()
	require.Equal(t, 1, run(specs, out, "example.com/out", true, bridges{}, stdout, stderr))
	require.Contains(t, stderr.String(), filepath.Join(out, "ssm", "describe_sessions.go")+": stale")
	require.Contains(t, stderr.String(), filepath.Join(out, "ssm", "old_paginator.go")+": stale")
	require.NotContains(t, stderr.String(), "extra.go")
	b, err := os.ReadFile(target)
	require.NoError(t, err)
	require.Equal(t, "// edited by hand\npackage ssm\n", string(b))

	// A failed run leaves everything as it was.
	bad := filepath.Join(specs, "ssm", "paginator", "DescribeSessions.rst")
	good, err := os.ReadFile(bad)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(bad, good[:len(good)/2], 0o644))
	stdout, stderr = quiet()
	require.Equal(t, 1, run(specs, out, "example.com/out", false, bridges{}, stdout, stderr))
	require.Contains(t, stderr.String(), "DescribeSessions.rst:")
	b, err = os.ReadFile(target)
	require.NoError(t, err)
	require.Equal(t, "// edited by hand\npackage ssm\n", string(b))
	_, err = os.Stat(leftover)
	require.NoError(t, err)

	// A good run mends the edited file and deletes the leftover, not the hand-written file.
	require.NoError(t, os.WriteFile(bad, good, 0o644))
	stdout, stderr = quiet()
	require.Equal(t, 0, run(specs, out, "example.com/out", false, bridges{}, stdout, stderr), stderr.String())
	require.Contains(t, stdout.String(), "2 packages, 10 files generated, 1 written, 1 deleted")
	_, err = os.Stat(leftover)
	require.True(t, os.IsNotExist(err))
	_, err = os.Stat(handWritten)
	require.NoError(t, err)
}
