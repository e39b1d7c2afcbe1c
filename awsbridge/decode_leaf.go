package awsbridge

import (
	"math"
	"reflect"
	"strconv"
	"time"
	"unsafe"

	"github.com/aws/smithy-go"

	"github.com/pagegen/pagegen/paginate"
)

// readKind is the method through which the SDK reads a scalar of a
// schema.
type readKind uint8

const (
	rString readKind = iota
	rBool
	rInt8
	rInt16
	rInt32
	rInt64
	rFloat32
	rFloat64
	rTime
	rBlob
)

// readKindOf returns the method through which the SDK reads a scalar of
// the schema s into its Go type base (the type of its field, less one
// pointer), and false when s is not a scalar or base is not the type the
// SDK's code generator gives it.
func readKindOf(s *smithy.Schema, base reflect.Type) (readKind, bool) {
	k := base.Kind()
	switch s.Type() {
	case smithy.ShapeTypeString, smithy.ShapeTypeEnum:
		return rString, k == reflect.String
	case smithy.ShapeTypeBoolean:
		return rBool, k == reflect.Bool
	case smithy.ShapeTypeByte:
		return rInt8, k == reflect.Int8
	case smithy.ShapeTypeShort:
		return rInt16, k == reflect.Int16
	case smithy.ShapeTypeInteger, smithy.ShapeTypeIntEnum:
		return rInt32, k == reflect.Int32
	case smithy.ShapeTypeLong:
		return rInt64, k == reflect.Int64
	case smithy.ShapeTypeFloat:
		return rFloat32, k == reflect.Float32
	case smithy.ShapeTypeDouble:
		return rFloat64, k == reflect.Float64
	case smithy.ShapeTypeTimestamp:
		return rTime, base == timeType
	case smithy.ShapeTypeBlob:
		return rBlob, isBytes(base)
	}
	return 0, false
}

// scalar holds the last scalar read, in the widest Go type of its kind.
type scalar struct {
	s    string
	i    int64
	f    float64
	b    bool
	t    time.Time
	blob []byte
}

// read reads a scalar of the schema s from d into x.
func (k readKind) read(d smithy.ShapeDeserializer, s *smithy.Schema, x *scalar) error {
	switch k {
	case rString:
		return d.ReadString(s, &x.s)
	case rBool:
		return d.ReadBool(s, &x.b)
	case rInt8:
		var v int8
		err := d.ReadInt8(s, &v)
		x.i = int64(v)
		return err
	case rInt16:
		var v int16
		err := d.ReadInt16(s, &v)
		x.i = int64(v)
		return err
	case rInt32:
		var v int32
		err := d.ReadInt32(s, &v)
		x.i = int64(v)
		return err
	case rInt64:
		return d.ReadInt64(s, &x.i)
	case rFloat32:
		var v float32
		err := d.ReadFloat32(s, &v)
		x.f = float64(v)
		return err
	case rFloat64:
		return d.ReadFloat64(s, &x.f)
	case rTime:
		return d.ReadTime(s, &x.t)
	}
	return d.ReadBlob(s, &x.blob)
}

// zero reports whether x is the zero value of its kind, as reflect's
// IsZero tells it (a negative zero is not zero).
func (k readKind) zero(x *scalar) bool {
	switch k {
	case rString:
		return x.s == ""
	case rBool:
		return !x.b
	case rInt8, rInt16, rInt32, rInt64:
		return x.i == 0
	case rFloat32, rFloat64:
		return math.Float64bits(x.f) == 0
	case rTime:
		return x.t == time.Time{}
	}
	return x.blob == nil
}

// fill sets v, of the SDK's scalar type of the kind k, to x.
func (k readKind) fill(v reflect.Value, x *scalar) {
	switch k {
	case rString:
		v.SetString(x.s)
	case rBool:
		v.SetBool(x.b)
	case rInt8, rInt16, rInt32, rInt64:
		v.SetInt(x.i)
	case rFloat32, rFloat64:
		v.SetFloat(x.f)
	case rTime:
		v.Set(reflect.ValueOf(&x.t).Elem())
	default:
		v.SetBytes(x.blob)
	}
}

// dleaf decodes a scalar into a pagegen value, as FromSDK converts the
// SDK's value of it: the SDK's code reads a pointer's value into a new
// pointer, and any other into its variable.
type dleaf struct {
	schema  *smithy.Schema
	read    readKind
	sdk, pg reflect.Type
	sptr    bool // the SDK's type is a pointer
	// skipZero is set for a struct member that FromSDK leaves out when
	// the SDK's value is zero.
	skipZero bool
	// set converts the value as FromSDK does, made for the pair of
	// types; where it is nil, conv converts a value of the SDK's type.
	set  func(dv reflect.Value, x *scalar) error
	conv convFunc
	// at, where set, is set for the pairs of types that convert with
	// no error, at the pagegen value's address.
	at func(p unsafe.Pointer, x *scalar)
}

