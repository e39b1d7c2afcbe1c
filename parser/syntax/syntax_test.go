package syntax

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestKindString(t *testing.T) {
	want := []string{"string", "enum", "integer", "float", "boolean", "timestamp", "blob",
		"document", "struct", "list", "map", "recursive", "unknown"}
	for k := String; k <= Unknown; k++ {
		assert.Equal(t, want[k], k.String())
	}
	assert.Equal(t, "Kind(13)", Kind(13).String())
	assert.Equal(t, "Kind(-1)", Kind(-1).String())
}

func TestErrorString(t *testing.T) {
	assert.Equal(t, "a.rst:3:7: bad", (&Error{File: "a.rst", Pos: Pos{3, 7}, Msg: "bad"}).Error())
	assert.Equal(t, "3:7: bad", (&Error{Pos: Pos{3, 7}, Msg: "bad"}).Error())
	assert.Equal(t, "3:7", Pos{3, 7}.String())
}

// TestValueForms parses each value form as the value of member "X" of a
// one-line response "{'X': form}", so the form starts at column 7.
func TestValueForms(t *testing.T) {
	at := func(col int) Pos { return Pos{1, col} }
	tests := []struct {
		form string
		want *Value
	}{
		{"'string'", &Value{Kind: String, Pos: at(7)}},
		{"'Active'", &Value{Kind: Enum, Pos: at(7), Enum: []string{"Active"}}},
		{"'A'|'B'|'C'", &Value{Kind: Enum, Pos: at(7), Enum: []string{"A", "B", "C"}}},
		{"'A' | 'B'", &Value{Kind: Enum, Pos: at(7), Enum: []string{"A", "B"}}},
		{"'string'|'B'", &Value{Kind: Enum, Pos: at(7), Enum: []string{"string", "B"}}},
		{"''|'x y'|'Linux/UNIX (Amazon VPC)'|'a:b, c'|'2'", &Value{Kind: Enum, Pos: at(7),
			Enum: []string{"", "x y", "Linux/UNIX (Amazon VPC)", "a:b, c", "2"}}},
		{`'it\'s'|'back\\slash'|'q\"'|'\n\r\t'|'\d'`, &Value{Kind: Enum, Pos: at(7),
			Enum: []string{"it's", `back\slash`, `q"`, "\n\r\t", `\d`}}},
		{"'caf\u00e9'", &Value{Kind: Enum, Pos: at(7), Enum: []string{"caf\u00e9"}}},
		{"123", &Value{Kind: Integer, Pos: at(7)}},
		{"0", &Value{Kind: Integer, Pos: at(7)}},
		{"123.0", &Value{Kind: Float, Pos: at(7)}},
		{"123.4", &Value{Kind: Float, Pos: at(7)}},
		{"...", &Value{Kind: Unknown, Pos: at(7)}},
		{"True|False", &Value{Kind: Boolean, Pos: at(7)}},
		{"True | False", &Value{Kind: Boolean, Pos: at(7)}},
		{"datetime(2015, 1, 1)", &Value{Kind: Timestamp, Pos: at(7)}},
		{"datetime( 2015,1,1 )", &Value{Kind: Timestamp, Pos: at(7)}},
		{"b'bytes'", &Value{Kind: Blob, Pos: at(7)}},
		{"b''", &Value{Kind: Blob, Pos: at(7)}},
		{"{...}|[...]|123|123.4|'string'|True|None", &Value{Kind: Document, Pos: at(7)}},
		{"{ ... } | [ ... ] | 123 | 123.4 | 'string' | True | None", &Value{Kind: Document, Pos: at(7)}},
		{"{'... recursive ...'}", &Value{Kind: Recursive, Pos: at(7)}},
		{"{ '... recursive ...' }", &Value{Kind: Recursive, Pos: at(7)}},
		{"{}", &Value{Kind: Struct, Pos: at(7)}},
		{"{ }", &Value{Kind: Struct, Pos: at(7)}},
		{"{'A': 1, 'B': 'string',}", &Value{Kind: Struct, Pos: at(7), Members: []*Member{
			{Name: "A", Pos: at(8), Value: &Value{Kind: Integer, Pos: at(13)}},
			{Name: "B", Pos: at(16), Value: &Value{Kind: String, Pos: at(21)}},
		}}},
		{"{'ONLY': 1}", &Value{Kind: Struct, Pos: at(7), Members: []*Member{
			{Name: "ONLY", Pos: at(8), Value: &Value{Kind: Integer, Pos: at(16)}},
		}}},
		{"{'int': 1, 'string': 'string'}", &Value{Kind: Struct, Pos: at(7), Members: []*Member{
			{Name: "int", Pos: at(8), Value: &Value{Kind: Integer, Pos: at(15)}},
			{Name: "string", Pos: at(18), Value: &Value{Kind: String, Pos: at(28)}},
		}}},
		{"{'string': 123}", &Value{Kind: Map, Pos: at(7),
			Key: &Value{Kind: String, Pos: at(8)}, Elem: &Value{Kind: Integer, Pos: at(18)}}},
		{"{'string': 123,}", &Value{Kind: Map, Pos: at(7),
			Key: &Value{Kind: String, Pos: at(8)}, Elem: &Value{Kind: Integer, Pos: at(18)}}},
		{"{'A'|'B': 'string'}", &Value{Kind: Map, Pos: at(7),
			Key: &Value{Kind: Enum, Pos: at(8), Enum: []string{"A", "B"}}, Elem: &Value{Kind: String, Pos: at(17)}}},
		{"{'string': {'... recursive ...'}}", &Value{Kind: Map, Pos: at(7),
			Key: &Value{Kind: String, Pos: at(8)}, Elem: &Value{Kind: Recursive, Pos: at(18)}}},
		{"['string',]", &Value{Kind: List, Pos: at(7), Elem: &Value{Kind: String, Pos: at(8)}}},
		{"[ 'string' ]", &Value{Kind: List, Pos: at(7), Elem: &Value{Kind: String, Pos: at(9)}}},
		{"[...,]", &Value{Kind: List, Pos: at(7), Elem: &Value{Kind: Unknown, Pos: at(8)}}},
		{"[{}\n,]", &Value{Kind: List, Pos: at(7), Elem: &Value{Kind: Struct, Pos: at(8)}}},
		{"[['string',],]", &Value{Kind: List, Pos: at(7),
			Elem: &Value{Kind: List, Pos: at(8), Elem: &Value{Kind: String, Pos: at(9)}}}},
		{"[{...}|[...]|123|123.4|'string'|True|None,]", &Value{Kind: List, Pos: at(7),
			Elem: &Value{Kind: Document, Pos: at(8)}}},
	}
	for _, tt := range tests {
		t.Run(tt.form, func(t *testing.T) {
			v, err := ParseResponse("f.rst", "{'X': "+tt.form+"}", Pos{1, 1}, 0)
			require.NoError(t, err)
			require.Equal(t, Struct, v.Kind)
			require.Len(t, v.Members, 1)
			assert.Equal(t, tt.want, v.Members[0].Value)
		})
	}
}

