package awsbridge

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"slices"
	"strconv"
	"time"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
	"github.com/pagegen/pagegen/paginate"
	"github.com/pagegen/pagegen/paginate/paginateimpl"
)

// A tree is a JSON value as paginate.Token.Value gives it and
// paginate.TokenOf takes it: nil, bool, string, json.Number, int64,
// []byte, []any and paginate.Object. Tokens that hold structures and the
// unknown members of unions pass through trees.

// treeToSDK sets dv, settable and zero, from the tree v. A union is an
// object of one member, a blob is bytes or a base64 string, a timestamp is
// epoch seconds or a date-time string; null is an absent value. Strings
// and numbers are not taken for one another.
func (c *conv) treeToSDK(dv reflect.Value, v any) error {
	if v == nil {
		return nil
	}
	if err := c.enter(); err != nil {
		return err
	}
	defer c.leave()
	t := dv.Type()
	switch {
	case t.Kind() == reflect.Pointer:
		p := reflect.New(t.Elem())
		if err := c.treeToSDK(p.Elem(), v); err != nil {
			return err
		}
		dv.Set(p)
		return nil
	case t == timeType:
		return treeTime(dv, v)
	case shape.IsDocument(t):
		raw, err := treeJSON(v)
		if err != nil {
			return err
		}
		return c.setDocument(dv, raw)
	case shape.IsUnion(t):
		o, ok := v.(paginate.Object)
		if !ok || len(o) != 1 {
			return fmt.Errorf("the SDK's %s is a union: an object of one member, not %s", t.Name(), describe(v))
		}
		mt, err := c.member(t, o[0].Key)
		if err != nil {
			return atKey(err, o[0].Key)
		}
		vi := shape.ValueField(mt)
		if o[0].Value == nil && !nilable(mt.Elem().Field(vi).Type.Kind()) {
			return atKey(fmt.Errorf("the member's value is null"), o[0].Key)
		}
		p := reflect.New(mt.Elem())
		if err := c.treeToSDK(p.Elem().Field(vi), o[0].Value); err != nil {
			return atKey(err, o[0].Key)
		}
		dv.Set(p)
		return nil
	}
	k := t.Kind()
	switch {
	case k == reflect.String:
		if s, ok := v.(string); ok {
			dv.SetString(s)
			return nil
		}
	case k == reflect.Bool:
		if b, ok := v.(bool); ok {
			dv.SetBool(b)
			return nil
		}
	case isInteger(k) || isFloat(k):
		switch v := v.(type) {
		case json.Number:
			return setNumber(dv, string(v))
		case int64:
			return setInt(dv, v)
		}
	case isBytes(t):
		switch v := v.(type) {
		case []byte:
			dv.SetBytes(bytes.Clone(v))
			return nil
		case string:
			b, err := base64.StdEncoding.Strict().DecodeString(v)
			if err != nil {
				return fmt.Errorf("%q is not base64", v)
			}
			dv.SetBytes(b)
			return nil
		}
	case k == reflect.Slice:
		if l, ok := v.([]any); ok {
			out := reflect.MakeSlice(t, len(l), len(l))
			for i, e := range l {
				if err := c.treeToSDK(out.Index(i), e); err != nil {
					return atIndex(err, i)
				}
			}
			dv.Set(out)
			return nil
		}
	case k == reflect.Map && t.Key().Kind() == reflect.String:
		if o, ok := v.(paginate.Object); ok {
			out := reflect.MakeMapWithSize(t, len(o))
			for _, p := range o {
				e := reflect.New(t.Elem()).Elem()
				if err := c.treeToSDK(e, p.Value); err != nil {
					return atKey(err, p.Key)
				}
				out.SetMapIndex(reflect.ValueOf(p.Key).Convert(t.Key()), e)
			}
			dv.Set(out)
			return nil
		}
	case k == reflect.Struct:
		if o, ok := v.(paginate.Object); ok {
			fields, wires := shape.SDKFields(t), shape.WireNames(t)
			for _, p := range o {
				i := slices.Index(wires, p.Key)
				if i < 0 {
					i = shape.MatchWire(wires, p.Key)
				}
				if i < 0 {
					return atKey(errNoMember(t, p.Key), p.Key)
				}
				if err := c.treeToSDK(dv.Field(fields[i].Index), p.Value); err != nil {
					return atKey(err, p.Key)
				}
			}
			return nil
		}
	}
	return fmt.Errorf("cannot convert %s to the SDK's %s", describe(v), t)
}

