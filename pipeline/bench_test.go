package pipeline

import (
	"io/fs"
	"os"
	"testing"
	"testing/fstest"
)

// BenchmarkGenerate runs the whole pipeline, without the disk, over the
// repository's specs.
func BenchmarkGenerate(b *testing.B) {
	specs, size, err := memSpecs(os.DirFS("../specs"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	opts := &Options{SpecsDir: "specs", OutDir: "generated", ImportPath: "example.com/out", Bridges: NoBridges}
	for b.Loop() {
		if _, err := opts.Generate(specs); err != nil {
			b.Fatal(err)
		}
	}
}

// memSpecs copies the spec files of a specs folder into memory, so that
// the benchmark measures no disk, and returns their bytes in all.
func memSpecs(dir fs.FS) (fstest.MapFS, int64, error) {
	services, err := Services(dir)
	if err != nil {
		return nil, 0, err
	}
	files := fstest.MapFS{}
	var size int64
	for _, s := range services {
		for _, name := range s.Files {
			b, err := fs.ReadFile(dir, name)
			if err != nil {
				return nil, 0, err
			}
			files[name] = &fstest.MapFile{Data: b}
		}
		size += s.Size
	}
	return files, size, nil
}
