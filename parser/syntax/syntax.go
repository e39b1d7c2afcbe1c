// Package syntax parses the Request Syntax and Response Syntax literal
// blocks of boto3 paginator reference pages.
//
// A Request Syntax block is a Python call,
//
//	response_iterator = paginator.paginate(
//	    State='Active'|'History',
//	    PaginationConfig={
//	        'MaxItems': 123,
//	    }
//	)
//
// and a Response Syntax block is a Python dict literal,
//
//	{
//	    'Sessions': [
//	        {
//	            'SessionId': 'string',
//	            'StartDate': datetime(2015, 1, 1),
//	        },
//	    ],
//	}
//
// in which every value is a placeholder that stands for a type:
//
//	'string'                                  String
//	'A'|'B'|'C', 'X'                          Enum (values in order)
//	123                                       Integer
//	123.0, 123.4                              Float
//	...                                       Unknown (a type the page shows no example for)
//	True|False                                Boolean
//	datetime(2015, 1, 1)                      Timestamp
//	b'bytes'                                  Blob
//	{...}|[...]|123|123.4|'string'|True|None  Document
//	{'... recursive ...'}                     Recursive (a reference to an enclosing shape)
//	{'Name': value, ...}                      Struct (members in order; {} is an empty Struct)
//	{'string': value}, {'A'|'B': value}       Map (exactly one entry)
//	[value, ]                                 List
//
// Whitespace, including newlines, is free between tokens, and a trailing
// comma is allowed after the last entry of a dict, list or call. Quoted
// strings use single quotes; inside them \' and \\ (and \", \n, \r, \t)
// are Python escapes and any other backslash is kept as written.
//
// A dict with a single entry whose key is neither 'string' nor an
// alternation, such as {'ONLY': 123}, is returned as a Struct; so is a
// single-member struct whose member is named "string", which reads exactly
// like a map. The caller tells these apart from the page's prose.
//
// The package knows this grammar and nothing of the shapes it describes:
// the caller resolves Recursive values, Unknown values and ambiguous dicts.
package syntax

import (
	"errors"
	"fmt"
)

// MaxSize is the largest block, in bytes, that ParseRequest and
// ParseResponse accept. The largest block of the boto3 paginator pages is
// about 93 KB.
const MaxSize = 4 << 20

// MaxDepth is the deepest nesting of dicts and lists that ParseRequest and
// ParseResponse accept, so that hostile input cannot exhaust the stack. The
// boto3 paginator pages nest them at most 21 levels deep.
const MaxDepth = 200

// Pos is a 1-based line and column (bytes) in the page file.
type Pos struct{ Line, Col int }

// String returns the position as "line:col".
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Kind is the kind of a syntax value.
type Kind int

// The kinds of syntax values, with the forms that stand for them.
const (
	String    Kind = iota // 'string'
	Enum                  // 'A'|'B'|'C', or a single quoted value other than 'string'
	Integer               // 123
	Float                 // 123.0, 123.4
	Boolean               // True|False
	Timestamp             // datetime(2015, 1, 1)
	Blob                  // b'bytes'
	Document              // {...}|[...]|123|123.4|'string'|True|None
	Struct                // {'Name': value, ...}, or {}
	List                  // [value, ]
	Map                   // {'string': value} or {'A'|'B': value}
	Recursive             // {'... recursive ...'}: a reference to an enclosing shape

	// Unknown is "...", the placeholder the page generator writes for a
	// type it has no example for (in the corpus, every such member is a
	// float); the caller resolves it from the page's prose.
	Unknown
)

var kindNames = [...]string{
	String:    "string",
	Enum:      "enum",
	Integer:   "integer",
	Float:     "float",
	Boolean:   "boolean",
	Timestamp: "timestamp",
	Blob:      "blob",
	Document:  "document",
	Struct:    "struct",
	List:      "list",
	Map:       "map",
	Recursive: "recursive",
	Unknown:   "unknown",
}

// String returns the lower-case name of the kind, such as "string" or
// "struct".
func (k Kind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Value is one value of a syntax literal.
type Value struct {
	Kind    Kind
	Pos     Pos       // position of the value's first character
	Enum    []string  // Enum values in order
	Members []*Member // Struct members in order
	Key     *Value    // Map key (String or Enum)
	Elem    *Value    // List element, Map value
}

// Member is one "'Name': value" entry of a Struct, or one Name=value
// argument of a request. Pos is the position of the name.
type Member struct {
	Name  string
	Pos   Pos
	Value *Value
}

// Error is a syntax error: Error() is "file:line:col: message".
type Error struct {
	File string
	Pos  Pos
	Msg  string

	err error // wrapped sentinel, if any
}

// Error returns "file:line:col: message", or "line:col: message" when File
// is empty.
func (e *Error) Error() string {
	if e.File == "" {
		return fmt.Sprintf("%d:%d: %s", e.Pos.Line, e.Pos.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Unwrap returns ErrNotRendered for a block that was not rendered, and nil
// otherwise.
func (e *Error) Unwrap() error { return e.err }

// ErrNotRendered is wrapped by the *Error that ParseRequest and
// ParseResponse return for a block made only of "#" comment lines, which
// is how the page generator replaces a syntax too large to render
// ("# This section is too large to render."). Test for it with errors.Is;
// the shape must then be read from the page's prose.
var ErrNotRendered = errors.New("syntax block not rendered")

// ParseRequest parses a Request Syntax block,
// "response_iterator = paginator.paginate(Name=value, ...)", and returns
// its keyword arguments in order, PaginationConfig included. The call may
// have no arguments; the result is then empty but not nil.
//
// src is the literal block text with its common indentation removed; file
// names the page in errors. start is the file position of the first byte of
// src, and indent is the indentation that was removed from every line, so
// that a byte at column c (1-based) of a later line of src is at file
// column indent+c. Every Pos in the result and in a returned *Error is a
// file position.
func ParseRequest(file, src string, start Pos, indent int) ([]*Member, error) {
	p, err := newParser(file, src, start, indent)
	if err != nil {
		return nil, err
	}
	var args []*Member
	err = p.run(func() { args = p.request() })
	if err != nil {
		return nil, err
	}
	return args, nil
}

// ParseResponse parses a Response Syntax block, a dict literal "{ ... }",
// and returns its value (a Struct, or whatever the dict stands for). The
// arguments are those of ParseRequest.
func ParseResponse(file, src string, start Pos, indent int) (*Value, error) {
	p, err := newParser(file, src, start, indent)
	if err != nil {
		return nil, err
	}
	var v *Value
	err = p.run(func() { v = p.response() })
	if err != nil {
		return nil, err
	}
	return v, nil
}