// treeTime sets the time.Time dv from epoch seconds or a date-time string.
func treeTime(dv reflect.Value, v any) error {
	var text []byte
	switch v := v.(type) {
	case json.Number:
		text = []byte(v)
	case int64:
		text = strconv.AppendInt(nil, v, 10)
	case string:
		text = strconv.AppendQuote(nil, v)
	default:
		return fmt.Errorf("cannot convert %s to a timestamp", describe(v))
	}
	var jt paginateimpl.JSONTime
	if err := jt.UnmarshalJSON(text); err != nil {
		return err
	}
	dv.Set(reflect.ValueOf(time.Time(jt)))
	return nil
}

// describe names the kind of the tree v, for messages.
func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return "the string " + strconv.Quote(v)
	case bool:
		return "the boolean " + strconv.FormatBool(v)
	case json.Number:
		return "the number " + string(v)
	case int64:
		return "the number " + strconv.FormatInt(v, 10)
	case []byte:
		return "bytes"
	case []any:
		return "a list"
	case paginate.Object:
		return "an object"
	}
	return fmt.Sprintf("a %T", v)
}

// treeFromSDK returns the tree of the SDK value v: a union as an object of
// its one member, a blob as bytes, a timestamp as epoch seconds with
// millisecond precision, a map with its keys in order (those of order
// first, as the response listed them, then the rest sorted), a struct with
// its members that are set under their member names.
func (c *conv) treeFromSDK(v reflect.Value, order []string) (any, error) {
	if err := c.enter(); err != nil {
		return nil, err
	}
	defer c.leave()
	t := v.Type()
	switch {
	case t.Kind() == reflect.Pointer:
		if v.IsNil() {
			return nil, nil
		}
		return c.treeFromSDK(v.Elem(), order)
	case t == timeType:
		b, err := paginateimpl.JSONTime(v.Interface().(time.Time)).MarshalJSON()
		return json.Number(b), err
	case shape.IsDocument(t):
		if v.IsNil() {
			return nil, nil
		}
		raw, err := marshalDocument(v)
		if err != nil {
			return nil, err
		}
		return decodeTree(raw)
	case shape.IsUnion(t):
		return c.unionTree(v)
	}
	switch k := t.Kind(); {
	case k == reflect.String:
		return v.String(), nil
	case k == reflect.Bool:
		return v.Bool(), nil
	case isSigned(k):
		return v.Int(), nil
	case isInteger(k):
		return json.Number(strconv.FormatUint(v.Uint(), 10)), nil
	case isFloat(k):
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%v is not a JSON number", f)
		}
		return json.Number(strconv.FormatFloat(f, 'g', -1, t.Bits())), nil
	case isBytes(t):
		if v.IsNil() {
			return nil, nil
		}
		return v.Bytes(), nil
	case k == reflect.Slice:
		if v.IsNil() {
			return nil, nil
		}
		l := make([]any, v.Len())
		for i := range l {
			e, err := c.treeFromSDK(v.Index(i), nil)
			if err != nil {
				return nil, atIndex(err, i)
			}
			l[i] = e
		}
		return l, nil
	case k == reflect.Map && t.Key().Kind() == reflect.String:
		if v.IsNil() {
			return nil, nil
		}
		o := make(paginate.Object, 0, v.Len())
		for _, key := range mapKeys(v, order) {
			e, err := c.treeFromSDK(v.MapIndex(reflect.ValueOf(key).Convert(t.Key())), nil)
			if err != nil {
				return nil, atKey(err, key)
			}
			o = append(o, paginate.Pair{Key: key, Value: e})
		}
		return o, nil
	case k == reflect.Struct:
		fields, wires := shape.SDKFields(t), shape.WireNames(t)
		o := paginate.Object{}
		for i, f := range fields {
			fv := v.Field(f.Index)
			if fv.IsZero() {
				continue
			}
			e, err := c.treeFromSDK(fv, nil)
			if err != nil {
				return nil, atKey(err, wires[i])
			}
			o = append(o, paginate.Pair{Key: wires[i], Value: e})
		}
		return o, nil
	case k == reflect.Interface && v.IsNil():
		return nil, nil
	}
	return nil, fmt.Errorf("cannot convert the SDK's %s to a JSON value", t)
}

