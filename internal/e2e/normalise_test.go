package e2e

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pagegen/pagegen/paginate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The Go side of the comparison: normalise turns a value of a generated
// package into the JSON value that scripts/boto3_driver.py writes for the
// same member, and canonical turns the driver's JSON into the same form, so
// that the two compare as text.

var (
	tokenType   = reflect.TypeFor[paginate.Token]()
	objectType  = reflect.TypeFor[paginate.Object]()
	timeType    = reflect.TypeFor[time.Time]()
	rawJSONType = reflect.TypeFor[json.RawMessage]()
)

// timeLayout is the driver's form of a timestamp; Go's formatting truncates
// the fraction, as the driver does.
const timeLayout = "2006-01-02T15:04:05.000Z"

// normalise returns v, a value of a generated package, as the driver
// normalises the same value: a structure is an object keyed by its fields'
// JSON names (the members of its pagegen:"unknown" field merged in), that
// loses the members whose value is null, "", [] or {} once normalised; a
// paginate.Token is its Value; a time.Time is "YYYY-MM-DDTHH:MM:SS.mmmZ" in
// UTC; bytes are standard base64; a json.RawMessage is the value it holds;
// numbers are json.Numbers in canonical form (see canonicalNumber); NaN and
// the infinities are the strings "NaN", "Infinity" and "-Infinity".
// It reads the values with reflection, not through their JSON codecs, which
// write timestamps as epoch seconds.
func normalise(v any) any {
	return normaliseValue(reflect.ValueOf(v))
}

// normaliseValue is normalise of a reflect.Value; the invalid Value is null.
func normaliseValue(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	switch v.Type() {
	case tokenType:
		return normaliseAny(v.Interface().(paginate.Token).Value())
	case objectType:
		return normaliseAny(v.Interface().(paginate.Object))
	case timeType:
		return v.Interface().(time.Time).UTC().Format(timeLayout)
	case rawJSONType:
		return normaliseRawJSON(v.Bytes())
	}
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return normaliseValue(v.Elem())
	case reflect.Struct:
		return normaliseStruct(v)
	case reflect.Map:
		if v.IsNil() {
			return nil
		}
		out := make(map[string]any, v.Len())
		for iter := v.MapRange(); iter.Next(); {
			if item := normaliseValue(iter.Value()); !isEmpty(item) {
				out[iter.Key().String()] = item
			}
		}
		return out
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return base64.StdEncoding.EncodeToString(v.Bytes())
		}
		if v.IsNil() {
			return nil
		}
		fallthrough
	case reflect.Array:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = normaliseValue(v.Index(i))
		}
		return out
	case reflect.String:
		return v.String()
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return json.Number(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return json.Number(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		return normaliseFloat(v.Float())
	}
	panic(fmt.Sprintf("normalise: a value of type %s", v.Type()))
}

// normaliseStruct is normalise of a structure: an object of its exported
// fields under their JSON names, where a field tagged omitempty or
// omitzero counts as absent when encoding/json would leave it out, and
// the field tagged pagegen:"unknown" adds its members.
func normaliseStruct(v reflect.Value) map[string]any {
	out := map[string]any{}
	var unknown reflect.Value
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Tag.Get("pagegen") == "unknown" {
			unknown = v.Field(i)
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" && opts == "" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fv := v.Field(i)
		if hasOption(opts, "omitzero") && fv.IsZero() || hasOption(opts, "omitempty") && emptyScalar(fv) {
			continue
		}
		if item := normaliseValue(fv); !isEmpty(item) {
			out[name] = item
		}
	}
	if unknown.IsValid() {
		for iter := unknown.MapRange(); iter.Next(); {
			name := iter.Key().String()
			if _, ok := out[name]; ok {
				continue
			}
			if item := normaliseValue(iter.Value()); !isEmpty(item) {
				out[name] = item
			}
		}
	}
	return out
}

