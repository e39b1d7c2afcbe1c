package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/internal/outdir"
)

// TestMain runs the test binary as the command when PAGEGEN_RUN_GEN is set,
// so that tests can see its real exit status.
func TestMain(m *testing.M) {
	if os.Getenv("PAGEGEN_RUN_GEN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// command runs the command in dir with args and returns its exit status
// and what it printed.
func command(t *testing.T, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PAGEGEN_RUN_GEN=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), out.String(), errOut.String()
	}
	require.NoError(t, err)
	return 0, out.String(), errOut.String()
}

// breakSpecs adds broken pages to a copy of the specs: errors in several
// files, and more than one in some.
func breakSpecs(t *testing.T, specs string) {
	t.Helper()
	good, err := os.ReadFile(filepath.Join(specs, "ssm", "paginator", "DescribeSessions.rst"))
	require.NoError(t, err)
	for name, data := range map[string]string{
		"ssm/paginator/DescribeSessions.rst":   strings.Replace(string(good), ":type State: string", ":type State: integer", 1),
		"ssm/paginators.json":                  `{"pagination": {"X": {"input_token": ["a", "b"], "output_token": "c"}}`,
		"ec2/paginator/ListThings.rst":         "",
		"ec2/notes.rst":                        "Notes\n",
		"zzz/paginator/DescribeSessions.rst":   string(good),
		"aaa/paginator/DescribeSomething.rst":  string(good[:len(good)/3]),
		"ssm/paginator/DescribeEverything.rst": string(good[:len(good)/2]),
	} {
		p := filepath.Join(specs, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
}

var errorLine = regexp.MustCompile(`^(.+):(\d+):(\d+): \S.*$`)

// TestExitStatus runs the command as a process: misuse exits 2, errors in
// the specs exit 1 with every error on a line of its own, sorted by file,
// line and column, and success exits 0.
func TestExitStatus(t *testing.T) {
	specs := copySpecs(t)
	dir := filepath.Dir(specs)
	out := filepath.Join(dir, "out")
	args := []string{"-specs", specs, "-out", out, "-import", "example.com/out"}

	code, _, stderr := command(t, dir, "-nope")
	require.Equal(t, 2, code, stderr)
	require.Contains(t, stderr, "flag provided but not defined: -nope")
	require.Contains(t, stderr, "usage: gen")

	code, _, stderr = command(t, dir, append(args, "extra")...)
	require.Equal(t, 2, code, stderr)
	require.Contains(t, stderr, "unexpected arguments: extra")

	code, _, stderr = command(t, dir, "-h")
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stderr, "usage: gen")

	code, _, stderr = command(t, dir, append(args, "-aws-sdk", "logs=cloudwatchlogs")...)
	require.Equal(t, 2, code, stderr)
	require.Contains(t, stderr, "-aws-sdk needs -aws")

	// An output folder outside any module cannot have an import path
	// found for it: misuse, whatever the specs hold.
	code, _, stderr = command(t, dir, "-specs", specs, "-out", out)
	require.Equal(t, 2, code, stderr)
	require.Equal(t, "gen: the output folder "+out+" is not inside a Go module; give -import, the import path of the output folder\n", stderr)

	code, _, stderr = command(t, dir, "-specs", filepath.Join(dir, "nope"), "-out", out, "-import", "example.com/out")
	require.Equal(t, 1, code, stderr)
	require.Equal(t, "gen: the specs folder "+filepath.Join(dir, "nope")+" does not exist; give -specs the folder that holds <service>/paginator/<Name>.rst pages\n", stderr)

	code, stdout, stderr := command(t, dir, args...)
	require.Equal(t, 0, code, stderr)
	require.Equal(t, "2 packages, 10 files generated, 10 written, 0 deleted\n", stdout)

	breakSpecs(t, specs)
	code, stdout, stderr = command(t, dir, args...)
	require.Equal(t, 1, code)
	require.Empty(t, stdout)
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	require.GreaterOrEqual(t, len(lines), 6, stderr)
	type pos struct {
		file      string
		line, col int
	}
	var got []pos
	files := map[string]bool{}
	for _, l := range lines {
		m := errorLine.FindStringSubmatch(l)
		require.NotNil(t, m, "not file:line:col: message: %q", l)
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		got = append(got, pos{m[1], line, col})
		files[m[1]] = true
	}
	require.GreaterOrEqual(t, len(files), 5, "errors of every broken file:\n%s", stderr)
	require.True(t, sort.SliceIsSorted(got, func(i, j int) bool {
		a, b := got[i], got[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.line != b.line {
			return a.line < b.line
		}
		return a.col < b.col
	}), "not sorted:\n%s", stderr)

	code, _, stderr = command(t, dir, append(args, "-check")...)
	require.Equal(t, 1, code, stderr)
}

// TestPathsUnderGoGenerate checks where the paths of messages start: as
// the folders were given when gen is run directly, and absolute when go
// generate runs it (GOFILE and GOLINE set), since go generate runs it in
// the folder of the //go:generate line, not where the user is.
func TestPathsUnderGoGenerate(t *testing.T) {
	specs := copySpecs(t)
	dir := filepath.Dir(specs)
	breakSpecs(t, specs)
	args := []string{"-specs", "specs", "-out", "out", "-import", "example.com/out"}

	code, _, stderr := command(t, dir, args...)
	require.Equal(t, 1, code, stderr)
	require.Contains(t, stderr, "\nspecs/ssm/paginator/DescribeSessions.rst:")

	t.Setenv("GOFILE", "gen.go")
	t.Setenv("GOLINE", "3")
	code, _, stderr = command(t, dir, args...)
	require.Equal(t, 1, code, stderr)
	require.Contains(t, stderr, "\n"+filepath.Join(dir, "specs", "ssm", "paginator", "DescribeSessions.rst")+":")
	require.NotContains(t, stderr, "\nspecs/")
}

// TestGenReturnsStatus checks the same statuses without a process.
func TestGenReturnsStatus(t *testing.T) {
	specs := copySpecs(t)
	out := filepath.Join(filepath.Dir(specs), "out")
	var stdout, stderr bytes.Buffer
	require.Equal(t, 2, gen([]string{"-specs"}, &stdout, &stderr))
	require.Equal(t, 2, gen([]string{"-check=maybe"}, &stdout, &stderr))
	require.Equal(t, 2, gen([]string{"-out", out, "a", "b"}, &stdout, &stderr))
	require.Equal(t, 0, gen([]string{"-specs", specs, "-out", out, "-import", "example.com/out"}, &stdout, &stderr), stderr.String())
	require.Equal(t, 1, gen([]string{"-specs", filepath.Join(specs, "missing"), "-out", out}, &stdout, &stderr))
}

// entry is what snapshot records of one path.
type entry struct {
	mode    fs.FileMode
	modTime time.Time
	data    string // a file's bytes or a link's target
}

// snapshot records every path under dir without following links: its
// mode, modification time, and bytes or link target.
func snapshot(t *testing.T, dir string) map[string]entry {
	t.Helper()
	snap := map[string]entry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := os.Lstat(p)
		if err != nil {
			return err
		}
		e := entry{mode: info.Mode(), modTime: info.ModTime()}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			e.data, err = os.Readlink(p)
		case info.Mode().IsRegular():
			var b []byte
			b, err = os.ReadFile(p)
			e.data = string(b)
		}
		snap[p] = e
		return err
	})
	require.NoError(t, err)
	return snap
}

