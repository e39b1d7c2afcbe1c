package rst

import (
	"fmt"
	"strconv"
	"strings"
)

// Pos is a 1-based line and column (column counts bytes) in the source file.
type Pos struct{ Line, Col int }

// String returns the position as "line:col".
func (p Pos) String() string { return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col) }

// Kind says what a Node is.
type Kind int

// The kinds of node.
const (
	Document   Kind = iota // root; Children are the top-level blocks
	Title                  // section title (underlined, or over- and underlined); Text = the title
	Paragraph              // Text = the paragraph's lines joined with "\n", each line's indentation removed, trailing spaces trimmed; inline markup NOT interpreted
	Literal                // literal block (after "::" or a paragraph ending in "::"); Text = the lines with their common indentation removed, joined with "\n", leading/trailing blank lines dropped, trailing spaces and tabs after the indentation of each line kept as written; Pos = the position of Text's first byte
	Directive              // ".. name:: args"; Name = "py:class", Text = the argument text on the first line (trimmed); Children = the parsed body
	Field                  // one field of a field list ":name: body"; Name = "type State" (the field name as written); Children = the parsed body (text after the marker on the first line starts the body)
	BulletList             // Children are ListItem nodes; Text = the bullet character ("-" or "*")
	ListItem               // Children = the parsed item body (text after the bullet starts it)
	BlockQuote             // an indented block not introduced by anything else; Children = its blocks
	Comment                // ".. text" that is not a directive
)

var kindNames = [...]string{
	Document:   "Document",
	Title:      "Title",
	Paragraph:  "Paragraph",
	Literal:    "Literal",
	Directive:  "Directive",
	Field:      "Field",
	BulletList: "BulletList",
	ListItem:   "ListItem",
	BlockQuote: "BlockQuote",
	Comment:    "Comment",
}

// String returns the name of the kind, such as "Paragraph".
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Node is one block of the document tree.
type Node struct {
	Kind     Kind
	Pos      Pos // where the block starts (the marker, or the first character of text)
	Name     string
	Text     string
	Children []*Node
}

// Walk calls fn for n and then, in order, for every node below it (pre-order).
// When fn returns false the children of that node are skipped.
func (n *Node) Walk(fn func(*Node) bool) {
	if n == nil || !fn(n) {
		return
	}
	for _, c := range n.Children {
		c.Walk(fn)
	}
}

// Dump returns a readable listing of the tree below n, one node per line,
// children indented by two spaces: the kind, the position, then the name and
// the text (both quoted) when they are not empty.
func (n *Node) Dump() string {
	var b strings.Builder
	n.dump(&b, 0)
	return b.String()
}

func (n *Node) dump(b *strings.Builder, depth int) {
	if n == nil {
		return
	}
	b.WriteString(strings.Repeat("  ", depth))
	fmt.Fprintf(b, "%s %s", n.Kind, n.Pos)
	if n.Name != "" {
		b.WriteString(" name=")
		b.WriteString(strconv.Quote(n.Name))
	}
	if n.Text != "" {
		b.WriteByte(' ')
		b.WriteString(strconv.Quote(n.Text))
	}
	b.WriteByte('\n')
	for _, c := range n.Children {
		c.dump(b, depth+1)
	}
}

// Error is a parse error with its position: Error() is "file:line:col: message".
type Error struct {
	File string
	Pos  Pos
	Msg  string
}

// Error formats the error as "file:line:col: message" (without "file:" when
// File is empty).
func (e *Error) Error() string {
	if e.File == "" {
		return e.Pos.String() + ": " + e.Msg
	}
	return e.File + ":" + e.Pos.String() + ": " + e.Msg
}
