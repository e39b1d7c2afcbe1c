package parser

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/*.txtar")

// TestGolden reads the page of each testdata/*.txtar archive and compares a
// dump of the result, or the error, with the archive's want section.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			require.NoError(t, err)
			page, want := section(ar, "page.rst"), section(ar, "want")
			require.NotNil(t, page, "%s: no page.rst section", file)
			got := dumpResult(Read("page.rst", page.Data))
			if *update {
				if want == nil {
					ar.Files = append(ar.Files, txtar.File{Name: "want"})
					want = &ar.Files[len(ar.Files)-1]
				}
				want.Data = []byte(got)
				require.NoError(t, os.WriteFile(file, txtar.Format(ar), 0o644))
				return
			}
			require.NotNil(t, want, "%s: no want section; run with -update", file)
			require.Equal(t, string(want.Data), got)
		})
	}
}

func section(ar *txtar.Archive, name string) *txtar.File {
	for i := range ar.Files {
		if ar.Files[i].Name == name {
			return &ar.Files[i]
		}
	}
	return nil
}

// dumpResult is a readable dump of a page, or of the error.
func dumpResult(p *Page, err error) string {
	if err != nil {
		return "error:\n" + err.Error() + "\n"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "service %s (%s), paginator %s, method %s\n", p.Service, p.ServiceName, p.Name, p.Method)
	fmt.Fprintf(&b, "api doc %s\npage size %v, resume token %v\n", p.APIDocURL, p.PageSize, p.ResumeToken)
	if len(p.Unrendered) > 0 {
		fmt.Fprintf(&b, "not rendered: %s\n", strings.Join(p.Unrendered, ", "))
	}
	fmt.Fprintf(&b, "doc %q\n", p.Doc)
	b.WriteString("input:\n")
	for _, m := range p.Input {
		dumpMember(&b, m, 1)
	}
	b.WriteString("output:\n")
	if p.Output != nil {
		dumpShape(&b, p.Output, 1)
	}
	return b.String()
}

func dumpMember(b *strings.Builder, m *Member, depth int) {
	indent := strings.Repeat("  ", depth)
	req := ""
	if m.Required {
		req = " required"
	}
	fmt.Fprintf(b, "%s%s @%d:%d%s doc=%q\n", indent, m.Name, m.Pos.Line, m.Pos.Col, req, m.Doc)
	for _, t := range m.Terms {
		fmt.Fprintf(b, "%s  term %q @%d:%d %q\n", indent, t.Name, t.Pos.Line, t.Pos.Col, t.Doc)
	}
	dumpShape(b, m.Shape, depth+1)
}

func dumpShape(b *strings.Builder, s *Shape, depth int) {
	indent := strings.Repeat("  ", depth)
	fmt.Fprintf(b, "%s%s @%d:%d", indent, s.Kind, s.Pos.Line, s.Pos.Col)
	if s.Union {
		b.WriteString(" union")
	}
	if len(s.Enum) > 0 {
		fmt.Fprintf(b, " %q", s.Enum)
	}
	if s.Target != nil {
		fmt.Fprintf(b, " -> %s @%d:%d", s.Target.Kind, s.Target.Pos.Line, s.Target.Pos.Col)
	}
	if s.Doc != "" && (s.Kind == Structure || s.Kind == List || s.Kind == Map) {
		fmt.Fprintf(b, " doc=%q", s.Doc)
	}
	b.WriteString("\n")
	if s.Key != nil {
		fmt.Fprintf(b, "%s key:\n", indent)
		dumpShape(b, s.Key, depth+1)
	}
	if s.Elem != nil {
		dumpShape(b, s.Elem, depth+1)
	}
	for _, m := range s.Members {
		dumpMember(b, m, depth+1)
	}
}

func TestAPIVersion(t *testing.T) {
	for url, want := range map[string]string{
		"https://docs.aws.amazon.com/goto/WebAPI/ssm-2014-11-06/DescribeSessions":          "2014-11-06",
		"https://docs.aws.amazon.com/goto/WebAPI/resource-explorer-2-2022-07-28/ListViews": "2022-07-28",
		"https://docs.aws.amazon.com/goto/WebAPI/ssm/DescribeSessions":                     "",
		"": "",
	} {
		require.Equal(t, want, (&Page{APIDocURL: url}).APIVersion(), url)
	}
}
