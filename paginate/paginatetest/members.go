package paginatetest

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/pagegen/pagegen/paginate"
)

// members checks that the members op names are there, with types Check
// can use, and works out the types it needs.
func (c *checker) members() error {
	structPtr := func(what string, v any) (reflect.Type, error) {
		t := reflect.TypeOf(v)
		if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
			return nil, fmt.Errorf("operation: %s is %T, not a pointer to a structure", what, v)
		}
		return t.Elem(), nil
	}
	if c.op.New == nil {
		return fmt.Errorf("operation: no New")
	}
	if _, err := adapt(c.op.New(nil, c.op.Input)); err != nil {
		return err
	}
	var err error
	if c.in, err = structPtr("Input", c.op.Input); err != nil {
		return err
	}
	if c.out, err = structPtr("Output", c.op.Output); err != nil {
		return err
	}
	if c.op.Result == "" {
		return nil
	}
	check := func(t reflect.Type, path string, ok func(reflect.Type) bool) (reflect.Type, error) {
		f, found := fieldType(t, path)
		if !found || !ok(f) {
			return nil, fmt.Errorf("operation: %s has no member %s that Check can use", t, path)
		}
		return f, nil
	}
	if _, err := check(c.in, c.op.InputToken, isToken); err != nil {
		return err
	}
	if _, err := check(c.out, c.outputToken(), isToken); err != nil {
		return err
	}
	if c.op.Limit != "" {
		if _, err := check(c.in, c.op.Limit, isInt); err != nil {
			return err
		}
	}
	if c.op.MoreResults != "" {
		if _, err := check(c.out, c.op.MoreResults, isBool); err != nil {
			return err
		}
	}
	list, err := check(c.out, c.op.Result, func(t reflect.Type) bool { return t.Kind() == reflect.Slice })
	if err != nil {
		return err
	}
	c.item = list.Elem()
	switch {
	case c.item.Kind() == reflect.String:
		c.marked = true
	case c.op.Marker != "":
		if _, err := check(c.item, c.op.Marker, func(t reflect.Type) bool { return t.Kind() == reflect.String }); err != nil {
			return err
		}
		c.marked = true
	}
	return nil
}

func (c *checker) outputToken() string {
	if c.op.OutputToken != "" {
		return c.op.OutputToken
	}
	return c.op.InputToken
}

var tokenType = reflect.TypeFor[paginate.Token]()

// isToken reports whether a member of type t can hold the tokens Check
// writes: a Token, a string, or an integer.
func isToken(t reflect.Type) bool {
	return t == tokenType || t.Kind() == reflect.String || isInt(t)
}

func isInt(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Int64
}

func isBool(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Bool
}

// fieldType returns the type of the member at path in structure t.
func fieldType(t reflect.Type, path string) (reflect.Type, bool) {
	for name := range strings.SplitSeq(path, ".") {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return nil, false
		}
		f, ok := t.FieldByName(name)
		if !ok || !f.IsExported() {
			return nil, false
		}
		t = f.Type
	}
	return t, true
}

// field returns the member at path of the structure v points to, making
// the structures on the way when make is set; ok is false when one is
// missing.
func field(v reflect.Value, path string, make bool) (f reflect.Value, ok bool) {
	for name := range strings.SplitSeq(path, ".") {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !make {
					return reflect.Value{}, false
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.FieldByName(name)
	}
	return v, true
}

// page returns a page whose result holds an item for each of the markers,
// in order, and whose next token asks for page next (none when next is 0).
func (c *checker) page(markers []string, next int) any {
	out := reflect.New(c.out)
	list, _ := field(out, c.op.Result, true)
	if markers != nil {
		items := reflect.MakeSlice(list.Type(), len(markers), len(markers))
		for i, m := range markers {
			item := items.Index(i)
			switch {
			case c.item.Kind() == reflect.String:
				item.SetString(m)
			case c.op.Marker != "":
				f, _ := field(item.Addr(), c.op.Marker, true)
				f.SetString(m)
			}
		}
		list.Set(items)
	}
	if next > 0 {
		tok, _ := field(out, c.outputToken(), true)
		setToken(tok, next)
		if c.op.MoreResults != "" {
			more, _ := field(out, c.op.MoreResults, true)
			if more.Kind() == reflect.Pointer {
				more.Set(reflect.New(more.Type().Elem()))
				more = more.Elem()
			}
			more.SetBool(true)
		}
	}
	return out.Interface()
}

// setToken sets a token member to the token of page i: PageToken(i), or i
// for an integer member.
func setToken(v reflect.Value, i int) {
	switch {
	case v.Type() == tokenType:
		v.Set(reflect.ValueOf(paginate.StringToken(PageToken(i))))
	case v.Kind() == reflect.String:
		v.SetString(PageToken(i))
	case v.Kind() == reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		v.Elem().SetInt(int64(i))
	default:
		v.SetInt(int64(i))
	}
}

// request returns the page that the input of a request asks for: 0 for
// the first.
func (c *checker) request(in any) int {
	v, ok := field(reflect.ValueOf(in), c.op.InputToken, false)
	switch {
	case !ok:
		return 0
	case v.Type() == tokenType:
		return PageOf(v.Interface().(paginate.Token).String())
	case v.Kind() == reflect.String:
		return PageOf(v.String())
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		return int(v.Elem().Int())
	}
	return int(v.Int())
}

// limit returns the limit member of a request's input, and whether it is
// set.
func (c *checker) limit(in any) (int, bool) {
	v, ok := field(reflect.ValueOf(in), c.op.Limit, false)
	switch {
	case !ok:
		return 0, false
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return 0, false
		}
		return int(v.Elem().Int()), true
	}
	return int(v.Int()), v.Int() != 0
}

// marker returns the marker of an item, or "" when items carry none.
func (c *checker) marker(item any) string {
	v := reflect.ValueOf(item)
	switch {
	case !c.marked || !v.IsValid():
		return ""
	case v.Kind() == reflect.String:
		return v.String()
	}
	f, ok := field(v, c.op.Marker, false)
	if !ok {
		return ""
	}
	return f.String()
}
