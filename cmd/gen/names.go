package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/pagegen/pagegen/templates"
)

// readNames reads the names file of each package in the output folder, by
// slash path under it ("ssm/names.txt"): the type names of the last run,
// which this run keeps. A file without the generated header is not the
// generator's and is left out; an output folder that does not exist has
// none.
func readNames(out string) (map[string][]byte, error) {
	dirs, err := os.ReadDir(out)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	names := map[string][]byte{}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		p := filepath.Join(out, d.Name(), templates.NamesFile)
		b, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if bytes.HasPrefix(b, header(p)) {
			names[d.Name()+"/"+templates.NamesFile] = b
		}
	}
	return names, nil
}

// header is the first line of a generated file at path p: the generated
// header as a comment of the file's kind, or nil for a file of a kind the
// generator does not write.
func header(p string) []byte {
	switch {
	case strings.HasSuffix(p, ".go"):
		return []byte("// " + templates.Header + "\n")
	case filepath.Base(p) == templates.NamesFile:
		return []byte("# " + templates.Header + "\n")
	}
	return nil
}