// hasOption reports whether the options of a json tag (after its name)
// include opt.
func hasOption(opts, opt string) bool {
	for o := range strings.SplitSeq(opts, ",") {
		if o == opt {
			return true
		}
	}
	return false
}

// emptyScalar reports whether v is a false boolean or a zero number, which
// omitempty leaves out (the empty strings, lists and maps that it leaves
// out too are dropped by normalisation anyway).
func emptyScalar(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return v.IsZero()
	}
	return false
}

// normaliseFloat is the driver's form of a float.
func normaliseFloat(f float64) any {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return canonicalNumber(strconv.FormatFloat(f, 'g', -1, 64))
}

// normaliseAny normalises a value that a paginate.Token holds or that JSON
// decoded: nil, string, bool, json.Number, float64, []byte, []any,
// paginate.Object and map[string]any.
func normaliseAny(x any) any {
	switch x := x.(type) {
	case nil, string, bool:
		return x
	case json.Number:
		return canonicalNumber(string(x))
	case float64:
		return normaliseFloat(x)
	case []byte:
		return base64.StdEncoding.EncodeToString(x)
	case []any:
		out := make([]any, len(x))
		for i, item := range x {
			out[i] = normaliseAny(item)
		}
		return out
	case paginate.Object:
		out := make(map[string]any, len(x))
		for _, p := range x {
			if item := normaliseAny(p.Value); !isEmpty(item) {
				out[p.Key] = item
			} else {
				delete(out, p.Key)
			}
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, v := range x {
			if item := normaliseAny(v); !isEmpty(item) {
				out[k] = item
			}
		}
		return out
	}
	panic(fmt.Sprintf("normalise: a value of type %T", x))
}

// normaliseRawJSON normalises the JSON value b; nil or empty is null.
func normaliseRawJSON(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	x, err := decodeJSON(b)
	if err != nil {
		panic(fmt.Sprintf("normalise: %v: %s", err, b))
	}
	return normaliseAny(x)
}

// isEmpty reports whether the driver drops a normalised value from an
// object: null, "", [] or {}.
func isEmpty(x any) bool {
	switch x := x.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

// canonicalNumber returns the JSON number s in one form per value, so that
// numbers compare by value: an integer in decimal digits (1.0 and 1e2 are
// 1 and 100), any other number as the shortest form of its nearest float64.
func canonicalNumber(s string) json.Number {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(fmt.Sprintf("normalise: %q is not a number", s))
	}
	if r.IsInt() {
		return json.Number(r.Num().String())
	}
	f, _ := r.Float64()
	return json.Number(strconv.FormatFloat(f, 'g', -1, 64))
}

// decodeJSON decodes one JSON value, its numbers as json.Numbers.
func decodeJSON(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var x any
	if err := d.Decode(&x); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, fmt.Errorf("more than one JSON value")
	}
	return x, nil
}

// canonical returns the driver's normalised JSON value b in the form
// normalise gives: its numbers canonical (see canonicalNumber).
func canonical(b json.RawMessage) (any, error) {
	x, err := decodeJSON(b)
	if err != nil {
		return nil, err
	}
	return normaliseAny(x), nil
}