// folderTimesAside returns snap without the modification times of folders.
// A failed run stages files beside the ones they would replace and removes
// them again, which changes the modification time of the folders that held
// them; every file and link keeps its own.
func folderTimesAside(snap map[string]entry) map[string]entry {
	out := make(map[string]entry, len(snap))
	for p, e := range snap {
		if e.mode.IsDir() {
			e.modTime = time.Time{}
		}
		out[p] = e
	}
	return out
}

// TestFailedRunChangesNothing checks that a run with one broken page among
// good ones leaves the output folder as it was, down to the modification
// times of its files, and that a run over unchanged specs rewrites nothing.
func TestFailedRunChangesNothing(t *testing.T) {
	specs := copySpecs(t)
	out := filepath.Join(filepath.Dir(specs), "out")
	quiet := &bytes.Buffer{}
	require.Equal(t, 0, run(specs, out, "example.com/out", false, bridges{}, quiet, quiet), quiet.String())

	// Make the old state differ from what the specs make: an edited file,
	// a leftover generated file, a hand-written file.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	edited := filepath.Join(out, "ssm", "types.go")
	require.NoError(t, os.WriteFile(edited, []byte("// edited\npackage ssm\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(out, "ssm", "old.go"), []byte("// Code generated by pagegen. DO NOT EDIT.\n\npackage ssm\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(out, "ssm", "hand.go"), []byte("package ssm\n"), 0o644))
	require.NoError(t, filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chtimes(p, old, old)
	}))
	before := snapshot(t, out)

	// A second good page, then a broken one beside it.
	page, err := os.ReadFile(filepath.Join(specs, "ssm", "paginator", "DescribeSessions.rst"))
	require.NoError(t, err)
	second := strings.ReplaceAll(string(page), "DescribeSessions", "ListSessions")
	second = strings.ReplaceAll(second, "describe_sessions", "list_sessions")
	require.NoError(t, os.WriteFile(filepath.Join(specs, "ssm", "paginator", "ListSessions.rst"), []byte(second), 0o644))
	broken := filepath.Join(specs, "ec2", "paginator", "DescribeTrafficMirrorSessions.rst")
	good, err := os.ReadFile(broken)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(broken, good[:len(good)/2], 0o644))

	var stderr bytes.Buffer
	require.Equal(t, 1, run(specs, out, "example.com/out", false, bridges{}, quiet, &stderr))
	require.Contains(t, stderr.String(), "DescribeTrafficMirrorSessions.rst:")
	require.Equal(t, folderTimesAside(before), folderTimesAside(snapshot(t, out)), "a failed run changed the output folder")

	// The good run writes the new and edited files, deletes the leftover,
	// and keeps the hand-written file.
	require.NoError(t, os.WriteFile(broken, good, 0o644))
	var stdout bytes.Buffer
	require.Equal(t, 0, run(specs, out, "example.com/out", false, bridges{}, &stdout, quiet), quiet.String())
	require.Equal(t, "2 packages, 12 files generated, 4 written, 1 deleted\n", stdout.String())
	_, err = os.Stat(filepath.Join(out, "ssm", "hand.go"))
	require.NoError(t, err)

	// A run over the same specs rewrites nothing, so it changes nothing.
	before = snapshot(t, out)
	stdout.Reset()
	require.Equal(t, 0, run(specs, out, "example.com/out", false, bridges{}, &stdout, quiet))
	require.Equal(t, "2 packages, 12 files generated: all unchanged, none written\n", stdout.String())
	require.Equal(t, before, snapshot(t, out), "an unchanged run touched the output folder")
}

