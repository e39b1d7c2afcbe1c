package model

import (
	"path"
	"strings"
)

// sourcePath is the path of a spec page, as the generator was given it,
// from the folder that holds the service folders: its last four elements,
// "specs/ssm/paginator/DescribeSessions.rst", whichever folder the
// generator ran in.
func sourcePath(file string) string {
	parts := strings.Split(path.Clean(strings.ReplaceAll(file, `\`, "/")), "/")
	if n := len(parts); n > 4 {
		parts = parts[n-4:]
	}
	if parts[0] == ".." || parts[0] == "." {
		parts = parts[1:]
	}
	return strings.Join(parts, "/")
}
