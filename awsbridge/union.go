package awsbridge

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
)

// unionTo converts a pagegen struct whose members are a union's (a
// tagged union, or a plain struct where the SDK has a union) into the SDK's
// union interface.
type unionTo struct {
	b       *Bridge
	iface   reflect.Type
	pg      *shape.Pagegen
	members []*memberTo
}

// memberTo is a member of a unionTo.
type memberTo struct {
	index      int
	name, wire string
	typ        reflect.Type
	nilable    bool
	sdk        atomic.Pointer[sdkMember] // resolved on first use
	// reachable holds the *shape.Roots from which the member can be
	// built, so that whether it can be does not depend on the
	// conversions before.
	reachable sync.Map
}

// sdkMember is an SDK union member type and the conversion into its Value.
type sdkMember struct {
	typ   reflect.Type // the struct type
	value int          // the index of its Value field
	fn    convFunc
}

func (bl *builder) unionToSDK(dst, src reflect.Type) convFunc {
	u := &unionTo{b: bl.b, iface: dst, pg: shape.PagegenOf(src)}
	for _, f := range u.pg.Fields {
		u.members = append(u.members, &memberTo{index: f.Index, name: f.Name, wire: f.Wire, typ: f.Type, nilable: nilable(f.Type.Kind())})
	}
	return u.convert
}

// isSet reports whether the member field v is set: not nil, or not zero
// where it cannot be nil.
func isSet(v reflect.Value, nilable bool) bool {
	if nilable {
		return !v.IsNil()
	}
	return !v.IsZero()
}

func (u *unionTo) convert(dv, sv reflect.Value, c *conv) error {
	var set *memberTo
	n := 0
	for _, m := range u.members {
		if isSet(sv.Field(m.index), m.nilable) {
			if n == 0 {
				set = m
			}
			n++
		}
	}
	var unknown reflect.Value
	if u.pg.IsUnion() {
		unknown = sv.Field(u.pg.Unknown)
		n += unknown.Len()
	}
	switch {
	case n == 0:
		return errNoneSet
	case n > 1:
		return u.errMany(sv)
	case set == nil:
		return u.unknownToSDK(dv, unknown, c)
	}
	sm, err := u.resolve(set, c)
	if err != nil {
		return atField(err, set.name)
	}
	p := reflect.New(sm.typ)
	if err := sm.fn(p.Elem().Field(sm.value), sv.Field(set.index), c); err != nil {
		return atField(err, set.name)
	}
	dv.Set(p)
	return nil
}

// errMany is the error of a union with more than one member set.
func (u *unionTo) errMany(sv reflect.Value) error {
	var names []string
	for _, m := range u.members {
		if isSet(sv.Field(m.index), m.nilable) {
			names = append(names, m.name)
		}
	}
	if u.pg.IsUnion() {
		field := u.pg.Type.Field(u.pg.Unknown).Name
		for _, k := range sortedKeys(sv.Field(u.pg.Unknown)) {
			names = append(names, fmt.Sprintf("%s[%q]", field, k))
		}
	}
	return fmt.Errorf("more than one member is set: %s", strings.Join(names, ", "))
}

// resolve returns the SDK's member type for m, found the first time, and
// checked once for each operation's roots.
func (u *unionTo) resolve(m *memberTo, c *conv) (*sdkMember, error) {
	sm := m.sdk.Load()
	if sm != nil {
		if _, ok := m.reachable.Load(c.roots); ok {
			return sm, nil
		}
	}
	t, err := c.member(u.iface, m.wire)
	if err != nil {
		return nil, err
	}
	if sm == nil {
		vi := shape.ValueField(t)
		sm = &sdkMember{typ: t.Elem(), value: vi, fn: u.b.planFn(toSDK, t.Elem().Field(vi).Type, m.typ)}
		m.sdk.Store(sm)
	}
	m.reachable.Store(c.roots, struct{}{})
	return sm, nil
}

