package paginate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reimplements the few pieces of CPython 3.11 that botocore's
// token handling leans on, so that odd or hand-edited starting tokens are
// accepted, rejected or passed through exactly as boto3 would:
// base64.b64decode without validation, json.loads, int(str), json.dumps
// with its defaults, and repr() of the dictionaries shown in error messages.

// maxIntDigits is CPython's default sys.get_int_max_str_digits(): int() and
// json.loads reject decimal integers with more digits than this.
const maxIntDigits = 4300

// b64Values maps a byte to its value in the standard base64 alphabet, or
// 0xff when it is not part of it.
var b64Values = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = byte(i)
	}
	return t
}()

// pyB64Decode decodes s like Python's base64.b64decode(s) (that is,
// binascii.a2b_base64 with strict_mode=False): bytes outside the alphabet
// are skipped, decoding stops at the first complete padding sequence, and
// the input is rejected when it ends inside a quantum. ok is false where
// Python raises binascii.Error.
func pyB64Decode(s string) (out []byte, ok bool) {
	out = make([]byte, 0, len(s)/4*3+3)
	var quadPos, pads int
	var left byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			if quadPos >= 2 {
				pads++
				if quadPos+pads >= 4 {
					return out, true
				}
			}
			continue
		}
		v := b64Values[c]
		if v == 0xff {
			continue
		}
		pads = 0
		switch quadPos {
		case 0:
			quadPos, left = 1, v
		case 1:
			out = append(out, left<<2|v>>4)
			quadPos, left = 2, v&0x0f
		case 2:
			out = append(out, left<<4|v>>2)
			quadPos, left = 3, v&0x03
		default:
			out = append(out, left<<6|v)
			quadPos, left = 0, 0
		}
	}
	return out, quadPos == 0
}

// pyDict is a decoded JSON object: a Python dict, which keeps its keys in
// insertion order. Setting an existing key keeps its position.
type pyDict struct {
	keys []string
	vals []any
}

func (d *pyDict) index(key string) int {
	for i, k := range d.keys {
		if k == key {
			return i
		}
	}
	return -1
}

func (d *pyDict) set(key string, v any) {
	if i := d.index(key); i >= 0 {
		d.vals[i] = v
		return
	}
	d.keys = append(d.keys, key)
	d.vals = append(d.vals, v)
}

// pop removes key and returns its value, like dict.pop(key, None).
func (d *pyDict) pop(key string) (any, bool) {
	i := d.index(key)
	if i < 0 {
		return nil, false
	}
	v := d.vals[i]
	d.keys = append(d.keys[:i:i], d.keys[i+1:]...)
	d.vals = append(d.vals[:i:i], d.vals[i+1:]...)
	return v, true
}

// pyFloat is a decoded JSON float: its literal, or "NaN", "Infinity" or
// "-Infinity".
type pyFloat struct{ lit string }

// pyTypeName is the name of the Python type of a decoded value: nil (None),
// bool, int (saturated to the int range), pyFloat, string, []any (list),
// *pyDict or []byte.
func pyTypeName(v any) string {
	switch v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case int, pyBigInt:
		return "int"
	case pyFloat:
		return "float"
	case string:
		return "str"
	case []any:
		return "list"
	case *pyDict:
		return "dict"
	case []byte:
		return "bytes"
	}
	return "object"
}

// maxJSONDepth bounds nesting so that hostile tokens cannot exhaust the
// stack; Python gives up (RecursionError) at a similar depth.
const maxJSONDepth = 1000

// pyJSON is a decoder following CPython's json.loads (the C scanner with
// strict=True): NaN, Infinity and -Infinity are accepted, control
// characters inside strings are not, integers are arbitrary precision but
// limited to maxIntDigits digits, and a later duplicate key replaces the
// value of an earlier one while keeping its position.
type pyJSON struct {
	s   []byte
	i   int
	bad bool
}

// pyJSONLoads decodes a complete JSON text into the types listed at
// pyTypeName. ok is false where json.loads raises.
func pyJSONLoads(s []byte) (v any, ok bool) {
	d := &pyJSON{s: s}
	d.ws()
	v = d.value(0)
	d.ws()
	if d.bad || d.i != len(d.s) {
		return nil, false
	}
	return v, true
}

