package awsbridge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"unsafe"

	"github.com/aws/smithy-go"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
)

// dunion decodes a union into a pagegen struct, as FromSDK converts the
// SDK union member that the SDK's deserializer makes of it: with
// smithy.ReadUnion and the member's schema, the member's value read as
// the SDK's member type reads it. The deserializers of the protocols at
// hand skip the members that the schema does not know, as the SDK does,
// so that they never reach the pagegen union's unknown members; a member
// that the SDK knows and the pagegen union does not goes there as JSON,
// as FromSDK puts it.
type dunion struct {
	schema  *smithy.Schema // the one the SDK passes to ReadUnion
	iface   reflect.Type   // the SDK's union interface
	pg      *shape.Pagegen
	members []umember
	index   schemaIndex
}

// umember is a member of a dunion.
type umember struct {
	schema *smithy.Schema
	// field is the index of the pagegen field, or -1 when the pagegen
	// struct does not know the member.
	field      int
	name, wire string // the field's Go name, the member's name
	nilable    bool   // the field is set when it is not nil, else when it is not zero
	fn         decodeFunc
	ftype      reflect.Type // the field's type
	// sdk is the SDK's member type (a pointer to a struct), whose Value
	// field value holds the member's value: where fn is nil, it reads
	// the member, and conv converts its Value into the field.
	sdk   reflect.Type
	value int
	conv  convFunc
	// err is the error of a member that the pagegen struct, not a
	// tagged union, has no place for.
	err error
	// offset is the field's offset in the pagegen struct, and isSet,
	// where set, tells whether it is set.
	offset uintptr
	isSet  func(unsafe.Pointer) bool
	// clear is the way the field at offset is set to its zero value.
	clear clearKind
	// fast, where set, is the way of a scalar member that the
	// deserializer reads straight into the field at offset.
	fast fastKind
}

// fastKind is a way of reading a union's scalar member into its pagegen
// field, where FromSDK copies the SDK's value as it is.
type fastKind uint8

const (
	fastNone fastKind = iota
	// fastString: a string into a string type, set when not empty.
	fastString
	// fastBoolPtr: a boolean into a pointer to a boolean type, always
	// set.
	fastBoolPtr
	// fastBytes: a blob into a []byte type, set when not nil.
	fastBytes
)

// fastKindOf returns the fast way of a member of the schema s, whose SDK
// value is of type sdk, into the pagegen field type pg, or fastNone.
func fastKindOf(s *smithy.Schema, pg, sdk reflect.Type) fastKind {
	k, ok := readKindOf(s, sdk)
	switch {
	case !ok || pg == tokenType || pg == rawMessageType:
	case k == rString && pg.Kind() == reflect.String:
		return fastString
	case k == rBool && pg.Kind() == reflect.Pointer && pg.Elem().Kind() == reflect.Bool:
		return fastBoolPtr
	case k == rBlob && isBytes(pg):
		return fastBytes
	}
	return fastNone
}

func (bl *dbuilder) fillUnion(p *dunion) bool {
	wires := make([]string, len(p.pg.Fields))
	for i, f := range p.pg.Fields {
		wires[i] = f.Wire
	}
	names := make([]string, 0, len(p.schema.Members()))
	for name := range p.schema.Members() {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		ms := p.schema.Member(name)
		t, err := shape.ResolveMember(p.iface, name, bl.roots)
		if err != nil || shape.MemberName(p.iface, t) != name {
			return false
		}
		m := umember{schema: ms, field: -1, wire: name, sdk: t, value: shape.ValueField(t)}
		vt := t.Elem().Field(m.value).Type
		switch i := shape.MatchWire(wires, name); {
		case i >= 0:
			f := p.pg.Fields[i]
			m.field, m.name, m.nilable, m.ftype = f.Index, f.Name, nilable(f.Type.Kind()), f.Type
			m.conv = bl.fn(fromSDK, f.Type, vt)
			if fn, ok := bl.valueOf(ms, f.Type, vt, inUnion, false); ok {
				m.fn = fn
			}
			m.offset, m.clear = p.pg.Type.Field(f.Index).Offset, clearKindOf(f.Type)
			m.fast = fastKindOf(ms, f.Type, vt)
			m.isSet = isSetAt(f.Type)
		case !p.pg.IsUnion():
			m.err = fmt.Errorf("the SDK's member %s of %s has no place in %s", name, p.iface.Name(), p.pg.Type)
		}
		p.members = append(p.members, m)
	}
	schemas := make([]*smithy.Schema, len(p.members))
	for i, m := range p.members {
		schemas[i] = m.schema
	}
	p.index = newSchemaIndex(schemas)
	return true
}

