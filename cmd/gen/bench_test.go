package main

import (
	"testing"
)

// BenchmarkGenerate runs the whole pipeline, without the disk, over the
// repository's specs.
func BenchmarkGenerate(b *testing.B) {
	specs, err := readSpecs("../../specs")
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, s := range specs {
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := generate("specs", specs, "generated", nil, "example.com/out", nil); err != nil {
			b.Fatal(err)
		}
	}
}

// readSpecs reads the spec files under dir, by slash path under dir:
// <service>/paginator/*.rst and <service>/paginators.json.
func readSpecs(dir string) (map[string][]byte, error) {
	groups, err := listSpecs(dir)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	for _, g := range groups {
		if err := readGroup(dir, g, files); err != nil {
			return nil, err
		}
	}
	return files, nil
}