func (d *pyJSON) ws() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

func (d *pyJSON) fail() any {
	d.bad = true
	d.i = len(d.s)
	return nil
}

func (d *pyJSON) literal(lit string) bool {
	if bytes.HasPrefix(d.s[d.i:], []byte(lit)) {
		d.i += len(lit)
		return true
	}
	return false
}

func (d *pyJSON) value(depth int) any {
	if d.i >= len(d.s) {
		return d.fail()
	}
	switch c := d.s[d.i]; {
	case c == '"':
		s, ok := d.string()
		if !ok {
			return d.fail()
		}
		return s
	case c == '{':
		if depth >= maxJSONDepth {
			return d.fail()
		}
		return d.object(depth + 1)
	case c == '[':
		if depth >= maxJSONDepth {
			return d.fail()
		}
		return d.array(depth + 1)
	case d.literal("null"):
		return nil
	case d.literal("true"):
		return true
	case d.literal("false"):
		return false
	case d.literal("NaN"):
		return pyFloat{"NaN"}
	case d.literal("Infinity"):
		return pyFloat{"Infinity"}
	case d.literal("-Infinity"):
		return pyFloat{"-Infinity"}
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	}
	return d.fail()
}

func (d *pyJSON) object(depth int) any {
	d.i++ // '{'
	obj := &pyDict{}
	d.ws()
	if d.i < len(d.s) && d.s[d.i] == '}' {
		d.i++
		return obj
	}
	for {
		if d.i >= len(d.s) || d.s[d.i] != '"' {
			return d.fail()
		}
		key, ok := d.string()
		if !ok {
			return d.fail()
		}
		d.ws()
		if d.i >= len(d.s) || d.s[d.i] != ':' {
			return d.fail()
		}
		d.i++
		d.ws()
		v := d.value(depth)
		if d.bad {
			return nil
		}
		obj.set(key, v)
		d.ws()
		if d.i >= len(d.s) {
			return d.fail()
		}
		switch d.s[d.i] {
		case '}':
			d.i++
			return obj
		case ',':
			d.i++
			d.ws()
		default:
			return d.fail()
		}
	}
}