func TestParseRequest(t *testing.T) {
	src := "response_iterator = paginator.paginate(\n" +
		"    State='Active'|'History',\n" +
		"    Filters=[\n" +
		"        {\n" +
		"            'key': 'Owner',\n" +
		"        },\n" +
		"    ],\n" +
		"    PaginationConfig={'MaxItems': 123}\n" +
		")"
	args, err := ParseRequest("f.rst", src, Pos{29, 7}, 6)
	require.NoError(t, err)
	want := []*Member{
		{Name: "State", Pos: Pos{30, 11}, Value: &Value{Kind: Enum, Pos: Pos{30, 17}, Enum: []string{"Active", "History"}}},
		{Name: "Filters", Pos: Pos{31, 11}, Value: &Value{Kind: List, Pos: Pos{31, 19},
			Elem: &Value{Kind: Struct, Pos: Pos{32, 15}, Members: []*Member{
				{Name: "key", Pos: Pos{33, 19}, Value: &Value{Kind: Enum, Pos: Pos{33, 26}, Enum: []string{"Owner"}}},
			}}}},
		{Name: "PaginationConfig", Pos: Pos{36, 11}, Value: &Value{Kind: Struct, Pos: Pos{36, 28}, Members: []*Member{
			{Name: "MaxItems", Pos: Pos{36, 29}, Value: &Value{Kind: Integer, Pos: Pos{36, 41}}},
		}}},
	}
	assert.Equal(t, want, args)

	for _, src := range []string{
		"response_iterator = paginator.paginate()",
		"response_iterator=paginator.paginate(\n)",
		"  response_iterator = paginator . paginate ( )  \n\n",
	} {
		args, err := ParseRequest("f.rst", src, Pos{1, 1}, 0)
		require.NoError(t, err, src)
		assert.NotNil(t, args, src)
		assert.Empty(t, args, src)
	}

	args, err = ParseRequest("f.rst", "response_iterator = paginator.paginate(A=1,)", Pos{1, 1}, 0)
	require.NoError(t, err)
	assert.Equal(t, []*Member{{Name: "A", Pos: Pos{1, 40}, Value: &Value{Kind: Integer, Pos: Pos{1, 42}}}}, args)
}

