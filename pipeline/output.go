package pipeline

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pagegen/pagegen/templates"
)

// Header is how a generated file at the slash path name begins, whichever
// version of pagegen wrote it: the generated header's prefix as a comment
// of the file's kind, or nil for a file of a kind the generator does not
// write. A file of the output folder that starts with it is the
// generator's, to keep or to delete.
func Header(name string) []byte {
	switch {
	case strings.HasSuffix(name, ".go"):
		return []byte("// " + templates.HeaderPrefix)
	case path.Base(name) == templates.NamesFile:
		return []byte("# " + templates.HeaderPrefix)
	}
	return nil
}

// checkPaths checks the paths of the generated files before anything is
// read or written: each must be a plain local path, <package>/<file> or
// <package>/<bridge>/<file> for a package's aws-sdk-go-v2 bridge, and no
// two may differ only in case, in their folders or as a whole, which on a
// case-insensitive disk would be one file.
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
	for _, name := range SortedNames(gen) {
		parts := strings.Split(name, "/")
		if len(parts) < 2 || len(parts) > 3 || Header(parts[len(parts)-1]) == nil ||
			!filepath.IsLocal(filepath.FromSlash(name)) || path.Clean(name) != name ||
			strings.ContainsAny(name, `\:`) {
			errs = append(errs, fmt.Sprintf("output path %q is not <package>/<file>.go, <package>/<bridge>/<file>.go or <package>/names.txt inside the output folder", name))
			continue
		}
		for i := 1; i <= len(parts); i++ {
			fold(strings.Join(parts[:i], "/"))
		}
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}

// SortedNames returns the paths of files, sorted.
func SortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
