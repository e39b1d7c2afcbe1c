// Package bridgetest checks a bridge's conversions of a service's types,
// for the tests of generated bridge packages. RoundTrip fills a pagegen
// value with every member the SDK has a place for, converts it to the
// SDK's type and back, and reports every member that did not come back as
// it went; Uncovered and SDKOnly list the members one side has and the
// other does not, for coverage figures.
package bridgetest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/awsbridge"
	"github.com/pagegen/pagegen/awsbridge/internal/shape"
	"github.com/pagegen/pagegen/paginate"
	"github.com/pagegen/pagegen/paginate/paginateimpl"
)

// RoundTrip checks the conversions of operation op between the pagegen
// type of pagegen and the SDK type of sdk (pointers to structs, whose
// values are not used). It fills a new pagegen value with every member
// that the SDK has a place for set, at every depth (a recursive type down
// to two levels of itself), converts it to the SDK's type and back with b,
// and fails t, naming each by its path, with every member that did not
// come back equal to what went in. A union has one member set; RoundTrip
// repeats the round trip until every member of every union has been set
// once. It returns the number of members it compared, summed over the
// round trips.
//
// The values: strings and enums that are unique to their member (an enum
// takes one of its documented values), integers within int32's range,
// floats that float32 holds exactly, true, times with millisecond
// precision, documents as a small JSON object, and tokens as a string or
// an integer where the SDK has one, else as the JSON value of the SDK's
// type (an object of one key for a map).
func RoundTrip(t testing.TB, b *awsbridge.Bridge, op string, pagegen, sdk any) int {
	t.Helper()
	pgType, sdkType := structType(t, pagegen), structType(t, sdk)
	checked, pass := 0, 0
	for ; ; pass++ {
		f := &filler{roots: shape.NewRoots(sdkType), pass: pass}
		want := reflect.New(pgType)
		f.fill(want.Elem(), sdkType, 0)
		mid := reflect.New(sdkType)
		require.NoError(t, b.ToSDK(op, mid.Interface(), want.Interface()), "round trip %d: to the SDK", pass)
		got := reflect.New(pgType)
		require.NoError(t, b.FromSDK(op, got.Interface(), mid.Interface()), "round trip %d: from the SDK", pass)
		cmp := &comparer{}
		cmp.compare(pgType.Name(), got.Elem(), want.Elem())
		require.Empty(t, cmp.diffs, "round trip %d of %s through %s: members that came back different", pass, pgType, sdkType)
		checked += cmp.checked
		if pass+1 >= f.maxMembers {
			break
		}
	}
	t.Logf("%s: %s: %d round trips, %d members checked", op, pgType.Name(), pass+1, checked)
	return checked
}

// structType returns the struct type that v, a pointer to a struct,
// points to.
func structType(t testing.TB, v any) reflect.Type {
	t.Helper()
	rt := reflect.TypeOf(v)
	require.True(t, rt != nil && rt.Kind() == reflect.Pointer && rt.Elem().Kind() == reflect.Struct, "%T is not a pointer to a struct", v)
	return rt.Elem()
}

// maxSelf is the number of times a struct type may appear in its own
// value.
const maxSelf = 2

// filler fills pagegen values.
type filler struct {
	roots *shape.Roots
	pass  int // the round trip: a union sets its member pass % members
	n     int // the values given so far, to make each unique
	// maxMembers is the largest number of members of a union filled.
	maxMembers int
	open       map[reflect.Type]int // the structs being filled
}

func (f *filler) next() int {
	f.n++
	return f.n
}

