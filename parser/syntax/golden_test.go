package syntax

import (
	"bytes"
	"flag"
	"fmt"
	"github.com/pagegen/pagegen/internal/corpus"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// goldenCase is one testdata archive. Its comment holds "key: value" lines:
//
//	page: specs/ssm/paginator/DescribeSessions.rst   (optional, from the repository root)
//	corpus: glue/paginator/GetJobs.rst               (optional, a page of the corpus fixture)
//	request: 32:7 indent 6                           (start and indent of the request block)
//	response: 157:9 indent 8                         (start and indent of the response block)
//
// Its files are "request" and/or "response" (the block texts, each
// followed by one newline that is not part of the block) and "want" (the
// dump of what they parse to, or the error).
type goldenCase struct {
	path    string
	archive *txtar.Archive
	page    string // path from the repository root
	corpus  string // a page of the corpus: "glue/paginator/GetJobs.rst"
	starts  map[string]Pos
	indents map[string]int
}

func readGolden(t testing.TB, path string) *goldenCase {
	t.Helper()
	a, err := txtar.ParseFile(path)
	require.NoError(t, err)
	c := &goldenCase{path: path, archive: a, starts: map[string]Pos{}, indents: map[string]int{}}
	for _, line := range strings.Split(string(a.Comment), "\n") {
		key, val, ok := strings.Cut(line, ": ")
		switch {
		case !ok:
		case key == "page":
			c.page = val
		case key == "corpus":
			c.corpus = val
		case key == "request" || key == "response":
			var p Pos
			var indent int
			_, err := fmt.Sscanf(val, "%d:%d indent %d", &p.Line, &p.Col, &indent)
			require.NoError(t, err, "%s: bad %s line %q", path, key, line)
			c.starts[key], c.indents[key] = p, indent
		}
	}
	return c
}

// input returns the text of the named block, or false.
func (c *goldenCase) input(name string) (string, bool) {
	for _, f := range c.archive.Files {
		if f.Name == name {
			return strings.TrimSuffix(string(f.Data), "\n"), true
		}
	}
	return "", false
}

// start returns the start position and indent of the named block.
func (c *goldenCase) start(name string) (Pos, int) {
	if p, ok := c.starts[name]; ok {
		return p, c.indents[name]
	}
	return Pos{1, 1}, 0
}

// got parses the archive's blocks and returns the dump to compare with
// the want section.
func (c *goldenCase) got() string {
	var b strings.Builder
	file := c.page
	if file == "" {
		file = c.corpus
	}
	if file == "" {
		file = filepath.Base(c.path)
	}
	if src, ok := c.input("request"); ok {
		start, indent := c.start("request")
		b.WriteString("request:\n")
		args, err := ParseRequest(file, src, start, indent)
		if err != nil {
			fmt.Fprintf(&b, "error: %v\n", err)
		} else {
			b.WriteString(indentLines(dumpRequest(args)))
		}
	}
	if src, ok := c.input("response"); ok {
		start, indent := c.start("response")
		b.WriteString("response:\n")
		v, err := ParseResponse(file, src, start, indent)
		if err != nil {
			fmt.Fprintf(&b, "error: %v\n", err)
		} else {
			b.WriteString(indentLines(dumpResponse(v)))
		}
	}
	return b.String()
}

func indentLines(s string) string {
	return strings.ReplaceAll("  "+strings.TrimSuffix(s, "\n"), "\n", "\n  ") + "\n"
}

func goldenFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("testdata/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

func TestGolden(t *testing.T) {
	for _, path := range goldenFiles(t) {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			c := readGolden(t, path)
			got := c.got()
			if *update {
				var files []txtar.File
				for _, f := range c.archive.Files {
					if f.Name != "want" {
						files = append(files, f)
					}
				}
				c.archive.Files = append(files, txtar.File{Name: "want", Data: []byte(got)})
				require.NoError(t, os.WriteFile(path, txtar.Format(c.archive), 0o644))
				return
			}
			want, ok := c.input("want")
			require.True(t, ok, "%s has no want section; run go test -update", path)
			assert.Equal(t, want+"\n", got)
		})
	}
}

// TestGoldenPages checks that the blocks of the archives taken from pages
// (the "page:" and "corpus:" lines) are those pages' blocks, at the
// positions the archive gives, when the pages are present.
func TestGoldenPages(t *testing.T) {
	for _, path := range goldenFiles(t) {
		c := readGolden(t, path)
		var file string
		var page []byte
		switch {
		case c.page != "":
			file = filepath.Join("..", "..", c.page)
			var err error
			page, err = os.ReadFile(file)
			require.NoError(t, err)
		case c.corpus != "":
			file = c.corpus
			specs, err := corpus.Specs()
			require.NoError(t, err)
			page = specs[file]
			require.NotNil(t, page, "%s: no corpus page %s", path, file)
		default:
			continue
		}
		blocks, err := extractBlocks(string(page))
		require.NoError(t, err)
		for _, blk := range blocks {
			name := "response"
			if blk.Request {
				name = "request"
			}
			src, ok := c.input(name)
			if !ok {
				continue
			}
			start, indent := c.start(name)
			assert.Equal(t, blk.Src, src, "%s: %s block", path, name)
			assert.Equal(t, blk.Start, start, "%s: %s start", path, name)
			assert.Equal(t, blk.Indent, indent, "%s: %s indent", path, name)
		}
	}
}

// TestDumpIsReadable guards the dump format the golden files rely on.
func TestDumpIsReadable(t *testing.T) {
	v, err := ParseResponse("f", "{'A': 'x'|'y', 'B': {'string': [123]}}", Pos{1, 1}, 0)
	require.NoError(t, err)
	want := "" +
		"struct @1:1\n" +
		"  A @1:2: enum @1:7 \"x\"|\"y\"\n" +
		"  B @1:16: map @1:21\n" +
		"    key: string @1:22\n" +
		"    elem: list @1:32\n" +
		"      elem: integer @1:33\n"
	assert.Equal(t, want, dumpResponse(v))
	assert.True(t, bytes.HasSuffix([]byte(indentLines("a\nb\n")), []byte("  b\n")))
}