func (d *pyJSON) array(depth int) any {
	d.i++ // '['
	list := []any{}
	d.ws()
	if d.i < len(d.s) && d.s[d.i] == ']' {
		d.i++
		return list
	}
	for {
		v := d.value(depth)
		if d.bad {
			return nil
		}
		list = append(list, v)
		d.ws()
		if d.i >= len(d.s) {
			return d.fail()
		}
		switch d.s[d.i] {
		case ']':
			d.i++
			return list
		case ',':
			d.i++
			d.ws()
		default:
			return d.fail()
		}
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// number follows CPython's _match_number_unicode: a fraction or exponent
// that is not followed by a digit is left unread (and then fails as extra
// data), and an integer becomes a Python int.
func (d *pyJSON) number() any {
	s, start := d.s, d.i
	i := start
	if s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i++; i < len(s) && isDigit(s[i]); i++ {
		}
	case i < len(s) && s[i] == '0':
		i++
	default:
		return d.fail()
	}
	isFloat := false
	if i+1 < len(s) && s[i] == '.' && isDigit(s[i+1]) {
		isFloat = true
		for i += 2; i < len(s) && isDigit(s[i]); i++ {
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := j
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if k > j {
			isFloat, i = true, k
		}
	}
	d.i = i
	lit := string(s[start:i])
	if isFloat {
		return pyFloat{lit}
	}
	digits := len(lit)
	if lit[0] == '-' {
		digits--
	}
	if digits > maxIntDigits {
		return d.fail()
	}
	n, err := strconv.ParseInt(lit, 10, 0)
	if err != nil {
		return pyBigInt{lit}
	}
	return int(n)
}

// pyBigInt is a decoded JSON integer beyond the range of int.
type pyBigInt struct{ lit string }

// parseSaturated parses a decimal integer (optional sign, digits only),
// saturating at the bounds of int.
func parseSaturated(lit string) int {
	n, err := strconv.ParseInt(lit, 10, 0)
	if err != nil {
		if strings.HasPrefix(lit, "-") {
			return math.MinInt
		}
		return math.MaxInt
	}
	return int(n)
}

func hexVal(c byte) (rune, bool) {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0'), true
	case c >= 'a' && c <= 'f':
		return rune(c-'a') + 10, true
	case c >= 'A' && c <= 'F':
		return rune(c-'A') + 10, true
	}
	return 0, false
}

// hex4 reads the four hex digits of a \u escape at s[i:].
func hex4(s []byte, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range s[i : i+4] {
		v, ok := hexVal(c)
		if !ok {
			return 0, false
		}
		r = r<<4 | v
	}
	return r, true
}

// string decodes a string starting at '"'. The result is WTF-8: a lone
// surrogate, which Python keeps in its str, is encoded like any other code
// point (see wtf8Runes).
func (d *pyJSON) string() (string, bool) {
	s := d.s
	i := d.i + 1
	var b []byte
	chunk := i
	for {
		if i >= len(s) {
			return "", false
		}
		c := s[i]
		switch {
		case c == '"':
			var out string
			if b == nil {
				out = string(s[chunk:i])
			} else {
				out = string(append(b, s[chunk:i]...))
			}
			d.i = i + 1
			return out, true
		case c < 0x20:
			return "", false
		case c != '\\':
			i++
			continue
		}
		b = append(b, s[chunk:i]...)
		if i+1 >= len(s) {
			return "", false
		}
		esc := s[i+1]
		i += 2
		switch esc {
		case '"', '\\', '/':
			b = append(b, esc)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := hex4(s, i)
			if !ok {
				return "", false
			}
			i += 4
			if r >= 0xd800 && r <= 0xdbff && i+6 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
				r2, ok := hex4(s, i+2)
				if !ok {
					return "", false
				}
				if r2 >= 0xdc00 && r2 <= 0xdfff {
					r = 0x10000 + (r-0xd800)<<10 + (r2 - 0xdc00)
					i += 6
				}
			}
			b = appendWTF8(b, r)
		default:
			return "", false
		}
		chunk = i
	}
}

// appendWTF8 appends r in UTF-8, encoding a surrogate code point the same
// way (three bytes starting with 0xED) instead of as U+FFFD.
func appendWTF8(b []byte, r rune) []byte {
	if r >= 0xd800 && r <= 0xdfff {
		return append(b, 0xed, byte(0x80|r>>6&0x3f), byte(0x80|r&0x3f))
	}
	return utf8.AppendRune(b, r)
}

// wtf8Runes decodes a WTF-8 string into its code points, surrogates
// included; the characters of the Python str it stands for.
func wtf8Runes(s string) []rune {
	out := make([]rune, 0, len(s))
	for i := 0; i < len(s); {
		if i+2 < len(s) && s[i] == 0xed && s[i+1] >= 0xa0 && s[i+1] <= 0xbf && s[i+2] >= 0x80 && s[i+2] <= 0xbf {
			out = append(out, 0xd000|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f))
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		out = append(out, r)
		i += n
	}
	return out
}

// hasSurrogate reports whether a WTF-8 string holds a lone surrogate, which
// Python cannot encode to UTF-8.
func hasSurrogate(s string) bool {
	return slices.ContainsFunc(wtf8Runes(s), func(r rune) bool { return r >= 0xd800 && r <= 0xdfff })
}

// fromWTF8 returns s with every lone surrogate replaced by U+FFFD.
func fromWTF8(s string) string {
	if !hasSurrogate(s) {
		return s
	}
	return string(wtf8Runes(s))
}

// pyIsSpace reports whether Python's str.isspace holds for a rune at or
// above U+007F (CPython 3.11 tables).
func pyIsSpace(r rune) bool {
	switch {
	case r == 0x85, r == 0xa0, r == 0x1680, r >= 0x2000 && r <= 0x200a,
		r == 0x2028, r == 0x2029, r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

// decimalValue returns the value of a Unicode decimal digit (category Nd).
// Unicode lays out every Nd run as ten consecutive code points from zero,
// so the offset inside a range of the Nd table gives the value.
func decimalValue(r rune) (int, bool) {
	if !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10, true
		}
	}
	return 0, false
}

