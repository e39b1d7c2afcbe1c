package awsbridge

import (
	"reflect"
	"slices"
	"unsafe"

	"github.com/aws/smithy-go"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
)

// dstruct decodes a structure into a pagegen struct, as FromSDK converts
// the SDK struct that the SDK's Deserialize makes of it: with
// smithy.ReadStruct and the structure's own schema, each member as the
// SDK reads it, a member repeated in the response replacing the earlier
// one.
type dstruct struct {
	schema *smithy.Schema // the one the SDK's Deserialize reads with
	pg     reflect.Type   // the pagegen struct
	sdk    reflect.Type   // the SDK struct
	// members are the schema's members, which index finds by their
	// schema.
	members []dmember
	index   schemaIndex
	// fields are FromSDK's conversions of the members, in its order,
	// which decides which error it reports first.
	fields []fieldConv
	// always are the fields that FromSDK converts even when the SDK's
	// value is zero (a value that is not a pointer, into a pagegen
	// pointer): those whose member is absent get the conversion of the
	// zero value.
	always []int
}

// memberKind is how a member is read.
type memberKind uint8

const (
	// mValue: by fn, into the pagegen field set to its zero value.
	mValue memberKind = iota
	// mKeep: by keep, which leaves the field as it is when the SDK
	// leaves its own as it was (a union with no member it knows, a
	// blob the deserializer leaves unset).
	mKeep
	// mDelegate: by the SDK's Deserialize of the struct (delegate.go).
	mDelegate
	// mDrop: a scalar the pagegen struct has no field for, read and
	// dropped.
	mDrop
)