// newLeaf returns the plan of a scalar of the schema s, of the SDK's type
// sdk, into pg; skipZero is set where FromSDK leaves a zero value out,
// and conv is its conversion. It reports false when s is not a scalar of
// sdk.
func newLeaf(s *smithy.Schema, pg, sdk reflect.Type, skipZero bool, conv convFunc) (*dleaf, bool) {
	base := sdk
	sptr := sdk.Kind() == reflect.Pointer
	if sptr {
		base = sdk.Elem()
	}
	k, ok := readKindOf(s, base)
	if !ok || k == rBlob && sptr {
		return nil, false
	}
	return &dleaf{schema: s, read: k, sdk: sdk, pg: pg, sptr: sptr, skipZero: skipZero, set: leafSetter(pg, sdk, base), conv: conv, at: leafAt(pg, sdk, base)}, true
}

// decode reads the scalar into the pagegen value at dv.
func (l *dleaf) decode(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
	if l.read == rBlob {
		// Into the member's new variable, or a list's or map's,
		// which starts nil.
		c.x.blob = nil
	}
	if err := l.read.read(d, l.schema, &c.x); err != nil {
		return nil, err
	}
	return l.convert(dv, &c.x, c), nil
}

// decodeItem reads the scalar into the pagegen value at dv, a list's item
// or a map's value: the SDK reads them all into one variable, which a blob
// the deserializer does not set leaves as it was.
func (l *dleaf) decodeItem(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
	if err := l.read.read(d, l.schema, &c.x); err != nil {
		return nil, err
	}
	return l.convert(dv, &c.x, c), nil
}

