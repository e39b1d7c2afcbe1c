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
		if _, err := generate("specs", specs, "generated", nil, "example.com/out"); err != nil {
			b.Fatal(err)
		}
	}
}
