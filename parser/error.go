package parser

import (
	"errors"

	"github.com/pagegen/pagegen/diag"
	"github.com/pagegen/pagegen/parser/rst"
	"github.com/pagegen/pagegen/parser/syntax"
)

// Pos is a 1-based line and column (in bytes) in a page file.
type Pos = diag.Pos

func fromRST(p rst.Pos) Pos       { return Pos{Line: p.Line, Col: p.Col} }
func fromSyntax(p syntax.Pos) Pos { return Pos{Line: p.Line, Col: p.Col} }

// asError turns an error from package rst or syntax into a page Error.
func asError(file string, err error) *diag.Error {
	var re *rst.Error
	if errors.As(err, &re) {
		return &diag.Error{File: re.File, Pos: fromRST(re.Pos), Msg: re.Msg}
	}
	var se *syntax.Error
	if errors.As(err, &se) {
		return &diag.Error{File: se.File, Pos: fromSyntax(se.Pos), Msg: se.Msg}
	}
	return &diag.Error{File: file, Pos: diag.Start, Msg: err.Error()}
}