// decodeKeep reads a blob member into the pagegen value at dv, which it
// leaves as it is when the deserializer leaves the SDK's field unset.
func (l *dleaf) decodeKeep(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (bool, error, error) {
	c.x.blob = nil
	if err := l.read.read(d, l.schema, &c.x); err != nil {
		return false, nil, err
	}
	if c.x.blob == nil {
		return false, nil, nil
	}
	valueAt(l.pg, dv).SetZero()
	return true, l.convert(dv, &c.x, c), nil
}

// convert sets the pagegen value at dv from the SDK's value x, as FromSDK
// converts it.
func (l *dleaf) convert(dv unsafe.Pointer, x *scalar, c *conv) error {
	if l.skipZero && !l.sptr && l.read.zero(x) {
		return nil
	}
	if l.at == nil && l.set == nil {
		sv := reflect.New(l.sdk).Elem()
		if l.sptr {
			p := reflect.New(l.sdk.Elem())
			l.read.fill(p.Elem(), x)
			sv.Set(p)
		} else {
			l.read.fill(sv, x)
		}
		return l.conv(valueAt(l.pg, dv), sv, c)
	}
	if l.sptr {
		// FromSDK counts the SDK's pointer.
		if err := c.enter(); err != nil {
			return err
		}
		defer c.leave()
	}
	if l.at != nil {
		l.at(dv, x)
		return nil
	}
	return l.set(valueAt(l.pg, dv), x)
}

// tokenLeaf reports whether FromSDK converts a token of the SDK's type
// sdk directly: a string or an integer, or a pointer to one.
func tokenLeaf(sdk reflect.Type) bool {
	k := deref(sdk).Kind()
	return k == reflect.String || isSigned(k)
}

// leafSetter returns the conversion of a value of the SDK's scalar type
// sdk (a pointer to base, or base) into pg, made for the pair of types
// as FromSDK's plan converts it, or nil where there is none and FromSDK's
// own conversion is used.
func leafSetter(pg, sdk, base reflect.Type) func(dv reflect.Value, x *scalar) error {
	if pg == tokenType {
		switch k := base.Kind(); {
		case k == reflect.String:
			return func(dv reflect.Value, x *scalar) error {
				*tokenPtr(dv) = paginate.StringToken(x.s)
				return nil
			}
		case isSigned(k):
			return func(dv reflect.Value, x *scalar) error {
				*tokenPtr(dv) = paginate.IntToken(x.i)
				return nil
			}
		}
		return nil
	}
	if pg == rawMessageType || pg.Kind() == reflect.Interface {
		return nil
	}
	var set func(dv reflect.Value, x *scalar) error
	pbase := pg
	switch {
	case pg == sdk:
		// FromSDK copies the value, or shares the pointer: a new one
		// that holds the value is equal to it.
		pbase, set = base, baseSetter(base, base)
	case pg.Kind() == reflect.Pointer:
		pbase, set = pg.Elem(), baseSetter(pg.Elem(), base)
	default:
		return baseSetter(pg, base)
	}
	if set == nil || pg.Kind() != reflect.Pointer {
		return set
	}
	if isBytes(base) {
		return nil
	}
	blank := blankNumber(pbase, base)
	return func(dv reflect.Value, x *scalar) error {
		if blank && x.s == "" {
			return nil
		}
		p := reflect.New(pbase)
		if err := set(p.Elem(), x); err != nil {
			return err
		}
		dv.Set(p)
		return nil
	}
}

// baseSetter returns the conversion of a value of the SDK's type sdk into
// pg, neither a pointer, as FromSDK's plan makes it, or nil.
func baseSetter(pg, sdk reflect.Type) func(dv reflect.Value, x *scalar) error {
	if pg.Kind() == reflect.Pointer || pg == tokenType {
		return nil
	}
	dk, sk := pg.Kind(), sdk.Kind()
	switch {
	case pg == sdk && sdk == timeType:
		return func(dv reflect.Value, x *scalar) error {
			dv.Set(reflect.ValueOf(&x.t).Elem())
			return nil
		}
	case dk == reflect.String && sk == reflect.String:
		return func(dv reflect.Value, x *scalar) error {
			dv.SetString(x.s)
			return nil
		}
	case isInteger(dk) && isSigned(sk):
		return func(dv reflect.Value, x *scalar) error { return setInt(dv, x.i) }
	case dk == reflect.Float64 && isFloat(sk):
		return func(dv reflect.Value, x *scalar) error {
			dv.SetFloat(x.f)
			return nil
		}
	case dk == reflect.Float32 && isFloat(sk):
		return func(dv reflect.Value, x *scalar) error { return setFloat(dv, x.f) }
	case dk == reflect.String && isSigned(sk):
		return func(dv reflect.Value, x *scalar) error {
			dv.SetString(strconv.FormatInt(x.i, 10))
			return nil
		}
	case dk == reflect.String && isFloat(sk):
		bits := sdk.Bits()
		return func(dv reflect.Value, x *scalar) error {
			dv.SetString(strconv.FormatFloat(x.f, 'g', -1, bits))
			return nil
		}
	case sk == reflect.String && (isInteger(dk) || isFloat(dk)):
		return func(dv reflect.Value, x *scalar) error { return setNumber(dv, x.s) }
	case dk == reflect.Bool && sk == reflect.Bool:
		return func(dv reflect.Value, x *scalar) error {
			dv.SetBool(x.b)
			return nil
		}
	case isBytes(pg) && isBytes(sdk):
		return func(dv reflect.Value, x *scalar) error {
			if x.blob != nil {
				dv.SetBytes(x.blob)
			}
			return nil
		}
	}
	return nil
}

// leafAt returns the conversion of a value of the SDK's scalar type sdk
// (a pointer to base, or base) into pg at its address, for the pairs of
// types that FromSDK converts with no error and no change: between string
// types, bool types, from any integer into an int64 type, from any float
// into a float64 type, between blobs and between timestamps, each into
// the type or a pointer to it, and from a string into a token. It
// returns nil for the others.
func leafAt(pg, sdk, base reflect.Type) func(p unsafe.Pointer, x *scalar) {
	if pg == tokenType {
		if base.Kind() != reflect.String {
			return nil
		}
		return func(p unsafe.Pointer, x *scalar) { *(*paginate.Token)(p) = paginate.StringToken(x.s) }
	}
	ptr := pg.Kind() == reflect.Pointer
	pb := pg
	if ptr {
		pb = pg.Elem()
	}
	if pb.Kind() == reflect.Pointer || pb == tokenType || pb == rawMessageType {
		return nil
	}
	dk, sk := pb.Kind(), base.Kind()
	switch {
	case pb == timeType && base == timeType:
		if ptr {
			return func(p unsafe.Pointer, x *scalar) { *(**time.Time)(p) = new(x.t) }
		}
		return func(p unsafe.Pointer, x *scalar) { *(*time.Time)(p) = x.t }
	case dk == reflect.String && sk == reflect.String:
		if ptr {
			return func(p unsafe.Pointer, x *scalar) { *(**string)(p) = new(x.s) }
		}
		return func(p unsafe.Pointer, x *scalar) { *(*string)(p) = x.s }
	case dk == reflect.Bool && sk == reflect.Bool:
		if ptr {
			return func(p unsafe.Pointer, x *scalar) { *(**bool)(p) = new(x.b) }
		}
		return func(p unsafe.Pointer, x *scalar) { *(*bool)(p) = x.b }
	case dk == reflect.Int64 && isSigned(sk):
		if ptr {
			return func(p unsafe.Pointer, x *scalar) { *(**int64)(p) = new(x.i) }
		}
		return func(p unsafe.Pointer, x *scalar) { *(*int64)(p) = x.i }
	case dk == reflect.Float64 && isFloat(sk):
		if ptr {
			return func(p unsafe.Pointer, x *scalar) { *(**float64)(p) = new(x.f) }
		}
		return func(p unsafe.Pointer, x *scalar) { *(*float64)(p) = x.f }
	case !ptr && isBytes(pb) && isBytes(base):
		return func(p unsafe.Pointer, x *scalar) {
			if x.blob != nil {
				*(*[]byte)(p) = x.blob
			}
		}
	}
	return nil
}
