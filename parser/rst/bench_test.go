package rst

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/txtar"
)

// BenchmarkParse parses the two real pages of the golden files.
func BenchmarkParse(b *testing.B) {
	var pages [][]byte
	size := 0
	for golden := range seedPages {
		ar, err := txtar.ParseFile(filepath.Join("testdata", golden))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, ar.Files[0].Data)
		size += len(ar.Files[0].Data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, page := range pages {
			if _, err := Parse("page.rst", page); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkBlocksMarkdown renders the two real pages of the golden files.
func BenchmarkBlocksMarkdown(b *testing.B) {
	var docs []*Node
	for golden := range seedPages {
		ar, err := txtar.ParseFile(filepath.Join("testdata", golden))
		if err != nil {
			b.Fatal(err)
		}
		doc, err := Parse(golden, ar.Files[0].Data)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	for b.Loop() {
		for _, doc := range docs {
			BlocksMarkdown(doc.Children)
		}
	}
}
