package main

import (
	"bytes"
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

// staleFiles compares the output folder with the generated files: files
// that are missing or differ are to be written, and files that carry the
// generated header but are no longer generated are to be deleted.
func staleFiles(out string, gen map[string][]byte) ([]change, error) {
	var changes []change
	for name, data := range gen {
		old, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil && !os.IsNotExist(err) {
			return nil, err
		}
		if err != nil || !bytes.Equal(old, data) {
			changes = append(changes, change{name, data})
		}
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if os.IsNotExist(err) && p == out {
			return filepath.SkipDir
		}
		if err != nil || d.IsDir() || header(p) == nil {
			return err
		}
		rel, err := filepath.Rel(out, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if _, ok := gen[rel]; ok {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(b, header(p)) {
			changes = append(changes, change{name: rel})
		}
		return nil
	})
	sort.Slice(changes, func(i, j int) bool { return changes[i].name < changes[j].name })
	return changes, err
}

// write applies the changes: each file is written to a temporary file in
// its folder and renamed into place.
func write(out string, changes []change) error {
	for _, c := range changes {
		p := filepath.Join(out, filepath.FromSlash(c.name))
		if c.data == nil {
			if err := os.Remove(p); err != nil {
				return err
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		tmp, err := os.CreateTemp(filepath.Dir(p), ".pagegen-*")
		if err != nil {
			return err
		}
		_, werr := tmp.Write(c.data)
		cerr := tmp.Close()
		if werr == nil {
			werr = cerr
		}
		if werr == nil {
			werr = os.Chmod(tmp.Name(), 0o644)
		}
		if werr == nil {
			werr = os.Rename(tmp.Name(), p)
		}
		if werr != nil {
			os.Remove(tmp.Name())
			return werr
		}
	}
	return nil
}