// TestNothingEscapesTheFolder checks that gen writes and deletes nothing
// through symbolic links: a linked package folder or file is an error
// before anything is written through it, the failed run leaves the folder
// as it was, and leftovers behind links to other places are not deleted.
func TestNothingEscapesTheFolder(t *testing.T) {
	header := "// Code generated by pagegen. DO NOT EDIT.\n\npackage ssm\n"
	setup := func(t *testing.T) (specs, out, elsewhere string) {
		specs = copySpecs(t)
		out = filepath.Join(filepath.Dir(specs), "out")
		elsewhere = filepath.Join(t.TempDir(), "elsewhere")
		require.NoError(t, os.MkdirAll(out, 0o755))
		require.NoError(t, os.MkdirAll(elsewhere, 0o755))
		for _, name := range []string{"types.go", "doc.go", "old.go"} {
			require.NoError(t, os.WriteFile(filepath.Join(elsewhere, name), []byte(header), 0o644))
		}
		return specs, out, elsewhere
	}

	for _, tc := range []struct {
		name string
		link func(out, elsewhere string) error
	}{
		{"linked package folder", func(out, elsewhere string) error {
			return os.Symlink(elsewhere, filepath.Join(out, "ssm"))
		}},
		{"linked package folder inside", func(out, elsewhere string) error {
			if err := os.Mkdir(filepath.Join(out, "real"), 0o755); err != nil {
				return err
			}
			return os.Symlink("real", filepath.Join(out, "ssm"))
		}},
		{"linked file", func(out, elsewhere string) error {
			if err := os.Mkdir(filepath.Join(out, "ssm"), 0o755); err != nil {
				return err
			}
			return os.Symlink(filepath.Join(elsewhere, "types.go"), filepath.Join(out, "ssm", "types.go"))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			specs, out, elsewhere := setup(t)
			require.NoError(t, tc.link(out, elsewhere))
			beforeOut, beforeElsewhere := snapshot(t, out), snapshot(t, elsewhere)
			var stdout, stderr bytes.Buffer
			require.Equal(t, 1, run(specs, out, "example.com/out", false, bridges{}, &stdout, &stderr))
			require.Contains(t, stderr.String(), "symbolic link")
			require.Equal(t, folderTimesAside(beforeOut), folderTimesAside(snapshot(t, out)))
			require.Equal(t, beforeElsewhere, snapshot(t, elsewhere))
		})
	}

	t.Run("leftovers behind links", func(t *testing.T) {
		specs, out, elsewhere := setup(t)
		require.NoError(t, os.Symlink(elsewhere, filepath.Join(out, "linked")))
		require.NoError(t, os.Mkdir(filepath.Join(out, "ec2"), 0o755))
		require.NoError(t, os.Symlink(filepath.Join(elsewhere, "old.go"), filepath.Join(out, "ec2", "old.go")))
		leftover := filepath.Join(out, "gone", "describe_things.go")
		require.NoError(t, os.MkdirAll(filepath.Dir(leftover), 0o755))
		require.NoError(t, os.WriteFile(leftover, []byte(header), 0o644))
		beforeElsewhere := snapshot(t, elsewhere)
		var stdout, stderr bytes.Buffer
		require.Equal(t, 0, run(specs, out, "example.com/out", false, bridges{}, &stdout, &stderr), stderr.String())
		require.Equal(t, "2 packages, 10 files generated, 10 written, 1 deleted\n", stdout.String())
		require.Equal(t, beforeElsewhere, snapshot(t, elsewhere))
		for _, link := range []string{filepath.Join(out, "linked"), filepath.Join(out, "ec2", "old.go")} {
			info, err := os.Lstat(link)
			require.NoError(t, err)
			require.NotZero(t, info.Mode()&fs.ModeSymlink, link)
		}
		_, err := os.Lstat(filepath.Dir(leftover))
		require.True(t, errors.Is(err, fs.ErrNotExist), "the folder of the leftover stays")
	})
}

