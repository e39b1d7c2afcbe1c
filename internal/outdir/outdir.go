// Package outdir is the output folder of the generator on disk: what it
// holds (the files that differ from a run's, the generated files a run no
// longer makes), changing it all or nothing (Stager), the import path its
// module gives it, and the aws-sdk-go-v2 packages that module has.
// Everything is read and written through an os.Root of the folder, and no
// symbolic link is followed where a generated file or its folder goes.
package outdir

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pagegen/pagegen/pipeline"
)

// Changed compares generated files, by slash path under the output folder
// out, with the folder and returns those that are missing or differ,
// sorted.
func Changed(out string, gen map[string][]byte) ([]string, error) {
	root, err := os.OpenRoot(out)
	if errors.Is(err, fs.ErrNotExist) {
		return pipeline.SortedNames(gen), nil
	}
	if err != nil {
		return nil, err
	}
	defer root.Close()

	var changed []string
	for _, name := range pipeline.SortedNames(gen) {
		exists, err := noLinks(root, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(out, filepath.FromSlash(name)), err)
		}
		if exists {
			old, err := root.ReadFile(name)
			if err != nil {
				return nil, err
			}
			if bytes.Equal(old, gen[name]) {
				continue
			}
		}
		changed = append(changed, name)
	}
	return changed, nil
}

// Leftovers returns the regular files of the output folder out that carry
// the generated header but are not among the generated files, by slash
// path, sorted. The search does not enter linked folders.
func Leftovers(out string, generated map[string]bool) ([]string, error) {
	root, err := os.OpenRoot(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer root.Close()
	var leftovers []string
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || pipeline.Header(p) == nil || generated[p] {
			return err
		}
		ok, err := hasHeader(root, p)
		if ok {
			leftovers = append(leftovers, p)
		}
		return err
	})
	sort.Strings(leftovers)
	return leftovers, err
}

// FS returns the output folder out as a file system that follows no
// symbolic link, for pipeline.Options.Previous; a folder that does not
// exist is an empty one.
func FS(out string) fs.FS {
	return noLinkFS(out)
}

type noLinkFS string

func (out noLinkFS) Open(name string) (fs.File, error) {
	root, err := os.OpenRoot(string(out))
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	defer root.Close()
	exists, err := noLinks(root, name)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if !exists {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return root.Open(name)
}

// ErrLink is the error for a symbolic link where the generator would read
// or write.
var ErrLink = errors.New("is a symbolic link; gen writes nothing through one")

// noLinks checks the path of a generated file in the output folder: no
// folder on the way may be a symbolic link or other than a folder, and the
// file, if it exists, must be a regular file. It reports whether it exists.
func noLinks(root *os.Root, name string) (exists bool, err error) {
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		info, err := root.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		switch {
		case err != nil:
			return false, err
		case info.Mode()&fs.ModeSymlink != 0:
			return false, fmt.Errorf("%s %w", p, ErrLink)
		case i < len(parts)-1 && !info.IsDir():
			return false, fmt.Errorf("%s is not a folder", p)
		case i == len(parts)-1 && !info.Mode().IsRegular():
			return false, fmt.Errorf("%s is not a regular file", p)
		}
	}
	return true, nil
}

// hasHeader reports whether the file starts with the generated header.
func hasHeader(root *os.Root, name string) (bool, error) {
	f, err := root.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	want := pipeline.Header(name)
	b := make([]byte, len(want))
	n, err := io.ReadFull(f, b)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return want != nil && bytes.Equal(b[:n], want), err
}

// mkdirs makes the folder dir inside root and any folder above it that is
// missing, and returns the folders it made, outermost first.
func mkdirs(root *os.Root, dir string) ([]string, error) {
	var made []string
	parts := strings.Split(dir, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		err := root.Mkdir(p, 0o755)
		switch {
		case err == nil:
			made = append(made, p)
		case !errors.Is(err, fs.ErrExist):
			return made, err
		}
	}
	return made, nil
}

// writeTemp writes data to a new temporary file in folder dir of root,
// with mode 0644, and returns its name.
func writeTemp(root *os.Root, dir string, data []byte) (string, error) {
	for {
		name := path.Join(dir, ".pagegen-"+rand.Text())
		f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if err == nil {
			err = f.Chmod(0o644)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			root.Remove(name)
			return "", err
		}
		return name, nil
	}
}