// TestPositions checks the mapping of block positions to file positions:
// the first line starts at start, later lines at column indent+1.
func TestPositions(t *testing.T) {
	src := "  {\n" +
		"    'A': 1,\n" +
		"\n" +
		"  \t'B': 2 }"
	v, err := ParseResponse("f.rst", src, Pos{10, 9}, 8)
	require.NoError(t, err)
	assert.Equal(t, Pos{10, 11}, v.Pos)
	assert.Equal(t, Pos{11, 13}, v.Members[0].Pos)
	assert.Equal(t, Pos{11, 18}, v.Members[0].Value.Pos)
	assert.Equal(t, Pos{13, 12}, v.Members[1].Pos)

	// A first line that does not start at indent+1.
	v, err = ParseResponse("f.rst", "{'A': 1,\n 'B': 2}", Pos{4, 20}, 3)
	require.NoError(t, err)
	assert.Equal(t, Pos{4, 20}, v.Pos)
	assert.Equal(t, Pos{4, 26}, v.Members[0].Value.Pos)
	assert.Equal(t, Pos{5, 5}, v.Members[1].Pos)

	// CRLF line ends.
	v, err = ParseResponse("f.rst", "{\r\n    'A': 1\r\n}\r\n", Pos{1, 1}, 0)
	require.NoError(t, err)
	assert.Equal(t, Pos{2, 10}, v.Members[0].Value.Pos)
}