// TestServicesThatMakeOnePackage checks that services whose names differ
// only in case, or that make the same package name, are an error before
// anything is written.
func TestServicesThatMakeOnePackage(t *testing.T) {
	for _, services := range [][2]string{{"SSM", "ssm"}, {"acm-pca", "acmpca"}} {
		t.Run(services[0], func(t *testing.T) {
			specs := copySpecs(t)
			page, err := os.ReadFile(filepath.Join(specs, "ssm", "paginator", "DescribeSessions.rst"))
			require.NoError(t, err)
			require.NoError(t, os.RemoveAll(filepath.Join(specs, "ssm")))
			for _, svc := range services {
				p := filepath.Join(specs, svc, "paginator", "DescribeSessions.rst")
				require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
				require.NoError(t, os.WriteFile(p, []byte(strings.Replace(string(page), "<../../ssm>", "<../../"+svc+">", 1)), 0o644))
			}
			out := filepath.Join(filepath.Dir(specs), "out")
			var stdout, stderr bytes.Buffer
			require.Equal(t, 1, run(specs, out, "example.com/out", false, bridges{}, &stdout, &stderr))
			require.Contains(t, stderr.String(), "both make package")
			_, err = os.Stat(out)
			require.True(t, errors.Is(err, fs.ErrNotExist), "a failed run made %s", out)
		})
	}
}

