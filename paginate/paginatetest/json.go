package paginatetest

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/pagegen/pagegen/paginate"
)

// CheckJSON fills each value (a pointer to a generated structure) with an
// example of every member, at every depth, encodes it with encoding/json
// and decodes the result into a new value, which must equal it: the
// generated JSON codecs (timestamps, unions) and field tags keep every
// member. It returns every value that does not, joined, or nil.
func CheckJSON(values ...any) error {
	var errs []error
	for _, v := range values {
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Pointer || rv.IsNil() {
			errs = append(errs, fmt.Errorf("JSON: %T is not a pointer to a structure", v))
			continue
		}
		fill(rv.Elem(), nil)
		b, err := json.Marshal(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("JSON: %T: encoding: %v", v, err))
			continue
		}
		got := reflect.New(rv.Elem().Type())
		if err := json.Unmarshal(b, got.Interface()); err != nil {
			errs = append(errs, fmt.Errorf("JSON: %T: decoding %s: %v", v, b, err))
			continue
		}
		if !reflect.DeepEqual(rv.Elem().Interface(), got.Elem().Interface()) {
			errs = append(errs, fmt.Errorf("JSON: %T: %s decodes to %+v, want %+v", v, b, got.Elem().Interface(), rv.Elem().Interface()))
		}
	}
	return errors.Join(errs...)
}

var (
	timeType     = reflect.TypeFor[time.Time]()
	rawType      = reflect.TypeFor[json.RawMessage]()
	exampleTime  = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	exampleToken = paginate.StringToken("token")
)

// fill sets v to an example value: every exported member of a structure
// that encoding/json writes, one element in a list or map, and no
// structure inside itself (stack holds the structures being filled).
func fill(v reflect.Value, stack []reflect.Type) {
	t := v.Type()
	switch {
	case t == timeType:
		v.Set(reflect.ValueOf(exampleTime))
		return
	case t == tokenType:
		v.Set(reflect.ValueOf(exampleToken))
		return
	case t == rawType:
		v.Set(reflect.ValueOf(json.RawMessage(`{"key":["value",1.5,true,null]}`)))
		return
	}
	switch t.Kind() {
	case reflect.String:
		v.SetString("string")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(123)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte("bytes"))
			return
		}
		if inside(t, stack) {
			return
		}
		s := reflect.MakeSlice(t, 1, 1)
		fill(s.Index(0), stack)
		v.Set(s)
	case reflect.Map:
		if inside(t, stack) {
			return
		}
		key := reflect.New(t.Key()).Elem()
		fill(key, stack)
		elem := reflect.New(t.Elem()).Elem()
		fill(elem, stack)
		m := reflect.MakeMap(t)
		m.SetMapIndex(key, elem)
		v.Set(m)
	case reflect.Pointer:
		if inside(t, stack) {
			return
		}
		p := reflect.New(t.Elem())
		fill(p.Elem(), stack)
		v.Set(p)
	case reflect.Struct:
		stack = append(stack, t)
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Tag.Get("json") == "-" {
				continue
			}
			fill(v.Field(i), stack)
		}
	}
}

// inside reports whether a value of type t, a pointer, list or map, holds
// one of the structures being filled.
func inside(t reflect.Type, stack []reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	return slices.Contains(stack, t)
}