// unknownToSDK converts the one member of a pagegen union's unknown
// members, when the SDK knows it: its JSON value is converted as a
// token's value would be. A member the SDK does not know cannot be sent.
func (u *unionTo) unknownToSDK(dv, unknown reflect.Value, c *conv) error {
	field := u.pg.Type.Field(u.pg.Unknown).Name
	name := sortedKeys(unknown)[0]
	raw := unknown.MapIndex(reflect.ValueOf(name).Convert(unknown.Type().Key())).Bytes()
	fail := func(err error) error { return atField(atKey(err, name), field) }
	t, err := c.member(u.iface, name)
	if err != nil {
		if _, ok := err.(*shape.NoMemberError); ok {
			err = fmt.Errorf("the SDK's %s has no member %s, so it cannot be sent", u.iface.Name(), name)
		}
		return fail(err)
	}
	tree, err := decodeTree(raw)
	if err != nil {
		return fail(fmt.Errorf("the member's value is not valid JSON: %v", err))
	}
	p := reflect.New(t.Elem())
	if err := c.treeToSDK(p.Elem().Field(shape.ValueField(t)), tree); err != nil {
		return fail(err)
	}
	dv.Set(p)
	return nil
}

// unionFrom converts the SDK's union interface into a pagegen struct.
type unionFrom struct {
	b       *Bridge
	iface   reflect.Type
	pg      *shape.Pagegen
	wires   []string
	members sync.Map // reflect.Type of the SDK's member → *memberFrom
}

// memberFrom is the conversion of one SDK member type of a unionFrom.
type memberFrom struct {
	err     error // the member type cannot be converted
	unknown bool  // the SDK's *UnknownUnionMember
	// field is the index of the pagegen field, or -1 when the pagegen
	// union does not know the member.
	field      int
	name, wire string // the pagegen field's Go name, the member's name
	value      int    // the index of the SDK member's Value field
	fn         convFunc
	// nilable is set when the pagegen field is set when it is not nil;
	// else it is set when it is not zero.
	nilable bool
}

func (bl *builder) unionFromSDK(dst, src reflect.Type) convFunc {
	u := &unionFrom{b: bl.b, iface: src, pg: shape.PagegenOf(dst)}
	for _, f := range u.pg.Fields {
		u.wires = append(u.wires, f.Wire)
	}
	return u.convert
}

func (u *unionFrom) convert(dv, sv reflect.Value, c *conv) error {
	if sv.IsNil() {
		return nil
	}
	e := sv.Elem()
	m := u.member(e.Type())
	if m.err != nil {
		return m.err
	}
	if e.Kind() == reflect.Pointer {
		if e.IsNil() {
			return nil
		}
		e = e.Elem()
	}
	switch {
	case m.unknown:
		return u.setUnknown(dv, e.FieldByName("Tag").String(), e.FieldByName("Value").Bytes())
	case m.field < 0:
		raw, err := c.jsonFromSDK(e.Field(m.value))
		if err != nil {
			return atField(atKey(err, m.wire), u.pg.Type.Field(u.pg.Unknown).Name)
		}
		return u.setUnknown(dv, m.wire, raw)
	}
	f := dv.Field(m.field)
	if err := m.fn(f, e.Field(m.value), c); err != nil {
		return atField(err, m.name)
	}
	if !isSet(f, m.nilable) {
		return atField(fmt.Errorf("the SDK's member %s is set to an empty value, which %s cannot tell from no member", m.wire, u.pg.Type), m.name)
	}
	return nil
}

// member returns the conversion of the SDK member type t, built the first
// time.
func (u *unionFrom) member(t reflect.Type) *memberFrom {
	if v, ok := u.members.Load(t); ok {
		return v.(*memberFrom)
	}
	m := &memberFrom{field: -1}
	switch {
	case shape.IsUnknownMember(t):
		m.unknown = true
	case shape.ValueField(t) < 0:
		m.err = fmt.Errorf("the SDK's %s holds a %s, which is not one of its members", u.iface.Name(), t)
	default:
		m.wire = shape.MemberName(u.iface, t)
		m.value = shape.ValueField(t)
		if i := shape.MatchWire(u.wires, m.wire); i >= 0 {
			f := u.pg.Fields[i]
			m.field, m.name = f.Index, f.Name
			m.fn = u.b.planFn(fromSDK, f.Type, t.Elem().Field(m.value).Type)
			m.nilable = nilable(f.Type.Kind())
		} else if !u.pg.IsUnion() {
			m.err = fmt.Errorf("the SDK's member %s of %s has no place in %s", m.wire, u.iface.Name(), u.pg.Type)
		}
	}
	v, _ := u.members.LoadOrStore(t, m)
	return v.(*memberFrom)
}

// setUnknown puts the member name, whose JSON value is raw, into the
// pagegen union's unknown members.
func (u *unionFrom) setUnknown(dv reflect.Value, name string, raw []byte) error {
	return setUnknown(u.pg, dv, name, raw)
}
