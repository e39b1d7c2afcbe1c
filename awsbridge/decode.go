package awsbridge

import (
	"reflect"
	"sync"
	"unsafe"

	"github.com/aws/smithy-go"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
)

// decodeFunc reads one value from d, making the calls that the SDK's code
// makes for it, into the pagegen value at the address dv, which holds its
// zero value. It returns the error that FromSDK would give converting what
// the SDK makes of the value (with the path below dv), and the
// deserializer's error, which ends the decoding and is returned as it is.
// A conversion error does not end the decoding: the rest of the response
// is read as the SDK reads it, so that an error of the response's own
// takes precedence, as it does when the SDK reads it first.
type decodeFunc func(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (convErr, readErr error)

// A decoding plan decodes the values of one schema into one pagegen type,
// as FromSDK converts the values of one SDK type that the SDK's
// deserializer makes of that schema: dstruct, dlist, dmap, dunion and
// dleaf. Where the plan cannot be made exact (a document, a token that is
// not a string or an integer, a member the SDK's struct has no field
// for), the member is read by the SDK's own Deserialize of the struct or
// union member that holds it, and converted by FromSDK (delegate.go).

// dkind is the kind of a cached decoding plan.
type dkind uint8

const (
	dkStruct dkind = iota
	dkList
	dkMap
	dkUnion
)

// dkey identifies a decoding plan: the schema that the SDK passes to the
// deserializer for the value (the structure's own schema for a struct,
// the member's schema for the others), and the pagegen and SDK types.
type dkey struct {
	kind    dkind
	schema  *smithy.Schema
	pg, sdk reflect.Type
	// top is set for the output's own struct, whose map tokens list
	// their keys in the order of the response.
	top bool
}

// directStruct returns the plan that decodes the struct schema s into the
// pagegen struct pg, as FromSDK converts the SDK struct sdk that the SDK's
// deserializer makes of it, building it and the plans it uses the first
// time; roots are the operation's SDK types. It returns nil when the SDK
// struct's Deserialize does not read s, or when a member cannot be mapped
// to the SDK's field.
func (b *Bridge) directStruct(s *smithy.Schema, pg, sdk reflect.Type, roots *shape.Roots) *dstruct {
	k := dkey{kind: dkStruct, schema: s, pg: pg, sdk: sdk, top: true}
	if v, ok := b.dplans.Load(k); ok {
		p, _ := v.(*dstruct)
		return p
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	bl := &dbuilder{builder: &builder{b: b, building: map[planKey]*plan{}}, roots: roots, building: map[dkey]any{}}
	p, ok := bl.structOf(s, pg, sdk, true)
	for k, p := range bl.builder.building {
		b.plans.Store(k, p)
	}
	if !ok || bl.failed {
		b.dplans.Store(k, (*dstruct)(nil))
		return nil
	}
	for k, p := range bl.building {
		b.dplans.Store(k, p)
	}
	return p
}

// dbuilder builds the decoding plans of one call of directStruct, which
// holds the Bridge's mutex.
type dbuilder struct {
	*builder
	roots    *shape.Roots
	building map[dkey]any
	// failed is set when a struct's members cannot be mapped to its SDK
	// fields: the operation then takes FromSDK's path.
	failed bool
}

// lookup returns the plan of k, built or being built.
func (bl *dbuilder) lookup(k dkey) (any, bool) {
	if v, ok := bl.b.dplans.Load(k); ok {
		return v, true
	}
	v, ok := bl.building[k]
	return v, ok
}

// structOf returns the plan of the struct schema s (the schema that the
// SDK struct sdk's Deserialize passes to ReadStruct) into the pagegen
// struct pg.
func (bl *dbuilder) structOf(s *smithy.Schema, pg, sdk reflect.Type, top bool) (*dstruct, bool) {
	k := dkey{kind: dkStruct, schema: s, pg: pg, sdk: sdk, top: top}
	if v, ok := bl.lookup(k); ok {
		p, _ := v.(*dstruct)
		return p, p != nil
	}
	if shape.StructSchema(sdk) != s {
		return nil, false
	}
	p := &dstruct{schema: s, pg: pg, sdk: sdk}
	bl.building[k] = p
	bl.fillStruct(p, pg, top)
	return p, true
}

// listOf returns the plan of the list member schema s into the pagegen
// slice pg, from the SDK slice sdk.
func (bl *dbuilder) listOf(s *smithy.Schema, pg, sdk reflect.Type) (*dlist, bool) {
	k := dkey{kind: dkList, schema: s, pg: pg, sdk: sdk}
	if v, ok := bl.lookup(k); ok {
		p, _ := v.(*dlist)
		return p, p != nil
	}
	p := &dlist{schema: s, item: s.ListMember(), pg: pg, sdk: sdk}
	bl.building[k] = p
	if !bl.fillList(p) {
		bl.building[k] = (*dlist)(nil)
		return nil, false
	}
	return p, true
}

// mapOf returns the plan of the map member schema s into the pagegen map
// pg, from the SDK map sdk.
func (bl *dbuilder) mapOf(s *smithy.Schema, pg, sdk reflect.Type) (*dmap, bool) {
	k := dkey{kind: dkMap, schema: s, pg: pg, sdk: sdk}
	if v, ok := bl.lookup(k); ok {
		p, _ := v.(*dmap)
		return p, p != nil
	}
	p := &dmap{schema: s, key: s.MapKey(), value: s.MapValue(), pg: pg, sdk: sdk}
	bl.building[k] = p
	if !bl.fillMap(p) {
		bl.building[k] = (*dmap)(nil)
		return nil, false
	}
	return p, true
}

// unionOf returns the plan of the union member schema s into the pagegen
// struct pg, from the SDK union interface sdk.
func (bl *dbuilder) unionOf(s *smithy.Schema, pg, sdk reflect.Type) (*dunion, bool) {
	k := dkey{kind: dkUnion, schema: s, pg: pg, sdk: sdk}
	if v, ok := bl.lookup(k); ok {
		p, _ := v.(*dunion)
		return p, p != nil
	}
	p := &dunion{schema: s, iface: sdk, pg: shape.PagegenOf(pg)}
	bl.building[k] = p
	if !bl.fillUnion(p) {
		bl.building[k] = (*dunion)(nil)
		return nil, false
	}
	return p, true
}

// readContext is where a value is read, which decides how FromSDK converts
// it.
type readContext uint8

const (
	// inMember: a struct's member, which FromSDK leaves out when the
	// SDK's value is zero, unless it converts a value that is not a
	// pointer into a pagegen pointer.
	inMember readContext = iota
	// inItem: a list's item or a map's value, which FromSDK converts
	// whatever it is, and which the SDK reads into one variable for the
	// whole list or map.
	inItem
	// inUnion: a union member's value, which FromSDK converts whatever
	// it is.
	inUnion
)

// valueOf returns the decoding of one value of the schema s, whose SDK
// type is sdk, into the pagegen type pg, read in the context ctx, or
// false when it has no exact plan. always is set when FromSDK converts the
// member even when the SDK's value is zero.
func (bl *dbuilder) valueOf(s *smithy.Schema, pg, sdk reflect.Type, ctx readContext, always bool) (decodeFunc, bool) {
	if s == nil || pg == tokenType && !tokenLeaf(sdk) || shape.IsDocument(sdk) || pg == rawMessageType {
		return nil, false
	}
	switch s.Type() {
	case smithy.ShapeTypeStructure:
		return bl.structValue(s, pg, sdk, ctx, always)
	case smithy.ShapeTypeList, smithy.ShapeTypeSet:
		if !isList(pg, sdk) {
			return nil, false
		}
		l, ok := bl.listOf(s, pg, sdk)
		if !ok {
			return nil, false
		}
		return l.decode, true
	case smithy.ShapeTypeMap:
		if !isMap(pg, sdk) {
			return nil, false
		}
		m, ok := bl.mapOf(s, pg, sdk)
		if !ok {
			return nil, false
		}
		return m.decode, true
	case smithy.ShapeTypeUnion:
		return bl.unionValue(s, pg, sdk)
	}
	l, ok := newLeaf(s, pg, sdk, ctx == inMember && !always, bl.fn(fromSDK, pg, sdk))
	switch {
	case !ok:
		return nil, false
	case ctx == inItem:
		return l.decodeItem, true
	}
	return l.decode, true
}

// isList reports whether FromSDK converts the SDK slice sdk into pg item
// by item, or copies it.
func isList(pg, sdk reflect.Type) bool {
	return sdk.Kind() == reflect.Slice && !isBytes(sdk) && pg.Kind() == reflect.Slice && pg != tokenType && pg != rawMessageType
}

// isMap reports whether FromSDK converts the SDK map sdk into pg entry by
// entry, or copies it.
func isMap(pg, sdk reflect.Type) bool {
	return sdk.Kind() == reflect.Map && pg.Kind() == reflect.Map && sdk.Key().Kind() == reflect.String && pg.Key().Kind() == reflect.String
}

// structValue returns the decoding of a struct whose SDK type is sdk (a
// struct, or a pointer to one) into pg (a pagegen struct, or a pointer to
// one).
func (bl *dbuilder) structValue(s *smithy.Schema, pg, sdk reflect.Type, ctx readContext, always bool) (decodeFunc, bool) {
	sptr := sdk.Kind() == reflect.Pointer
	st := sdk
	if sptr {
		st = sdk.Elem()
	}
	pptr := pg.Kind() == reflect.Pointer
	pt := pg
	if pptr {
		pt = pg.Elem()
	}
	if st.Kind() != reflect.Struct || pt.Kind() != reflect.Struct || st == timeType || pt == timeType || pt == tokenType {
		return nil, false
	}
	if ctx == inMember && !sptr && !always {
		// FromSDK leaves out a zero struct: whether it is zero is known
		// once it is read.
		return nil, false
	}
	target := shape.StructSchema(st)
	if target == nil || !sameMembers(target, s) {
		return nil, false
	}
	p, ok := bl.structOf(target, pt, st, false)
	if !ok {
		return nil, false
	}
	return func(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
		if sptr {
			// The SDK's struct member is a pointer, never nil once
			// read: FromSDK counts it.
			if err := c.enter(); err != nil {
				return err, p.skip(d, c)
			}
			defer c.leave()
		}
		if !pptr {
			return p.decode(d, dv, c)
		}
		v := reflect.New(pt).UnsafePointer()
		convErr, readErr := p.decode(d, v, c)
		if convErr == nil && readErr == nil {
			*(*unsafe.Pointer)(dv) = v
		}
		return convErr, readErr
	}, true
}

// sameMembers reports whether the schemas a and b have the same members:
// a member's schema holds its target's members.
func sameMembers(a, b *smithy.Schema) bool {
	return reflect.ValueOf(a.Members()).UnsafePointer() == reflect.ValueOf(b.Members()).UnsafePointer()
}

// unionValue returns the decoding of a union whose SDK type is the
// interface sdk into pg (a pagegen struct, or a pointer to one), where a
// union with no member that the SDK knows leaves dv as it is: the SDK's
// value stays what it was.
func (bl *dbuilder) unionValue(s *smithy.Schema, pg, sdk reflect.Type) (decodeFunc, bool) {
	u, ok := bl.unionTarget(s, pg, sdk)
	if !ok {
		return nil, false
	}
	return func(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
		_, convErr, readErr := u.decode(d, dv, c, false)
		return convErr, readErr
	}, true
}

// unionTarget returns the plan of a union whose SDK type is the interface
// sdk into pg, a pagegen struct or a pointer to one.
func (bl *dbuilder) unionTarget(s *smithy.Schema, pg, sdk reflect.Type) (unionTarget, bool) {
	pt := pg
	if pg.Kind() == reflect.Pointer {
		pt = pg.Elem()
	}
	if !shape.IsUnion(sdk) || pt.Kind() != reflect.Struct || pt == timeType || pt == tokenType {
		return unionTarget{}, false
	}
	u, ok := bl.unionOf(s, pt, sdk)
	if !ok {
		return unionTarget{}, false
	}
	return unionTarget{u: u, ptr: pg.Kind() == reflect.Pointer}, true
}

// valueAt returns the settable value of type t at the address p.
func valueAt(t reflect.Type, p unsafe.Pointer) reflect.Value {
	return reflect.NewAt(t, p).Elem()
}

// zeroFunc returns the function that sets a value of type t, at its
// address, to its zero value.
func zeroFunc(t reflect.Type) func(unsafe.Pointer) {
	if f := clearAt(t); f != nil {
		return f
	}
	return func(p unsafe.Pointer) { valueAt(t, p).SetZero() }
}

// zeroValues holds an addressable zero value of each SDK type, read only,
// from which FromSDK's conversions of absent values are made.
var zeroValues sync.Map // reflect.Type → reflect.Value

// zeroOf returns an addressable zero value of t, which must not be
// changed.
func zeroOf(t reflect.Type) reflect.Value {
	if v, ok := zeroValues.Load(t); ok {
		return v.(reflect.Value)
	}
	v, _ := zeroValues.LoadOrStore(t, reflect.New(t).Elem())
	return v.(reflect.Value)
}
