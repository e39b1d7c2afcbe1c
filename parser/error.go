package parser

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/pagegen/pagegen/parser/rst"
	"github.com/pagegen/pagegen/parser/syntax"
)

// Pos is a 1-based line and column (in bytes) in a page file.
type Pos struct{ Line, Col int }

func fromRST(p rst.Pos) Pos       { return Pos{p.Line, p.Col} }
func fromSyntax(p syntax.Pos) Pos { return Pos{p.Line, p.Col} }

// Error is a problem in a page, at a position: "file:line:col: message".
type Error struct {
	File string
	Pos  Pos
	Msg  string
}

// Error is "file:line:col: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// ErrorList is a list of page errors, sorted by file and position.
type ErrorList []*Error

// Error is the errors one to a line.
func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Sort orders the list by file, line and column.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		return a.Pos.Col < b.Pos.Col
	})
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// asError turns an error from package rst or syntax into a page Error.
func asError(file string, err error) *Error {
	var re *rst.Error
	if errors.As(err, &re) {
		return &Error{File: re.File, Pos: fromRST(re.Pos), Msg: re.Msg}
	}
	var se *syntax.Error
	if errors.As(err, &se) {
		return &Error{File: se.File, Pos: fromSyntax(se.Pos), Msg: se.Msg}
	}
	return &Error{File: file, Pos: Pos{1, 1}, Msg: err.Error()}
}