func TestErrors(t *testing.T) {
	deep := "{'a': " + strings.Repeat("[", MaxDepth) + "1" + strings.Repeat("]", MaxDepth) + "}"
	tests := []struct {
		name, src, want string
		request         bool
	}{
		// Brackets and quotes.
		{name: "unclosed dict", src: "{'a': 'b'", want: "f.rst:1:10: unexpected end of input: '{' at 1:1 is not closed"},
		{name: "unclosed dict after comma", src: "{'a': 'b',", want: "f.rst:1:11: unexpected end of input: '{' at 1:1 is not closed"},
		{name: "unclosed nested", src: "{\n  'a': {\n    'b': 1\n}", want: "f.rst:4:2: unexpected end of input: '{' at 1:1 is not closed"},
		{name: "dict closed by bracket", src: "{'a': 'b']", want: "f.rst:1:10: unbalanced ']': '{' at 1:1 is not closed"},
		{name: "dict closed by paren", src: "{'a': 1)", want: "f.rst:1:8: unbalanced ')': '{' at 1:1 is not closed"},
		{name: "list closed by brace", src: "{'a': ['b'}", want: "f.rst:1:11: unbalanced '}': '[' at 1:7 is not closed"},
		{name: "list closed by brace after comma", src: "{'a': ['b',}", want: "f.rst:1:12: unbalanced '}': '[' at 1:7 is not closed"},
		{name: "unclosed list", src: "{'a': [", want: "f.rst:1:8: unexpected end of input: '[' at 1:7 is not closed"},
		{name: "unclosed list after element", src: "{'a': ['b',", want: "f.rst:1:12: unexpected end of input: '[' at 1:7 is not closed"},
		{name: "extra closer", src: "{'a': 1}}", want: "f.rst:1:9: unbalanced '}' after the value"},
		{name: "unterminated string at end", src: "{'a': 'b", want: "f.rst:1:7: unterminated string literal"},
		{name: "unterminated string at newline", src: "{'a': 'b\n'}", want: "f.rst:1:7: unterminated string literal"},
		{name: "unterminated string after backslash", src: "{'a': 'b\\", want: "f.rst:1:7: unterminated string literal"},
		{name: "escaped closing quote", src: "{'a': 'b\\'}", want: "f.rst:1:7: unterminated string literal"},
		{name: "unterminated key", src: "{'a", want: "f.rst:1:2: unterminated string literal"},
		{name: "unterminated bytes", src: "{'a': b'x}", want: "f.rst:1:7: unterminated string literal"},

		// Words, characters and numbers.
		{name: "unknown word", src: "{'a': Maybe}", want: "f.rst:1:7: unknown name Maybe; a value is a placeholder such as 'string', 123, True|False or datetime(2015, 1, 1)"},
		{name: "None alone", src: "{'a': None}", want: "f.rst:1:7: bare None outside a document value ({...}|[...]|123|123.4|'string'|True|None)"},
		{name: "True alone", src: "{'a': True}", want: "f.rst:1:11: malformed boolean: expected '|' to continue True|False, found '}'"},
		{name: "True or None", src: "{'a': True|None}", want: "f.rst:1:12: malformed boolean: expected word False to continue True|False, found word None"},
		{name: "False first", src: "{'a': False|True}", want: "f.rst:1:7: malformed boolean: expected True|False, found word False"},
		{name: "unexpected character", src: "{'a': @}", want: "f.rst:1:7: unexpected character '@'"},
		{name: "double quotes", src: "{\"a\": 1}", want: "f.rst:1:2: unexpected character '\"'"},
		{name: "invalid utf-8", src: "{'a': \xff}", want: "f.rst:1:7: unexpected byte 0xff"},
		{name: "malformed number", src: "{'a': 123abc}", want: "f.rst:1:7: malformed number 123abc"},
		{name: "negative number", src: "{'a': -1}", want: "f.rst:1:7: unexpected character '-'"},
		{name: "datetime", src: "{'a': datetime(2015, 1)}", want: "f.rst:1:23: malformed datetime: expected ',', found ')'"},
		{name: "datetime float", src: "{'a': datetime(2015.5, 1, 1)}", want: "f.rst:1:16: malformed datetime: expected an integer, found number 2015.5"},
		{name: "datetime without call", src: "{'a': datetime}", want: "f.rst:1:15: malformed datetime: expected '(', found '}'"},

		// Alternations.
		{name: "string then number", src: "{'a': 'A'|123}", want: "f.rst:1:11: alternation mixes kinds: expected a quoted string after '|', found number 123"},
		{name: "string then word", src: "{'a': 'A'|True|False}", want: "f.rst:1:11: alternation mixes kinds: expected a quoted string after '|', found word True"},
		{name: "string then end", src: "{'a': 'A'|}", want: "f.rst:1:11: alternation mixes kinds: expected a quoted string after '|', found '}'"},
		{name: "number then string", src: "{'a': 123|'A'}", want: "f.rst:1:10: unexpected '|' after integer value"},
		{name: "float then float", src: "{'a': 1.5|2.5}", want: "f.rst:1:10: unexpected '|' after float value"},
		{name: "boolean then more", src: "{'a': True|False|None}", want: "f.rst:1:17: unexpected '|' after boolean value"},
		{name: "timestamp then more", src: "{'a': datetime(2015, 1, 1)|1}", want: "f.rst:1:27: unexpected '|' after timestamp value"},
		{name: "blob then more", src: "{'a': b'bytes'|'x'}", want: "f.rst:1:15: unexpected '|' after blob value"},
		{name: "unknown then more", src: "{'a': ...|1}", want: "f.rst:1:10: unexpected '|' after unknown value"},
		{name: "key alternation mixes", src: "{'A'|1: 2}", want: "f.rst:1:6: alternation mixes kinds: expected a quoted string after '|' in a key, found number 1"},

		// Documents.
		{name: "document start only", src: "{'a': {...}}", want: "f.rst:1:12: partial document value: expected '|', found '}' (a document is {...}|[...]|123|123.4|'string'|True|None)"},
		{name: "document cut", src: "{'a': {...}|[...]|123}", want: "f.rst:1:22: partial document value: expected '|', found '}' (a document is {...}|[...]|123|123.4|'string'|True|None)"},
		{name: "document wrong member", src: "{'a': {...}|[...]|123|123.0|'string'|True|None}", want: "f.rst:1:23: partial document value: expected number 123.4, found number 123.0 (a document is {...}|[...]|123|123.4|'string'|True|None)"},
		{name: "document longer", src: "{'a': {...}|[...]|123|123.4|'string'|True|None|False}", want: "f.rst:1:47: unexpected '|' after document value"},
		{name: "document at end of input", src: "{'a': {...}|", want: "f.rst:1:13: partial document value: expected '[', found end of input (a document is {...}|[...]|123|123.4|'string'|True|None)"},

		// Members and arguments.
		{name: "missing colon", src: "{'a' 'b'}", want: "f.rst:1:6: expected ':' after member name 'a', found string 'b'"},
		{name: "equals for colon", src: "{'a'= 1}", want: "f.rst:1:5: expected ':' after member name 'a', found '='"},
		{name: "missing comma", src: "{'a': 1 'b': 2}", want: "f.rst:1:9: expected ',' or '}' after member 'a', found string 'b'"},
		{name: "double comma", src: "{'a': 1,, }", want: "f.rst:1:9: expected a member name (a quoted string), found ','"},
		{name: "number key", src: "{123: 1}", want: "f.rst:1:2: expected a member name (a quoted string), found number 123"},
		{name: "bare key", src: "{a: 1}", want: "f.rst:1:2: expected a member name (a quoted string), found word a"},
		{name: "empty name", src: "{'': 1}", want: "f.rst:1:2: empty member name"},
		{name: "duplicate member", src: "{\n    'a': 1,\n    'b': 2,\n    'a': 3\n}", want: "f.rst:4:5: duplicate member 'a' (first at 2:5)"},
		{name: "duplicate string member", src: "{'string': 1, 'string': 2}", want: "f.rst:1:15: duplicate member 'string' (first at 1:2)"},
		{name: "map key alternation among members", src: "{'x': 1, 'A'|'B': 2}", want: "f.rst:1:10: map key alternation in a dict of 2 entries (a map has exactly one)"},
		{name: "missing value", src: "{'a': }", want: "f.rst:1:7: expected a value, found '}'"},
		{name: "missing value at end", src: "{'a':", want: "f.rst:1:6: unexpected end of input: expected a value"},
		{name: "recursive with member after", src: "{'... recursive ...', 'a': 1}", want: "f.rst:1:21: expected ':' after member name '... recursive ...', found ','"},

		// Lists.
		{name: "empty list", src: "{'a': []}", want: "f.rst:1:8: empty list: expected an element value"},
		{name: "two elements", src: "{'a': ['x', 'y']}", want: "f.rst:1:13: expected ']' after the list element, found string 'y' (a list shows one element)"},
		{name: "list missing comma", src: "{'a': ['x' 'y']}", want: "f.rst:1:12: expected ',' or ']' after the list element, found string 'y'"},

		// Whole blocks.
		{name: "empty response", src: "", want: "f.rst:1:1: expected '{' to start the response, found end of input"},
		{name: "blank response", src: "\n   \n", want: "f.rst:3:1: expected '{' to start the response, found end of input"},
		{name: "response not a dict", src: "'string'", want: "f.rst:1:1: expected '{' to start the response, found string 'string'"},
		{name: "trailing text", src: "{} x", want: "f.rst:1:4: trailing text after the value: word x"},
		{name: "trailing comma after value", src: "{},", want: "f.rst:1:3: trailing text after the value: ','"},
		{name: "too deep", src: deep, want: fmt.Sprintf("f.rst:1:%d: nesting deeper than %d levels", 6+MaxDepth, MaxDepth)},
		{name: "too large", src: strings.Repeat(" ", MaxSize+1), want: fmt.Sprintf("f.rst:1:1: block too large: %d bytes (limit %d)", MaxSize+1, MaxSize)},
		{name: "comment inside", src: "{\n  # note\n}", want: "f.rst:2:3: unexpected character '#'"},
		{name: "long token clipped", src: "{'a': '" + strings.Repeat("x", 50) + "' 'b'}", want: "f.rst:1:60: expected ',' or '}' after member 'a', found string 'b'"},
		{name: "long name clipped", src: "{'" + strings.Repeat("x", 50) + "' 1}", want: "f.rst:1:55: expected ':' after member name '" + strings.Repeat("x", 36) + "..., found number 1"},

		// Requests.
		{name: "request header", request: true, src: "paginator.paginate()", want: "f.rst:1:1: expected \"response_iterator = paginator.paginate(\", found word paginator"},
		{name: "request other method", request: true, src: "response_iterator = paginator.iterate()", want: "f.rst:1:31: expected \"response_iterator = paginator.paginate(\", found word iterate"},
		{name: "request no paren", request: true, src: "response_iterator = paginator.paginate", want: "f.rst:1:39: expected '(' after paginator.paginate, found end of input"},
		{name: "request unclosed", request: true, src: "response_iterator = paginator.paginate(", want: "f.rst:1:40: unexpected end of input: '(' at 1:39 is not closed"},
		{name: "request unclosed after argument", request: true, src: "response_iterator = paginator.paginate(\n    A=1,\n", want: "f.rst:3:1: unexpected end of input: '(' at 1:39 is not closed"},
		{name: "request closed by brace", request: true, src: "response_iterator = paginator.paginate(A=1}", want: "f.rst:1:43: unbalanced '}': '(' at 1:39 is not closed"},
		{name: "request missing equals", request: true, src: "response_iterator = paginator.paginate(State 'x')", want: "f.rst:1:46: expected '=' after argument name State, found string 'x'"},
		{name: "request colon for equals", request: true, src: "response_iterator = paginator.paginate(State: 'x')", want: "f.rst:1:45: expected '=' after argument name State, found ':'"},
		{name: "request quoted name", request: true, src: "response_iterator = paginator.paginate('State'='x')", want: "f.rst:1:40: expected an argument name, found string 'State'"},
		{name: "request missing comma", request: true, src: "response_iterator = paginator.paginate(A=1 B=2)", want: "f.rst:1:44: expected ',' or ')' after argument A, found word B"},
		{name: "request duplicate", request: true, src: "response_iterator = paginator.paginate(\n    A=1,\n    A=2,\n)", want: "f.rst:3:5: duplicate argument A (first at 2:5)"},
		{name: "request trailing", request: true, src: "response_iterator = paginator.paginate() x", want: "f.rst:1:42: trailing text after the value: word x"},
		{name: "request bad value", request: true, src: "response_iterator = paginator.paginate(A=Maybe)", want: "f.rst:1:42: unknown name Maybe; a value is a placeholder such as 'string', 123, True|False or datetime(2015, 1, 1)"},
		{name: "request empty", request: true, src: "", want: "f.rst:1:1: expected \"response_iterator = paginator.paginate(\", found end of input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.request {
				_, err = ParseRequest("f.rst", tt.src, Pos{1, 1}, 0)
			} else {
				_, err = ParseResponse("f.rst", tt.src, Pos{1, 1}, 0)
			}
			require.Error(t, err)
			var serr *Error
			require.True(t, errors.As(err, &serr), "%T is not *Error", err)
			assert.Equal(t, tt.want, err.Error())
			assert.False(t, errors.Is(err, ErrNotRendered))
		})
	}
}