// text returns a normalised value as indented JSON with sorted keys and
// "&<>" unescaped, so that two values compare as text and a difference
// shows line by line.
func text(x any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(x); err != nil {
		panic(fmt.Sprintf("normalise: %v", err))
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// normaliseSample is a structure with a field of every kind that normalise
// meets in the generated packages.
type normaliseSample struct {
	Name    string                     `json:"name,omitempty"`
	Count   *int64                     `json:"Count,omitempty"`
	Plain   int64                      `json:"Plain,omitempty"`
	Flag    *bool                      `json:"Flag,omitempty"`
	Ratio   *float64                   `json:"Ratio,omitempty"`
	When    *time.Time                 `json:"When,omitempty"`
	Blob    []byte                     `json:"Blob,omitempty"`
	Blobs   [][]byte                   `json:"Blobs,omitempty"`
	Token   paginate.Token             `json:"Token,omitzero"`
	Doc     json.RawMessage            `json:"Doc,omitempty"`
	Nested  *normaliseSample           `json:"Nested,omitempty"`
	List    []normaliseSample          `json:"List,omitempty"`
	Map     map[string]normaliseSample `json:"Map,omitempty"`
	Unknown map[string]json.RawMessage `json:"-" pagegen:"unknown"`
	hidden  string
}

// TestNormalise checks normalise and canonical against the driver's
// normalisation, written out by hand.
func TestNormalise(t *testing.T) {
	t.Parallel()
	keyToken, err := paginate.TokenOf(paginate.Object{
		{Key: "zh", Value: paginate.Object{{Key: "S", Value: "é&<>"}}},
		{Key: "ar", Value: paginate.Object{{Key: "B", Value: []byte{0, 1}}}},
		{Key: "gone", Value: ""},
	})
	require.NoError(t, err)
	when := time.Date(2026, 1, 2, 3, 4, 5, 999_999_999, time.FixedZone("+02", 2*3600))
	tests := []struct {
		name   string
		value  any
		driver string // what the driver writes for the same value
	}{
		{"empty structure", normaliseSample{}, `{}`},
		{"zero pointers kept", normaliseSample{Count: new(int64(0)), Flag: new(false), Ratio: new(0.0)},
			`{"Count": 0, "Flag": false, "Ratio": 0.0}`},
		{"zero omitempty scalar dropped", normaliseSample{Plain: 0, Name: ""}, `{}`},
		{"numbers by value", normaliseSample{Plain: 100, Ratio: new(1.5)}, `{"Plain": 1e2, "Ratio": 1.50}`},
		{"timestamp in UTC, milliseconds truncated", normaliseSample{When: &when}, `{"When": "2026-01-02T01:04:05.999Z"}`},
		{"bytes as base64", normaliseSample{Blob: []byte("é"), Blobs: [][]byte{{0}, {0xff}}}, `{"Blob": "w6k=", "Blobs": ["AA==", "/w=="]}`},
		{"string token", normaliseSample{Token: paginate.StringToken("a&b")}, `{"Token": "a&b"}`},
		{"structured token", normaliseSample{Token: keyToken}, `{"Token": {"ar": {"B": "AAE="}, "zh": {"S": "é&<>"}}}`},
		{"integer token", normaliseSample{Token: paginate.IntToken(7)}, `{"Token": 7}`},
		{"document", normaliseSample{Doc: json.RawMessage(`{"a": [1.0, null, {}], "b": {}, "c": null}`)}, `{"Doc": {"a": [1, null, {}]}}`},
		{"null document", normaliseSample{Doc: json.RawMessage(`null`)}, `{}`},
		{"empty nested structures dropped", normaliseSample{Nested: &normaliseSample{}, Map: map[string]normaliseSample{"k": {}}}, `{}`},
		{"empty list elements kept", normaliseSample{List: []normaliseSample{{}, {Name: "x"}}}, `{"List": [{}, {"name": "x"}]}`},
		{"unknown members merged", normaliseSample{Name: "n", Unknown: map[string]json.RawMessage{"New": json.RawMessage(`{"x": 1}`), "name": json.RawMessage(`"other"`), "Empty": json.RawMessage(`[]`)}},
			`{"name": "n", "New": {"x": 1}}`},
		{"unexported fields ignored", normaliseSample{hidden: "x"}, `{}`},
		{"not finite", []float64{math.NaN(), math.Inf(1), math.Inf(-1)}, `["NaN", "Infinity", "-Infinity"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := canonical(json.RawMessage(tt.driver))
			require.NoError(t, err)
			assert.Equal(t, text(want), text(normalise(tt.value)))
		})
	}
}
