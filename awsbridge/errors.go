package awsbridge

import (
	"strconv"
	"strings"
)

// ConversionError is the error of a value that cannot be converted
// between a pagegen type and an SDK type.
type ConversionError struct {
	Op string // the operation: "Scan"
	// Path is the member of the pagegen value, in its Go field names,
	// with list indices and map keys: `ExclusiveStartKey["pk"]`,
	// "Filters[0].Values[2]"; "" for the value itself.
	Path string
	Err  error
}

// Error returns "<Op>: <Path>: <Err>", or "<Op>: <Err>" without a path.
func (e *ConversionError) Error() string {
	if e.Path == "" {
		return e.Op + ": " + e.Err.Error()
	}
	return e.Op + ": " + e.Path + ": " + e.Err.Error()
}

// Unwrap returns e.Err.
func (e *ConversionError) Unwrap() error { return e.Err }

// pathError is an error on its way up from the value it concerns, with
// the path segments it has passed, innermost first.
type pathError struct {
	segs []string
	err  error
}

func (e *pathError) Error() string { return joinPath(e.segs) + ": " + e.err.Error() }

// maxPathSegments bounds the segments of a path: the innermost beyond it
// are written as one "…".
const maxPathSegments = 100

// at returns err with seg prepended to its path.
func at(err error, seg string) error {
	pe, ok := err.(*pathError)
	if !ok {
		return &pathError{segs: []string{seg}, err: err}
	}
	if len(pe.segs) == maxPathSegments {
		pe.segs = append(pe.segs[:1], pe.segs[2:]...)
		pe.segs[0] = "…"
	}
	pe.segs = append(pe.segs, seg)
	return pe
}

// atField, atIndex and atKey return err at a field, a list index and a
// map key.
func atField(err error, name string) error { return at(err, "."+name) }
func atIndex(err error, i int) error       { return at(err, "["+strconv.Itoa(i)+"]") }
func atKey(err error, k string) error      { return at(err, "["+strconv.Quote(k)+"]") }

func joinPath(segs []string) string {
	var b strings.Builder
	for i := len(segs) - 1; i >= 0; i-- {
		b.WriteString(segs[i])
	}
	return strings.TrimPrefix(b.String(), ".")
}

// conversionError returns err, from a conversion of op, as a
// *ConversionError.
func conversionError(op string, err error) error {
	if err == nil {
		return nil
	}
	if pe, ok := err.(*pathError); ok {
		return &ConversionError{Op: op, Path: joinPath(pe.segs), Err: pe.err}
	}
	return &ConversionError{Op: op, Err: err}
}