// find returns the index of the member whose schema is ms, or -1.
func (p *dunion) find(ms *smithy.Schema) int {
	return p.index.find(ms)
}

// unionTarget is a dunion into a pagegen struct or, when ptr is set, a
// pointer to one.
type unionTarget struct {
	u   *dunion
	ptr bool
}

// decode reads the union into dv. When the response names no member that
// the SDK knows, the SDK leaves its value as it was: so does decode, and
// returns -1; else it sets dv to the member, first setting it to its zero
// value when zero is set (dv may hold another value), and returns the
// member's index.
//
// It makes the calls of smithy.ReadUnion, which the SDK's code reads
// unions with: a ReadUnion for the member, and one more that must end the
// union.
func (t unionTarget) decode(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv, zero bool) (member int, convErr, readErr error) {
	ms, err := d.ReadUnion(t.u.schema)
	if ms == nil || err != nil {
		return -1, nil, err
	}
	member = t.u.find(ms)
	if member >= 0 {
		m := &t.u.members[member]
		target := dv
		if t.ptr {
			target = reflect.New(t.u.pg.Type).UnsafePointer()
		} else if zero {
			t.u.zero(dv)
		}
		var ce, re error
		if m.fast != fastNone {
			ce, re = t.u.fast(m, ms, d, target, c)
		} else {
			ce, re = t.u.member(m, d, target, c)
		}
		if re != nil {
			return member, nil, re
		}
		convErr = ce
		if t.ptr && ce == nil {
			*(*unsafe.Pointer)(dv) = target
		}
	}
	ms, err = d.ReadUnion(t.u.schema)
	switch {
	case err != nil:
		return member, nil, err
	case ms != nil:
		return member, nil, fmt.Errorf("union has more than one non-nil member: %s", ms.MemberName())
	}
	return member, convErr, nil
}

// fast reads the member m, of the schema ms, the fast way into the
// pagegen struct at dv.
func (p *dunion) fast(m *umember, ms *smithy.Schema, d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
	f := unsafe.Add(dv, m.offset)
	switch m.fast {
	case fastString:
		// The field is of a string type.
		if err := d.ReadString(ms, (*string)(f)); err != nil {
			return nil, err
		}
		if len(*(*string)(f)) == 0 {
			return p.errEmpty(m), nil
		}
	case fastBoolPtr:
		if err := d.ReadBool(ms, &c.x.b); err != nil {
			return nil, err
		}
		*(**bool)(f) = new(c.x.b)
	case fastBytes:
		c.x.blob = nil
		if err := d.ReadBlob(ms, &c.x.blob); err != nil {
			return nil, err
		}
		if c.x.blob == nil {
			return p.errEmpty(m), nil
		}
		*(*[]byte)(f) = c.x.blob
	}
	return nil, nil
}