func TestErrorPositionsAreFilePositions(t *testing.T) {
	src := "{\n    'Sessions': [\n        {\n            'Status': 'A'|123,\n        },\n    ],\n}"
	_, err := ParseResponse("ssm.rst", src, Pos{154, 9}, 8)
	var serr *Error
	require.True(t, errors.As(err, &serr))
	assert.Equal(t, &Error{File: "ssm.rst", Pos: Pos{157, 35}, Msg: "alternation mixes kinds: expected a quoted string after '|', found number 123"}, serr)
}

func TestNotRendered(t *testing.T) {
	src := "# This section is too large to render.\n# Please see the AWS API Documentation linked below."
	for _, request := range []bool{false, true} {
		var err error
		if request {
			_, err = ParseRequest("glue.rst", src, Pos{75, 9}, 8)
		} else {
			_, err = ParseResponse("glue.rst", src, Pos{75, 9}, 8)
		}
		require.Error(t, err)
		assert.True(t, errors.Is(err, ErrNotRendered))
		assert.Equal(t, "glue.rst:75:9: syntax not rendered: # This section is too large to render.", err.Error())
	}
	_, err := ParseResponse("f.rst", "\n  \n  # only a comment\n", Pos{1, 1}, 4)
	assert.Equal(t, "f.rst:3:7: syntax not rendered: # only a comment", err.Error())
	assert.True(t, errors.Is(err, ErrNotRendered))
}

