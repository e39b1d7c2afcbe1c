package outdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestImportPath checks that the import path of a folder, which need not
// exist, comes from the go.mod above it, and that a folder outside any
// module is ErrNoModule.
func TestImportPath(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("// the module\nmodule \"example.com/m\"\n\ngo 1.26\n"), 0o644))
	for rel, want := range map[string]string{
		".":                "example.com/m",
		"generated":        "example.com/m/generated",
		"internal/gen/out": "example.com/m/internal/gen/out",
	} {
		got, err := ImportPath(filepath.Join(dir, filepath.FromSlash(rel)))
		require.NoError(t, err, rel)
		require.Equal(t, want, got, rel)
	}

	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte("go 1.26\n"), 0o644))
	_, err := ImportPath(filepath.Join(dir, "generated"))
	require.ErrorContains(t, err, "no module line")

	// The root of the file system has no go.mod on any machine that runs
	// the tests; a module there would make every folder one of its own.
	if _, err := os.Stat("/go.mod"); err == nil {
		t.Skip("/go.mod exists")
	}
	_, err = ImportPath(filepath.Join(t.TempDir(), "out"))
	require.ErrorIs(t, err, ErrNoModule)
}

// TestFSFollowsNoLink checks that the output folder read as a file system
// opens regular files and no symbolic link, in a file's path or as the
// file, and that a missing folder is an empty one.
func TestFSFollowsNoLink(t *testing.T) {
	out, elsewhere := t.TempDir(), t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(elsewhere, "names.txt"), []byte("elsewhere\n"), 0o644))
	require.NoError(t, os.MkdirAll(filepath.Join(out, "ssm"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(out, "ssm", "names.txt"), []byte("ssm\n"), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(elsewhere, "names.txt"), filepath.Join(out, "ssm", "linked.txt")))
	require.NoError(t, os.Symlink(elsewhere, filepath.Join(out, "ec2")))

	fsys := FS(out)
	b, err := fs.ReadFile(fsys, "ssm/names.txt")
	require.NoError(t, err)
	require.Equal(t, "ssm\n", string(b))
	for _, name := range []string{"ssm/linked.txt", "ec2/names.txt"} {
		_, err := fs.ReadFile(fsys, name)
		require.ErrorIs(t, err, ErrLink, name)
	}
	_, err = fs.ReadFile(fsys, "iam/names.txt")
	require.True(t, errors.Is(err, fs.ErrNotExist), "%v", err)
	_, err = fs.ReadFile(FS(filepath.Join(out, "missing")), "ssm/names.txt")
	require.True(t, errors.Is(err, fs.ErrNotExist), "%v", err)
}
