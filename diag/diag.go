// Package diag holds the diagnostics of every stage of pagegen: an Error
// is a problem at a place in a spec file or a file the generator reads,
// printed "file:line:col: message", and a List collects them, as
// go/scanner's ErrorList does.
package diag

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Pos is a 1-based line and column (in bytes) in a file.
type Pos struct{ Line, Col int }

// Start is the first line and column of a file, where a problem of the
// whole file is reported.
var Start = Pos{Line: 1, Col: 1}

// Error is a problem in a file, at a position: "file:line:col: message".
type Error struct {
	File string
	Pos  Pos
	Msg  string
}

// Error is "file:line:col: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// List is a list of errors, sorted by file and position once Sort is
// called.
type List []*Error

// Add appends an error at file and pos.
func (l *List) Add(file string, pos Pos, msg string) {
	*l = append(*l, &Error{File: file, Pos: pos, Msg: msg})
}

// Error is the errors one to a line.
func (l List) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Sort orders the list by file, line and column.
func (l List) Sort() {
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
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Of returns the diagnostics that err holds: the list itself for a List,
// a list of one for an *Error, and nil for any other error.
func Of(err error) List {
	var l List
	if errors.As(err, &l) {
		return l
	}
	var e *Error
	if errors.As(err, &e) {
		return List{e}
	}
	return nil
}
