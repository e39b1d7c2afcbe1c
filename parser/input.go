package parser

import (
	"bytes"
	"fmt"

	"github.com/pagegen/pagegen/diag"
	"github.com/pagegen/pagegen/parser/rst"
)

// checkInput reports a file that holds nothing but white space (after a
// UTF-8 byte order mark, if any). The encoding, the size and the lines of
// the file are checked by rst.Parse.
func checkInput(file string, src []byte) *diag.Error {
	if len(bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), " \t\r\n")) == 0 {
		return &diag.Error{File: file, Pos: diag.Start, Msg: "empty file"}
	}
	return nil
}

// checkEnd adds to errs, when it is not empty and doc starts with the
// breadcrumb line of a boto3 page, an error at the end of the file if the
// page seems cut short. Every boto3 page ends with a line break, inside the
// paginate method, outside its :type: and :param: fields, and with a
// paragraph (the description of the last member of the Response
// Structure, or of an unrendered block); a page that does not was cut
// inside the innermost block open at its end, which the error names.
func checkEnd(file string, src []byte, doc *rst.Node, errs diag.List) diag.List {
	if len(errs) == 0 || len(doc.Children) == 0 || !breadcrumbRE.MatchString(doc.Children[0].Text) {
		return errs
	}
	end, midLine := endOfFile(src)
	if !midLine && endsComplete(doc) {
		return errs
	}
	msg := "unexpected end of file"
	if open := innermostOpen(doc); open != nil {
		msg += fmt.Sprintf(" inside %s (started at %d:%d)", describe(open), open.Pos.Line, open.Pos.Col)
	}
	return append(errs, &diag.Error{File: file, Pos: end, Msg: msg})
}

// endOfFile returns the position just after the last byte of src, counting
// lines and columns as rst.Parse does, and whether the last line is not
// blank and has no line break.
func endOfFile(src []byte) (Pos, bool) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	line := 1
	start := 0 // offset of the current line
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
		case '\n':
		default:
			continue
		}
		line++
		start = i + 1
	}
	last := src[start:]
	return Pos{Line: line, Col: len(last) + 1}, len(bytes.Trim(last, " \t")) > 0
}

// endsComplete reports whether the last blocks of doc are those a whole
// page ends with: the py:class directive, the py:method directive in it,
// then no field but the :returns: field, down to a paragraph.
func endsComplete(doc *rst.Node) bool {
	n := lastChild(doc)
	for _, name := range []string{"py:class", "py:method"} {
		if n == nil || n.Kind != rst.Directive || n.Name != name {
			return false
		}
		n = lastChild(n)
	}
	for ; n != nil; n = lastChild(n) {
		switch {
		case n.Kind == rst.Field && n.Name != "returns":
			return false
		case len(n.Children) == 0:
			return n.Kind == rst.Paragraph
		}
	}
	return false
}

func lastChild(n *rst.Node) *rst.Node {
	if len(n.Children) == 0 {
		return nil
	}
	return n.Children[len(n.Children)-1]
}

// innermostOpen returns the innermost literal block, list item, field,
// directive or block quote among the last blocks of doc: the one the end of
// the file cuts.
func innermostOpen(doc *rst.Node) *rst.Node {
	var open *rst.Node
	for n := lastChild(doc); n != nil; n = lastChild(n) {
		switch n.Kind {
		case rst.Literal, rst.ListItem, rst.Field, rst.Directive, rst.BlockQuote:
			open = n
		}
	}
	return open
}

// describe names a block in a message: "literal block", "field :param X:".
func describe(n *rst.Node) string {
	switch n.Kind {
	case rst.Literal:
		return "literal block"
	case rst.ListItem:
		return "list item"
	case rst.Field:
		return "field :" + n.Name + ":"
	case rst.Directive:
		return "directive " + n.Name
	}
	return "block quote"
}
