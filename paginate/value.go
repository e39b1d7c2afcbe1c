package paginate

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Token is the value of a pagination token member: a string for nearly
// every operation, and another JSON value for the few whose token is a
// number or a structure (DynamoDB's ExclusiveStartKey, a map of attribute
// values). The page never says which, so every hidden token member is a
// Token and holds whatever the service sent, as botocore's token encoder
// treats it. The zero Token is no token.
//
// StringToken and String cover the common case:
//
//	in.NextToken = paginate.StringToken(next)
//	next = out.NextToken.String()
//
// A Token is comparable; two tokens are equal when they hold the same
// value with object members in the same order.
type Token struct {
	text string // the string, or the compact JSON text of another value
	json bool   // text is JSON text
	// bytes is, for a JSON value, the JSON text of the list of paths
	// (object keys and list indices from the top) of its values that are
	// bytes, written in text as base64 strings; "" when there are none.
	bytes string
}

// StringToken returns the token whose value is the string s; "" gives the
// zero Token.
func StringToken(s string) Token {
	return Token{text: s}
}

// IntToken returns the token whose value is the integer n; 0 gives the
// zero Token, as boto3 treats a zero token as none.
func IntToken(n int64) Token {
	if n == 0 {
		return Token{}
	}
	return Token{text: strconv.FormatInt(n, 10), json: true}
}

// IsZero reports whether t is no token.
func (t Token) IsZero() bool {
	return t == Token{}
}

// IsString reports whether t holds a string.
func (t Token) IsString() bool {
	return !t.json && t.text != ""
}

// String returns a string token's value, the JSON text of a token that
// holds another value, and "" for no token.
func (t Token) String() string {
	return t.text
}

// Int64 returns the value of a token that holds an integer (or a string of
// decimal digits, as services that type the member as a string send it);
// the zero Token is 0.
func (t Token) Int64() (int64, error) {
	if t.IsZero() {
		return 0, nil
	}
	n, err := strconv.ParseInt(t.text, 10, 64)
	if err != nil || t.bytes != "" {
		return 0, fmt.Errorf("paginate: token %s is not an integer", t.describe())
	}
	return n, nil
}

// Int64Ptr returns the value of a token that holds an integer, as Int64
// does, or nil for no token.
func (t Token) Int64Ptr() (*int64, error) {
	if t.IsZero() {
		return nil, nil
	}
	n, err := t.Int64()
	if err != nil {
		return nil, err
	}
	return &n, nil
}

// Text returns a string token's value, or "" for no token; a token that
// holds another value is an error.
func (t Token) Text() (string, error) {
	if t.json {
		return "", fmt.Errorf("paginate: token %s is not a string", t.text)
	}
	return t.text, nil
}

// describe is the token as error messages show it.
func (t Token) describe() string {
	if t.json {
		return t.text
	}
	return strconv.Quote(t.text)
}

// MarshalJSON writes the token's value: a JSON string, the JSON value it
// holds (byte strings as base64, as the AWS JSON protocol writes blobs), or
// null for no token.
func (t Token) MarshalJSON() ([]byte, error) {
	switch {
	case t.IsZero():
		return []byte("null"), nil
	case t.json:
		return []byte(t.text), nil
	}
	return json.Marshal(t.text)
}

// UnmarshalJSON reads any JSON value as the token's value; null is no
// token.
func (t *Token) UnmarshalJSON(b []byte) error {
	v, err := decodeValue(b)
	if err != nil {
		return fmt.Errorf("paginate: token: %w", err)
	}
	tok, err := TokenOf(v)
	if err != nil {
		return err
	}
	*t = tok
	return nil
}

// Object is a JSON object whose members keep their order, as a token that
// holds a structure or map reports it from Value and as TokenOf takes it.
type Object []Pair

// set sets the member key to v, keeping the position of a member of that
// name as a Python dict does.
func (o Object) set(key string, v any) Object {
	for i := range o {
		if o[i].Key == key {
			o[i].Value = v
			return o
		}
	}
	return append(o, Pair{key, v})
}

