package awsbridge

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
	"github.com/pagegen/pagegen/paginate"
)

// dir is the direction of a conversion.
type dir uint8

const (
	toSDK   dir = iota // from a pagegen type to an SDK type
	fromSDK            // from an SDK type to a pagegen type
)

// convFunc converts src into dst, which is settable and holds its zero
// value. src is addressable wherever it can be: the conversion starts from
// pointers, and map entries are copied into addressable values.
type convFunc func(dst, src reflect.Value, c *conv) error

// conv is the state of one conversion.
type conv struct {
	b *Bridge
	// roots are the SDK types of the operation, from which union members
	// and documents are built.
	roots *shape.Roots
	// order holds the map key orders that the response recorded, or nil.
	order *keyOrder
	// depth is the number of pointers, lists and maps being converted,
	// which maxValueDepth bounds, so that a value that holds itself is
	// an error.
	depth int
	// x is the scalar that the direct path read last, and mapTemps the
	// values through which it sets maps' entries.
	x        scalar
	mapTemps []*dmapTemps
}

// maxValueDepth bounds the nesting of the values converted.
const maxValueDepth = 10000

var errValueTooDeep = fmt.Errorf("the value is nested more than %d deep, or holds itself", maxValueDepth)

// enter notes one more level of nesting, or fails when there are too
// many; leave undoes it.
func (c *conv) enter() error {
	c.depth++
	if c.depth > maxValueDepth {
		c.depth--
		return errValueTooDeep
	}
	return nil
}

func (c *conv) leave() { c.depth-- }

// plan is the conversion of one pair of types in one direction.
type plan struct {
	fn convFunc
}

type planKey struct {
	dir      dir
	dst, src reflect.Type
}

var (
	tokenType      = reflect.TypeFor[paginate.Token]()
	rawMessageType = reflect.TypeFor[json.RawMessage]()
	timeType       = reflect.TypeFor[time.Time]()
)

