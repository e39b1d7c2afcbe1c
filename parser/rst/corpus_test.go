package rst

import (
	"testing"

	"github.com/pagegen/pagegen/internal/corpus"
)

// TestCorpus parses every page of the corpus, and checks that a CommonMark
// parser reads the Markdown of each page, and of each distinct paragraph,
// with the structure the RST has. It reports how many pages parse.
func TestCorpus(t *testing.T) {
	specs, err := corpus.Specs()
	if err != nil {
		t.Fatal(err)
	}
	pages := corpus.Pages(specs)
	parsed := 0
	paragraphs := map[string]bool{}
	for _, f := range pages {
		doc, err := Parse(f, specs[f])
		if err != nil {
			t.Error(err)
			continue
		}
		parsed++
		if testing.Short() {
			continue
		}
		checkStructure(t, f, doc.Children)
		doc.Walk(func(n *Node) bool {
			if n.Kind == Paragraph && !paragraphs[n.Text] {
				paragraphs[n.Text] = true
				if want, got := wantInline(n.Text), gotInline(Markdown(n.Text)); want != got {
					t.Errorf("%s:%v: paragraph markdown read differently\nwant %q\n got %q", f, n.Pos, want, got)
				}
			}
			return true
		})
	}
	if parsed != len(pages) {
		t.Errorf("%d of %d corpus pages parse", parsed, len(pages))
	}
	t.Logf("%d of %d corpus pages parse (%d distinct paragraphs checked)", parsed, len(pages), len(paragraphs))
}
