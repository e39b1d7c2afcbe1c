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

// Position is a decoded resume token: where a walk resumes. It holds the
// input token members the token sets, in the order they appear in it, and
// the number of items of the first page that were already returned.
type Position struct {
	// Keys are the wire names of the input token members.
	Keys []string
	// Values are the token values, one per key; the zero Token stands for
	// null.
	Values []Token
	// Truncate is the boto_truncate_amount member, when HasTruncate is set.
	Truncate int
	// HasTruncate reports whether the token has a boto_truncate_amount member.
	HasTruncate bool
}

// Encode returns the resume token botocore's TokenEncoder produces for the
// dictionary {Keys[0]: Values[0], ..., "boto_truncate_amount": Truncate}:
// standard padded base64 of the json.dumps text, with ", " and ": "
// separators and every non-ASCII character escaped. The zero Token is
// written as null, like botocore's None; a value that holds bytes is
// written as base64 and its path listed under "boto_encoded_keys", last.
// The truncate member is only written when HasTruncate is set. Keys must
// be distinct and differ from "boto_truncate_amount".
func (p Position) Encode() string {
	return encodeToken(p.Keys, p.Values, nil, p.Truncate, p.HasTruncate)
}

// encodeToken is Position.Encode with an optional list of raw values: when
// raw is not nil, its entries (as a starting token held them: "" stays a
// string) are written instead of values.
func encodeToken(keys []string, values []Token, raw []any, truncate int, hasTruncate bool) string {
	var buf [128]byte
	w := jsonWriter{b: append(buf[:0], '{'), python: true}
	// The values are a Token's or a decoded token's: they always write.
	for i, k := range keys {
		if i > 0 {
			w.sep()
		}
		w.str(k)
		w.b = append(w.b, ": "...)
		w.path = append(w.path[:0], k)
		switch {
		case raw != nil:
			_ = w.write(raw[i], 0)
		case values[i].IsString():
			w.str(values[i].text)
		default:
			_ = w.write(values[i].Value(), 0)
		}
	}
	if hasTruncate {
		if len(keys) > 0 {
			w.b = append(w.b, ", "...)
		}
		w.b = append(w.b, `"`+truncateKey+`": `...)
		w.b = strconv.AppendInt(w.b, int64(truncate), 10)
	}
	if len(w.paths) > 0 {
		if len(keys) > 0 || hasTruncate {
			w.sep()
		}
		w.b = append(w.b, `"`+encodedKeysKey+`": `...)
		paths := make([]any, len(w.paths))
		for i, p := range w.paths {
			paths[i] = p
		}
		w.path = nil
		_ = w.write(paths, 0)
	}
	w.b = append(w.b, '}')
	return base64.StdEncoding.EncodeToString(w.b)
}

// DecodePosition decodes a resume token the way botocore's TokenDecoder
// does: base64 that skips characters outside the alphabet, UTF-8, then
// Python's JSON grammar (duplicate keys keep their first position and last
// value), and the values listed under boto_encoded_keys decoded to bytes.
// It returns an error wrapping ErrBadStartingToken when the text is not a
// JSON object, or its boto_truncate_amount is not an integer.
// DecodePosition does not apply the fallbacks for deprecated and raw
// service tokens; a paginator does, because they depend on the paginator's
// input tokens.
func DecodePosition(token string) (Position, error) {
	d, res := decodeNewStyle(token)
	if res != decodedOK {
		if d.err != nil {
			return Position{}, d.err
		}
		return Position{}, fmt.Errorf("%w: not a resume token", ErrBadStartingToken)
	}
	if err := d.checkValues(); err != nil {
		return Position{}, err
	}
	if d.idxKind != idxInt {
		return Position{}, fmt.Errorf("%w: %s is a %s, not an int", ErrBadStartingToken, truncateKey, d.idxType)
	}
	return Position{Keys: d.keys, Values: d.toks, Truncate: d.idx, HasTruncate: d.hasIdx}, nil
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
	keys []string
	// raw are the values as Python holds them (see pyValue): "" is a
	// string here, not None, so that a resume token built from a starting
	// token writes them back as they were.
	raw     []any
	toks    []Token // the values as tokens to send
	errs    []error // why a value cannot be a token, if it cannot
	pos     []int   // index of each key in the paginator's input tokens
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
			case pyBigInt:
				st.idx, st.idxKind = parseSaturated(v.lit), idxInt
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
		st.add(fromWTF8(k), pyValue(v))
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
	case pyBigInt:
		return 0, lookupError("index out of range")
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

// add appends the member key with the value v, a value as pyValue
// returns it.
func (st *startToken) add(key string, v any) {
	tok, err := TokenOf(v)
	st.keys = append(st.keys, key)
	st.raw = append(st.raw, v)
	st.toks = append(st.toks, tok)
	st.errs = append(st.errs, err)
}

// checkValues rejects values that cannot be a token's value (a JSON number
// that is not finite).
func (st *startToken) checkValues() error {
	for i, err := range st.errs {
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrBadStartingToken, pyRepr(st.keys[i]), err)
		}
	}
	return nil
}

// parseStartingToken mirrors botocore's PageIterator._parse_starting_token
// for a paginator with the given input tokens: a resume token, else a
// deprecated "tok1___tok2___index" token, else a raw service token.
//
// Where botocore would go on to send a member the input has no slot for (a
// key that is not an input token), it returns an error wrapping
// ErrBadStartingToken instead, as a real client's parameter validation
// would reject that request.
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
	st := startToken{pos: make([]int, len(inputTokens)), idx: idx}
	for i, name := range inputTokens {
		st.pos[i] = i
		var v any
		if i < len(parts) && parts[i] != "None" {
			v = parts[i]
		}
		st.add(name, v)
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
				pyDictRepr(st.keys, st.raw, truncateKey, amount, true))
		}
	}
	return encodeToken(st.keys, nil, st.raw, amount, true), nil
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