// isASCIISpace is CPython's Py_ISSPACE.
func isASCIISpace(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

// pyInt parses s like Python's int(s): surrounding whitespace, a sign,
// Unicode decimal digits and single underscores between digits are
// accepted. The result saturates at the bounds of int.
func pyInt(s string) (int, bool) {
	// _PyUnicode_TransformDecimalAndSpaceToASCII.
	buf := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
			return 0, false
		case r < 0x7f:
			buf = append(buf, byte(r))
		case pyIsSpace(r):
			buf = append(buf, ' ')
		default:
			v, ok := decimalValue(r)
			if !ok {
				return 0, false
			}
			buf = append(buf, byte('0'+v))
		}
	}
	// PyLong_FromString with base 10.
	i := 0
	for i < len(buf) && isASCIISpace(buf[i]) {
		i++
	}
	var lit []byte
	if i < len(buf) && (buf[i] == '+' || buf[i] == '-') {
		if buf[i] == '-' {
			lit = append(lit, '-')
		}
		i++
	}
	digits := 0
	prevUnderscore := false
	for ; i < len(buf); i++ {
		c := buf[i]
		if c == '_' {
			if digits == 0 || prevUnderscore {
				return 0, false
			}
			prevUnderscore = true
			continue
		}
		if !isDigit(c) {
			break
		}
		prevUnderscore = false
		digits++
		lit = append(lit, c)
	}
	if digits == 0 || prevUnderscore || digits > maxIntDigits {
		return 0, false
	}
	for i < len(buf) && isASCIISpace(buf[i]) {
		i++
	}
	if i != len(buf) {
		return 0, false
	}
	return parseSaturated(string(lit)), true
}

// appendPyJSONString appends s as json.dumps writes it with
// ensure_ascii=True: printable ASCII as is, the usual short escapes, and
// every other character as lowercase \uXXXX (a surrogate pair above the
// BMP). Bytes that are not valid UTF-8 are written as U+FFFD.
func appendPyJSONString(b []byte, s string) []byte {
	const hexdigits = "0123456789abcdef"
	u := func(b []byte, r rune) []byte {
		return append(b, '\\', 'u', hexdigits[r>>12&0xf], hexdigits[r>>8&0xf], hexdigits[r>>4&0xf], hexdigits[r&0xf])
	}
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r >= ' ' && r <= '~':
			b = append(b, byte(r))
		case r == '\b':
			b = append(b, '\\', 'b')
		case r == '\f':
			b = append(b, '\\', 'f')
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r == '\t':
			b = append(b, '\\', 't')
		case r >= 0x10000:
			r -= 0x10000
			b = u(b, 0xd800|r>>10)
			b = u(b, 0xdc00|r&0x3ff)
		default:
			b = u(b, r)
		}
	}
	return append(b, '"')
}

// pyRepr returns Python's repr() of a str.
func pyRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	b := []byte{quote}
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\t':
			b = append(b, '\\', 't')
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r < ' ' || r == 0x7f:
			b = append(b, fmtHex(`\x`, r, 2)...)
		case r < 0x7f || unicode.IsPrint(r):
			b = utf8.AppendRune(b, r)
		case r <= 0xff:
			b = append(b, fmtHex(`\x`, r, 2)...)
		case r <= 0xffff:
			b = append(b, fmtHex(`\u`, r, 4)...)
		default:
			b = append(b, fmtHex(`\U`, r, 8)...)
		}
	}
	return string(append(b, quote))
}

func fmtHex(prefix string, r rune, width int) string {
	h := strconv.FormatInt(int64(r), 16)
	return prefix + strings.Repeat("0", width-len(h)) + h
}

// pyDictRepr returns Python's repr() of a dict of keys and values (as
// pyValue returns them), optionally followed by an int entry.
func pyDictRepr(keys []string, vals []any, extraKey string, extra int, hasExtra bool) string {
	b := []byte{'{'}
	for i, k := range keys {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, pyRepr(k)...)
		b = append(b, ": "...)
		b = appendPyRepr(b, vals[i])
	}
	if hasExtra {
		if len(keys) > 0 {
			b = append(b, ", "...)
		}
		b = append(b, pyRepr(extraKey)...)
		b = append(b, ": "...)
		b = strconv.AppendInt(b, int64(extra), 10)
	}
	return string(append(b, '}'))
}

