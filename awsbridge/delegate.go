package awsbridge

import (
	"reflect"

	"github.com/aws/smithy-go"
)

// delegate reads a member of a struct through the SDK's own Deserialize
// of the struct, into a new SDK struct that holds the member alone, and
// converts the member's field as FromSDK does: the direct path's way for
// the members that no exact decoding plan covers (documents, tokens that
// are not strings or integers, members whose pagegen and SDK types FromSDK
// does not convert directly), and for those the pagegen struct has no
// field for.
type delegate struct {
	sdk reflect.Type // the SDK struct
	// field is the index in dstruct.fields of the member's conversion,
	// or -1 when the member is read and dropped.
	field int
	// keepZero is set when a zero SDK field, once read, means that the
	// SDK left the member as it was (keepsZero).
	keepZero bool
	// wire is the name of a map token of the operation's output, whose
	// keys keep the order in which the response lists them; else "".
	wire string
}

// decode reads the member ms of the struct p that d is reading, and
// converts it into its field of dv. It reports whether it changed the
// field.
func (g *delegate) decode(d smithy.ShapeDeserializer, ms *smithy.Schema, dv reflect.Value, p *dstruct, c *conv) (changed bool, convErr, readErr error) {
	sv := reflect.New(g.sdk)
	var r smithy.ShapeDeserializer = &memberReader{ShapeDeserializer: d, member: ms}
	var order *keyOrder
	if g.wire != "" {
		order = &keyOrder{members: []string{g.wire}, keys: make([][]string, 1)}
		r = &orderRecorder{d: r, order: order, pending: -1, recording: -1}
	}
	if err := sv.Interface().(smithy.Deserializable).Deserialize(r); err != nil {
		return false, nil, err
	}
	if g.field < 0 {
		return false, nil, nil
	}
	f := &p.fields[g.field]
	s := sv.Elem().Field(f.src)
	if g.keepZero && s.IsZero() {
		return false, nil, nil
	}
	fv := dv.Field(f.dst)
	fv.SetZero()
	if !f.always && s.IsZero() {
		return true, nil, nil
	}
	saved := c.order
	c.order = order
	defer func() { c.order = saved }()
	return true, f.fn(fv, s, c), nil
}

// memberReader is a smithy.ShapeDeserializer that shows an SDK struct's
// Deserialize a struct of one member, member, which the deserializer it
// wraps is about to read the value of: the first ReadStruct opens nothing,
// the first ReadStructMember at the top returns member and the next one
// ends the struct; every other call goes to the wrapped deserializer.
type memberReader struct {
	smithy.ShapeDeserializer
	member *smithy.Schema
	opened bool // the first ReadStruct was called
	given  bool // member was returned
	depth  int  // the structs open below the member
}

func (r *memberReader) ReadStruct(s *smithy.Schema) error {
	if !r.opened {
		r.opened = true
		return nil
	}
	if err := r.ShapeDeserializer.ReadStruct(s); err != nil {
		return err
	}
	r.depth++
	return nil
}

func (r *memberReader) ReadStructMember() (*smithy.Schema, error) {
	if r.depth > 0 {
		m, err := r.ShapeDeserializer.ReadStructMember()
		if m == nil && err == nil {
			r.depth--
		}
		return m, err
	}
	if !r.given {
		r.given = true
		return r.member, nil
	}
	return nil, nil
}