// fill sets v, a zero pagegen value, to a value with every member set
// that the SDK type sdk has a place for. It reports whether it set v.
func (f *filler) fill(v reflect.Value, sdk reflect.Type, depth int) bool {
	t := v.Type()
	for sdk.Kind() == reflect.Pointer {
		sdk = sdk.Elem()
	}
	switch {
	case t == tokenType:
		tok := f.token(sdk, depth)
		v.Set(reflect.ValueOf(tok))
		return !tok.IsZero()
	case t == rawMessageType:
		v.SetBytes(fmt.Appendf(nil, `{"n":%d}`, f.next()))
		return true
	case t == timeType:
		v.Set(reflect.ValueOf(time.UnixMilli(1_700_000_000_000 + int64(f.next())).UTC()))
		return true
	}
	switch t.Kind() {
	case reflect.Pointer:
		p := reflect.New(t.Elem())
		if !f.fill(p.Elem(), sdk, depth) {
			return false
		}
		v.Set(p)
	case reflect.String:
		if k := sdk.Kind(); k >= reflect.Int && k <= reflect.Float64 {
			v.SetString(strconv.Itoa(f.next())) // a number the pages type as a string
			return true
		}
		v.SetString(f.text(t))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(f.next()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(f.next()))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(f.next()) + 0.5)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			v.SetBytes(fmt.Appendf(nil, "b%d", f.next()))
			return true
		}
		e := reflect.New(t.Elem()).Elem()
		if !f.fill(e, elemOf(sdk), depth) {
			return false
		}
		v.Set(reflect.Append(reflect.MakeSlice(t, 0, 1), e))
	case reflect.Map:
		e := reflect.New(t.Elem()).Elem()
		if !f.fill(e, elemOf(sdk), depth) {
			return false
		}
		m := reflect.MakeMapWithSize(t, 1)
		m.SetMapIndex(reflect.ValueOf("k"+strconv.Itoa(f.next())).Convert(t.Key()), e)
		v.Set(m)
	case reflect.Struct:
		if f.open[t] >= maxSelf {
			return false
		}
		if f.open == nil {
			f.open = map[reflect.Type]int{}
		}
		f.open[t]++
		defer func() { f.open[t]-- }()
		if shape.IsUnion(sdk) || shape.PagegenOf(t).IsUnion() {
			return f.union(v, sdk, depth)
		}
		if sdk.Kind() != reflect.Struct {
			return false
		}
		set := false
		for _, p := range shape.Pairs(t, sdk) {
			if p.Matched && f.fill(v.Field(p.Pagegen.Index), p.SDK.Type, depth+1) {
				set = true
			}
		}
		return set
	default:
		return false
	}
	return true
}

// union sets one member of the pagegen union v: the pass's, or the next
// one that can be set.
func (f *filler) union(v reflect.Value, sdk reflect.Type, depth int) bool {
	members := shape.PagegenOf(v.Type()).Fields
	f.maxMembers = max(f.maxMembers, len(members))
	for i := range members {
		m := members[(f.pass+i)%len(members)]
		valueType, ok := f.memberType(sdk, m)
		if !ok {
			continue
		}
		if f.fill(v.Field(m.Index), valueType, depth+1) {
			return true
		}
	}
	return false
}

// memberType returns the SDK's type of the value of the member m of a
// union whose SDK type is sdk (an interface, or a struct where the SDK
// does not have a union).
func (f *filler) memberType(sdk reflect.Type, m shape.Field) (reflect.Type, bool) {
	switch {
	case sdk.Kind() == reflect.Struct:
		fields := shape.SDKFields(sdk)
		names := make([]string, len(fields))
		for i, sf := range fields {
			names[i] = sf.Name
		}
		if i := shape.Match(names, m.Wire); i >= 0 {
			return fields[i].Type, true
		}
		return nil, false
	case shape.IsUnion(sdk):
		mt, err := shape.ResolveMember(sdk, m.Wire, f.roots)
		if err != nil {
			return nil, false
		}
		return mt.Elem().Field(shape.ValueField(mt)).Type, true
	}
	return nil, false
}

// text returns a string for the string type t: one of its documented
// values for a pagegen enum, else one unique to the member.
func (f *filler) text(t reflect.Type) string {
	n := f.next()
	if m, ok := t.MethodByName("Values"); ok && m.Type.NumIn() == 1 && m.Type.NumOut() == 1 && m.Type.Out(0) == reflect.SliceOf(t) {
		values := m.Func.Call([]reflect.Value{reflect.New(t).Elem()})[0]
		if values.Len() > 0 {
			return values.Index(n % values.Len()).String()
		}
	}
	return "v" + strconv.Itoa(n)
}

func elemOf(t reflect.Type) reflect.Type {
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map, reflect.Pointer:
		return t.Elem()
	}
	return t
}

// token returns a token that the SDK type sdk can hold: a string, an
// integer, or the JSON value of sdk's type.
func (f *filler) token(sdk reflect.Type, depth int) paginate.Token {
	switch k := sdk.Kind(); {
	case k == reflect.String:
		return paginate.StringToken("t" + strconv.Itoa(f.next()))
	case k >= reflect.Int && k <= reflect.Uint64:
		return paginate.IntToken(int64(f.next()))
	}
	tok, err := paginate.TokenOf(f.tree(sdk, depth))
	if err != nil {
		panic(fmt.Sprintf("bridgetest: a token's value: %v", err))
	}
	return tok
}

