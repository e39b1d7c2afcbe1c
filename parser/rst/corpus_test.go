package rst

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusDir holds boto3 paginator reference pages, when available.
const corpusDir = "/tmp/corpus"

// TestCorpus parses every page of the corpus, and checks that a CommonMark
// parser reads the Markdown of each page, and of each distinct paragraph,
// with the structure the RST has. It reports how many pages parse.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusDir, "*", "paginator", "*.rst"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skip("no corpus at " + corpusDir)
	}
	parsed := 0
	paragraphs := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Parse(f, src)
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
	t.Logf("%d of %d corpus pages parse (%d distinct paragraphs checked)", parsed, len(files), len(paragraphs))
}