// tokenReprs returns the values of tokens as pyDictRepr takes them.
func tokenReprs(tokens []Token) []any {
	vals := make([]any, len(tokens))
	for i, t := range tokens {
		vals[i] = t.Value()
	}
	return vals
}

// appendPyRepr appends Python's repr() of v, a value as pyValue or
// Token.Value returns it.
func appendPyRepr(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "None"...)
	case string:
		return append(b, pyRepr(v)...)
	case bool:
		if v {
			return append(b, "True"...)
		}
		return append(b, "False"...)
	case json.Number:
		return append(b, pyNumber(string(v))...)
	case []byte:
		return append(b, pyBytesRepr(v)...)
	case []any:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendPyRepr(b, e)
		}
		return append(b, ']')
	case Object:
		b = append(b, '{')
		for i, m := range v {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, pyRepr(m.Key)...)
			b = append(b, ": "...)
			b = appendPyRepr(b, m.Value)
		}
		return append(b, '}')
	}
	return fmt.Appendf(b, "%v", v)
}

// pyBytesRepr returns Python's repr() of a bytes value.
func pyBytesRepr(v []byte) string {
	quote := byte('\'')
	if bytes.IndexByte(v, '\'') >= 0 && bytes.IndexByte(v, '"') < 0 {
		quote = '"'
	}
	b := []byte{'b', quote}
	for _, c := range v {
		switch {
		case c == quote || c == '\\':
			b = append(b, '\\', c)
		case c == '\t':
			b = append(b, '\\', 't')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c < ' ' || c >= 0x7f:
			b = append(b, fmtHex(`\x`, rune(c), 2)...)
		default:
			b = append(b, c)
		}
	}
	return string(append(b, quote))
}

// pyValue turns a value decoded by pyJSONLoads into the values of a
// token (see Token.Value): a dict into an Object, numbers into
// json.Number, strings from WTF-8 (a lone surrogate becomes U+FFFD).
func pyValue(v any) any {
	switch v := v.(type) {
	case string:
		return fromWTF8(v)
	case int:
		return json.Number(strconv.Itoa(v))
	case pyFloat:
		return json.Number(v.lit)
	case pyBigInt:
		return json.Number(v.lit)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = pyValue(e)
		}
		return out
	case *pyDict:
		o := make(Object, len(v.keys))
		for i, k := range v.keys {
			o[i] = Pair{fromWTF8(k), pyValue(v.vals[i])}
		}
		return o
	}
	return v // nil, bool, []byte
}

// pyNumber is how Python writes the number with JSON literal lit: an
// integer as its digits, a float as repr() does.
func pyNumber(lit string) string {
	if !strings.ContainsAny(lit, ".eEIN") {
		if n, ok := new(big.Int).SetString(lit, 10); ok {
			return n.String()
		}
		return lit
	}
	switch lit {
	case "NaN", "Infinity", "-Infinity":
		return lit
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		if math.IsInf(f, 0) {
			if f > 0 {
				return "Infinity"
			}
			return "-Infinity"
		}
		return lit
	}
	return pyFloatRepr(f)
}

// pyFloatRepr is Python's repr() of a float: the shortest digits that
// read back as f, in fixed notation with at least one decimal when the
// exponent is from -4 to 15, otherwise in exponent notation.
func pyFloatRepr(f float64) string {
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // "-1.2345e+06"
	mant, expText, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expText)
	neg := strings.HasPrefix(mant, "-")
	digits := strings.Replace(strings.TrimPrefix(mant, "-"), ".", "", 1)
	var out string
	switch {
	case exp < -4 || exp >= 16:
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		sign := "+"
		if exp < 0 {
			sign, exp = "-", -exp
		}
		out += fmt.Sprintf("e%s%02d", sign, exp)
	case exp < 0:
		out = "0." + strings.Repeat("0", -exp-1) + digits
	default:
		if len(digits) <= exp+1 {
			out = digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
		} else {
			out = digits[:exp+1] + "." + digits[exp+1:]
		}
	}
	if neg {
		return "-" + out
	}
	return out
}