// Pair is one member of an Object: its key and value.
type Pair struct {
	Key   string
	Value any
}

// TokenOf returns the token that holds v, a value built of nil, string,
// bool, json.Number, int, int64, float64, []byte, []any, Object and
// map[string]any (whose keys are taken in sorted order). A value that
// Python would treat as false (nil, "", false, 0, an empty list or object)
// gives the zero Token, as boto3 takes such a token for none; a string
// gives a string token.
func TokenOf(v any) (Token, error) {
	if s, ok := v.(string); ok {
		return StringToken(s), nil
	}
	if falsy(v) {
		return Token{}, nil
	}
	w := jsonWriter{}
	if err := w.write(v, 0); err != nil {
		return Token{}, err
	}
	t := Token{text: string(w.b), json: true}
	if len(w.paths) > 0 {
		b, err := json.Marshal(w.paths)
		if err != nil {
			return Token{}, err
		}
		t.bytes = string(b)
	}
	return t, nil
}

// Value returns the value t holds: nil for no token, a string, or for
// another value one built of string, bool, json.Number, []byte (the values
// that were bytes), []any, Object and nil.
func (t Token) Value() any {
	if !t.json {
		if t.text == "" {
			return nil
		}
		return t.text
	}
	v, err := decodeValue([]byte(t.text))
	if err != nil {
		panic(fmt.Sprintf("paginate: a token holds invalid JSON: %v", err)) // TokenOf wrote it
	}
	if t.bytes == "" {
		return v
	}
	var paths [][]any
	if err := json.Unmarshal([]byte(t.bytes), &paths); err != nil {
		panic(fmt.Sprintf("paginate: a token holds invalid byte paths: %v", err))
	}
	for _, p := range paths {
		v = setBytes(v, p)
	}
	return v
}

// setBytes replaces the base64 string at path in v with the bytes it
// encodes.
func setBytes(v any, path []any) any {
	if len(path) == 0 {
		if s, ok := v.(string); ok {
			if b, err := base64.StdEncoding.DecodeString(s); err == nil {
				return b
			}
		}
		return v
	}
	switch c := v.(type) {
	case Object:
		if k, ok := path[0].(string); ok {
			for i := range c {
				if c[i].Key == k {
					c[i].Value = setBytes(c[i].Value, path[1:])
				}
			}
		}
	case []any:
		if f, ok := path[0].(float64); ok && int(f) >= 0 && int(f) < len(c) {
			c[int(f)] = setBytes(c[int(f)], path[1:])
		}
	}
	return v
}

// falsy reports whether Python would treat v as false.
func falsy(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case bool:
		return !v
	case int:
		return v == 0
	case int64:
		return v == 0
	case float64:
		return v == 0
	case json.Number:
		f, err := v.Float64()
		return err == nil && f == 0
	case []byte:
		return len(v) == 0
	case []any:
		return len(v) == 0
	case Object:
		return len(v) == 0
	case map[string]any:
		return len(v) == 0
	}
	return false
}

// maxValueDepth bounds the nesting of a token's value.
const maxValueDepth = 1000

// jsonWriter writes a token's value as JSON and notes the paths of its
// byte strings, which it writes as base64 strings: compactly, as
// encoding/json writes JSON, or with python set as Python's json.dumps
// writes it with its default separators and ensure_ascii, which is what
// botocore's token encoder writes.
type jsonWriter struct {
	b      []byte
	python bool
	path   []any   // the path of the value being written
	paths  [][]any // the paths of the byte strings written
}

// sep writes the separator between the items of a list or object.
func (w *jsonWriter) sep() {
	if w.python {
		w.b = append(w.b, ", "...)
	} else {
		w.b = append(w.b, ',')
	}
}

// str writes a string.
func (w *jsonWriter) str(s string) {
	if w.python {
		w.b = appendPyJSONString(w.b, s)
	} else {
		w.b = appendJSONString(w.b, s)
	}
}

