package rst

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// rstShape describes the block structure BlocksMarkdown should produce for
// nodes: "P" paragraph, "H" heading, "C" code block, "Q[...]" block quote,
// "L[I[...]...]" bullet list.
func rstShape(nodes []*Node) string {
	var parts []string
	var walk func(nodes []*Node)
	walk = func(nodes []*Node) {
		for _, n := range nodes {
			switch n.Kind {
			case Document, Directive:
				walk(n.Children)
			case Paragraph:
				if Markdown(n.Text) != "" {
					parts = append(parts, "P")
				}
			case Title:
				parts = append(parts, "H")
			case Literal:
				parts = append(parts, "C")
			case BlockQuote:
				if s := rstShape(n.Children); s != "" {
					parts = append(parts, "Q["+s+"]")
				}
			case Field:
				parts = append(parts, "P")
				children := n.Children
				if len(children) > 0 && children[0].Kind == Paragraph {
					children = children[1:]
				}
				walk(children)
			case BulletList:
				var items []string
				for _, item := range n.Children {
					items = append(items, "I["+rstShape(item.Children)+"]")
				}
				parts = append(parts, "L["+strings.Join(items, " ")+"]")
			}
		}
	}
	walk(nodes)
	return strings.Join(parts, " ")
}

// mdShape describes the block structure goldmark sees in md, in the terms of
// rstShape, and collects the contents of its code blocks.
func mdShape(md string) (string, []string) {
	src := []byte(md)
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var code []string
	var shape func(n ast.Node) string
	shape = func(parent ast.Node) string {
		var parts []string
		for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
			switch n := n.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				parts = append(parts, "P")
			case *ast.Heading:
				parts = append(parts, "H")
			case *ast.FencedCodeBlock:
				var b strings.Builder
				for i := 0; i < n.Lines().Len(); i++ {
					seg := n.Lines().At(i)
					b.Write(seg.Value(src))
				}
				code = append(code, strings.TrimSuffix(b.String(), "\n"))
				parts = append(parts, "C")
			case *ast.Blockquote:
				parts = append(parts, "Q["+shape(n)+"]")
			case *ast.List:
				var items []string
				for item := n.FirstChild(); item != nil; item = item.NextSibling() {
					items = append(items, "I["+shape(item)+"]")
				}
				parts = append(parts, "L["+strings.Join(items, " ")+"]")
			default:
				parts = append(parts, "?"+n.Kind().String())
			}
		}
		return strings.Join(parts, " ")
	}
	return shape(doc), code
}

// rstCode collects the texts of the literal blocks below nodes.
func rstCode(nodes []*Node) []string {
	var code []string
	for _, n := range nodes {
		n.Walk(func(n *Node) bool {
			if n.Kind == Literal {
				code = append(code, n.Text)
			}
			return true
		})
	}
	return code
}

// checkStructure checks that a CommonMark parser reads BlocksMarkdown(nodes)
// with the structure of nodes and the same code blocks.
func checkStructure(t *testing.T, name string, nodes []*Node) {
	t.Helper()
	md := BlocksMarkdown(nodes)
	got, code := mdShape(md)
	if want := rstShape(nodes); got != want {
		t.Errorf("%s: markdown structure differs\n got: %s\nwant: %s\nmarkdown:\n%s", name, got, want, md)
		return
	}
	want := rstCode(nodes)
	if strings.Join(code, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("%s: code blocks differ\n got: %q\nwant: %q", name, code, want)
	}
}
