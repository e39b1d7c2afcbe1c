package paginate

import (
	"encoding/base64"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// truncateKey is the resume-token member holding how many items of the
// resumed page were already returned.
const truncateKey = "boto_truncate_amount"

// encodedKeysKey lists the members botocore base64-encoded because they
// held bytes.
const encodedKeysKey = "boto_encoded_keys"

// Token is a decoded resume token: the input token members it sets, in the
// order they appear in the token, and the number of items of the first page
// to skip.
type Token struct {
	// Keys are the wire names of the input token members.
	Keys []string
	// Values are the token values, one per key; "" stands for null.
	Values []string
	// Truncate is the boto_truncate_amount member, when HasTruncate is set.
	Truncate int
	// HasTruncate reports whether the token has a boto_truncate_amount member.
	HasTruncate bool
}

// EncodeToken returns the resume token botocore's TokenEncoder produces for
// the dictionary {keys[0]: values[0], ..., "boto_truncate_amount": truncate}:
// standard padded base64 of the json.dumps text, with ", " and ": "
// separators and every non-ASCII character escaped. An empty value is
// written as null, like botocore's None. The truncate member is only
// written when hasTruncate is set. Keys must be distinct and differ from
// "boto_truncate_amount".
func EncodeToken(keys, values []string, truncate int, hasTruncate bool) string {
	return encodeToken(keys, values, nil, truncate, hasTruncate)
}

// Encode returns the resume token for t, as EncodeToken does.
func (t Token) Encode() string {
	return EncodeToken(t.Keys, t.Values, t.Truncate, t.HasTruncate)
}

// encodeToken is EncodeToken with an optional null mask: when nulls is not
// nil it decides which values are null, so that empty strings survive.
func encodeToken(keys, values []string, nulls []bool, truncate int, hasTruncate bool) string {
	var buf [128]byte
	b := append(buf[:0], '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendPyJSONString(b, k)
		b = append(b, ": "...)
		if isNull(values, nulls, i) {
			b = append(b, "null"...)
		} else {
			b = appendPyJSONString(b, values[i])
		}
	}
	if hasTruncate {
		if len(keys) > 0 {
			b = append(b, ", "...)
		}
		b = append(b, `"`+truncateKey+`": `...)
		b = strconv.AppendInt(b, int64(truncate), 10)
	}
	b = append(b, '}')
	return base64.StdEncoding.EncodeToString(b)
}

// DecodeToken decodes a resume token the way botocore's TokenDecoder does:
// base64 that skips characters outside the alphabet, UTF-8, then Python's
// JSON grammar (duplicate keys keep their first position and last value).
// It returns an error wrapping ErrBadStartingToken when the text is not a
// JSON object whose members are strings or null, with an integer
// boto_truncate_amount. DecodeToken does not apply the fallbacks for
// deprecated and raw service tokens; a Pager does, because they depend on
// the paginator's input tokens.
func DecodeToken(token string) (Token, error) {
	d, res := decodeNewStyle(token)
	if res != decodedOK {
		if d.err != nil {
			return Token{}, d.err
		}
		return Token{}, fmt.Errorf("%w: not a resume token", ErrBadStartingToken)
	}
	if err := d.checkValues(); err != nil {
		return Token{}, err
	}
	if d.idxKind != idxInt {
		return Token{}, fmt.Errorf("%w: %s is a %s, not an int", ErrBadStartingToken, truncateKey, d.idxType)
	}
	t := Token{Keys: d.keys, Values: d.vals, Truncate: d.idx, HasTruncate: d.hasIdx}
	return t, nil
}

// idxKind classifies the truncate amount of a starting token by how Python
// treats it when slicing the first page.
type idxKind uint8

const (
	idxInt  idxKind = iota // an int (or bool); 0 when absent
	idxNull                // None: no slicing, but adding to it fails
	idxBad                 // another type: slicing fails
)

// startToken is a parsed starting token: botocore's next_token dictionary
// (in its own key order) and truncate amount.
type startToken struct {
	keys    []string
	vals    []string
	nulls   []bool
	types   []string // Python type names of the values, for checkValues
	pos     []int    // index of each key in the paginator's input tokens
	idx     int
	idxKind idxKind
	idxType string // Python type name of a bad truncate amount
	hasIdx  bool
	err     error // set with decodedFail
}

type decodeResult uint8

const (
	decodedOK       decodeResult = iota
	decodedFallback              // TokenDecoder raised ValueError or TypeError
	decodedFail                  // botocore raises another exception
)

// decodeNewStyle runs botocore's TokenDecoder.decode and the
// boto_truncate_amount extraction of _parse_starting_token.
func decodeNewStyle(token string) (startToken, decodeResult) {
	var st startToken
	raw, ok := pyB64Decode(token)
	if !ok || !utf8.Valid(raw) {
		return st, decodedFallback
	}
	top, ok := pyJSONLoads(raw)
	if !ok {
		return st, decodedFallback
	}
	dict, ok := top.(*pyDict)
	if !ok {
		if _, isList := top.([]any); isList {
			// list.pop takes one argument: TypeError.
			return st, decodedFallback
		}
		st.err = fmt.Errorf("%w: '%s' object has no attribute 'pop'", ErrBadStartingToken, pyTypeName(top))
		return st, decodedFail
	}
	if encoded, ok := dict.pop(encodedKeysKey); ok && encoded != nil {
		if res, err := decodeEncodedKeys(dict, encoded); res != decodedOK {
			st.err = err
			return st, res
		}
	}
	for i, k := range dict.keys {
		v := dict.vals[i]
		if k == truncateKey {
			st.hasIdx = true
			switch v := v.(type) {
			case int:
				st.idx, st.idxKind = v, idxInt
			case bool:
				if v {
					st.idx = 1
				}
				st.idxKind = idxInt
			case nil:
				st.idxKind = idxNull
			default:
				st.idxKind, st.idxType = idxBad, pyTypeName(v)
			}
			continue
		}
		str, _ := v.(string)
		st.keys = append(st.keys, fromWTF8(k))
		st.vals = append(st.vals, fromWTF8(str))
		st.nulls = append(st.nulls, v == nil)
		st.types = append(st.types, pyTypeName(v))
	}
	return st, decodedOK
}

// pyExc is the outcome of an emulated Python operation: nil, or the
// exception it raises, classified by how _parse_starting_token reacts.
type pyExc struct {
	fallback bool // ValueError or TypeError: caught, deprecated parser used
	msg      string
}

func typeError(msg string) *pyExc   { return &pyExc{fallback: true, msg: msg} }
func lookupError(msg string) *pyExc { return &pyExc{msg: msg} }

// pyIter returns the elements Python's iter(v) yields, or a TypeError.
func pyIter(v any) ([]any, *pyExc) {
	switch v := v.(type) {
	case []any:
		return v, nil
	case *pyDict:
		out := make([]any, len(v.keys))
		for i, k := range v.keys {
			out[i] = k
		}
		return out, nil
	case string:
		var out []any
		for _, r := range wtf8Runes(v) {
			out = append(out, string(appendWTF8(nil, r)))
		}
		return out, nil
	case []byte:
		out := make([]any, len(v))
		for i, b := range v {
			out[i] = int(b)
		}
		return out, nil
	}
	return nil, typeError(fmt.Sprintf("'%s' object is not iterable", pyTypeName(v)))
}

// pySeqIndex resolves a Python sequence index (negative from the end).
func pySeqIndex(step any, n int) (int, *pyExc) {
	var i int
	switch s := step.(type) {
	case int:
		i = s
	case bool:
		if s {
			i = 1
		}
	default:
		return 0, typeError("indices must be integers")
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		return 0, lookupError("index out of range")
	}
	return i, nil
}

// pyGetItem is Python's d[step] on a decoded value.
func pyGetItem(d, step any) (any, *pyExc) {
	switch d := d.(type) {
	case *pyDict:
		switch step.(type) {
		case []any, *pyDict:
			return nil, typeError("unhashable type")
		}
		if k, ok := step.(string); ok {
			if i := d.index(k); i >= 0 {
				return d.vals[i], nil
			}
		}
		return nil, lookupError("KeyError")
	case []any:
		i, exc := pySeqIndex(step, len(d))
		if exc != nil {
			return nil, exc
		}
		return d[i], nil
	case string:
		runes := wtf8Runes(d)
		i, exc := pySeqIndex(step, len(runes))
		if exc != nil {
			return nil, exc
		}
		return string(appendWTF8(nil, runes[i])), nil
	case []byte:
		i, exc := pySeqIndex(step, len(d))
		if exc != nil {
			return nil, exc
		}
		return int(d[i]), nil
	}
	return nil, typeError(fmt.Sprintf("'%s' object is not subscriptable", pyTypeName(d)))
}

// pyPathGet is TokenDecoder._path_get.
func pyPathGet(data, path any) (any, *pyExc) {
	steps, exc := pyIter(path)
	if exc != nil {
		return nil, exc
	}
	for _, step := range steps {
		if data, exc = pyGetItem(data, step); exc != nil {
			return nil, exc
		}
	}
	return data, nil
}

// decodeEncodedKeys is TokenDecoder._decode: every listed path of the token
// holds base64 that is decoded to bytes in place. Where Python raises, the
// result says whether _parse_starting_token falls back to the deprecated
// parser; bytes values are then rejected as non-string members.
func decodeEncodedKeys(token *pyDict, encodedKeys any) (decodeResult, error) {
	fail := func(exc *pyExc) (decodeResult, error) {
		if exc.fallback {
			return decodedFallback, nil
		}
		return decodedFail, fmt.Errorf("%w: %s in %s", ErrBadStartingToken, exc.msg, encodedKeysKey)
	}
	paths, exc := pyIter(encodedKeys)
	if exc != nil {
		return fail(exc)
	}
	for _, path := range paths {
		v, exc := pyPathGet(token, path)
		if exc != nil {
			return fail(exc)
		}
		s, ok := v.(string)
		if !ok {
			return fail(lookupError(fmt.Sprintf("'%s' object has no attribute 'encode'", pyTypeName(v))))
		}
		if hasSurrogate(s) {
			return fail(typeError("UnicodeEncodeError")) // a ValueError
		}
		b, ok := pyB64Decode(s)
		if !ok {
			return fail(typeError("binascii.Error")) // a ValueError
		}
		// _path_set: container = _path_get(data, path[:-1]); container[path[-1]] = b.
		var prefix, last any
		switch p := path.(type) {
		case []any:
			prefix, last = p[:len(p)-1], p[len(p)-1]
		case string:
			r := wtf8Runes(p)
			prefix, last = string(appendWTF8Runes(r[:len(r)-1])), string(appendWTF8(nil, r[len(r)-1]))
		default: // a dict cannot be sliced
			return fail(typeError("unhashable type: 'slice'"))
		}
		container, exc := pyPathGet(token, prefix)
		if exc != nil {
			return fail(exc)
		}
		switch c := container.(type) {
		case *pyDict:
			c.set(last.(string), b)
		case []any:
			i, _ := pySeqIndex(last, len(c))
			c[i] = b
		default:
			return fail(typeError("object does not support item assignment"))
		}
	}
	return decodedOK, nil
}

func appendWTF8Runes(rs []rune) []byte {
	var b []byte
	for _, r := range rs {
		b = appendWTF8(b, r)
	}
	return b
}

// checkValues rejects values a string-token service cannot take.
func (st *startToken) checkValues() error {
	for i, t := range st.types {
		if t != "str" && t != "NoneType" {
			return fmt.Errorf("%w: %s is a %s, not a str", ErrBadStartingToken, pyRepr(st.keys[i]), t)
		}
	}
	return nil
}

// parseStartingToken mirrors botocore's PageIterator._parse_starting_token
// for a paginator with the given input tokens: a resume token, else a
// deprecated "tok1___tok2___index" token, else a raw service token.
//
// Where botocore would go on to send a member the input has no slot for (a
// key that is not an input token, or a value that is not a string), it
// returns an error wrapping ErrBadStartingToken instead, as a real client's
// parameter validation would reject that request.
func parseStartingToken(token string, inputTokens []string) (startToken, error) {
	st, res := decodeNewStyle(token)
	switch res {
	case decodedFail:
		return startToken{}, st.err
	case decodedFallback:
		return parseDeprecated(token, inputTokens)
	}
	if err := st.checkValues(); err != nil {
		return startToken{}, err
	}
	st.pos = make([]int, len(st.keys))
	for i, k := range st.keys {
		st.pos[i] = slices.Index(inputTokens, k)
		if st.pos[i] < 0 {
			return startToken{}, fmt.Errorf("%w: unknown input token %s", ErrBadStartingToken, pyRepr(k))
		}
	}
	return st, nil
}

// parseDeprecated mirrors _parse_starting_token_deprecated and
// _convert_deprecated_starting_token.
func parseDeprecated(token string, inputTokens []string) (startToken, error) {
	parts := strings.Split(token, "___")
	idx := 0
	if len(parts) == len(inputTokens)+1 {
		if n, ok := pyInt(parts[len(parts)-1]); ok {
			idx, parts = n, parts[:len(parts)-1]
		} else {
			parts = []string{token}
		}
	}
	if len(parts) > len(inputTokens) {
		return startToken{}, fmt.Errorf("%w: %s", ErrBadStartingToken, token)
	}
	n := len(inputTokens)
	st := startToken{
		keys:  inputTokens,
		vals:  make([]string, n),
		nulls: make([]bool, n),
		pos:   make([]int, n),
		idx:   idx,
	}
	for i := range n {
		st.pos[i] = i
		if i >= len(parts) || parts[i] == "None" {
			st.nulls[i] = true
		} else {
			st.vals[i] = parts[i]
		}
	}
	return st, nil
}

// resume returns the resume token botocore sets when the first page of a
// resumed run is truncated: the starting dictionary plus
// boto_truncate_amount, checked by the resume_token setter.
func (st *startToken) resume(keep int, inputTokens []string) (string, error) {
	if st.idxKind != idxInt {
		other := "NoneType"
		if st.idxKind == idxBad {
			other = st.idxType
		}
		return "", fmt.Errorf("%w: unsupported operand type(s) for +: 'int' and '%s'", ErrBadStartingToken, other)
	}
	amount := addSaturated(keep, st.idx)
	for _, name := range inputTokens {
		if !slices.Contains(st.keys, name) {
			return "", fmt.Errorf("%w: %s", ErrBadStartingToken,
				pyDictRepr(st.keys, st.vals, st.nulls, truncateKey, amount, true))
		}
	}
	return encodeToken(st.keys, st.vals, st.nulls, amount, true), nil
}

// addSaturated returns a+b clamped to the int range.
func addSaturated(a, b int) int {
	switch {
	case b > 0 && a > math.MaxInt-b:
		return math.MaxInt
	case b < 0 && a < math.MinInt-b:
		return math.MinInt
	}
	return a + b
}