// decodeKeep reads the union into the struct member at dv, and reports
// whether it changed it.
func (t unionTarget) decodeKeep(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (bool, error, error) {
	i, convErr, readErr := t.decode(d, dv, c, true)
	return i >= 0, convErr, readErr
}

// clear sets the value at dv, into which decode read the member i, to its
// zero value.
func (t unionTarget) clear(dv unsafe.Pointer, i int) {
	m := &t.u.members[i]
	switch {
	case t.ptr:
		*(*unsafe.Pointer)(dv) = nil
	case m.err != nil || m.field < 0:
		t.u.zero(dv)
	default:
		f := unsafe.Add(dv, m.offset)
		switch m.clear {
		case clearString:
			*(*string)(f) = ""
		case clearPointer:
			*(*unsafe.Pointer)(f) = nil
		case clearSlice:
			*(*[]byte)(f) = nil
		default:
			t.u.zero(dv)
		}
	}
}

// member reads the value of the member m into the pagegen struct at dv.
func (p *dunion) member(m *umember, d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
	if m.err != nil || m.field < 0 || m.fn == nil {
		// The SDK's member type reads the member.
		sv := reflect.New(m.sdk.Elem())
		if err := sv.Interface().(smithy.Deserializable).Deserialize(d); err != nil {
			return nil, err
		}
		value := sv.Elem().Field(m.value)
		switch {
		case m.err != nil:
			return m.err, nil
		case m.field < 0:
			raw, err := c.jsonFromSDK(value)
			if err != nil {
				return atField(atKey(err, m.wire), p.pg.Type.Field(p.pg.Unknown).Name), nil
			}
			return setUnknown(p.pg, valueAt(p.pg.Type, dv), m.wire, raw), nil
		}
		f := valueAt(m.ftype, unsafe.Add(dv, m.offset))
		return p.check(m, f, m.conv(f, value, c)), nil
	}
	f := unsafe.Add(dv, m.offset)
	convErr, readErr := m.fn(d, f, c)
	if readErr != nil {
		return nil, readErr
	}
	if convErr != nil {
		return atField(convErr, m.name), nil
	}
	if m.isSet != nil {
		if !m.isSet(f) {
			return p.errEmpty(m), nil
		}
		return nil, nil
	}
	return p.check(m, valueAt(m.ftype, f), nil), nil
}

// errEmpty is the error of the member m, whose value the pagegen field
// holds as unset.
func (p *dunion) errEmpty(m *umember) error {
	return atField(fmt.Errorf("the SDK's member %s is set to an empty value, which %s cannot tell from no member", m.wire, p.pg.Type), m.name)
}

// check returns the error of the member m, whose field is f, converted
// with the error convErr, as FromSDK gives it: the field must be set.
func (p *dunion) check(m *umember, f reflect.Value, convErr error) error {
	if convErr != nil {
		return atField(convErr, m.name)
	}
	if !isSet(f, m.nilable) {
		return p.errEmpty(m)
	}
	return nil
}

// zero sets the pagegen struct at dv to its zero value.
func (p *dunion) zero(dv unsafe.Pointer) {
	valueAt(p.pg.Type, dv).SetZero()
}

// clearKind is the way a value is set to its zero value at its address.
type clearKind uint8

const (
	clearOther   clearKind = iota // through reflect
	clearString                   // a string type
	clearPointer                  // a pointer or a map: one pointer word
	clearSlice                    // a slice
)

// clearKindOf returns the way a value of type t is set to its zero value.
func clearKindOf(t reflect.Type) clearKind {
	switch t.Kind() {
	case reflect.String:
		return clearString
	case reflect.Pointer, reflect.Map:
		return clearPointer
	case reflect.Slice:
		return clearSlice
	}
	return clearOther
}

// clearAt returns the function that sets a value of the pagegen type t,
// at an address, to its zero value, for the types of one pointer word or
// a slice, or nil.
func clearAt(t reflect.Type) func(unsafe.Pointer) {
	switch t.Kind() {
	case reflect.String:
		return func(p unsafe.Pointer) { *(*string)(p) = "" }
	case reflect.Pointer, reflect.Map:
		return func(p unsafe.Pointer) { *(*unsafe.Pointer)(p) = nil }
	case reflect.Slice:
		return func(p unsafe.Pointer) { *(*[]byte)(p) = nil }
	}
	return nil
}

// isSetAt returns the function that tells whether a value of the pagegen
// type t, at an address, is set, as isSet does, or nil where only
// reflection tells.
func isSetAt(t reflect.Type) func(unsafe.Pointer) bool {
	switch t.Kind() {
	case reflect.String:
		return func(p unsafe.Pointer) bool { return len(*(*string)(p)) != 0 }
	case reflect.Pointer, reflect.Map, reflect.Slice:
		// The first word: the pointer, the map, the slice's array.
		return func(p unsafe.Pointer) bool { return *(*unsafe.Pointer)(p) != nil }
	}
	return nil
}

// setUnknown puts the member name, whose JSON value is raw, into the
// unknown members of dv, a pagegen union of pg.
func setUnknown(pg *shape.Pagegen, dv reflect.Value, name string, raw []byte) error {
	if !pg.IsUnion() {
		return fmt.Errorf("the SDK holds a member %s that it does not know, which %s has no place for", name, pg.Type)
	}
	field := pg.Type.Field(pg.Unknown).Name
	if !json.Valid(raw) {
		return atField(atKey(fmt.Errorf("the SDK's value of the member it does not know is not valid JSON"), name), field)
	}
	m := dv.Field(pg.Unknown)
	if m.IsNil() {
		m.Set(reflect.MakeMap(m.Type()))
	}
	m.SetMapIndex(reflect.ValueOf(name).Convert(m.Type().Key()), reflect.ValueOf(json.RawMessage(bytes.Clone(raw))).Convert(m.Type().Elem()))
	return nil
}