// change is one file of the output folder to write (data != nil) or to
// delete (data == nil).
type change struct {
	name string // slash path under the output folder
	data []byte
}

// write applies the changes inside the output folder through a stager, as
// run does: all or nothing as far as the disk allows.
func write(out string, changes []change) error {
	stg := outdir.NewStager(out)
	for _, c := range changes {
		if c.data == nil {
			stg.Remove(c.name)
			continue
		}
		if err := stg.Stage(c.name, c.data); err != nil {
			stg.Abort()
			return err
		}
	}
	return stg.Commit()
}

// TestWriteRollsBack checks that when one new file cannot be written, the
// others are not renamed into place, nothing is deleted, and the
// temporary files and the folders made for them are gone.
func TestWriteRollsBack(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	require.NoError(t, os.MkdirAll(filepath.Join(out, "c"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(out, "b"), []byte("a file where a folder should be\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(out, "c", "old.go"), []byte("// Code generated by pagegen. DO NOT EDIT.\n"), 0o644))
	before := snapshot(t, out)
	changes := []change{
		{"a/x.go", []byte("package a\n")},
		{"b/y.go", []byte("package b\n")},
		{"c/old.go", nil},
	}
	require.Error(t, write(out, changes))
	// Making and removing a folder changes the modification time of the
	// folder that held it; everything else is as it was.
	require.Equal(t, folderTimesAside(before), folderTimesAside(snapshot(t, out)))

	// An output folder that did not exist is not left behind either.
	fresh := filepath.Join(t.TempDir(), "fresh")
	require.Error(t, write(fresh, []change{{"a/x.go", []byte("package a\n")}, {"a/b/../../../y.go", []byte("x")}}))
	_, err := os.Lstat(fresh)
	require.True(t, errors.Is(err, fs.ErrNotExist), "write left %s", fresh)
}

// TestRemovedPackageGoesWhole checks that a package no longer generated
// goes with its bridge folder and the folders they leave empty, and that
// a folder that still holds a file of the user's stays with that file.
func TestRemovedPackageGoesWhole(t *testing.T) {
	specs := copySpecs(t)
	out := filepath.Join(filepath.Dir(specs), "out")
	header := "// Code generated by pagegen. DO NOT EDIT.\n\npackage gone\n"
	for name, data := range map[string]string{
		"gone/doc.go":                 header,
		"gone/goneaws/goneaws.go":     header,
		"kept/doc.go":                 header,
		"kept/keptaws/keptaws.go":     header,
		"kept/keptaws/handwritten.go": "package keptaws\n",
	} {
		p := filepath.Join(out, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	}
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run(specs, out, "example.com/out", false, bridges{}, &stdout, &stderr), stderr.String())
	require.Equal(t, "2 packages, 10 files generated, 10 written, 4 deleted\n", stdout.String())
	_, err := os.Lstat(filepath.Join(out, "gone"))
	require.True(t, errors.Is(err, fs.ErrNotExist), "the folder of a removed package stays")
	entries, err := os.ReadDir(filepath.Join(out, "kept"))
	require.NoError(t, err)
	require.Len(t, entries, 1)
	_, err = os.Stat(filepath.Join(out, "kept", "keptaws", "handwritten.go"))
	require.NoError(t, err)
}
