package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBrokenFolder runs the generator on the project's specs plus every
// hand-made broken page of parser/testdata/broken, each dropped into a
// service folder as a user would: it prints one positioned line per
// problem, sorted, names every broken page, exits 1, and leaves an output
// folder made by an earlier good run exactly as it was. The printed lines
// are compared with testdata/broken.stderr (-update rewrites it).
func TestBrokenFolder(t *testing.T) {
	specs := copySpecs(t)
	out := filepath.Join(filepath.Dir(specs), "out")
	quiet := &bytes.Buffer{}
	require.Equal(t, 0, run(specs, out, "example.com/out", false, bridges{}, quiet, quiet), quiet.String())
	before := snapshot(t, out)

	pages, err := filepath.Glob("../../parser/testdata/broken/*.rst")
	require.NoError(t, err)
	require.NotEmpty(t, pages)
	for _, p := range pages {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		dst := filepath.Join(specs, "ssm", "paginator", filepath.Base(p))
		require.NoError(t, os.WriteFile(dst, b, 0o644))
	}

	var stdout, stderr bytes.Buffer
	require.Equal(t, 1, run(specs, out, "example.com/out", false, bridges{}, &stdout, &stderr))
	assert.Empty(t, stdout.String())
	assert.Equal(t, before, snapshot(t, out), "a failed run changed the output folder")

	got := strings.ReplaceAll(stderr.String(), filepath.Dir(specs)+string(filepath.Separator), "")
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	line := regexp.MustCompile(`^specs/ssm/paginator/[a-z0-9_]+\.rst:\d+:\d+: [a-z]`)
	for _, l := range lines {
		assert.Regexp(t, line, l, "every line is file:line:col: message")
	}
	assert.IsNonDecreasing(t, lines, "the lines are sorted")
	for _, p := range pages {
		assert.Contains(t, got, "specs/ssm/paginator/"+filepath.Base(p)+":", "no error for %s", filepath.Base(p))
	}

	golden := "testdata/broken.stderr"
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}
