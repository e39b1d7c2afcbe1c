package parser

import (
	"testing"

	"github.com/pagegen/pagegen/internal/corpus"
)

// BenchmarkReadCorpus reads every page of the corpus once per op; its MB/s
// is the parser's throughput on one goroutine.
func BenchmarkReadCorpus(b *testing.B) {
	specs, err := corpus.Specs()
	if err != nil {
		b.Fatal(err)
	}
	pages := corpus.Pages(specs)
	var size int64
	for _, name := range pages {
		size += int64(len(specs[name]))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, name := range pages {
			if _, err := Read(name, specs[name]); err != nil {
				b.Fatal(err)
			}
		}
	}
}