func (w *jsonWriter) write(v any, depth int) error {
	if depth > maxValueDepth {
		return errors.New("paginate: a token's value is nested too deeply")
	}
	switch v := v.(type) {
	case nil:
		w.b = append(w.b, "null"...)
	case string:
		w.str(v)
	case bool:
		w.b = strconv.AppendBool(w.b, v)
	case int:
		w.b = strconv.AppendInt(w.b, int64(v), 10)
	case int64:
		w.b = strconv.AppendInt(w.b, v, 10)
	case float64:
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("paginate: a token's value: %w", err)
		}
		return w.write(json.Number(b), depth)
	case json.Number:
		if !json.Valid([]byte(v)) || strings.ContainsAny(string(v), "\"{[ ") {
			return fmt.Errorf("paginate: a token's value: %q is not a number", string(v))
		}
		if w.python {
			w.b = append(w.b, pyNumber(string(v))...)
		} else {
			w.b = append(w.b, v...)
		}
	case []byte:
		w.paths = append(w.paths, slices.Clone(w.path))
		w.b = append(w.b, '"')
		w.b = base64.StdEncoding.AppendEncode(w.b, v)
		w.b = append(w.b, '"')
	case []any:
		w.b = append(w.b, '[')
		for i, e := range v {
			if i > 0 {
				w.sep()
			}
			w.path = append(w.path, i)
			err := w.write(e, depth+1)
			w.path = w.path[:len(w.path)-1]
			if err != nil {
				return err
			}
		}
		w.b = append(w.b, ']')
	case Object:
		w.b = append(w.b, '{')
		for i, m := range v {
			if i > 0 {
				w.sep()
			}
			w.str(m.Key)
			if w.python {
				w.b = append(w.b, ": "...)
			} else {
				w.b = append(w.b, ':')
			}
			w.path = append(w.path, m.Key)
			err := w.write(m.Value, depth+1)
			w.path = w.path[:len(w.path)-1]
			if err != nil {
				return err
			}
		}
		w.b = append(w.b, '}')
	case map[string]any:
		return w.write(sortedObject(v), depth)
	default:
		return fmt.Errorf("paginate: a token cannot hold a %T", v)
	}
	return nil
}

// sortedObject is m as an Object with its keys in sorted order.
func sortedObject(m map[string]any) Object {
	o := make(Object, 0, len(m))
	for k, v := range m {
		o = append(o, Pair{k, v})
	}
	for i := 1; i < len(o); i++ {
		for j := i; j > 0 && o[j].Key < o[j-1].Key; j-- {
			o[j], o[j-1] = o[j-1], o[j]
		}
	}
	return o
}

// appendJSONString appends s as a JSON string, as encoding/json writes it
// without HTML escaping.
func appendJSONString(b []byte, s string) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}

// decodeValue decodes one JSON text into the values Value returns, with
// object members in order and numbers as json.Number.
func decodeValue(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	v, err := decodeNext(d, 0)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("invalid JSON: data after the value")
	}
	return v, nil
}

func decodeNext(d *json.Decoder, depth int) (any, error) {
	if depth > maxValueDepth {
		return nil, errors.New("JSON nested too deeply")
	}
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '{':
			o := Object{}
			for d.More() {
				k, err := d.Token()
				if err != nil {
					return nil, err
				}
				v, err := decodeNext(d, depth+1)
				if err != nil {
					return nil, err
				}
				o = o.set(k.(string), v)
			}
			if _, err := d.Token(); err != nil {
				return nil, err
			}
			return o, nil
		case '[':
			l := []any{}
			for d.More() {
				v, err := decodeNext(d, depth+1)
				if err != nil {
					return nil, err
				}
				l = append(l, v)
			}
			if _, err := d.Token(); err != nil {
				return nil, err
			}
			return l, nil
		}
		return nil, fmt.Errorf("invalid JSON: unexpected %v", tok)
	}
	return tok, nil
}
