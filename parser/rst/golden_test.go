package rst

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected sections of testdata/*.txtar")

// result is what the golden files record for an input: the tree dump, or
// "error: " and the error.
func result(file string, src []byte) (string, *Node) {
	doc, err := Parse(file, src)
	if err != nil {
		return "error: " + err.Error() + "\n", nil
	}
	return doc.Dump(), doc
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string]*txtar.File{}
			for i := range ar.Files {
				sections[ar.Files[i].Name] = &ar.Files[i]
			}
			input := sections["input.rst"]
			if input == nil {
				t.Fatal("no input.rst section")
			}
			tree, doc := result("input.rst", input.Data)
			if doc != nil {
				checkStructure(t, "markdown of input.rst", doc.Children)
			}
			want := map[string]string{"tree": tree}
			if md := sections["markdown"]; md != nil {
				if doc == nil {
					t.Fatal("markdown section for an input that does not parse")
				}
				want["markdown"] = BlocksMarkdown(doc.Children) + "\n"
			}
			changed := false
			for name, got := range want {
				sec := sections[name]
				if sec == nil {
					if !*update {
						t.Errorf("no %s section", name)
						continue
					}
					ar.Files = append(ar.Files, txtar.File{Name: name})
					sec = &ar.Files[len(ar.Files)-1]
				}
				if string(sec.Data) == got {
					continue
				}
				if *update {
					sec.Data = []byte(got)
					changed = true
					continue
				}
				t.Errorf("%s differs:\ngot:\n%s\nwant:\n%s", name, got, sec.Data)
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// TestGoldenSeeds checks that the real pages in the golden files are the
// pages of the project's specs directory, when it is present.
func TestGoldenSeeds(t *testing.T) {
	for golden, spec := range seedPages {
		ar, err := txtar.ParseFile(filepath.Join("testdata", golden))
		if err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(filepath.Join("..", "..", spec))
		if err != nil {
			t.Skip(err)
		}
		if len(src) > 0 && src[len(src)-1] != '\n' {
			src = append(src, '\n') // as txtar stores it
		}
		if !bytes.Equal(ar.Files[0].Data, src) {
			t.Errorf("%s: input.rst is not %s", golden, spec)
		}
	}
}

// seedPages maps the golden files holding real pages to their sources.
var seedPages = map[string]string{
	"page_ssm_describe_sessions.txtar":       "specs/ssm/paginator/DescribeSessions.rst",
	"page_ec2_traffic_mirror_sessions.txtar": "specs/ec2/paginator/DescribeTrafficMirrorSessions.rst",
}