// keepFunc is a decodeFunc that reports whether it changed dv.
type keepFunc func(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (changed bool, convErr, readErr error)

// dmember is a member of a dstruct.
type dmember struct {
	schema *smithy.Schema
	kind   memberKind
	// field is the index in dstruct.fields of the member's conversion,
	// or -1 when the pagegen struct has no field for it.
	field int
	dst   int    // the pagegen field's index
	name  string // the pagegen field's Go name, for paths
	// offset is the field's offset in the pagegen struct, and zero sets
	// it to its zero value.
	offset uintptr
	zero   func(unsafe.Pointer)
	fn     decodeFunc
	keep   keepFunc
	del    *delegate
	read   readKind // of mDrop
	// always is the index in dstruct.always of the member's field, or
	// -1.
	always int
}

// find returns the index of the member whose schema is ms, or -1.
func (p *dstruct) find(ms *smithy.Schema) int {
	return p.index.find(ms)
}

// fillStruct builds the members of p, into the pagegen struct pg. top is
// set for the operation's output, whose map tokens keep the order of
// their keys.
func (bl *dbuilder) fillStruct(p *dstruct, pg reflect.Type, top bool) {
	p.fields = bl.fieldsFromSDK(pg, p.sdk)
	sdkFields := shape.SDKFields(p.sdk)
	goNames := make([]string, len(sdkFields))
	for i, f := range sdkFields {
		goNames[i] = f.Name
	}
	paired := map[int]int{} // SDK field index → index in p.fields
	for i, f := range p.fields {
		paired[f.src] = i
	}
	claimed := map[int]bool{} // SDK field indices
	var ordered []string
	if top {
		ordered = orderedMembers(pg, p.sdk)
	}
	names := make([]string, 0, len(p.schema.Members()))
	for name := range p.schema.Members() {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		ms := p.schema.Member(name)
		m := dmember{schema: ms, field: -1, always: -1}
		si := shape.Match(goNames, name)
		if si < 0 {
			// The SDK has no field of the member's name: its own
			// Deserialize reads the value, which no pagegen field
			// takes (unless a field is left unclaimed below).
			m.kind, m.del = mDelegate, &delegate{sdk: p.sdk, field: -1}
			p.members = append(p.members, m)
			continue
		}
		sf := sdkFields[si]
		if claimed[sf.Index] {
			bl.failed = true
			return
		}
		claimed[sf.Index] = true
		fi, ok := paired[sf.Index]
		if !ok {
			if k, ok := readKindOf(ms, deref(sf.Type)); ok {
				m.kind, m.read = mDrop, k
			} else {
				m.kind, m.del = mDelegate, &delegate{sdk: p.sdk, field: -1}
			}
			p.members = append(p.members, m)
			continue
		}
		f := &p.fields[fi]
		m.field, m.dst, m.name = fi, f.dst, f.name
		pgType := pg.Field(f.dst).Type
		m.offset, m.zero = pg.Field(f.dst).Offset, zeroFunc(pgType)
		switch keep, ok := bl.keepOf(ms, pgType, sf.Type); {
		case ok:
			m.kind, m.keep = mKeep, keep
		default:
			if fn, ok := bl.valueOf(ms, pgType, sf.Type, inMember, f.always); ok {
				m.kind, m.fn = mValue, fn
			} else {
				m.kind = mDelegate
				m.del = &delegate{sdk: p.sdk, field: fi, keepZero: keepsZero(sf.Type)}
				if slices.Contains(ordered, name) {
					m.del.wire = name
				}
			}
		}
		p.members = append(p.members, m)
	}
	for i, f := range p.fields {
		if !claimed[f.src] {
			// A pagegen field whose SDK field no member names: the
			// SDK's names are not the members'.
			bl.failed = true
			return
		}
		if f.always {
			p.always = append(p.always, i)
		}
	}
	for i := range p.members {
		if m := &p.members[i]; m.field >= 0 {
			m.always = slices.Index(p.always, m.field)
		}
	}
	schemas := make([]*smithy.Schema, len(p.members))
	for i, m := range p.members {
		schemas[i] = m.schema
	}
	p.index = newSchemaIndex(schemas)
}

// keepsZero reports whether a zero value of the SDK type t, after the
// SDK's Deserialize has read its member, means that it left the member
// as it was: a union with no member it knows, a document it could not
// hold, a blob the deserializer did not set. Other members are set
// whenever they are read.
func keepsZero(t reflect.Type) bool {
	return t.Kind() == reflect.Interface || isBytes(t)
}

// keepOf returns the decoding of a struct member whose SDK value may be
// left as it was by a repeated member: a union (the SDK sets it only when
// the response names a member it knows) and a blob that is not a pointer
// (which a deserializer may leave unset).
func (bl *dbuilder) keepOf(s *smithy.Schema, pg, sdk reflect.Type) (keepFunc, bool) {
	switch {
	case s == nil:
		return nil, false
	case s.Type() == smithy.ShapeTypeUnion:
		u, ok := bl.unionTarget(s, pg, sdk)
		if !ok {
			return nil, false
		}
		return u.decodeKeep, true
	case s.Type() == smithy.ShapeTypeBlob && isBytes(sdk) && pg != tokenType && pg != rawMessageType:
		l, ok := newLeaf(s, pg, sdk, true, bl.fn(fromSDK, pg, sdk))
		if !ok {
			return nil, false
		}
		return l.decodeKeep, true
	}
	return nil, false
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// decode reads the structure into the pagegen struct at dv.
func (p *dstruct) decode(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
	var errs []error // by field, allocated at the first error
	var seen uint64  // of always, by index, up to 64
	var seenMore []bool
	readErr := smithy.ReadStruct(d, p.schema, func(ms *smithy.Schema) error {
		i := p.find(ms)
		if i < 0 {
			// The SDK's Deserialize reads no member of another schema.
			return nil
		}
		m := &p.members[i]
		changed := true
		var convErr error
		switch m.kind {
		case mValue:
			f := unsafe.Add(dv, m.offset)
			m.zero(f)
			ce, re := m.fn(d, f, c)
			if re != nil {
				return re
			}
			convErr = ce
		case mKeep:
			ch, ce, re := m.keep(d, unsafe.Add(dv, m.offset), c)
			if re != nil {
				return re
			}
			changed, convErr = ch, ce
		case mDelegate:
			ch, ce, re := m.del.decode(d, ms, valueAt(p.pg, dv), p, c)
			if re != nil {
				return re
			}
			changed, convErr = ch, ce
		case mDrop:
			return m.read.read(d, ms, &c.x)
		}
		if m.field < 0 || !changed {
			return nil
		}
		if convErr != nil {
			convErr = atField(convErr, m.name)
		}
		errs = setError(errs, len(p.fields), m.field, convErr)
		if m.always >= 0 {
			if m.always < 64 {
				seen |= 1 << m.always
			} else {
				if seenMore == nil {
					seenMore = make([]bool, len(p.always))
				}
				seenMore[m.always] = true
			}
		}
		return nil
	})
	if readErr != nil {
		return nil, readErr
	}
	for i, fi := range p.always {
		if i < 64 && seen&(1<<i) != 0 || i >= 64 && seenMore != nil && seenMore[i] {
			continue
		}
		f := &p.fields[fi]
		if err := f.fn(valueAt(p.pg, dv).Field(f.dst), zeroOf(p.sdk.Field(f.src).Type), c); err != nil {
			errs = setError(errs, len(p.fields), fi, atField(err, f.name))
		}
	}
	for _, err := range errs {
		if err != nil {
			return err, nil
		}
	}
	return nil, nil
}

// skip reads the structure and drops it, as the decoding of a value
// whose conversion has already failed.
func (p *dstruct) skip(d smithy.ShapeDeserializer, c *conv) error {
	_, readErr := p.decode(d, reflect.New(p.pg).UnsafePointer(), c)
	return readErr
}

// setError sets errs[i], of n, to err, allocating errs at the first error.
func setError(errs []error, n, i int, err error) []error {
	if errs == nil {
		if err == nil {
			return nil
		}
		errs = make([]error, n)
	}
	errs[i] = err
	return errs
}
