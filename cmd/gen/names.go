package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pagegen/pagegen/templates"
)

// readNames reads the names file of package pkg in the output folder, by
// slash path under it ("ssm/names.txt"): the type names of the last run,
// which this run keeps. A file without the generated header is not the
// generator's and is left out; a package that does not exist has none.
func readNames(out, pkg string) (map[string][]byte, error) {
	p := filepath.Join(out, pkg, templates.NamesFile)
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(b, header(p)) {
		return nil, nil
	}
	return map[string][]byte{pkg + "/" + templates.NamesFile: b}, nil
}

// header is how a generated file at path p begins, whichever version of
// pagegen wrote it: the generated header's prefix as a comment of the
// file's kind, or nil for a file of a kind the generator does not write.
func header(p string) []byte {
	switch {
	case strings.HasSuffix(p, ".go"):
		return []byte("// " + templates.HeaderPrefix)
	case filepath.Base(p) == templates.NamesFile:
		return []byte("# " + templates.HeaderPrefix)
	}
	return nil
}