// plan returns the plan of d from src to dst, building it, and the plans
// it uses, the first time.
func (b *Bridge) plan(d dir, dst, src reflect.Type) *plan {
	k := planKey{d, dst, src}
	if v, ok := b.plans.Load(k); ok {
		return v.(*plan)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	bl := &builder{b: b, building: map[planKey]*plan{}}
	p := bl.plan(d, dst, src)
	for k, p := range bl.building {
		b.plans.Store(k, p)
	}
	return p
}

// planFn returns the function of the plan of d from src to dst.
func (b *Bridge) planFn(d dir, dst, src reflect.Type) convFunc {
	return b.plan(d, dst, src).fn
}

// builder builds the plans of one call of Bridge.plan, which holds the
// Bridge's mutex.
type builder struct {
	b        *Bridge
	building map[planKey]*plan
}

func (bl *builder) plan(d dir, dst, src reflect.Type) *plan {
	k := planKey{d, dst, src}
	if v, ok := bl.b.plans.Load(k); ok {
		return v.(*plan)
	}
	if p, ok := bl.building[k]; ok {
		return p
	}
	p := &plan{}
	bl.building[k] = p
	p.fn = bl.make(d, dst, src)
	return p
}

// fn returns the conversion of d from src to dst. A plan still being built
// (a recursive type) is called through its plan.
func (bl *builder) fn(d dir, dst, src reflect.Type) convFunc {
	p := bl.plan(d, dst, src)
	if p.fn != nil {
		return p.fn
	}
	return func(dv, sv reflect.Value, c *conv) error { return p.fn(dv, sv, c) }
}

// make builds the conversion of d from src to dst.
func (bl *builder) make(d dir, dst, src reflect.Type) convFunc {
	pg, sdk := src, dst
	if d == fromSDK {
		pg, sdk = dst, src
	}
	switch {
	case pg == tokenType:
		return bl.token(d, sdk, "")
	case pg == rawMessageType && shape.IsDocument(sdk):
		if d == toSDK {
			return documentToSDK(sdk)
		}
		return documentFromSDK
	case shape.IsDocument(sdk):
		return mismatch(d, dst, src)
	case dst == src:
		return set
	case src.Kind() == reflect.Pointer && dst.Kind() == reflect.Pointer:
		// A pointer to a zero value is a value: it is kept.
		elem := bl.fn(d, dst.Elem(), src.Elem())
		t := dst.Elem()
		blank := blankNumber(dst.Elem(), src.Elem())
		return func(dv, sv reflect.Value, c *conv) error {
			if sv.IsNil() || blank && sv.Elem().Len() == 0 {
				return nil
			}
			if err := c.enter(); err != nil {
				return err
			}
			defer c.leave()
			p := reflect.New(t)
			if err := elem(p.Elem(), sv.Elem(), c); err != nil {
				return err
			}
			dv.Set(p)
			return nil
		}
	case src.Kind() == reflect.Pointer:
		elem := bl.fn(d, dst, src.Elem())
		return func(dv, sv reflect.Value, c *conv) error {
			if sv.IsNil() {
				return nil
			}
			if err := c.enter(); err != nil {
				return err
			}
			defer c.leave()
			return elem(dv, sv.Elem(), c)
		}
	case dst.Kind() == reflect.Pointer:
		// A zero pagegen value that is not a pointer is absent; an SDK
		// value that is not a pointer is present, zero or not.
		elem := bl.fn(d, dst.Elem(), src)
		t := dst.Elem()
		blank := blankNumber(dst.Elem(), src)
		return func(dv, sv reflect.Value, c *conv) error {
			if d == toSDK && sv.IsZero() || d == fromSDK && isNil(sv) || blank && sv.Len() == 0 {
				return nil
			}
			p := reflect.New(t)
			if err := elem(p.Elem(), sv, c); err != nil {
				return err
			}
			dv.Set(p)
			return nil
		}
	}
	dk, sk := dst.Kind(), src.Kind()
	switch {
	case dk == reflect.String && sk == reflect.String:
		return setString
	case isInteger(dk) && isInteger(sk):
		return integer(dst, src)
	case isFloat(dk) && isFloat(sk):
		return float(dst)
	case dk == reflect.String && (isInteger(sk) || isFloat(sk)):
		return formatNumber
	case sk == reflect.String && (isInteger(dk) || isFloat(dk)):
		return parseNumber(dst)
	case dk == reflect.Bool && sk == reflect.Bool:
		return setBool
	case isBytes(dst) && isBytes(src):
		return setBytes
	case dk == reflect.Slice && sk == reflect.Slice:
		return bl.slice(d, dst, src)
	case dk == reflect.Map && sk == reflect.Map && dst.Key().Kind() == reflect.String && src.Key().Kind() == reflect.String:
		return bl.mapOf(d, dst, src)
	case dk == reflect.Struct && sk == reflect.Struct && pg != timeType && sdk != timeType:
		if d == toSDK {
			return bl.structToSDK(dst, src)
		}
		return bl.structFromSDK(dst, src)
	case pg.Kind() == reflect.Struct && pg != timeType && shape.IsUnion(sdk):
		if d == toSDK {
			return bl.unionToSDK(dst, src)
		}
		return bl.unionFromSDK(dst, src)
	}
	return mismatch(d, dst, src)
}

// mismatch is the conversion between types that have nothing in common:
// an error for any value (an absent member is never converted).
func mismatch(d dir, dst, src reflect.Type) convFunc {
	err := fmt.Errorf("cannot convert %s to the SDK's %s", src, dst)
	if d == fromSDK {
		err = fmt.Errorf("cannot convert the SDK's %s to %s", src, dst)
	}
	return func(dv, sv reflect.Value, c *conv) error { return err }
}

// blankNumber reports whether dst is a number and src a string, whose
// empty value is no number.
func blankNumber(dst, src reflect.Type) bool {
	return src.Kind() == reflect.String && (isInteger(dst.Kind()) || isFloat(dst.Kind()))
}

// isNil reports whether v is a nil pointer, slice, map or interface.
func isNil(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// fieldConv is the conversion of one struct field.
type fieldConv struct {
	dst, src int
	name     string // the pagegen field's Go name, for paths
	fn       convFunc
	// always is set when a zero src is still converted: an SDK value that
	// is not a pointer, into a pagegen pointer.
	always bool
}

// unmatchedField is a pagegen field that the SDK struct has no member for.
type unmatchedField struct {
	index      int
	name, wire string
}

// structToSDK converts a pagegen struct into an SDK struct, member by
// member; a set member that the SDK does not have is an error.
func (bl *builder) structToSDK(dst, src reflect.Type) convFunc {
	var fields []fieldConv
	var unmatched []unmatchedField
	for _, p := range shape.Pairs(src, dst) {
		if !p.Matched {
			unmatched = append(unmatched, unmatchedField{p.Pagegen.Index, p.Pagegen.Name, p.Pagegen.Wire})
			continue
		}
		fields = append(fields, fieldConv{
			dst: p.SDK.Index, src: p.Pagegen.Index, name: p.Pagegen.Name,
			fn: bl.fn(toSDK, p.SDK.Type, p.Pagegen.Type),
		})
	}
	pg := shape.PagegenOf(src)
	return func(dv, sv reflect.Value, c *conv) error {
		for i := range fields {
			f := &fields[i]
			s := sv.Field(f.src)
			if s.IsZero() {
				continue
			}
			if err := f.fn(dv.Field(f.dst), s, c); err != nil {
				return atField(err, f.name)
			}
		}
		for _, u := range unmatched {
			if !sv.Field(u.index).IsZero() {
				return atField(errNoMember(dst, u.wire), u.name)
			}
		}
		if pg.IsUnion() {
			return unknownToStruct(dst, sv, pg)
		}
		return nil
	}
}

// unknownToStruct is the error of the first unknown member that the
// pagegen union sv holds, where the SDK has a struct.
func unknownToStruct(dst reflect.Type, sv reflect.Value, pg *shape.Pagegen) error {
	u := sv.Field(pg.Unknown)
	if u.Len() == 0 {
		return nil
	}
	name := sortedKeys(u)[0]
	return atField(atKey(errNoMember(dst, name), name), pg.Type.Field(pg.Unknown).Name)
}

// structFromSDK converts an SDK struct into a pagegen struct, member by
// member; the SDK's members that the pagegen struct does not have are left
// out.
func (bl *builder) structFromSDK(dst, src reflect.Type) convFunc {
	fields := bl.fieldsFromSDK(dst, src)
	return func(dv, sv reflect.Value, c *conv) error {
		for i := range fields {
			f := &fields[i]
			s := sv.Field(f.src)
			if !f.always && s.IsZero() {
				continue
			}
			if err := f.fn(dv.Field(f.dst), s, c); err != nil {
				return atField(err, f.name)
			}
		}
		return nil
	}
}

// fieldsFromSDK returns the conversions of the members of the SDK struct
// src that the pagegen struct dst has, in the order of dst's fields.
func (bl *builder) fieldsFromSDK(dst, src reflect.Type) []fieldConv {
	var fields []fieldConv
	for _, p := range shape.Pairs(dst, src) {
		if !p.Matched {
			continue
		}
		f := fieldConv{dst: p.Pagegen.Index, src: p.SDK.Index, name: p.Pagegen.Name}
		if p.Pagegen.Type == tokenType {
			f.fn = bl.token(fromSDK, p.SDK.Type, p.Pagegen.Wire)
		} else {
			f.fn = bl.fn(fromSDK, p.Pagegen.Type, p.SDK.Type)
		}
		f.always = p.Pagegen.Type.Kind() == reflect.Pointer && !nilable(p.SDK.Type.Kind())
		fields = append(fields, f)
	}
	return fields
}

func nilable(k reflect.Kind) bool {
	switch k {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return true
	}
	return false
}

// slice converts a slice item by item; nil stays nil and empty stays
// empty.
func (bl *builder) slice(d dir, dst, src reflect.Type) convFunc {
	if dst.Elem().Kind() == reflect.String && src.Elem().Kind() == reflect.String {
		// The items differ only in their named string types: the
		// slice is used as it is.
		return func(dv, sv reflect.Value, c *conv) error {
			if sv.IsNil() || !sv.CanAddr() {
				return stringSlice(dv, sv)
			}
			dv.Set(reflect.NewAt(dst, sv.Addr().UnsafePointer()).Elem())
			return nil
		}
	}
	elem := bl.fn(d, dst.Elem(), src.Elem())
	return func(dv, sv reflect.Value, c *conv) error {
		if sv.IsNil() {
			return nil
		}
		if err := c.enter(); err != nil {
			return err
		}
		defer c.leave()
		n := sv.Len()
		out := reflect.MakeSlice(dst, n, n)
		for i := range n {
			if err := elem(out.Index(i), sv.Index(i), c); err != nil {
				return atIndex(err, i)
			}
		}
		dv.Set(out)
		return nil
	}
}

func stringSlice(dv, sv reflect.Value) error {
	if sv.IsNil() {
		return nil
	}
	n := sv.Len()
	out := reflect.MakeSlice(dv.Type(), n, n)
	for i := range n {
		out.Index(i).SetString(sv.Index(i).String())
	}
	dv.Set(out)
	return nil
}

// mapOf converts a map entry by entry; its keys are strings or named
// string types on both sides.
func (bl *builder) mapOf(d dir, dst, src reflect.Type) convFunc {
	elem := bl.fn(d, dst.Elem(), src.Elem())
	// The addressable values that hold each entry on its way are kept
	// for the next map.
	temps := sync.Pool{New: func() any {
		return &mapTemps{
			sk: reflect.New(src.Key()).Elem(), se: reflect.New(src.Elem()).Elem(),
			dk: reflect.New(dst.Key()).Elem(), de: reflect.New(dst.Elem()).Elem(),
		}
	}}
	return func(dv, sv reflect.Value, c *conv) error {
		if sv.IsNil() {
			return nil
		}
		if err := c.enter(); err != nil {
			return err
		}
		defer c.leave()
		out := reflect.MakeMapWithSize(dst, sv.Len())
		t := temps.Get().(*mapTemps)
		defer func() {
			t.se.SetZero()
			t.de.SetZero()
			t.it.Reset(reflect.Value{})
			temps.Put(t)
		}()
		t.it.Reset(sv)
		for t.it.Next() {
			t.sk.SetIterKey(&t.it)
			t.se.SetIterValue(&t.it)
			t.dk.SetString(t.sk.String())
			t.de.SetZero()
			if err := elem(t.de, t.se, c); err != nil {
				return atKey(err, t.sk.String())
			}
			out.SetMapIndex(t.dk, t.de)
		}
		dv.Set(out)
		return nil
	}
}

// mapTemps are the values through which mapOf converts a map's entries.
type mapTemps struct {
	it             reflect.MapIter
	sk, se, dk, de reflect.Value
}