// unionTree returns the tree of the SDK union v.
func (c *conv) unionTree(v reflect.Value) (any, error) {
	if v.IsNil() {
		return nil, nil
	}
	e := v.Elem()
	mt := e.Type()
	if e.Kind() == reflect.Pointer && e.IsNil() {
		return nil, nil
	}
	if shape.IsUnknownMember(mt) {
		tag := e.Elem().FieldByName("Tag").String()
		val, err := decodeTree(e.Elem().FieldByName("Value").Bytes())
		if err != nil {
			return nil, atKey(fmt.Errorf("the SDK's value of the member it does not know is not valid JSON"), tag)
		}
		return paginate.Object{{Key: tag, Value: val}}, nil
	}
	vi := shape.ValueField(mt)
	if vi < 0 {
		return nil, fmt.Errorf("the SDK's %s holds a %s, which is not one of its members", v.Type().Name(), mt)
	}
	name := shape.MemberName(v.Type(), mt)
	val, err := c.treeFromSDK(e.Elem().Field(vi), nil)
	if err != nil {
		return nil, atKey(err, name)
	}
	return paginate.Object{{Key: name, Value: val}}, nil
}

// mapKeys returns the keys of the map m, whose keys are strings: those of
// order that it has, in that order, then the others sorted.
func mapKeys(m reflect.Value, order []string) []string {
	all := sortedKeys(m)
	if len(order) == 0 {
		return all
	}
	out := make([]string, 0, len(all))
	for _, k := range order {
		if _, found := slices.BinarySearch(all, k); found && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	for _, k := range all {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// jsonFromSDK returns the JSON text of the SDK value v, as its tree.
func (c *conv) jsonFromSDK(v reflect.Value) ([]byte, error) {
	tree, err := c.treeFromSDK(v, nil)
	if err != nil {
		return nil, err
	}
	return treeJSON(tree)
}

// treeJSON returns the compact JSON text of the tree v, bytes as base64.
func treeJSON(v any) ([]byte, error) {
	return appendTree(nil, v, 0)
}

// maxDepth bounds the nesting of the trees read and written here, as
// paginate bounds a token's.
const maxDepth = 1000

var errTooDeep = errors.New("the value is nested too deeply")

func appendTree(b []byte, v any, depth int) ([]byte, error) {
	if depth > maxDepth {
		return nil, errTooDeep
	}
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case bool:
		return strconv.AppendBool(b, v), nil
	case string:
		s, err := json.Marshal(v)
		return append(b, s...), err
	case json.Number:
		if !json.Valid([]byte(v)) || len(v) == 0 || v[0] == '"' || v[0] == '[' || v[0] == '{' {
			return nil, fmt.Errorf("%q is not a number", string(v))
		}
		return append(b, v...), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case []byte:
		b = append(b, '"')
		b = base64.StdEncoding.AppendEncode(b, v)
		return append(b, '"'), nil
	case []any:
		b = append(b, '[')
		for i, e := range v {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendTree(b, e, depth+1); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case paginate.Object:
		b = append(b, '{')
		for i, p := range v {
			if i > 0 {
				b = append(b, ',')
			}
			k, err := json.Marshal(p.Key)
			if err != nil {
				return nil, err
			}
			b = append(append(b, k...), ':')
			if b, err = appendTree(b, p.Value, depth+1); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	}
	return nil, fmt.Errorf("cannot write a %T as JSON", v)
}

// decodeTree decodes the JSON text b into a tree, with object members in
// order (a repeated key keeps its first place and its last value) and
// numbers as json.Number.
func decodeTree(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	v, err := decodeNext(d, 0)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, errors.New("data after the JSON value")
	}
	return v, nil
}

func decodeNext(d *json.Decoder, depth int) (any, error) {
	if depth > maxDepth {
		return nil, errTooDeep
	}
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		o := paginate.Object{}
		for d.More() {
			k, err := d.Token()
			if err != nil {
				return nil, err
			}
			v, err := decodeNext(d, depth+1)
			if err != nil {
				return nil, err
			}
			key, _ := k.(string)
			if i := slices.IndexFunc(o, func(p paginate.Pair) bool { return p.Key == key }); i >= 0 {
				o[i].Value = v
			} else {
				o = append(o, paginate.Pair{Key: key, Value: v})
			}
		}
		_, err := d.Token()
		return o, err
	case json.Delim('['):
		l := []any{}
		for d.More() {
			v, err := decodeNext(d, depth+1)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		_, err := d.Token()
		return l, err
	case json.Delim('}'), json.Delim(']'):
		return nil, fmt.Errorf("unexpected %v", tok)
	}
	return tok, nil
}