// tree returns a JSON value, as paginate.TokenOf takes it, that the SDK
// type sdk can hold.
func (f *filler) tree(sdk reflect.Type, depth int) any {
	for sdk.Kind() == reflect.Pointer {
		sdk = sdk.Elem()
	}
	if depth > 2*maxSelf+4 {
		return nil
	}
	switch {
	case sdk == timeType:
		b, _ := paginateimpl.JSONTime(time.UnixMilli(1_700_000_000_000 + int64(f.next())).UTC()).MarshalJSON()
		return json.Number(b)
	case shape.IsDocument(sdk):
		return paginate.Object{{Key: "n", Value: json.Number(strconv.Itoa(f.next()))}}
	case shape.IsUnion(sdk):
		names, err := shape.UnionMembers(sdk, f.roots)
		if err != nil || len(names) == 0 {
			return nil
		}
		name := names[f.pass%len(names)]
		mt, err := shape.ResolveMember(sdk, name, f.roots)
		if err != nil {
			return nil
		}
		return paginate.Object{{Key: name, Value: f.tree(mt.Elem().Field(shape.ValueField(mt)).Type, depth+1)}}
	}
	switch k := sdk.Kind(); {
	case k == reflect.String:
		return "v" + strconv.Itoa(f.next())
	case k == reflect.Bool:
		return true
	case k >= reflect.Int && k <= reflect.Uint64:
		return int64(f.next())
	case k == reflect.Float32 || k == reflect.Float64:
		return json.Number(strconv.Itoa(f.next()) + ".5")
	case k == reflect.Slice && sdk.Elem().Kind() == reflect.Uint8:
		return fmt.Appendf(nil, "b%d", f.next())
	case k == reflect.Slice:
		return []any{f.tree(sdk.Elem(), depth+1)}
	case k == reflect.Map:
		return paginate.Object{{Key: "k" + strconv.Itoa(f.next()), Value: f.tree(sdk.Elem(), depth+1)}}
	case k == reflect.Struct:
		o := paginate.Object{}
		wires := shape.WireNames(sdk)
		for i, sf := range shape.SDKFields(sdk) {
			if v := f.tree(sf.Type, depth+1); v != nil {
				o = append(o, paginate.Pair{Key: wires[i], Value: v})
			}
		}
		return o
	}
	return nil
}

var (
	tokenType      = reflect.TypeFor[paginate.Token]()
	rawMessageType = reflect.TypeFor[json.RawMessage]()
	timeType       = reflect.TypeFor[time.Time]()
)

// comparer compares two pagegen values and notes their differences.
type comparer struct {
	diffs   []string
	checked int
}

func (c *comparer) diff(path, format string, args ...any) {
	c.diffs = append(c.diffs, path+": "+fmt.Sprintf(format, args...))
}

func (c *comparer) compare(path string, got, want reflect.Value) {
	t := want.Type()
	switch {
	case t == tokenType:
		c.checked++
		if g, w := got.Interface().(paginate.Token), want.Interface().(paginate.Token); g != w {
			c.diff(path, "got token %s, want %s", g, w)
		}
		return
	case t == rawMessageType:
		c.checked++
		if !sameJSON(got.Bytes(), want.Bytes()) {
			c.diff(path, "got document %s, want %s", got.Bytes(), want.Bytes())
		}
		return
	case t == timeType:
		c.checked++
		if g, w := got.Interface().(time.Time), want.Interface().(time.Time); !g.Equal(w) || g.Location() != w.Location() {
			c.diff(path, "got time %v, want %v", g, w)
		}
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		if got.IsNil() != want.IsNil() {
			c.checked++
			c.diff(path, "got %s, want %s", nilness(got), nilness(want))
			return
		}
		if !want.IsNil() {
			c.compare(path, got.Elem(), want.Elem())
		}
	case reflect.Slice:
		if got.IsNil() != want.IsNil() || got.Len() != want.Len() {
			c.checked++
			c.diff(path, "got %s of %d, want %s of %d", nilness(got), got.Len(), nilness(want), want.Len())
			return
		}
		if t.Elem().Kind() == reflect.Uint8 {
			c.checked++
			if !slices.Equal(got.Bytes(), want.Bytes()) {
				c.diff(path, "got %q, want %q", got.Bytes(), want.Bytes())
			}
			return
		}
		for i := range want.Len() {
			c.compare(path+"["+strconv.Itoa(i)+"]", got.Index(i), want.Index(i))
		}
	case reflect.Map:
		if got.IsNil() != want.IsNil() || got.Len() != want.Len() {
			c.checked++
			c.diff(path, "got %s of %d, want %s of %d", nilness(got), got.Len(), nilness(want), want.Len())
			return
		}
		for it := want.MapRange(); it.Next(); {
			p := path + "[" + strconv.Quote(it.Key().String()) + "]"
			g := got.MapIndex(it.Key())
			if !g.IsValid() {
				c.checked++
				c.diff(p, "missing")
				continue
			}
			c.compare(p, g, it.Value())
		}
	case reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				c.compare(path+"."+t.Field(i).Name, got.Field(i), want.Field(i))
			}
		}
	default:
		if !want.IsZero() {
			c.checked++
		}
		if !got.Equal(want) {
			c.diff(path, "got %#v, want %#v", got.Interface(), want.Interface())
		}
	}
}

func nilness(v reflect.Value) string {
	if v.IsNil() {
		return "nil"
	}
	return "non-nil"
}

// sameJSON reports whether a and b are the same JSON value, or both nil.
func sameJSON(a, b []byte) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	return reflect.DeepEqual(x, y)
}
