package main

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
)

// run is the whole command: read the specs, generate, and write or check
// the output folder. It returns the exit status.
func run(specs, out, importBase string, check bool, stdout, stderr io.Writer) int {
	files, err := readSpecs(specs)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if len(files) == 0 {
		fmt.Fprintf(stderr, "%s: no spec pages found\n", specs)
		return 1
	}
	if importBase == "" {
		importBase, err = modulePath(out)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	prev, err := readNames(out)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	gen, err := generate(filepath.ToSlash(specs), files, filepath.ToSlash(out), prev, importBase)
	if err == nil {
		err = checkPaths(gen)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	stale, err := staleFiles(out, gen)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if check {
		for _, s := range stale {
			fmt.Fprintf(stderr, "%s: stale\n", filepath.Join(out, filepath.FromSlash(s.name)))
		}
		if len(stale) > 0 {
			fmt.Fprintf(stderr, "%d generated files are stale; run go generate ./...\n", len(stale))
			return 1
		}
		fmt.Fprintf(stdout, "%d generated files are current\n", len(gen))
		return 0
	}
	if err := write(out, stale); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	deleted := 0
	for _, c := range stale {
		if c.data == nil {
			deleted++
		}
	}
	fmt.Fprintf(stdout, "%d files generated, %d written, %d deleted\n", len(gen), len(stale)-deleted, deleted)
	return 0
}

// readSpecs reads the spec files under dir, by slash path under dir:
// <service>/paginator/*.rst and <service>/paginators.json.
func readSpecs(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !strings.HasSuffix(rel, ".rst") && path.Base(rel) != "paginators.json" {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[rel] = b
		return nil
	})
	return files, err
}

// modulePath finds the import path of dir from the go.mod above it.
func modulePath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		b, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if mod, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
					rel, err := filepath.Rel(d, abs)
					if err != nil {
						return "", err
					}
					return path.Join(strings.TrimSpace(mod), filepath.ToSlash(rel)), nil
				}
			}
			return "", fmt.Errorf("%s: no module line", filepath.Join(d, "go.mod"))
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%s: not inside a Go module; give -import", dir)
		}
	}
}

// change is one file of the output folder to write (data != nil) or to
// delete (data == nil).
type change struct {
	name string // slash path under the output folder
	data []byte
}

// checkPaths checks the paths of the generated files before anything is
// read or written: each must be a plain local path, <package>/<file>.go,
// and no two may differ only in case, in their folder or as a whole, which
// on a case-insensitive disk would be one file.
func checkPaths(gen map[string][]byte) error {
	var errs []string
	folded := map[string]string{}
	fold := func(p string) {
		if other, ok := folded[strings.ToLower(p)]; ok && other != p {
			errs = append(errs, fmt.Sprintf("output paths %s and %s differ only in case", other, p))
			return
		}
		folded[strings.ToLower(p)] = p
	}
	for _, name := range sortedNames(gen) {
		dir, file, ok := strings.Cut(name, "/")
		if !ok || strings.Contains(file, "/") || header(file) == nil ||
			!filepath.IsLocal(filepath.FromSlash(name)) || path.Clean(name) != name ||
			strings.ContainsAny(name, `\:`) {
			errs = append(errs, fmt.Sprintf("output path %q is not <package>/<file>.go or <package>/names.txt inside the output folder", name))
			continue
		}
		fold(dir)
		fold(name)
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}

func sortedNames(gen map[string][]byte) []string {
	names := make([]string, 0, len(gen))
	for name := range gen {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// staleFiles compares the output folder with the generated files: files
// that are missing or differ are to be written, and regular files that
// carry the generated header but are no longer generated are to be deleted.
// Everything is read through an os.Root of the folder, and symbolic links
// are not followed: a link where a generated file or its folder goes is an
// error, and the search for leftovers does not enter linked folders.
func staleFiles(out string, gen map[string][]byte) ([]change, error) {
	root, err := os.OpenRoot(out)
	if errors.Is(err, fs.ErrNotExist) {
		var changes []change
		for _, name := range sortedNames(gen) {
			changes = append(changes, change{name, gen[name]})
		}
		return changes, nil
	}
	if err != nil {
		return nil, err
	}
	defer root.Close()

	var changes []change
	for _, name := range sortedNames(gen) {
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
		changes = append(changes, change{name, gen[name]})
	}
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || header(p) == nil {
			return err
		}
		if _, ok := gen[p]; ok {
			return nil
		}
		generated, err := hasHeader(root, p)
		if generated {
			changes = append(changes, change{name: p})
		}
		return err
	})
	sort.Slice(changes, func(i, j int) bool { return changes[i].name < changes[j].name })
	return changes, err
}

// errLink is the error for a symbolic link where gen would write.
var errLink = errors.New("is a symbolic link; gen writes nothing through one")

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
			return false, fmt.Errorf("%s %w", p, errLink)
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
	want := header(name)
	b := make([]byte, len(want))
	n, err := io.ReadFull(f, b)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return want != nil && bytes.Equal(b[:n], want), err
}

// write applies the changes inside the output folder, through an os.Root
// of it, all or nothing as far as the disk allows: every new file is
// written to a temporary file in its folder first, and only when all are
// written are they renamed into place and the leftovers deleted, with any
// folder they leave empty. If a
// temporary file cannot be written, the temporary files and the folders
// made for them are removed and the folder is as it was.
func write(out string, changes []change) (err error) {
	if len(changes) == 0 {
		return nil
	}
	var made []string // folders made, outermost first; "." is out itself
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		made = append(made, ".")
	}
	root, err := os.OpenRoot(out)
	if err != nil {
		return err
	}
	defer root.Close()

	var temps []string // by index of the change; "" for a deletion
	defer func() {
		if err == nil {
			return
		}
		for _, t := range temps {
			if t != "" {
				root.Remove(t)
			}
		}
		for i := len(made) - 1; i >= 0; i-- {
			if made[i] == "." {
				os.Remove(out)
			} else {
				root.Remove(made[i])
			}
		}
	}()
	for _, c := range changes {
		if c.data == nil {
			temps = append(temps, "")
			continue
		}
		dirs, err := mkdirs(root, path.Dir(c.name))
		made = append(made, dirs...)
		if err != nil {
			return err
		}
		tmp, err := writeTemp(root, path.Dir(c.name), c.data)
		if err != nil {
			return err
		}
		temps = append(temps, tmp)
	}
	for i, c := range changes {
		if c.data != nil {
			if err := root.Rename(temps[i], c.name); err != nil {
				return err
			}
			temps[i] = ""
		}
	}
	made = nil
	emptied := map[string]bool{}
	for _, c := range changes {
		if c.data == nil {
			if err := root.Remove(c.name); err != nil {
				return err
			}
			emptied[path.Dir(c.name)] = true
		}
	}
	// A package folder that held only leftovers goes too.
	for dir := range emptied {
		if entries, err := fs.ReadDir(root.FS(), dir); err == nil && len(entries) == 0 && dir != "." {
			if err := root.Remove(dir); err != nil {
				return err
			}
		}
	}
	return nil
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