// TestHostile feeds the parsers blocks made to exhaust the stack or take
// long: each must be refused with a positioned error within a second.
func TestHostile(t *testing.T) {
	tests := []struct {
		name, src, want string
		request         bool
	}{
		{name: "100k nested lists", src: "{'a': " + strings.Repeat("[", 100_000), want: fmt.Sprintf("f.rst:1:%d: nesting deeper than %d levels", 6+MaxDepth, MaxDepth)},
		{name: "100k nested dicts", src: "{" + strings.Repeat("'a': {", 100_000), want: fmt.Sprintf("f.rst:1:%d: nesting deeper than %d levels", 1+6*MaxDepth, MaxDepth)},
		{name: "100k nested dicts, one a line", src: strings.Repeat("{'a':\n", 100_000), want: fmt.Sprintf("f.rst:%d:1: nesting deeper than %d levels", MaxDepth+1, MaxDepth)},
		{name: "100k nested lists in a request", request: true, src: "response_iterator = paginator.paginate(A=" + strings.Repeat("[", 100_000), want: fmt.Sprintf("f.rst:1:%d: nesting deeper than %d levels", 42+MaxDepth, MaxDepth)},
		{name: "100k closing brackets", src: "{}" + strings.Repeat("]", 100_000), want: "f.rst:1:3: unbalanced ']' after the value"},
		{name: "10 MB line", src: strings.Repeat("{", 10<<20), want: fmt.Sprintf("f.rst:1:1: block too large: %d bytes (limit %d)", 10<<20, MaxSize)},
		{name: "long alternation", src: "{'a': " + strings.Repeat("'x'|", 1<<19) + "1}", want: fmt.Sprintf("f.rst:1:%d: alternation mixes kinds: expected a quoted string after '|', found number 1", 7+4<<19)},
		{name: "long unterminated string", src: "{'a': '" + strings.Repeat("x", 1<<20), want: "f.rst:1:7: unterminated string literal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			var err error
			if tt.request {
				_, err = ParseRequest("f.rst", tt.src, Pos{1, 1}, 0)
			} else {
				_, err = ParseResponse("f.rst", tt.src, Pos{1, 1}, 0)
			}
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.Less(t, time.Since(start), time.Second)
		})
	}
}
